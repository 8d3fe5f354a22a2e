// Cases in the other modules' hooks (src/cases/links.cc): a permit of stay about to expire is a
// task for the case workers keeping the case, and for nobody else; duplicates find a person by
// an identity document's number written differently; a person merge moves the case to the
// record kept and an unmerge moves it back; two cases of one organisation are joined, two of
// different organisations are not merged.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createCentre } from '../centres/fixture.mjs';
import { pdfBytes, uploaded } from '../documents/fixture.mjs';
import { createPerson } from '../people/fixture.mjs';
import { place } from '../reception/placements/fixture.mjs';
import { api, createUser, expectError, expectStatus, findOrganization, login, loginDemo } from '../support/client.mjs';
import { addDays, daysAgo } from '../support/days.mjs';
import { openCase } from './fixture.mjs';

let admin, officer, worker, otherWorker;

before(async () => {
  [admin, officer, worker] = await Promise.all(['admin', 'prefecture_officer', 'case_worker'].map((r) => loginDemo(r)));
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  const made = await createUser(admin, { organizationId: ponte.id, role: 'case_worker' });
  otherWorker = await login(made.email, made.password);
});

const sessions = () => ({ admin, officer, worker });

// Every task of the caller, page after page (the demo's case worker has more than one page).
async function allTasks(session) {
  const all = [];
  for (let page = 1; ; page += 1) {
    const { items } = expectStatus(await api('GET', `/tasks?per_page=100&page=${page}`, { session }), 200);
    all.push(...items);
    if (items.length < 100) return all;
  }
}

test('a permit of stay expiring within 60 days is a task of the case workers keeping the case', async () => {
  const { case: c } = await openCase(sessions());
  const expiry = addDays(daysAgo(0), 20);
  expectStatus(
    await api('POST', `/cases/${c.id}/documents`, { session: worker, body: { type: 'permit_of_stay', number: `PS${c.id}`, expires_on: expiry } }),
    201,
  );
  // A passport expiring as soon raises no task: the rule is about permits of stay.
  expectStatus(await api('POST', `/cases/${c.id}/documents`, { session: worker, body: { type: 'passport', number: `PP${c.id}`, expires_on: expiry } }), 201);
  const mine = (await allTasks(worker)).filter((t) => t.link === `/cases/${c.id}` && t.kind !== 'screening_due');
  assert.equal(mine.length, 1);
  assert.equal(mine[0].kind, 'permit_expiring');
  assert.equal(mine[0].due, expiry);
  assert.equal(mine[0].overdue, false);
  assert.deepEqual(Object.keys(mine[0].params).sort(), ['case', 'expires_on'], 'no name in a task');
  assert.ok(!(await allTasks(otherWorker)).some((t) => t.link === `/cases/${c.id}`), 'another operator has no task of the case');
  assert.ok(!(await allTasks(officer)).some((t) => t.kind === 'permit_expiring'), 'the officer keeps no case');
});

test('duplicates find the holder of an identity document written differently', async () => {
  const { person, case: c } = await openCase(sessions());
  expectStatus(await api('POST', `/cases/${c.id}/documents`, { session: worker, body: { type: 'passport', number: `ya ${c.id}-77`, expires_on: addDays(daysAgo(0), 900) } }), 201);
  const found = expectStatus(await api('GET', `/persons/duplicates?document_number=YA${c.id}77`, { session: officer }), 200).items;
  const hit = found.find((x) => x.person.id === person.id);
  assert.ok(hit, 'the holder is a candidate');
  assert.ok(hit.reasons.includes('same_document'));
});

test('a merge moves the case to the record kept; an unmerge moves it back', async () => {
  const { person: first, case: c } = await openCase(sessions());
  expectStatus(await api('POST', '/placements/exits', { session: officer, body: { person_ids: [first.id], date: daysAgo(25), reason: 'left_voluntarily' } }), 201);
  // A second record with no case and no stay: merging the first into it carries the case along.
  const second = await createPerson(officer);
  const merge = expectStatus(await api('POST', '/person-merges', { session: officer, body: { kept_id: second.id, merged_id: first.id, reason: 'same person, two records' } }), 201);
  assert.deepEqual(merge.moved.find((m) => m.kind === 'cases')?.ids, [c.id]);
  assert.equal(expectStatus(await api('GET', `/cases/${c.id}`, { session: worker }), 200).person.id, second.id);
  expectStatus(await api('POST', `/person-merges/${merge.id}/unmerge`, { session: officer, body: { reason: 'two different persons after all' } }), 200);
  assert.equal(expectStatus(await api('GET', `/cases/${c.id}`, { session: worker }), 200).person.id, first.id);
});

