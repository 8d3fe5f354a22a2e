// People and reception: centres, contracts, persons, family groups, placements (arrival,
// transfer, exit), the operator scope and occupancy. Everything is made by the Prefettura
// officer with unique names; no test assumes ids or counts of rows it did not make.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo, uniqueSuffix } from './client.mjs';

let officer; // prefecture_officer
let caseWorker; // case_worker of "Cooperativa Sociale Approdo (demo)"
let analyst;
let inspector;
let ownOrgId; // the case worker's organisation (a centre operator)
let otherOrgId; // another centre operator

before(async () => {
  [officer, caseWorker, analyst, inspector] = await Promise.all(
    ['prefecture_officer', 'case_worker', 'analyst', 'inspector'].map((r) => loginDemo(r)),
  );
  const me = expectStatus(await api('GET', '/auth/me', { session: caseWorker }), 200);
  ownOrgId = (me.user ?? me).organization?.id ?? (me.user ?? me).organization_id;
  assert.ok(Number.isInteger(ownOrgId), `case worker organisation id: ${JSON.stringify(me)}`);
  const orgs = expectStatus(
    await api('GET', '/organizations?q=Conca&per_page=100', { session: officer }),
    200,
  );
  const other = orgs.items.find((o) => o.name === "Consorzio Accoglienza Conca d'Oro (demo)");
  assert.ok(other, 'the second demo operator exists');
  otherOrgId = other.id;
  assert.notEqual(otherOrgId, ownOrgId);
});

// Dates relative to today (UTC; at least two days back so that the server's local date agrees).
function daysAgo(n) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}
const addDays = (day, n) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const FUTURE = daysAgo(-30);

// A valid personal codice fiscale (random letters and digits, right check character).
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
function checkChar(first15) {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i];
    const v = /[0-9]/.test(c) ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? ODD[v] : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}
function codiceFiscale() {
  const L = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
  const D = () => String(Math.floor(Math.random() * 10));
  const body = L() + L() + L() + L() + L() + L() + D() + D() + 'A' + D() + D() + 'Z' + D() + D() + D();
  return body + checkChar(body);
}
const wrongCheck = (cf) => cf.slice(0, 15) + (cf[15] === 'A' ? 'B' : 'A');

function centreBody(fields = {}) {
  return {
    name: `Centro test ${uniqueSuffix()}`,
    type: 'cas',
    operator_id: ownOrgId,
    address: 'Via Roma 1, Palermo',
    istat_code: '082053',
    status: 'active',
    places_single_men: 10,
    places_single_women: 5,
    places_families: 6,
    places_minors: 0,
    services: ['cultural_mediation', 'health_care'],
    ...fields,
  };
}
async function createCentre(fields = {}) {
  return expectStatus(await api('POST', '/centres', { session: officer, body: centreBody(fields) }), 201);
}
function personBody(fields = {}) {
  return {
    family_name: `Test${uniqueSuffix()}`,
    given_names: 'Amina',
    sex: 'female',
    birth_date: '1990-05-01',
    nationality: 'NG',
    languages: ['en', 'yo'],
    ...fields,
  };
}
async function createPerson(fields = {}) {
  return expectStatus(await api('POST', '/persons', { session: officer, body: personBody(fields) }), 201);
}
async function createPersons(n, fields = {}) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await createPerson(fields));
  return out;
}
async function arrive(personIds, centreId, category, date, extra = {}, session = officer) {
  return api('POST', '/placements', {
    session,
    body: { person_ids: personIds, centre_id: centreId, category, date, arrival_from: 'landing', ...extra },
  });
}
async function placementsOf(personId, session = officer) {
  return expectStatus(await api('GET', `/persons/${personId}/placements`, { session }), 200).items;
}
async function centresNamed(name) {
  const res = await api('GET', `/centres?q=${encodeURIComponent(name)}&per_page=100`, { session: officer });
  return expectStatus(res, 200).items.filter((c) => c.name === name);
}
async function occupancyOf(centreId, date, session = officer) {
  const q = date ? `?date=${date}` : '';
  const body = expectStatus(await api('GET', `/occupancy${q}`, { session }), 200);
  return body.items.find((o) => o.centre_id === centreId);
}

// ---------------------------------------------------------------- centres

