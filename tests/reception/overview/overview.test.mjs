// The officer's lists across centres (issue 9 point 9), the placement desk for a family of N and
// the Ministry's movements export (point 6), with their files in the caller's language (point
// 15). Everything is made by the Prefettura officer with unique names; no test assumes ids or
// counts of rows it did not make.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createCentre } from '../../centres/fixture.mjs';
import { createPerson, createPersons } from '../../people/fixture.mjs';
import { api, expectError, expectStatus, listAll, loginDemo, uniqueSuffix } from '../../support/client.mjs';
import { addDays, daysAgo } from '../../support/days.mjs';
import { arrive, place } from '../placements/fixture.mjs';

let officer;
let caseWorker;
let ownOrgId; // the case worker's organisation
let otherOrgId;

before(async () => {
  [officer, caseWorker] = await Promise.all(['prefecture_officer', 'case_worker'].map((r) => loginDemo(r)));
  const me = expectStatus(await api('GET', '/auth/me', { session: caseWorker }), 200);
  ownOrgId = (me.user ?? me).organization.id;
  const orgs = expectStatus(await api('GET', '/organizations?q=Conca&per_page=100', { session: officer }), 200);
  otherOrgId = orgs.items.find((o) => o.name === "Consorzio Accoglienza Conca d'Oro (demo)").id;
});

// A file's rows: ';' between cells, CRLF between rows (fetch's text() drops the byte order mark
// the file starts with; tests/reporting checks it).
function csvRows(res) {
  assert.equal(res.status, 200, res.text.slice(0, 300));
  assert.match(res.headers.get('content-type'), /^text\/csv/);
  return res.text
    .split('\r\n')
    .filter((l) => l)
    .map((l) => l.split(';'));
}
const get = (path, opts = {}) => api('GET', path, { session: officer, ...opts });
const cig = () => `Y${uniqueSuffix().toUpperCase().replace(/[^A-Z0-9]/g, '')}`.padEnd(10, '0').slice(0, 10);

test('over capacity: a centre past its places is listed with its excess, sorted, as Italian CSV and XLSX', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 1, places_single_women: 0, places_families: 0 });
  const men = await createPersons(officer, 3, { sex: 'male', given_names: 'Omar' });
  await place(officer, [men[0]], centre, 'single_men', daysAgo(4));
  // Only an override takes a full centre past its places.
  expectStatus(await arrive(officer, [men[1].id, men[2].id], centre.id, 'single_men', daysAgo(2), { override_reason: 'emergenza sbarchi, nessun altro posto' }), 201);

  const { items } = await listAll(officer, '/overview/over-capacity');
  const row = items.find((o) => o.centre_id === centre.id);
  assert.ok(row, 'the centre is over capacity');
  assert.equal(row.excess, 2);
  assert.equal(row.municipality, 'Palermo');
  assert.equal(row.guests.total, 3);
  const excesses = items.map((o) => o.excess);
  assert.deepEqual(excesses, [...excesses].sort((a, b) => b - a), 'largest excess first by default');
  const byName = (await listAll(officer, '/overview/over-capacity?sort=name')).items.map((o) => o.name);
  assert.deepEqual(byName, [...byName].sort(), 'sorted by name');
  const before = expectStatus(await get(`/overview/over-capacity?date=${daysAgo(3)}&per_page=100`), 200);
  assert.equal(before.date, daysAgo(3));
  assert.ok(!before.items.some((o) => o.centre_id === centre.id), 'not over capacity before the override');

  const rows = csvRows(await get('/overview/over-capacity?format=csv'));
  assert.deepEqual(rows[0], ['Centro', 'Tipo di centro', 'Comune', 'Posti', 'Posti in convenzione', 'Ospiti', 'Ospiti oltre i posti']);
  const line = rows.find((r) => r[0] === centre.name);
  assert.deepEqual(line.slice(1), ['CAS – Centro di accoglienza straordinaria', 'Palermo', '1', '', '3', '2']);
  const en = csvRows(await get('/overview/over-capacity?format=csv&lang=en'));
  assert.equal(en[0][0], 'Centre');
  const fr = csvRows(await get('/overview/over-capacity?format=csv', { headers: { 'accept-language': 'fr-FR,fr;q=0.9,it;q=0.5' } }));
  assert.equal(fr[0][0], 'Centre');
  assert.equal(fr[0][5], 'Personnes hébergées');
  const ar = csvRows(await get('/overview/over-capacity?format=csv', { headers: { 'accept-language': 'ar' } }));
  assert.equal(ar[0][0], 'المركز');
  const unknown = csvRows(await get('/overview/over-capacity?format=csv', { headers: { 'accept-language': 'de-DE' } }));
  assert.equal(unknown[0][0], 'Centro', 'Italian when the browser speaks none of the six');
  const xlsx = await get('/overview/over-capacity?format=xlsx');
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-disposition'), /over-capacity-\d{4}-\d{2}-\d{2}\.xlsx/);
  assert.ok(xlsx.text.startsWith('PK'), 'a zip archive');
});