// Two records of one person that both have a case of the same organisation: the merged
// record's case is joined into the kept one (src/cases/joins.h) and closed; the unmerge gives
// back exactly what moved and reopens it. Flags of one category that the join made two are one
// active flag again, until the unmerge.
test('a merge joins two cases of one organisation: documents, notes, attachments and flags move; an unmerge gives them back', async () => {
  const { person: first, centre, case: joined } = await openCase(sessions());
  const note = expectStatus(await api('POST', `/cases/${joined.id}/notes`, { session: worker, body: { sensitivity: 'sensitive', text: 'Racconta il viaggio' } }), 201).notes.find((n) => n.text === 'Racconta il viaggio');
  expectStatus(await api('POST', `/cases/${joined.id}/documents`, { session: worker, body: { type: 'passport', number: `JN${joined.id}`, expires_on: addDays(daysAgo(0), 400) } }), 201);
  const doc = await uploaded(worker, pdfBytes(`decreto ${joined.id}`), { filename: 'decreto.pdf' });
  expectStatus(await api('POST', `/cases/${joined.id}/attachments`, { session: worker, body: { document_ids: [doc.id] } }), 201);
  const addFlag = async (c, body) => {
    const screening = expectStatus(await api('POST', `/cases/${c.id}/vulnerability-flags`, { session: worker, body }), 201);
    return screening.flags.find((f) => f.category === body.category && f.status === 'active');
  };
  await addFlag(joined, { category: 'disability', severity: 'low', note: 'usa una stampella' });
  const severe = await addFlag(joined, { category: 'trafficking_victim', severity: 'high', note: 'indicatori di tratta' });
  expectStatus(await api('POST', '/placements/exits', { session: officer, body: { person_ids: [first.id], date: daysAgo(25), reason: 'left_voluntarily' } }), 201);
  const second = await createPerson(officer);
  await place(officer, [second], centre, 'single_women', daysAgo(10));
  const kept = expectStatus(await api('POST', '/cases', { session: worker, body: { person_id: second.id } }), 201);
  const milder = await addFlag(kept, { category: 'trafficking_victim', severity: 'medium', note: 'racconto del viaggio' });

  const merge = expectStatus(await api('POST', '/person-merges', { session: officer, body: { kept_id: second.id, merged_id: first.id, reason: 'same person, two records' } }), 201);
  const kinds = Object.fromEntries(merge.moved.filter((m) => m.module === 'cases').map((m) => [m.kind, m.ids]));
  assert.deepEqual(kinds.closed_cases, [joined.id]);
  assert.equal(kinds.case_notes?.length, 1);
  assert.deepEqual(kinds.case_attachments, [doc.id]);
  assert.equal(kinds.vulnerability_flags?.length, 2);
  assert.equal(kinds.vulnerability_flag_join_withdrawals?.length, 1);
  const after = expectStatus(await api('GET', `/cases/${kept.id}`, { session: worker }), 200);
  assert.ok(after.documents.some((d) => d.number === `JN${joined.id}`), 'the document moved');
  assert.ok(after.notes.some((n) => n.id === note.id), 'the note moved');
  assert.deepEqual(after.attachments.map((a) => a.id), [doc.id], 'the attachment moved');
  const flags = expectStatus(await api('GET', `/cases/${kept.id}/screening`, { session: worker }), 200).flags;
  assert.ok(flags.some((f) => f.category === 'disability' && f.status === 'active'), 'the flag moved');
  // One active trafficking flag: the more severe; the other withdrawn by the merge, its reason
  // naming the flag it duplicates, by the officer who merged.
  assert.deepEqual(flags.filter((f) => f.category === 'trafficking_victim' && f.status === 'active').map((f) => f.id), [severe.id]);
  const withdrawn = flags.find((f) => f.id === milder.id);
  assert.equal(withdrawn.status, 'withdrawn');
  assert.equal(withdrawn.changes.length, 1);
  assert.equal(withdrawn.changes[0].kind, 'withdrawal');
  assert.equal(withdrawn.changes[0].reason, `withdrawn by the person merge as a duplicate of flag ${severe.id}`);
  assert.equal(withdrawn.changes[0].changed_by_name, officer.user.display_name);
  // The join reads the clock within the merge's transaction: the merge's second, or the next
  // when one ticks over meanwhile (people's move hook carries no time).
  const lag = Date.parse(withdrawn.changes[0].changed_at) - Date.parse(merge.merged_at);
  assert.ok(lag >= 0 && lag <= 1000, `withdrawn at the merge's time (${lag} ms after)`);
  const listed = expectStatus(await api('GET', `/cases?vulnerability=trafficking_victim&q=${encodeURIComponent(second.family_name)}`, { session: worker }), 200).items;
  assert.deepEqual(listed.map((c) => c.id).filter((id) => id === kept.id || id === joined.id), [kept.id]);
  const closed = expectStatus(await api('GET', `/cases/${joined.id}`, { session: worker }), 200);
  assert.equal(closed.status, 'closed');
  assert.equal(closed.history.at(-1).reason, 'merged');
  assert.equal(closed.documents.length, 0);
  assert.equal(closed.attachments.length, 0);
  // The reason is the merge's: a user cannot close a case with it.
  expectError(await api('POST', `/cases/${kept.id}/status-changes`, { session: worker, body: { status: 'closed', reason: 'merged' } }), 400, 'validation_failed', ['reason']);

  expectStatus(await api('POST', `/person-merges/${merge.id}/unmerge`, { session: officer, body: { reason: 'two different persons after all' } }), 200);
  const back = expectStatus(await api('GET', `/cases/${joined.id}`, { session: worker }), 200);
  assert.equal(back.status, 'reopened');
  assert.ok(back.documents.some((d) => d.number === `JN${joined.id}`));
  assert.ok(back.notes.some((n) => n.id === note.id));
  const keptAgain = expectStatus(await api('GET', `/cases/${kept.id}`, { session: worker }), 200);
  assert.ok(!keptAgain.notes.some((n) => n.id === note.id));
  assert.deepEqual(back.attachments.map((a) => a.id), [doc.id], 'the attachment is back');
  assert.equal(keptAgain.attachments.length, 0);
  const flagsBack = expectStatus(await api('GET', `/cases/${joined.id}/screening`, { session: worker }), 200);
  assert.ok(flagsBack.flags.some((f) => f.category === 'disability'));
  assert.ok(flagsBack.flags.some((f) => f.id === severe.id && f.status === 'active'));
  const keptFlags = expectStatus(await api('GET', `/cases/${kept.id}/screening`, { session: worker }), 200).flags;
  const reactivated = keptFlags.find((f) => f.id === milder.id);
  assert.equal(reactivated.status, 'active', 'the withdrawn duplicate is active again');
  assert.deepEqual(reactivated.changes, [], 'and its withdrawal is gone with the merge');
});

test('two records whose cases two organisations keep are not merged, and nothing changes', async () => {
  const { person: first, case: c } = await openCase(sessions());
  expectStatus(await api('POST', '/placements/exits', { session: officer, body: { person_ids: [first.id], date: daysAgo(25), reason: 'left_voluntarily' } }), 201);
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  const ponteCentre = await createCentre(officer, { operator_id: ponte.id, places_single_women: 5 });
  const second = await createPerson(officer);
  await place(officer, [second], ponteCentre, 'single_women', daysAgo(10));
  const other = expectStatus(await api('POST', '/cases', { session: otherWorker, body: { person_id: second.id } }), 201);
  const refused = { kept_id: second.id, merged_id: first.id, reason: 'same person, two records' };
  expectError(await api('POST', '/person-merges', { session: officer, body: refused }), 409, 'cases_of_two_organizations', ['merged_id']);
  assert.equal(expectStatus(await api('GET', `/cases/${other.id}`, { session: otherWorker }), 200).person.id, second.id, 'nothing changed');
  assert.equal(expectStatus(await api('GET', `/cases/${c.id}`, { session: worker }), 200).status, 'open');
});
