// Duplicate candidates and merges over HTTP (decision 0026): each kind of variant found with its
// reasons, best first; an operator's case worker sees only its own guests among them; bad input
// names the field; a merge moves the placements and an unmerge puts back exactly what it moved;
// two records placed now cannot be merged, and nothing changes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createCentre } from '../centres/fixture.mjs';
import { arrive } from '../reception/placements/fixture.mjs';
import { api, expectError, expectStatus, loginDemo, uniqueSuffix } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';
import { createPerson } from './fixture.mjs';

let officer;
let caseWorker;
let ownOrgId;

before(async () => {
  [officer, caseWorker] = await Promise.all(['prefecture_officer', 'case_worker'].map((r) => loginDemo(r)));
  const me = expectStatus(await api('GET', '/auth/me', { session: caseWorker }), 200);
  ownOrgId = (me.user ?? me).organization?.id ?? (me.user ?? me).organization_id;
});

// A family name nobody else bears, made of letters only (a key is made of consonants), so the
// candidates a test finds are its own.
function family() {
  const letters = 'bcdfgklmnprstvz';
  let out = '';
  for (const d of uniqueSuffix().replace(/[^0-9a-z]/gi, '')) out += letters[parseInt(d, 36) % letters.length] + 'a';
  return `Q${out}`;
}

const duplicates = async (query, session = officer) =>
  expectStatus(await api('GET', `/persons/duplicates?${new URLSearchParams(query)}`, { session }), 200).items;

const reasonsOf = (items, id) => items.find((c) => c.person.id === id)?.reasons;

test('duplicates: Latin spellings, reversed names, original script and the CUI, best first', async () => {
  const f = family();
  const cui = `D${uniqueSuffix()}`.replace(/[^0-9A-Za-z]/g, '').slice(0, 18).toUpperCase();
  const mohamed = await createPerson(officer, { family_name: f, given_names: 'Mohamed', family_name_original: null, birth_date: '1994-03-12', nationality: 'EG', cui });
  const yusuf = await createPerson(officer, { family_name: f, given_names: 'Yusuf', birth_date: '1999-07-02', nationality: 'MA' });
  const kovalenko = await createPerson(officer, { family_name: f, given_names: 'Oleksandr', given_names_original: 'Олександр', birth_date: '1988-11-05', nationality: 'UA' });
  // A namesake born 20 years later is not a candidate for a query with a birth date.
  const namesake = await createPerson(officer, { family_name: f, given_names: 'Muhammad', birth_date: '2014-03-12', nationality: 'EG' });

  let items = await duplicates({ family_name: f, given_names: 'Muhammad', birth_date: '1994-03-12', nationality: 'EG' });
  assert.deepEqual(reasonsOf(items, mohamed.id), ['name_phonetic', 'birth_date_equal', 'nationality_equal']);
  assert.equal(reasonsOf(items, namesake.id), undefined, 'a namesake 20 years younger is not a candidate');

  items = await duplicates({ family_name: 'Youssef', given_names: f });
  assert.deepEqual(reasonsOf(items, yusuf.id), ['name_phonetic', 'name_reversed']);

  items = await duplicates({ family_name: f, given_names: 'Alexander', birth_date: '1988-11-05' });
  assert.deepEqual(reasonsOf(items, kovalenko.id), ['name_phonetic', 'birth_date_equal']);
  // The given names in Cyrillic: equal to the record's own Cyrillic, transliterated against a
  // record that has them in Latin letters only.
  items = await duplicates({ family_name: f, given_names: 'Олександр' });
  assert.deepEqual(reasonsOf(items, kovalenko.id), ['name_equal']);
  const andrii = await createPerson(officer, { family_name: f, given_names: 'Andrii', birth_date: '1990-01-01', nationality: 'UA' });
  items = await duplicates({ family_name: f, given_names: 'Андрій' });
  assert.deepEqual(reasonsOf(items, andrii.id), ['name_transliterated'], JSON.stringify(items));

  // The CUI, written with spaces and in lower case, outranks everything else.
  items = await duplicates({ cui: ` ${cui.toLowerCase().slice(0, 4)} ${cui.toLowerCase().slice(4)}`, family_name: f, given_names: 'Oleksandr' });
  assert.equal(items[0].person.id, mohamed.id);
  assert.deepEqual(items[0].reasons, ['same_cui']);
  for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].score >= items[i].score, 'best first');
  // Mahmoud is not Mohamed.
  items = await duplicates({ family_name: f, given_names: 'Mahmoud' });
  assert.equal(reasonsOf(items, mohamed.id), undefined);

  // A recorded person's candidates: its own fields, itself left out; not the namesake 20 years
  // younger.
  const twin = await createPerson(officer, { family_name: f, given_names: 'Mohammed', birth_date: '1994-03-12', nationality: 'EG' });
  items = await duplicates({ person_id: String(twin.id) });
  assert.ok(!items.some((c) => c.person.id === twin.id));
  assert.equal(reasonsOf(items, namesake.id), undefined);
  assert.deepEqual(reasonsOf(items, mohamed.id), ['name_phonetic', 'birth_date_equal', 'nationality_equal']);
});