test('placement desk: only centres with room for the whole family, as a file too', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId, istat_code: '082054', places_families: 6 });
  const family = await createPersons(officer, 3);
  await place(officer, family, centre, 'families', daysAgo(2));
  const desk = async (n) => (await listAll(officer, `/placement-desk?category=families&istat_code=082054&family_size=${n}`)).items;
  assert.equal((await desk(3)).find((c) => c.centre_id === centre.id)?.free_in_category, 3);
  assert.ok(!(await desk(4)).some((c) => c.centre_id === centre.id), 'no room for four');
  const body = expectStatus(await get('/placement-desk?category=families&family_size=2&per_page=1'), 200);
  assert.equal(body.family_size, 2);
  const before = await listAll(officer, `/placement-desk?category=families&istat_code=082054&family_size=6&date=${daysAgo(3)}`);
  assert.ok(before.items.some((c) => c.centre_id === centre.id), 'on a day before the family came the centre was empty');
  const rows = csvRows(await get('/placement-desk?category=families&istat_code=082054&format=csv'));
  assert.equal(rows[0][3], 'Posti liberi nella categoria');
  assert.ok(rows.some((r) => r[0] === centre.name && r[3] === '3'));
  expectError(await get('/placement-desk?category=families&family_size=0'), 400, 'validation_failed', ['family_size']);
  expectError(await get(`/placement-desk?category=families&date=${daysAgo(-1)}`), 422, 'future_date', ['date']);
});

test('contracts ending: a last contract within the window is listed; one that another follows is not', async () => {
  const ending = await createCentre(officer, { operator_id: ownOrgId });
  const followed = await createCentre(officer, { operator_id: ownOrgId });
  const post = async (centre, start, end) =>
    expectStatus(await api('POST', `/centres/${centre.id}/contracts`, { session: officer, body: { cig: cig(), start_date: start, end_date: end, places: 20, price_cents: 3550 } }), 201);
  const mine = await post(ending, daysAgo(300), daysAgo(-30));
  await post(followed, daysAgo(300), daysAgo(-20));
  await post(followed, daysAgo(-21), daysAgo(-400));
  const { items } = await listAll(officer, '/overview/contracts-ending');
  const row = items.find((c) => c.contract_id === mine.id);
  assert.ok(row);
  assert.equal(row.days_left, 30);
  assert.equal(row.centre_name, ending.name);
  assert.ok(!items.some((c) => c.centre_id === followed.id), 'a contract another follows is not ending');
  const ends = items.map((c) => c.end_date);
  assert.deepEqual(ends, [...ends].sort(), 'soonest first');
  const soon = await listAll(officer, '/overview/contracts-ending?days=10');
  assert.ok(!soon.items.some((c) => c.contract_id === mine.id), 'beyond a 10-day window');
  const rows = csvRows(await get('/overview/contracts-ending?format=csv'));
  const line = rows.find((r) => r[0] === ending.name);
  const [y, m, d] = addDays(daysAgo(0), 30).split('-');
  assert.equal(line[3], `${d}/${m}/${y}`, 'dates as dd/mm/yyyy');
  assert.equal(line[6], '35,50', 'euros with a decimal comma');
  expectError(await get('/overview/contracts-ending?days=0'), 400, 'validation_failed', ['days']);
});

test('registers not confirmed: a centre with guests and no confirmation is listed with its days', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const [guest] = await createPersons(officer, 1);
  await place(officer, [guest], centre, 'single_women', daysAgo(3));
  const { items } = await listAll(officer, '/overview/unconfirmed-registers');
  const row = items.find((r) => r.centre_id === centre.id);
  assert.ok(row);
  assert.equal(row.unconfirmed_days, 3, 'three days before today');
  assert.equal(row.changed_days, 0);
  assert.equal(row.oldest_day, daysAgo(3));
  const empty = await createCentre(officer, { operator_id: ownOrgId });
  assert.ok(!items.some((r) => r.centre_id === empty.id), 'a centre without guests has nothing to confirm');
  const two = await listAll(officer, '/overview/unconfirmed-registers?days=2');
  assert.equal(two.items.find((r) => r.centre_id === centre.id).unconfirmed_days, 2);
  expectError(await get('/overview/unconfirmed-registers?days=63'), 400, 'validation_failed', ['days']);
});