test('centres: create, get, patch and list with filters', async () => {
  const body = centreBody({ latitude: 38.1157, longitude: 13.3615, istat_code: '082006' });
  const created = expectStatus(await api('POST', '/centres', { session: officer, body }), 201);
  assert.equal(created.name, body.name);
  assert.equal(created.operator_id, ownOrgId);
  assert.deepEqual(created.places, { single_men: 10, single_women: 5, families: 6, minors: 0, total: 21 });
  assert.deepEqual(created.services, ['cultural_mediation', 'health_care']);
  assert.equal(created.latitude, 38.1157);

  const got = expectStatus(await api('GET', `/centres/${created.id}`, { session: officer }), 200);
  assert.equal(got.name, body.name);
  assert.equal(typeof got.operator_name, 'string');
  assert.equal(got.operator_name, 'Cooperativa Sociale Approdo (demo)');

  const patched = expectStatus(
    await api('PATCH', `/centres/${created.id}`, {
      session: officer,
      body: { places_minors: 4, status: 'suspended', contact_email: 'centro@test.innet.example' },
    }),
    200,
  );
  assert.equal(patched.places.minors, 4);
  assert.equal(patched.places.total, 25);
  assert.equal(patched.status, 'suspended');
  assert.equal(patched.contact_email, 'centro@test.innet.example');
  assert.equal(patched.name, body.name, 'fields not sent are kept');

  const byName = await centresNamed(body.name);
  assert.equal(byName.length, 1);
  const list = async (query) =>
    expectStatus(await api('GET', `/centres?${query}&per_page=100`, { session: officer }), 200).items.map((c) => c.id);
  const q = `q=${encodeURIComponent(body.name)}`;
  assert.ok((await list(`${q}&status=suspended`)).includes(created.id));
  assert.ok(!(await list(`${q}&status=active`)).includes(created.id));
  assert.ok((await list(`${q}&type=cas`)).includes(created.id));
  assert.ok(!(await list(`${q}&type=sai`)).includes(created.id));
  assert.ok((await list(`${q}&istat_code=082006`)).includes(created.id));
  assert.ok(!(await list(`${q}&istat_code=082053`)).includes(created.id));
  assert.ok((await list(`${q}&operator_id=${ownOrgId}`)).includes(created.id));
  assert.ok(!(await list(`${q}&operator_id=${otherOrgId}`)).includes(created.id));
});

test('centres: bad input is refused naming the field and nothing is stored', async () => {
  const cases = [
    { name: 'negative places', body: { places_single_men: -1 }, status: 400, code: 'validation_failed', fields: ['places_single_men'] },
    {
      name: 'all places zero',
      body: { places_single_men: 0, places_single_women: 0, places_families: 0, places_minors: 0 },
      status: 422,
      code: 'no_places',
      fields: ['places'],
    },
    { name: 'unknown service', body: { services: ['health_care', 'spa'] }, status: 400, code: 'validation_failed', fields: ['services[1]'] },
    { name: 'ISTAT 5 digits', body: { istat_code: '82053' }, status: 400, code: 'validation_failed', fields: ['istat_code'] },
    { name: 'ISTAT with a letter', body: { istat_code: '08205a' }, status: 400, code: 'validation_failed', fields: ['istat_code'] },
    { name: 'latitude 91', body: { latitude: 91, longitude: 13 }, status: 400, code: 'validation_failed', fields: ['latitude'] },
    { name: 'latitude -90.5', body: { latitude: -90.5, longitude: 13 }, status: 400, code: 'validation_failed', fields: ['latitude'] },
    { name: 'latitude without longitude', body: { latitude: 38 }, status: 400, code: 'validation_failed', fields: ['longitude'] },
    { name: 'unknown type', body: { type: 'hotel' }, status: 400, code: 'validation_failed', fields: ['type'] },
    { name: 'unknown operator', body: { operator_id: 2147483647 }, status: 422, code: 'validation_failed', fields: ['operator_id'] },
  ];
  for (const c of cases) {
    const body = centreBody(c.body);
    const res = await api('POST', '/centres', { session: officer, body });
    try {
      const e = expectError(res, c.status, c.code ?? (c.status === 409 ? 'unique_violation' : 'validation_failed'), c.fields);
      assert.ok(Object.keys(e.fields).length > 0);
    } catch (err) {
      err.message = `${c.name}: ${err.message}`;
      throw err;
    }
    assert.deepEqual(await centresNamed(body.name), [], `${c.name}: nothing stored`);
  }
});

test('centres: a refused PATCH leaves the centre unchanged', async () => {
  const centre = await createCentre();
  expectError(
    await api('PATCH', `/centres/${centre.id}`, {
      session: officer,
      body: { places_single_men: 0, places_single_women: 0, places_families: 0 },
    }),
    422,
    'no_places',
    ['places'],
  );
  expectError(
    await api('PATCH', `/centres/${centre.id}`, { session: officer, body: { name: 'Other name', latitude: 100, longitude: 1 } }),
    400,
    'validation_failed',
    ['latitude'],
  );
  const now = expectStatus(await api('GET', `/centres/${centre.id}`, { session: officer }), 200);
  assert.equal(now.name, centre.name);
  assert.deepEqual(now.places, centre.places);
});

// ---------------------------------------------------------------- contracts