test('duplicates: bad input names the field', async () => {
  expectError(await api('GET', '/persons/duplicates', { session: officer }), 400, 'validation_failed', ['family_name']);
  expectError(await api('GET', '/persons/duplicates?nationality=IT', { session: officer }), 400, 'validation_failed', ['family_name']);
  expectError(await api('GET', '/persons/duplicates?family_name=%20-%20', { session: officer }), 400, 'validation_failed', ['family_name']);
  expectError(await api('GET', '/persons/duplicates?family_name=Ali&birth_date=1990-13-01', { session: officer }), 400, 'validation_failed', ['birth_date']);
  expectError(await api('GET', '/persons/duplicates?family_name=Ali&nationality=QQ', { session: officer }), 400, 'validation_failed', ['nationality']);
  expectError(await api('GET', '/persons/duplicates?person_id=999999999', { session: officer }), 422, 'validation_failed', ['person_id']);
});

test('duplicates: a case worker sees only the persons its centres host or hosted', async () => {
  const f = family();
  const guest = await createPerson(officer, { family_name: f, given_names: 'Karim', birth_date: '1997-09-30' });
  const stranger = await createPerson(officer, { family_name: f, given_names: 'Karim', birth_date: '1997-09-30' });
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  expectStatus(await arrive(officer, [guest.id], centre.id, 'single_men', daysAgo(5)), 201);
  const query = { family_name: f, given_names: 'Karim', birth_date: '1997-09-30' };
  const seen = await duplicates(query, caseWorker);
  assert.deepEqual(seen.map((c) => c.person.id), [guest.id]);
  const all = await duplicates(query);
  assert.deepEqual(all.map((c) => c.person.id).sort(), [guest.id, stranger.id].sort());
  // Naming the unseen person is as if it did not exist.
  expectError(await api('GET', `/persons/duplicates?person_id=${stranger.id}`, { session: caseWorker }), 422, 'validation_failed', ['person_id']);
  // Merging is the Prefettura's.
  const refused = await api('POST', '/person-merges', { session: caseWorker, body: { kept_id: guest.id, merged_id: stranger.id, reason: 'same person' } });
  assert.equal(refused.status, 403);
});