test("invoices to check: last month's current invoices, those with differences first", async () => {
  const body = expectStatus(await get('/overview/invoices?per_page=100'), 200);
  const lastMonth = addDays(`${daysAgo(0).slice(0, 7)}-01`, -1).slice(0, 7);
  assert.equal(body.month, lastMonth);
  assert.ok(body.total > 0, 'the demo has last month\'s invoices');
  assert.equal(body.with_differences, body.items.filter((i) => i.has_differences).length);
  const flags = body.items.map((i) => i.has_differences);
  assert.deepEqual(flags, [...flags].sort((a, b) => b - a), 'differences first');
  for (const i of body.items) {
    assert.equal(i.month, lastMonth);
    // The differences net the invoice's credit notes, so they are the reconciliation's, not declared - computed.
    if (i.presence_days_difference !== 0 || i.amount_difference_cents !== 0 || i.unconfirmed_days > 0) assert.ok(i.has_differences);
  }
  const rows = csvRows(await get('/overview/invoices?format=csv'));
  assert.equal(rows.length, body.total + 1);
  assert.equal(rows[0][7], 'Imponibile fatturato (EUR)');
  for (const r of rows.slice(1)) assert.match(r[7], /^\d+,\d{2}$/);
  expectError(await get('/overview/invoices?month=2026-13'), 400, 'validation_failed', ['month']);
  expectError(await get(`/overview/invoices?month=${addDays(daysAgo(0), 40).slice(0, 7)}`), 422, 'future_date', ['month']);
});

test('movements: arrival, transfer out and in, exit of a guest with its CUI, in the period asked', async () => {
  const a = await createCentre(officer, { operator_id: ownOrgId });
  const b = await createCentre(officer, { operator_id: otherOrgId });
  const cui = `CUI${uniqueSuffix().toUpperCase().replace(/[^A-Z0-9]/g, '')}`.slice(0, 20);
  const guest = await createPerson(officer, { cui });
  await place(officer, [guest], a, 'single_women', daysAgo(6));
  expectStatus(await api('POST', '/placements/transfers', { session: officer, body: { person_ids: [guest.id], to_centre_id: b.id, date: daysAgo(4) } }), 201);
  expectStatus(await api('POST', '/placements/exits', { session: officer, body: { person_ids: [guest.id], date: daysAgo(2), reason: 'left_voluntarily' } }), 201);

  const period = `from=${daysAgo(10)}&to=${daysAgo(0)}`;
  const mine = (items) => items.filter((m) => m.person_id === guest.id).map((m) => [m.day, m.movement, m.centre_id, m.reason, m.cui]);
  const all = await listAll(officer, `/movements?${period}`);
  assert.deepEqual(mine(all.items), [
    [daysAgo(6), 'arrival', a.id, 'landing', cui],
    [daysAgo(4), 'transfer_out', a.id, null, cui],
    [daysAgo(4), 'transfer_in', b.id, null, cui],
    [daysAgo(2), 'exit', b.id, 'left_voluntarily', cui],
  ]);
  const days = all.items.map((m) => m.day);
  assert.deepEqual(days, [...days].sort(), 'by day');
  const middle = await listAll(officer, `/movements?from=${daysAgo(5)}&to=${daysAgo(3)}`);
  assert.deepEqual(mine(middle.items).map((m) => m[1]), ['transfer_out', 'transfer_in'], 'only the period asked');
  const one = await listAll(officer, `/movements?${period}&centre_id=${b.id}`);
  assert.deepEqual(mine(one.items).map((m) => m[1]), ['transfer_in', 'exit'], 'one centre');

  // An operator exports its own centres only, and another's centre is a missing one.
  const own = await listAll(caseWorker, `/movements?${period}`);
  assert.deepEqual(mine(own.items).map((m) => m[1]), ['arrival', 'transfer_out']);
  const missing = expectStatus(await api('GET', `/movements?${period}&centre_id=999999999`, { session: caseWorker }), 200);
  const other = expectStatus(await api('GET', `/movements?${period}&centre_id=${b.id}`, { session: caseWorker }), 200);
  assert.deepEqual(other, missing, "another operator's centre lists what a missing one lists");
  assert.equal(other.total, 0);

  const rows = csvRows(await get(`/movements?${period}&format=csv`));
  assert.deepEqual(rows[0], ['CUI', 'ID persona', 'Centro', 'Data', 'Movimento', 'Motivo']);
  const [y, m, d] = daysAgo(2).split('-');
  assert.deepEqual(
    rows.find((r) => r[0] === cui && r[4] === 'Uscita dal centro'),
    [cui, String(guest.id), b.name, `${d}/${m}/${y}`, 'Uscita dal centro', 'Allontanamento volontario'],
  );
  const xlsx = await get(`/movements?${period}&format=xlsx&lang=uk`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-disposition'), /movements-.*\.xlsx/);

  expectError(await get(`/movements?from=${daysAgo(1)}&to=${daysAgo(3)}`), 400, 'validation_failed', ['to']);
  expectError(await get(`/movements?to=${daysAgo(-1)}`), 422, 'future_date', ['to']);
  expectError(await get(`/movements?from=${daysAgo(400)}&to=${daysAgo(0)}`), 400, 'validation_failed', ['from']);
});

test('lists: bad sort, format and language are refused naming the parameter', async () => {
  expectError(await get('/overview/over-capacity?sort=weight'), 400, 'validation_failed', ['sort']);
  expectError(await get('/overview/over-capacity?format=pdf'), 400, 'validation_failed', ['format']);
  expectError(await get('/overview/over-capacity?lang=de'), 400, 'validation_failed', ['lang']);
  expectError(await get(`/overview/over-capacity?date=${daysAgo(-1)}`), 422, 'future_date', ['date']);
});
