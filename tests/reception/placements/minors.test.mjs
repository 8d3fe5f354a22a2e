// Unaccompanied minors and places above contract over HTTP (decision 0020): refusals are 4xx that
// name the field and store nothing; the Prefettura's override and extension; the guest list's
// days left; derogations listed and counted apart in occupancy.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { centreBody, createCentre } from '../../centres/fixture.mjs';
import { createPerson } from '../../people/fixture.mjs';
import { api, expectError, expectStatus, loginDemo, uniqueSuffix } from '../../support/client.mjs';
import { addDays, daysAgo } from '../../support/days.mjs';
import { arrive } from './fixture.mjs';

let officer;
let caseWorker;
let ownOrgId;

before(async () => {
  [officer, caseWorker] = await Promise.all(['prefecture_officer', 'case_worker'].map((r) => loginDemo(r)));
  const me = expectStatus(await api('GET', '/auth/me', { session: caseWorker }), 200);
  ownOrgId = (me.user ?? me).organization?.id ?? (me.user ?? me).organization_id;
});

// An adult centre with a section of two minors' places, run by the case worker's organisation,
// with a contract for 20 places over this year and the next.
async function adultCentreWithSection() {
  const centre = await createCentre(officer, { operator_id: ownOrgId, places_minors: 2 });
  const cig = `M${uniqueSuffix().replace(/[^A-Z0-9]/gi, '').toUpperCase()}`.padEnd(10, '0').slice(0, 10);
  expectStatus(
    await api('POST', `/centres/${centre.id}/contracts`, {
      session: officer,
      body: { cig, start_date: daysAgo(200), end_date: daysAgo(-300), places: 20, price_cents: 3000 },
    }),
    201,
  );
  return centre;
}

const minor = (years, extra = {}) =>
  createPerson(officer, { birth_date: addDays(daysAgo(years * 365 + 30), 0), unaccompanied_minor: true, ...extra });

const placementsOf = async (id) =>
  expectStatus(await api('GET', `/persons/${id}/placements`, { session: officer }), 200).items;

test('minors: only a minors place, and from 16 in an adult centre section; refusals store nothing', async () => {
  const centre = await adultCentreWithSection();
  const m17 = await minor(17);
  assert.equal(m17.unaccompanied_minor, true);
  expectError(await arrive(officer, [m17.id], centre.id, 'single_men', daysAgo(5)), 422, 'minor_needs_minors_place', [
    'category',
  ]);
  const m15 = await minor(15);
  const refused = await arrive(officer, [m15.id], centre.id, 'minors', daysAgo(5));
  expectError(refused, 422, 'minor_under_16_in_adult_centre', ['person_ids']);
  assert.equal(refused.json.error.fields.person_ids.params.age, 15);
  assert.deepEqual(await placementsOf(m17.id), []);
  assert.deepEqual(await placementsOf(m15.id), []);

  // The Prefettura's override places the 15-year-old; the 17-year-old needs none.
  expectStatus(
    await arrive(officer, [m15.id], centre.id, 'minors', daysAgo(5), {
      override_reason: 'no minors place free in the province tonight',
    }),
    201,
  );
  expectStatus(await arrive(officer, [m17.id], centre.id, 'minors', daysAgo(10)), 201);

  // Ten days ago to two days ago is 9 days of 90: 81 left after that day.
  const guests = expectStatus(
    await api('GET', `/centres/${centre.id}/guests?date=${daysAgo(2)}`, { session: caseWorker }),
    200,
  ).items;
  const g17 = guests.find((g) => g.person_id === m17.id);
  assert.equal(g17.unaccompanied_minor, true);
  assert.equal(g17.section_days_left, 81);
});