test('contracts: create, newest first, overlap refused, end before start refused', async () => {
  const centre = await createCentre();
  const cig = () => `Z${uniqueSuffix().toUpperCase().replace(/[^A-Z0-9]/g, '')}`.padEnd(10, '0').slice(0, 10);
  const contract = (start, end, extra = {}) =>
    api('POST', `/centres/${centre.id}/contracts`, {
      session: officer,
      body: { cig: cig(), start_date: start, end_date: end, places: 20, price_cents: 3500, ...extra },
    });
  const first = expectStatus(await contract('2024-01-01', '2024-12-31'), 201);
  assert.equal(first.centre_id, centre.id);
  assert.equal(first.pocket_money_cents, 250, 'default pocket money');
  const second = expectStatus(await contract('2025-01-01', '2025-12-31', { places: 25 }), 201);
  const list = expectStatus(await api('GET', `/centres/${centre.id}/contracts`, { session: officer }), 200);
  assert.deepEqual(
    list.items.map((c) => c.id),
    [second.id, first.id],
    'newest first',
  );

  expectError(await contract('2025-06-01', '2026-05-31'), 409, 'contract_overlap');
  expectError(await contract('2023-06-01', '2024-01-01'), 409, 'contract_overlap');
  expectError(await contract('2027-02-01', '2027-01-01'), 422, 'validation_failed', ['end_date']);
  const after = expectStatus(await api('GET', `/centres/${centre.id}/contracts`, { session: officer }), 200);
  assert.equal(after.items.length, 2, 'nothing stored after the refusals');
});

// ---------------------------------------------------------------- persons and families

test('persons: create with languages, nationality and codice fiscale', async () => {
  const cf = codiceFiscale();
  const cui = `CUI${uniqueSuffix()}`.slice(0, 20);
  const p = await createPerson({ languages: ['ar', 'fr'], nationality: 'TN', codice_fiscale: cf, cui });
  assert.deepEqual(p.languages, ['ar', 'fr']);
  assert.equal(p.nationality, 'TN');
  assert.equal(p.codice_fiscale, cf);
  assert.equal(p.cui, cui);
  const got = expectStatus(await api('GET', `/persons/${p.id}`, { session: officer }), 200);
  assert.equal(got.family_name, p.family_name);
  // Stateless and unknown nationality codes are accepted.
  await createPerson({ nationality: 'XX' });
  await createPerson({ nationality: 'ZZ' });
});

test('persons: bad input is refused and nothing is stored', async () => {
  const cui = `CUI${uniqueSuffix()}`.slice(0, 20);
  await createPerson({ cui });
  const cases = [
    { name: 'nationality XY', body: { nationality: 'XY' }, status: 400, fields: ['nationality'] },
    { name: 'codice fiscale check character', body: { codice_fiscale: wrongCheck(codiceFiscale()) }, status: 400, fields: ['codice_fiscale'] },
    { name: 'duplicate CUI', body: { cui }, status: 409, fields: ['cui'] },
    { name: 'future birth date', body: { birth_date: FUTURE }, status: 422, code: 'future_date', fields: ['birth_date'] },
    { name: 'unknown language', body: { languages: ['en', 'qq'] }, status: 400, fields: ['languages[1]'] },
  ];
  for (const c of cases) {
    const body = personBody(c.body);
    const res = await api('POST', '/persons', { session: officer, body });
    try {
      expectError(res, c.status, c.code ?? (c.status === 409 ? 'unique_violation' : 'validation_failed'), c.fields);
    } catch (err) {
      err.message = `${c.name}: ${err.message}`;
      throw err;
    }
    const found = expectStatus(
      await api('GET', `/persons?q=${encodeURIComponent(body.family_name)}&per_page=100`, { session: officer }),
      200,
    );
    assert.equal(found.items.filter((p) => p.family_name === body.family_name).length, 0, `${c.name}: nothing stored`);
  }
});

test('family groups: create and list members', async () => {
  const group = expectStatus(
    await api('POST', '/family-groups', { session: officer, body: { label: `Famiglia ${uniqueSuffix()}` } }),
    201,
  );
  const members = [
    await createPerson({ family_group_id: group.id, sex: 'male', given_names: 'Moussa' }),
    await createPerson({ family_group_id: group.id }),
    await createPerson({ family_group_id: group.id, birth_date: '2018-03-03', given_names: 'Awa' }),
  ];
  const got = expectStatus(await api('GET', `/family-groups/${group.id}`, { session: officer }), 200);
  assert.equal(got.label, group.label);
  assert.deepEqual(got.members.map((m) => m.id).sort((a, b) => a - b), members.map((m) => m.id).sort((a, b) => a - b));
  const listed = expectStatus(await api('GET', `/persons?family_group_id=${group.id}&per_page=100`, { session: officer }), 200);
  assert.equal(listed.total, 3);
  expectError(
    await api('POST', '/persons', { session: officer, body: personBody({ family_group_id: 2147483647 }) }),
    422,
    'validation_failed',
    ['family_group_id'],
  );
});
