// Integration agreements and the temporary protection contribution over HTTP (decision 0042):
// the SUI records a signed agreement (16 credits) and its ledger, whose balance and outcome come
// explained line by line; entries are never changed (a correction voids one with a reason); the
// verification records the outcome or extends the agreement by a year; a loss of every credit or
// an exemption closes it. The Prefettura reads; a case worker reads only the agreements of the
// people they follow; analysts nothing. The contribution reads the family's placements.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, findOrganization, loginDemo } from '../support/client.mjs';
import { addDays, daysAgo } from '../support/days.mjs';
import { createFamilyGroup, createPerson } from '../people/fixture.mjs';
import { createCentre } from '../centres/fixture.mjs';
import { place } from '../reception/placements/fixture.mjs';
import { openCase } from '../cases/fixture.mjs';

let admin, officer, worker, sui, analyst;

before(async () => {
  [admin, officer, worker, sui, analyst] = await Promise.all(
    ['admin', 'prefecture_officer', 'case_worker', 'sui_officer', 'analyst'].map(loginDemo),
  );
});

async function sign(signedOn, person) {
  const who = person ?? (await createPerson(officer));
  const body = { person_id: who.id, signed_on: signedOn };
  return { person: who, agreement: expectStatus(await api('POST', '/integration-agreements', { session: sui, body }), 201) };
}

const addEntry = (agreement, body, session = sui) =>
  api('POST', `/integration-agreements/${agreement.id}/entries`, { session, body });

test('a signed agreement starts at 16 credits; a2 and civic knowledge make 49: fulfilled with benefits, then recorded', async () => {
  // Signed 720 days ago: it expires 24 months after, so the verification window (one month
  // before expiry) is open today.
  const { agreement } = await sign(daysAgo(720));
  assert.equal(agreement.credits, 16);
  assert.equal(agreement.explanation[0].code, 'signature');
  assert.equal(agreement.entries.length, 1);
  assert.ok(agreement.verification_from <= daysAgo(0) && daysAgo(0) < agreement.expires_on);
  expectStatus(await addEntry(agreement, { kind: 'italian_level', on: daysAgo(300), level: 'a2', note: 'CPIA cert. 123' }), 201);
  const done = expectStatus(await addEntry(agreement, { kind: 'civic_knowledge', on: daysAgo(200), level: 'good' }), 201);
  assert.equal(done.credits, 49);
  assert.equal(done.outcome, 'fulfilled_with_benefits');
  assert.deepEqual(done.explanation.map((l) => [l.code, l.credits, l.balance]), [
    ['signature', 16, 16],
    ['italian_level', 24, 40],
    ['civic_knowledge', 9, 49],
    ['outcome_fulfilled_benefits', 0, 49],
  ]);
  const verified = expectStatus(await api('POST', `/integration-agreements/${agreement.id}/verification`, { session: sui, body: { verified_on: daysAgo(0) } }), 200);
  assert.equal(verified.recorded_outcome, 'fulfilled_with_benefits');
  expectError(await addEntry(agreement, { kind: 'course', on: daysAgo(0), level: 'hours80' }), 409, 'agreement_closed', ['id']);
  const read = expectStatus(await api('GET', `/integration-agreements/${agreement.id}`, { session: officer }), 200);
  assert.equal(read.recorded_outcome, 'fulfilled_with_benefits');
});

test('a correction voids an entry with a reason; bad entries name the field and store nothing', async () => {
  const { agreement } = await sign(daysAgo(400));
  const wrong = expectStatus(await addEntry(agreement, { kind: 'italian_level', on: daysAgo(100), level: 'b1' }), 201);
  assert.equal(wrong.credits, 16 + 28);
  const wrongId = wrong.entries.at(-1).id;
  expectError(await addEntry(agreement, { kind: 'correction', on: daysAgo(1), corrects: wrongId }), 422, 'validation_failed', ['note']);
  expectError(await addEntry(agreement, { kind: 'italian_level', on: daysAgo(1), level: 'c3' }), 422, 'validation_failed', ['level']);
  expectError(await addEntry(agreement, { kind: 'loss', on: daysAgo(1), level: 'parking_ticket' }), 422, 'validation_failed', ['level']);
  expectError(await addEntry(agreement, { kind: 'course', on: addDays(daysAgo(0), 1), level: 'hours80' }), 422, 'validation_failed', ['on']);
  expectError(await addEntry(agreement, { kind: 'course', on: daysAgo(500), level: 'hours80' }), 422, 'validation_failed', ['on']);
  expectError(await addEntry(agreement, { kind: 'signature', on: daysAgo(1) }), 400, 'validation_failed', ['kind']);
  expectError(await addEntry(agreement, { kind: 'correction', on: daysAgo(1), corrects: 99999999, note: 'x' }), 422, 'validation_failed', ['corrects']);
  const fixed = expectStatus(await addEntry(agreement, { kind: 'correction', on: daysAgo(1), corrects: wrongId, note: 'the certificate says A2' }), 201);
  assert.equal(fixed.credits, 16);
  assert.equal(fixed.entries.length, 3, 'nothing deleted: the wrong entry stays, voided');
  assert.ok(fixed.explanation.some((l) => l.code === 'voided' && l.entry_id === wrongId));
  expectError(await addEntry(agreement, { kind: 'correction', on: daysAgo(1), corrects: wrongId, note: 'again' }), 422, 'not_correctable', ['corrects']);
  // Too early to verify: the window opens one month before expiry.
  expectError(await api('POST', `/integration-agreements/${agreement.id}/verification`, { session: sui, body: { verified_on: daysAgo(0) } }), 409, 'verification_not_open', ['verified_on']);
});