test('minors: the 90-day limit refuses a back-dated stay past it; the Prefettura extends it once', async () => {
  const centre = await adultCentreWithSection();
  const m = await minor(17);
  // 95 days ago to today is 96 days: past 90.
  const refused = await arrive(officer, [m.id], centre.id, 'minors', daysAgo(95));
  expectError(refused, 409, 'minor_section_limit', ['person_ids']);
  assert.equal(refused.json.error.fields.person_ids.params.limit, 90);
  assert.deepEqual(await placementsOf(m.id), []);

  expectStatus(await api('POST', `/persons/${m.id}/section-extension`, { session: caseWorker, body: { reason: 'a reason long enough' } }), 403);
  expectError(
    await api('POST', `/persons/${m.id}/section-extension`, { session: officer, body: { reason: 'short' } }),
    400,
    'validation_failed',
    ['reason'],
  );
  const ext = expectStatus(
    await api('POST', `/persons/${m.id}/section-extension`, {
      session: officer,
      body: { reason: 'awaiting a place in a SAI project for minors' },
    }),
    201,
  );
  assert.equal(ext.person_id, m.id);
  expectError(
    await api('POST', `/persons/${m.id}/section-extension`, {
      session: officer,
      body: { reason: 'awaiting a place in a SAI project for minors' },
    }),
    409,
    'already_extended',
  );
  expectStatus(await arrive(officer, [m.id], centre.id, 'minors', daysAgo(95)), 201);

  const adult = await createPerson(officer, { unaccompanied_minor: true });
  expectError(
    await api('POST', `/persons/${adult.id}/section-extension`, {
      session: officer,
      body: { reason: 'a reason long enough' },
    }),
    422,
    'not_unaccompanied_minor',
    ['person_id'],
  );
});

test('derogations: within the contract, listed, counted apart in occupancy; bad input stores nothing', async () => {
  const centre = await adultCentreWithSection();
  const body = {
    category: 'single_men',
    places: 8,
    decision_number: 'Decreto 12/2026',
    decision_date: daysAgo(3),
    start_date: daysAgo(2),
    end_date: daysAgo(-60),
  };
  const post = (session, b) => api('POST', `/centres/${centre.id}/derogations`, { session, body: b });
  expectStatus(await post(caseWorker, body), 403);
  expectError(await post(officer, { ...body, places: 21 }), 422, 'derogation_above_contract', ['places']);
  expectError(await post(officer, { ...body, end_date: daysAgo(10) }), 422, 'validation_failed', ['end_date']);
  expectError(await post(officer, { ...body, start_date: daysAgo(-400), end_date: daysAgo(-410) }), 422, 'derogation_without_contract', ['start_date']);
  expectError(await post(officer, { ...body, category: 'adults', decision_number: '' }), 400, 'validation_failed', [
    'category',
    'decision_number',
  ]);
  expectError(await post(officer, { ...body, decision_date: daysAgo(-5) }), 422, 'future_date', ['decision_date']);
  const list = (session) => api('GET', `/centres/${centre.id}/derogations`, { session });
  assert.deepEqual(expectStatus(await list(officer), 200).items, []);

  const made = expectStatus(await post(officer, body), 201);
  assert.equal(made.places, 8);
  // 12 more would pass the contract's 20 on every day of the period.
  expectError(await post(officer, { ...body, places: 13 }), 422, 'derogation_above_contract', ['places']);
  const items = expectStatus(await list(caseWorker), 200).items;
  assert.deepEqual(
    items.map((d) => [d.category, d.places, d.decision_number]),
    [['single_men', 8, 'Decreto 12/2026']],
  );

  // Centres made by tests come last, by id: the last page has this one.
  const first = expectStatus(await api('GET', '/occupancy?per_page=100', { session: officer }), 200);
  const last = Math.max(1, Math.ceil(first.total / 100));
  const page = expectStatus(await api('GET', `/occupancy?per_page=100&page=${last}`, { session: officer }), 200);
  const row = page.items.find((o) => o.centre_id === centre.id);
  assert.equal(row.places.single_men, 10);
  assert.equal(row.derogated_places.single_men, 8);
  assert.equal(row.free.single_men, 18);
  assert.equal(row.contract_places, 20);
});

