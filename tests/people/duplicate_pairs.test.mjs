// The queue of likely duplicate pairs (decision 0026, "The queue of pairs"): pairs found by a
// shared name key and birth year, or a shared document number, scored as candidates are, best
// first; a pair marked "not the same person" leaves the queue and comes back when that is undone
// (recorded, audited); a merge takes the pair out, an unmerge puts it back; a correction
// recomputes it; a case worker sees only pairs of its own guests and cannot dismiss.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createCentre } from '../centres/fixture.mjs';
import { openCase } from '../cases/fixture.mjs';
import { arrive } from '../reception/placements/fixture.mjs';
import { api, expectError, expectStatus, loginDemo, uniqueSuffix } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';
import { createPerson } from './fixture.mjs';

let admin;
let officer;
let caseWorker;
let ownOrgId;

before(async () => {
  [admin, officer, caseWorker] = await Promise.all(['admin', 'prefecture_officer', 'case_worker'].map((r) => loginDemo(r)));
  const me = expectStatus(await api('GET', '/auth/me', { session: caseWorker }), 200);
  ownOrgId = (me.user ?? me).organization?.id ?? (me.user ?? me).organization_id;
});

// A family name nobody else bears, of letters only (keys are made of consonants).
function family() {
  const letters = 'bcdfgklmnprstvz';
  let out = '';
  for (const d of uniqueSuffix().replace(/[^0-9a-z]/gi, '')) out += letters[parseInt(d, 36) % letters.length] + 'a';
  return `Q${out}`;
}

// Every pair of the queue the session reads, page after page, checking the order on the way.
async function queue(session = officer) {
  const all = [];
  for (let page = 1; ; page++) {
    const body = expectStatus(await api('GET', `/persons/duplicate-pairs?per_page=100&page=${page}`, { session }), 200);
    all.push(...body.items);
    if (all.length >= body.total || !body.items.length) break;
  }
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].score >= all[i].score, 'best first');
  for (const p of all) assert.ok(p.first.id < p.second.id, 'the lower id first');
  return all;
}

const pairOf = (items, a, b) => items.find((p) => p.first.id === Math.min(a.id, b.id) && p.second.id === Math.max(a.id, b.id));

test('duplicate pairs: spellings and reversed names born the same day are queued with their reasons; namesakes of another date are not', async () => {
  const f = family();
  const mohamed = await createPerson(officer, { family_name: f, given_names: 'Mohamed', birth_date: '1994-03-12', nationality: 'EG' });
  const muhammad = await createPerson(officer, { family_name: f, given_names: 'Muhammad', birth_date: '1994-03-12', nationality: 'EG' });
  const namesake = await createPerson(officer, { family_name: f, given_names: 'Muhammad', birth_date: '2010-03-12', nationality: 'EG' });
  const aminata = await createPerson(officer, { family_name: `${f}é`, given_names: 'Aminata', birth_date: '2003-08-14', nationality: 'ML' });
  const estimated = await createPerson(officer, { family_name: `${f}e`, given_names: 'Aminata', birth_date: '2003-01-01', birth_date_estimated: true, nationality: 'ML' });
  // Reversed names, as written at a landing.
  const reversed = await createPerson(officer, { family_name: 'Mohamed', given_names: f, birth_date: '1994-03-12', nationality: 'EG' });

  const items = await queue();
  const spelling = pairOf(items, mohamed, muhammad);
  assert.ok(spelling, 'Mohamed and Muhammad born the same day');
  assert.deepEqual(spelling.reasons, ['name_phonetic', 'birth_date_equal', 'nationality_equal']);
  assert.equal(spelling.first.family_name, f);
  assert.equal(pairOf(items, mohamed, namesake), undefined, 'a namesake born 16 years later');
  assert.equal(pairOf(items, muhammad, namesake), undefined);
  // A birth year in common is not enough for the queue (namesakes of one year are many); the
  // review page of either still lists the other.
  assert.equal(pairOf(items, aminata, estimated), undefined);
  assert.ok(pairOf(items, reversed, mohamed)?.reasons.includes('name_reversed'));
});