test('merges: placements move and come back exactly; both placed now is a 409 and nothing changes', async () => {
  const f = family();
  const kept = await createPerson(officer, { family_name: f, given_names: 'Amadou', birth_date: '2003-08-14' });
  const cui = `M${uniqueSuffix()}`.replace(/[^0-9A-Za-z]/g, '').slice(0, 18).toUpperCase();
  const merged = await createPerson(officer, { family_name: f, given_names: 'Amadu', birth_date: null, cui });
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const other = await createCentre(officer, { operator_id: ownOrgId });
  expectStatus(await arrive(officer, [kept.id], centre.id, 'single_men', daysAgo(10)), 201);
  expectStatus(await arrive(officer, [merged.id], other.id, 'single_men', daysAgo(12)), 201);

  // Both placed now: refused, nothing moved.
  const body = { kept_id: kept.id, merged_id: merged.id, reason: 'Same person: CUI checked at the Questura' };
  expectError(await api('POST', '/person-merges', { session: officer, body }), 409, 'both_placed', ['merged_id']);
  expectError(await api('POST', '/person-merges/preview', { session: officer, body }), 409, 'both_placed', ['merged_id']);
  const placementsOf = async (id) => expectStatus(await api('GET', `/persons/${id}/placements`, { session: officer }), 200).items;
  assert.equal((await placementsOf(merged.id)).length, 1);

  // The merged record's stay ends: the two are now mergeable (the stays do not overlap).
  const [stay] = await placementsOf(merged.id);
  expectStatus(await api('POST', '/placements/exits', { session: officer, body: { person_ids: [merged.id], date: daysAgo(11), reason: 'left_voluntarily' } }), 201);

  const preview = expectStatus(await api('POST', '/person-merges/preview', { session: officer, body }), 200);
  assert.equal(preview.id, 0);
  assert.deepEqual(preview.filled_fields, ['cui']);
  assert.deepEqual(preview.moved.find((m) => m.kind === 'placements')?.ids, [stay.id]);
  assert.equal((await placementsOf(merged.id)).length, 1, 'a preview changes nothing');

  const merge = expectStatus(await api('POST', '/person-merges', { session: officer, body }), 201);
  assert.ok(merge.id > 0);
  assert.equal((await placementsOf(kept.id)).length, 2);
  assert.equal((await placementsOf(merged.id)).length, 0);
  const keptNow = expectStatus(await api('GET', `/persons/${kept.id}`, { session: officer }), 200);
  assert.equal(keptNow.cui, cui);
  const mergedNow = expectStatus(await api('GET', `/persons/${merged.id}`, { session: officer }), 200);
  assert.equal(mergedNow.merged_into, kept.id);
  assert.equal(mergedNow.cui, null);
  // Merged: out of lists and candidates, not correctable, not mergeable again.
  const listed = expectStatus(await api('GET', `/persons?q=${f}`, { session: officer }), 200).items;
  assert.deepEqual(listed.map((p) => p.id), [kept.id]);
  assert.equal(reasonsOf(await duplicates({ family_name: f, given_names: 'Amadou' }), merged.id), undefined);
  expectError(await api('PATCH', `/persons/${merged.id}`, { session: officer, body: { given_names: 'X' } }), 409, 'already_merged', ['id']);
  expectError(await api('POST', '/person-merges', { session: officer, body }), 409, 'already_merged', ['merged_id']);
  const audit = await api('GET', `/audit?entity_type=person&entity_id=${kept.id}`, { session: await loginDemo('admin') });
  if (audit.status === 200) assert.ok(JSON.stringify(audit.json).includes('persons.merge'));

  // Unmerge: both as they were.
  const undone = expectStatus(await api('POST', `/person-merges/${merge.id}/unmerge`, { session: officer, body: { reason: 'Two brothers after all' } }), 200);
  assert.ok(undone.unmerged_at);
  assert.deepEqual((await placementsOf(merged.id)).map((p) => p.id), [stay.id]);
  assert.equal((await placementsOf(kept.id)).length, 1);
  const back = expectStatus(await api('GET', `/persons/${merged.id}`, { session: officer }), 200);
  assert.equal(back.merged_into, null);
  assert.equal(back.cui, cui);
  assert.equal(expectStatus(await api('GET', `/persons/${kept.id}`, { session: officer }), 200).cui, null);
  assert.ok(reasonsOf(await duplicates({ family_name: f, given_names: 'Amadou' }), merged.id));
  expectError(await api('POST', `/person-merges/${merge.id}/unmerge`, { session: officer, body: { reason: 'again' } }), 409, 'already_unmerged', ['id']);
  const history = expectStatus(await api('GET', `/person-merges?person_id=${kept.id}`, { session: officer }), 200);
  assert.deepEqual(history.items.map((m) => m.id), [merge.id]);
});

test('merges: bad input', async () => {
  const p = await createPerson(officer);
  expectError(await api('POST', '/person-merges', { session: officer, body: { kept_id: p.id, merged_id: p.id, reason: 'same' } }), 422, 'validation_failed', ['merged_id']);
  expectError(await api('POST', '/person-merges', { session: officer, body: { kept_id: p.id, merged_id: 999999999, reason: 'same' } }), 422, 'validation_failed', ['merged_id']);
  expectError(await api('POST', '/person-merges', { session: officer, body: { kept_id: p.id, merged_id: p.id } }), 400, 'validation_failed', ['reason']);
  expectError(await api('POST', '/person-merges/999999999/unmerge', { session: officer, body: { reason: 'why' } }), 404, 'not_found');
});