test('minors in sections: fewest days left first; the demo has one near its limit; an operator sees its own', async () => {
  const all = expectStatus(await api('GET', '/minors-in-sections', { session: officer }), 200).items;
  const left = all.map((m) => m.days_left);
  assert.deepEqual(left, [...left].sort((a, b) => a - b));
  // The demo's Diallo Mamadou arrived 85 days ago: 86 days through today, 4 left of 90.
  const diallo = all.find((m) => m.person.family_name === 'Diallo' && m.person.given_names === 'Mamadou');
  assert.ok(diallo, 'the demo minor near the limit');
  assert.equal(diallo.days_left, 4);
  assert.equal(diallo.limit_days, 90);
  const own = expectStatus(await api('GET', '/minors-in-sections', { session: caseWorker }), 200).items;
  const centres = expectStatus(await api('GET', '/centres?per_page=100', { session: caseWorker }), 200).items.map((c) => c.id);
  assert.ok(own.length > 0);
  for (const m of own) assert.ok(centres.includes(m.centre_id), `another operator's centre ${m.centre_id}`);
  expectError(await api('GET', '/minors-in-sections?date=2026-13-01', { session: officer }), 400, 'validation_failed', ['date']);
});

// Decision 0027: the withdrawn decision stays listed and counts no more. 8 places above contract
// on 10 single men's places: free 18 while in force, 10 after the withdrawal.
test('derogations: withdrawn with a reason after which occupancy shows them no longer; audited, once', async () => {
  const centre = await adultCentreWithSection();
  const body = { category: 'single_men', places: 8, decision_number: 'Decreto 21/2026', decision_date: daysAgo(3), start_date: daysAgo(2), end_date: daysAgo(-60) };
  const made = expectStatus(await api('POST', `/centres/${centre.id}/derogations`, { session: officer, body }), 201);
  assert.equal(made.status, 'granted');
  const withdraw = (session, b, id = made.id) => api('POST', `/derogations/${id}/withdrawal`, { session, body: b });
  expectStatus(await withdraw(caseWorker, { reason: 'decreto revocato' }), 403);
  expectError(await withdraw(officer, { reason: 'short' }), 400, 'validation_failed', ['reason']);
  expectError(await withdraw(officer, {}), 400, 'validation_failed', ['reason']);
  expectError(await withdraw(officer, { reason: 'decreto revocato', extra: 1 }), 400, 'validation_failed', ['extra']);
  expectError(await withdraw(officer, { reason: 'decreto revocato' }, 999999999), 404, 'not_found');
  const listed = async () => expectStatus(await api('GET', `/centres/${centre.id}/derogations`, { session: officer }), 200).items;
  assert.equal((await listed())[0].status, 'granted', 'nothing stored by a refusal');

  const occupancyRow = async () => {
    const first = expectStatus(await api('GET', '/occupancy?per_page=100', { session: officer }), 200);
    const last = Math.max(1, Math.ceil(first.total / 100));
    const page = expectStatus(await api('GET', `/occupancy?per_page=100&page=${last}`, { session: officer }), 200);
    return page.items.find((o) => o.centre_id === centre.id);
  };
  assert.equal((await occupancyRow()).free.single_men, 18);
  const done = expectStatus(await withdraw(officer, { reason: '  Decreto revocato con decreto 22/2026  ' }), 200);
  assert.equal(done.status, 'withdrawn');
  assert.equal(done.withdrawal_reason, 'Decreto revocato con decreto 22/2026');
  assert.ok(done.withdrawn_at);
  expectError(await withdraw(officer, { reason: 'decreto revocato' }), 409, 'derogation_already_withdrawn');
  const row = await occupancyRow();
  assert.equal(row.derogated_places.single_men, 0);
  assert.equal(row.free.single_men, 10);
  assert.deepEqual((await listed()).map((d) => [d.id, d.status]), [[made.id, 'withdrawn']]);
  const admin = await loginDemo('admin');
  const audit = expectStatus(await api('GET', `/audit?action=derogations.withdraw&entity_id=${made.id}`, { session: admin }), 200).items;
  assert.equal(audit.length, 1);
  assert.doesNotMatch(JSON.stringify(audit[0].details), /revocato/, 'the reason stays out of the trail');
});