test('duplicate pairs: the demo pairs are queued', async () => {
  const items = await queue();
  const names = items.map((p) => `${p.first.family_name}/${p.second.family_name}`);
  for (const [a, b] of [
    ['Hassan', 'Hasan'],
    ['Kovalenko', 'Kovalenko'],
    ['Diallo', 'Mamadou'],
    ['Okafor', 'Eze'],
  ])
    assert.ok(names.includes(`${a}/${b}`) || names.includes(`${b}/${a}`), `${a} and ${b}: ${names.slice(0, 20)}`);
  // A married and a maiden name: only the passport recorded on both cases tells them one person.
  const passport = items.find((p) => p.first.family_name === 'Okafor' && p.second.family_name === 'Eze');
  assert.deepEqual(passport.reasons, ['same_document', 'birth_date_equal', 'nationality_equal']);
});

test('duplicate pairs: "not the same person" leaves the queue, recorded and audited, and can be undone', async () => {
  const f = family();
  const a = await createPerson(officer, { family_name: f, given_names: 'Youssef', birth_date: '1999-07-02', nationality: 'MA' });
  const b = await createPerson(officer, { family_name: f, given_names: 'Yusuf', birth_date: '1999-07-02', nationality: 'MA' });
  assert.ok(pairOf(await queue(), a, b));

  const body = { person_id: b.id, other_id: a.id, reason: 'Brothers, twins: seen both at the Questura' };
  const dismissed = expectStatus(await api('POST', '/person-pair-dismissals', { session: officer, body }), 201);
  assert.equal(dismissed.first.id, a.id, 'stored as the pair, the lower id first');
  assert.equal(dismissed.second.id, b.id);
  assert.equal(dismissed.reason, body.reason);
  assert.equal(dismissed.undone_at, null);
  assert.equal(pairOf(await queue(), a, b), undefined, 'out of the queue');
  expectError(await api('POST', '/person-pair-dismissals', { session: officer, body }), 409, 'already_dismissed', ['other_id']);
  const active = expectStatus(await api('GET', '/person-pair-dismissals?active=true&per_page=100', { session: officer }), 200);
  assert.ok(active.items.some((d) => d.id === dismissed.id));
  const audit = expectStatus(await api('GET', `/audit?entity_type=person&entity_id=${a.id}`, { session: admin }), 200);
  assert.ok(JSON.stringify(audit).includes('persons.pair_dismiss'));

  const undone = expectStatus(await api('POST', `/person-pair-dismissals/${dismissed.id}/undo`, { session: officer, body: { reason: 'The twin was a mistake' } }), 200);
  assert.ok(undone.undone_at);
  assert.equal(undone.undo_reason, 'The twin was a mistake');
  assert.ok(pairOf(await queue(), a, b), 'queued again');
  expectError(await api('POST', `/person-pair-dismissals/${dismissed.id}/undo`, { session: officer, body: { reason: 'again' } }), 409, 'already_undone', ['id']);
  const activeNow = expectStatus(await api('GET', '/person-pair-dismissals?active=true&per_page=100', { session: officer }), 200);
  assert.ok(!activeNow.items.some((d) => d.id === dismissed.id));
  const everything = expectStatus(await api('GET', '/person-pair-dismissals?per_page=100', { session: officer }), 200);
  assert.ok(everything.items.some((d) => d.id === dismissed.id));
  // Dismissed again after the undo: a new record, the old one kept.
  const again = expectStatus(await api('POST', '/person-pair-dismissals', { session: officer, body }), 201);
  assert.notEqual(again.id, dismissed.id);
});

test('duplicate pairs: a merge takes the pair out, an unmerge puts it back; a correction recomputes it', async () => {
  const f = family();
  const kept = await createPerson(officer, { family_name: f, given_names: 'Oleksandr', birth_date: '1988-11-05', nationality: 'UA' });
  const merged = await createPerson(officer, { family_name: f, given_names: 'Alexander', birth_date: '1988-11-05', nationality: 'UA' });
  assert.ok(pairOf(await queue(), kept, merged));
  const merge = expectStatus(await api('POST', '/person-merges', { session: officer, body: { kept_id: kept.id, merged_id: merged.id, reason: 'Same CUI at the Questura' } }), 201);
  assert.equal(pairOf(await queue(), kept, merged), undefined, 'merged: not a pair any more');
  expectStatus(await api('POST', `/person-merges/${merge.id}/unmerge`, { session: officer, body: { reason: 'Not the same after all' } }), 200);
  assert.ok(pairOf(await queue(), kept, merged), 'unmerged: a pair again');
  // The birth date corrected to another year: no longer a likely pair.
  expectStatus(await api('PATCH', `/persons/${merged.id}`, { session: officer, body: { birth_date: '1978-11-05' } }), 200);
  assert.equal(pairOf(await queue(), kept, merged), undefined);
});

