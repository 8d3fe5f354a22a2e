// Centres and their contracts over HTTP: create, read, change and list, the refusals of bad input
// and of contracts that overlap or name the wrong manager. Everything is made by the Prefettura
// officer with unique names; no test assumes ids or counts of rows it did not make.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, createUser, expectError, expectStatus, findOrganization, loginDemo, uniqueSuffix } from '../support/client.mjs';
import { addDays } from '../support/days.mjs';
import { centreBody, createCentre } from './fixture.mjs';

let officer; // prefecture_officer
let caseWorker; // case_worker of "Cooperativa Sociale Approdo (demo)"
let ownOrgId; // the case worker's organisation (a centre operator)
let otherOrgId; // another centre operator

before(async () => {
  [officer, caseWorker] = await Promise.all(['prefecture_officer', 'case_worker'].map((r) => loginDemo(r)));
  ownOrgId = caseWorker.user.organization.id;
  otherOrgId = (await findOrganization(officer, "Consorzio Accoglienza Conca d'Oro (demo)")).id;
});

async function centresNamed(name) {
  const res = await api('GET', `/centres?q=${encodeURIComponent(name)}&per_page=100`, { session: officer });
  return expectStatus(res, 200).items.filter((c) => c.name === name);
}

// ---------------------------------------------------------------- centres

test('centres: create, get, patch and list with filters', async () => {
  const body = centreBody({ operator_id: ownOrgId, latitude: 38.1157, longitude: 13.3615, istat_code: '082006' });
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
    const body = centreBody({ operator_id: ownOrgId, ...c.body });
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
  const centre = await createCentre(officer, { operator_id: ownOrgId });
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
  const centre = await createCentre(officer, { operator_id: ownOrgId });
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

test('contracts: the manager must be a prefecture officer of a prefecture; the list names them', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const contract = (start, manager) =>
    api('POST', `/centres/${centre.id}/contracts`, {
      session: officer,
      body: { cig: 'M123456789', start_date: start, end_date: addDays(start, 30), places: 5, price_cents: 3000, manager_user_id: manager },
    });
  const refused = async (manager) =>
    expectError(await contract('2024-01-01', manager), 422, 'validation_failed', ['manager_user_id']);
  await refused(caseWorker.user.id);
  await refused(2147483647);
  // The role alone is not enough: the account must belong to a prefecture.
  const admin = await loginDemo('admin');
  const { user: elsewhere } = await createUser(admin, { organizationId: ownOrgId, role: 'prefecture_officer' });
  await refused(elsewhere.id);
  // Nor may a deactivated account manage a contract.
  const { user: former } = await createUser(admin, { organizationId: officer.user.organization.id, role: 'prefecture_officer' });
  expectStatus(await api('PATCH', `/users/${former.id}`, { session: admin, body: { active: false } }), 200);
  await refused(former.id);
  const list0 = expectStatus(await api('GET', `/centres/${centre.id}/contracts`, { session: officer }), 200);
  assert.equal(list0.items.length, 0, 'nothing stored after the refusals');

  const managed = expectStatus(await contract('2024-01-01', officer.user.id), 201);
  assert.equal(managed.manager_user_id, officer.user.id);
  expectStatus(await contract('2024-03-01', null), 201);
  // The operator's staff, who cannot read Prefettura accounts, read the name in the list.
  for (const session of [officer, caseWorker]) {
    const list = expectStatus(await api('GET', `/centres/${centre.id}/contracts`, { session }), 200);
    assert.deepEqual(
      list.items.map((c) => c.manager_name),
      [null, officer.user.display_name],
    );
  }
});

test('contracts: end dates are inclusive, so a contract starting on the last day overlaps', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const contract = (start, end) =>
    api('POST', `/centres/${centre.id}/contracts`, {
      session: officer,
      body: { cig: 'B123456789', start_date: start, end_date: end, places: 5, price_cents: 3000 },
    });
  expectStatus(await contract('2024-01-01', '2024-12-31'), 201);
  expectError(await contract('2024-12-31', '2025-06-30'), 409, 'contract_overlap', ['start_date']);
  expectStatus(await contract('2025-01-01', '2025-06-30'), 201);
  expectError(await contract('2025-01-01', '2025-01-01'), 409, 'contract_overlap', ['start_date']);
  expectError(
    await api('POST', '/centres/2147483647/contracts', {
      session: officer,
      body: { cig: 'B123456789', start_date: '2024-01-01', end_date: '2024-02-01', places: 5, price_cents: 3000 },
    }),
    404,
    'not_found',
  );
});


// ---------------------------------------------------------------- municipalities

test('municipalities: the 82 of the province by ISTAT code, for anyone (public reference data)', async () => {
  const list = expectStatus(await api('GET', '/municipalities'), 200).items;
  assert.equal(list.length, 82);
  const palermo = list.find((m) => m.istat_code === '082053');
  assert.equal(palermo.name, 'Palermo');
  assert.ok(palermo.latitude > 37.9 && palermo.latitude < 38.3, `latitude ${palermo.latitude}`);
  assert.equal(new Set(list.map((m) => m.istat_code)).size, 82);
  assert.ok(list.every((m) => /^0820[0-8][0-9]$/.test(m.istat_code)));
});