// Decision 0027: a temporary structure for minors has minors' places only, at most 50, and takes
// no one under 14 without the Prefettura's override.
test('temporary structures for minors: minors places only, at most 50; none under 14 unless overridden', async () => {
  const fields = { operator_id: ownOrgId, structure: 'temporary_minors', places_single_men: 0, places_single_women: 0, places_families: 0 };
  const post = (b) => api('POST', '/centres', { session: officer, body: centreBody(b) });
  expectError(await post({ ...fields, places_single_men: 2, places_minors: 20 }), 422, 'temporary_structure_minors_only', ['places_single_men']);
  const big = expectError(await post({ ...fields, places_minors: 51 }), 422, 'validation_failed', ['places_minors']);
  assert.equal(big.fields.places_minors.code, 'above_maximum');
  expectError(await post({ ...fields, structure: 'emergency', places_minors: 20 }), 400, 'validation_failed', ['structure']);
  const structure = expectStatus(await post({ ...fields, places_minors: 50 }), 201);
  assert.equal(structure.structure, 'temporary_minors');
  const m13 = await minor(13);
  const refused = await arrive(officer, [m13.id], structure.id, 'minors', daysAgo(1));
  expectError(refused, 422, 'minor_under_14_in_temporary_structure', ['person_ids']);
  assert.equal(refused.json.error.fields.person_ids.params.age, 13);
  assert.deepEqual(await placementsOf(m13.id), []);
  const m15 = await minor(15);
  expectStatus(await arrive(officer, [m15.id], structure.id, 'minors', daysAgo(1)), 201);
  expectStatus(await arrive(officer, [m13.id], structure.id, 'minors', daysAgo(1), { override_reason: 'fratello di un ospite, decreto 3/2026' }), 201);
  // An ordinary centre stays ordinary; the field is read back.
  const ordinary = await createCentre(officer, { operator_id: ownOrgId });
  assert.equal(ordinary.structure, 'ordinary');
});

// Decision 0027: the list searched by name or centre and saved as an Italian office's file.
test('minors in sections: searched, sorted, and exported as CSV and XLSX', async () => {
  const all = expectStatus(await api('GET', '/minors-in-sections', { session: officer }), 200).items;
  const diallo = all.find((m) => m.person.family_name === 'Diallo' && m.person.given_names === 'Mamadou');
  assert.ok(diallo);
  // Two words in any order, any case, one of them the centre's name.
  const centreWord = diallo.centre_name.split(/\s+/).find((w) => w.length >= 3);
  const found = expectStatus(await api('GET', `/minors-in-sections?q=${encodeURIComponent(`mamadou ${centreWord}`)}`, { session: officer }), 200).items;
  assert.ok(found.some((m) => m.person_id === diallo.person_id));
  assert.ok(found.every((m) => `${m.person.family_name} ${m.person.given_names}`.toLowerCase().includes('mamadou')));
  const none = expectStatus(await api('GET', '/minors-in-sections?q=zzzqqq', { session: officer }), 200).items;
  assert.deepEqual(none, []);
  const byName = expectStatus(await api('GET', '/minors-in-sections?sort=-name', { session: officer }), 200).items;
  const names = byName.map((m) => [m.person.family_name, m.person.given_names].join(' '));
  assert.deepEqual(names, [...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  expectError(await api('GET', '/minors-in-sections?sort=shoe', { session: officer }), 400, 'validation_failed', ['sort']);
  expectError(await api('GET', '/minors-in-sections?format=pdf', { session: officer }), 400, 'validation_failed', ['format']);

  const csv = await api('GET', '/minors-in-sections?format=csv', { session: officer });
  assert.equal(csv.status, 200);
  assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
  const lines = csv.text.split('\r\n');
  assert.equal(
    lines[0],
    'ID persona;Cognome;Nome;Età;Centro;Data di inizio;Giorni nelle sezioni;Limite (giorni);Giorni alla scadenza;Proroga concessa',
  );
  assert.equal(lines.length, all.length + 2, 'header, one line per minor, the empty string after the last CRLF');
  const line = lines.find((l) => l.startsWith(`${diallo.person_id};`));
  assert.ok(line.endsWith(`;${diallo.days_used};90;4;no`), line);
  const en = await api('GET', '/minors-in-sections?format=csv&lang=en', { session: officer });
  assert.ok(en.text.startsWith('Person ID;Family name;'), en.text.slice(0, 80));
  const xlsx = await api('GET', '/minors-in-sections?format=xlsx', { session: officer });
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});