test('duplicate pairs: a shared document number pairs two records whose names differ', async () => {
  const worker = caseWorker;
  const one = await openCase({ admin, officer, worker }, { family_name: family(), given_names: 'Fatima', birth_date: '1992-04-04' });
  const two = await openCase({ admin, officer, worker }, { family_name: family(), given_names: 'Aisha', birth_date: '1985-10-10', nationality: 'SO' });
  const number = `P${uniqueSuffix()}`.replace(/[^0-9A-Za-z]/g, '').slice(0, 16).toUpperCase();
  const expiry = '2035-01-01';
  expectStatus(await api('POST', `/cases/${one.case.id}/documents`, { session: worker, body: { type: 'passport', number, expires_on: expiry } }), 201);
  assert.equal(pairOf(await queue(), one.person, two.person), undefined);
  // The same number written with a space and in lower case.
  const spaced = `${number.slice(0, 3).toLowerCase()} ${number.slice(3)}`;
  expectStatus(await api('POST', `/cases/${two.case.id}/documents`, { session: worker, body: { type: 'passport', number: spaced, expires_on: expiry } }), 201);
  const pair = pairOf(await queue(), one.person, two.person);
  assert.ok(pair, 'paired by the document');
  assert.deepEqual(pair.reasons, ['same_document']);
  assert.equal(pair.score, 60);
  // The review page of one of the two lists the other, by the documents of the record.
  const candidates = expectStatus(await api('GET', `/persons/duplicates?person_id=${one.person.id}`, { session: officer }), 200).items;
  assert.deepEqual(candidates.find((c) => c.person.id === two.person.id)?.reasons, ['same_document']);
});

test('duplicate pairs: a case worker sees the pairs of its own guests only and cannot dismiss', async () => {
  const f = family();
  const guest = await createPerson(officer, { family_name: f, given_names: 'Karim', birth_date: '1997-09-30' });
  const guestToo = await createPerson(officer, { family_name: f, given_names: 'Kareem', birth_date: '1997-09-30' });
  const stranger = await createPerson(officer, { family_name: f, given_names: 'Karim', birth_date: '1997-09-30' });
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  expectStatus(await arrive(officer, [guest.id, guestToo.id], centre.id, 'single_men', daysAgo(5)), 201);
  const seen = await queue(caseWorker);
  assert.ok(pairOf(seen, guest, guestToo));
  assert.equal(pairOf(seen, guest, stranger), undefined, 'one of the two is not its guest');
  assert.equal(pairOf(seen, guestToo, stranger), undefined);
  const all = await queue();
  assert.ok(pairOf(all, guest, stranger) && pairOf(all, guestToo, stranger));
  const refused = await api('POST', '/person-pair-dismissals', { session: caseWorker, body: { person_id: guest.id, other_id: guestToo.id, reason: 'not the same' } });
  assert.equal(refused.status, 403);
});

test('duplicate pairs: bad input names the field and stores nothing', async () => {
  const p = await createPerson(officer);
  const post = (body) => api('POST', '/person-pair-dismissals', { session: officer, body });
  expectError(await post({ person_id: p.id, other_id: p.id, reason: 'same' }), 422, 'validation_failed', ['other_id']);
  expectError(await post({ person_id: p.id, other_id: 999999999, reason: 'same' }), 422, 'validation_failed', ['other_id']);
  expectError(await post({ person_id: p.id, other_id: p.id + 1 }), 400, 'validation_failed', ['reason']);
  expectError(await post({ person_id: 'x', other_id: p.id, reason: 'same' }), 400, 'validation_failed', ['person_id']);
  expectError(await api('POST', '/person-pair-dismissals/999999999/undo', { session: officer, body: { reason: 'why' } }), 404, 'not_found');
  expectError(await api('GET', '/persons/duplicate-pairs?per_page=0', { session: officer }), 400, 'validation_failed', ['per_page']);
  const mine = expectStatus(await api('GET', '/person-pair-dismissals?per_page=100', { session: officer }), 200);
  assert.ok(!mine.items.some((d) => d.first.id === p.id || d.second.id === p.id));
});