test('a person has one running agreement; a loss of every credit terminates it; an exemption closes it', async () => {
  const { person, agreement } = await sign(daysAgo(100));
  expectError(await api('POST', '/integration-agreements', { session: sui, body: { person_id: person.id, signed_on: daysAgo(50) } }), 409, 'agreement_running', ['person_id']);
  const lost = expectStatus(await addEntry(agreement, { kind: 'loss', on: daysAgo(10), level: 'custodial_3y', note: 'sentence n. 1/2026' }), 201);
  assert.equal(lost.credits, 16 - 25);
  assert.equal(lost.outcome, 'terminated');
  assert.equal(lost.recorded_outcome, 'terminated');
  const other = await sign(daysAgo(100));
  const exempt = expectStatus(await addEntry(other.agreement, { kind: 'exemption', on: daysAgo(5), level: 'asylum_protection' }), 201);
  assert.equal(exempt.recorded_outcome, 'exempt');
  expectError(await api('POST', '/integration-agreements', { session: sui, body: { person_id: 99999999, signed_on: daysAgo(5) } }), 422, 'validation_failed', ['person_id']);
});

test('a missed civic session and too few credits: the verification extends the agreement by a year', async () => {
  const { agreement } = await sign(daysAgo(720));
  expectStatus(await addEntry(agreement, { kind: 'civic_session_missed', on: daysAgo(650) }), 201);
  const before = expectStatus(await addEntry(agreement, { kind: 'italian_level', on: daysAgo(300), level: 'a2', spoken_only: true }), 201);
  assert.equal(before.credits, 16 - 15 + 20);
  assert.equal(before.outcome, 'extension');
  assert.ok(before.explanation.some((l) => l.code === 'missing_civic_knowledge'));
  const extended = expectStatus(await api('POST', `/integration-agreements/${agreement.id}/verification`, { session: sui, body: { verified_on: daysAgo(0) } }), 200);
  assert.equal(extended.recorded_outcome, null);
  assert.equal(extended.entries.at(-1).kind, 'extension');
  assert.ok(extended.expires_on > before.expires_on);
  assert.equal(extended.outcome, 'pending');
  // The verification task lists agreements in their window, named by number, not by person.
  const tasks = expectStatus(await api('GET', '/tasks?kind=integration_agreement_verification&per_page=100', { session: sui }), 200);
  assert.ok(tasks.items.every((t) => t.link.startsWith('/integration-agreements/') && !JSON.stringify(t.params).includes('Test')));
});

test('the Prefettura reads, a case worker reads only the people they follow, analysts nothing', async () => {
  const followed = await openCase({ admin, officer, worker });
  const mine = (await sign(daysAgo(30), followed.person)).agreement;
  const theirs = (await sign(daysAgo(30))).agreement;
  expectStatus(await api('GET', `/integration-agreements/${theirs.id}`, { session: officer }), 200);
  // Not yet assigned to the case: as missing; assigned: readable.
  expectError(await api('GET', `/integration-agreements/${mine.id}`, { session: worker }), 404, 'not_found');
  expectStatus(await api('POST', `/cases/${followed.case.id}/workers`, { session: worker, body: { user_id: worker.user.id } }), 201);
  expectStatus(await api('GET', `/integration-agreements/${mine.id}`, { session: worker }), 200);
  expectError(await api('GET', `/integration-agreements/${theirs.id}`, { session: worker }), 404, 'not_found');
  const list = expectStatus(await api('GET', '/integration-agreements?per_page=100', { session: worker }), 200);
  assert.ok(list.items.some((a) => a.id === mine.id));
  assert.ok(!list.items.some((a) => a.id === theirs.id));
  expectError(await addEntry(mine, { kind: 'course', on: daysAgo(1), level: 'hours80' }, worker), 403, 'forbidden');
  expectError(await addEntry(mine, { kind: 'course', on: daysAgo(1), level: 'hours80' }, officer), 403, 'forbidden');
  expectError(await api('GET', '/integration-agreements', { session: analyst }), 403, 'forbidden');
  expectError(await api('GET', '/integration-agreements/99999999', { session: sui }), 404, 'not_found');
});

test('the contribution: a mother leaving a centre is paid from her exit day; her child at the child rate', async () => {
  const group = await createFamilyGroup(officer);
  const mother = await createPerson(officer, { family_group_id: group.id, nationality: 'UA', birth_date: '1988-04-04' });
  const child = await createPerson(officer, { family_group_id: group.id, nationality: 'UA', birth_date: '2016-09-09', given_names: 'Olha' });
  const operator = await findOrganization(admin, 'Cooperativa Sociale Approdo (demo)');
  const centre = await createCentre(officer, { operator_id: operator.id });
  await place(officer, [mother], centre, 'single_women', daysAgo(60));
  expectStatus(await api('POST', '/placements/exits', { session: officer, body: { person_ids: [mother.id], date: daysAgo(25), reason: 'left_voluntarily' } }), 201);
  const application = daysAgo(40);
  const got = expectStatus(await api('GET', `/persons/${mother.id}/temporary-protection-contribution?application_date=${application}`, { session: sui }), 200);
  assert.equal(got.application_source, 'query');
  assert.equal(got.adult_cents_per_month, 30000);
  assert.equal(got.child_cents_per_month, 15000);
  assert.deepEqual(got.members.map((m) => m.id).sort(), [mother.id, child.id].sort());
  const of = (who) => got.lines.filter((l) => l.person_id === who.id);
  assert.equal(of(mother).length, 3);
  // In the centre from 40 days ago to the day before the exit (25 days ago): 15 days unpaid.
  assert.equal(of(mother).reduce((n, l) => n + l.reception_days, 0), 15);
  assert.equal(of(child).reduce((n, l) => n + l.reception_days, 0), 0);
  assert.ok(of(child).every((l) => l.notes.includes('child_rate') && l.adult_days === 0));
  assert.equal(of(child).reduce((n, l) => n + l.amount_cents, 0), 45000);
  assert.ok(of(mother).reduce((n, l) => n + l.amount_cents, 0) < 90000);
  assert.equal(got.total_cents, got.members.reduce((n, m) => n + m.total_cents, 0));
  expectStatus(await api('GET', `/persons/${mother.id}/temporary-protection-contribution?application_date=${application}`, { session: officer }), 200);
  expectError(await api('GET', `/persons/${mother.id}/temporary-protection-contribution`, { session: sui }), 422, 'validation_failed', ['application_date']);
  expectError(await api('GET', `/persons/${mother.id}/temporary-protection-contribution?application_date=2020-01-01`, { session: sui }), 422, 'validation_failed', ['application_date']);
  for (const session of [worker, analyst, admin])
    expectError(await api('GET', `/persons/${mother.id}/temporary-protection-contribution?application_date=${application}`, { session }), 403, 'forbidden');
  expectError(await api('GET', `/persons/99999999/temporary-protection-contribution?application_date=${application}`, { session: sui }), 404, 'not_found');
});

test('a merge moves the agreement to the record kept and an unmerge moves it back; two running ones are refused', async () => {
  const { person: first, agreement } = await sign(daysAgo(30));
  const second = await createPerson(officer);
  const { person: third } = await sign(daysAgo(20));
  const refused = { kept_id: third.id, merged_id: first.id, reason: 'same person, two records' };
  expectError(await api('POST', '/person-merges', { session: officer, body: refused }), 409, 'agreement_running', ['merged_id']);
  const merge = expectStatus(await api('POST', '/person-merges', { session: officer, body: { kept_id: second.id, merged_id: first.id, reason: 'same person, two records' } }), 201);
  assert.equal(expectStatus(await api('GET', `/integration-agreements/${agreement.id}`, { session: sui }), 200).person_id, second.id);
  expectStatus(await api('POST', `/person-merges/${merge.id}/unmerge`, { session: officer, body: { reason: 'two different persons after all' } }), 200);
  assert.equal(expectStatus(await api('GET', `/integration-agreements/${agreement.id}`, { session: sui }), 200).person_id, first.id);
});
