// People and reception: centres, contracts, persons, family groups, placements (arrival,
// transfer, exit), the operator scope and occupancy. Everything is made by the Prefettura
// officer with unique names; no test assumes ids or counts of rows it did not make.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { centreBody, createCentre } from '../centres/fixture.mjs';
import { createFamilyGroup, createPerson, createPersons, personBody } from '../people/fixture.mjs';
import { api, createUser, expectError, expectStatus, loginDemo, uniqueSuffix } from '../support/client.mjs';
import { arrive } from './placements/fixture.mjs';

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

async function placementsOf(personId, session = officer) {
  return expectStatus(await api('GET', `/persons/${personId}/placements`, { session }), 200).items;
}
async function centresNamed(name) {
  const res = await api('GET', `/centres?q=${encodeURIComponent(name)}&per_page=100`, { session: officer });
  return expectStatus(res, 200).items.filter((c) => c.name === name);
}
// Every item of a paged list, page after page (centres made by the tests come last, by id).
async function allPages(path, session = officer) {
  const items = [];
  for (let page = 1; ; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const body = expectStatus(await api('GET', `${path}${sep}per_page=100&page=${page}`, { session }), 200);
    items.push(...body.items);
    if (page * body.per_page >= body.total) return items;
  }
}
async function occupancyOf(centreId, date, session = officer) {
  const q = date ? `?date=${date}` : '';
  return (await allPages(`/occupancy${q}`, session)).find((o) => o.centre_id === centreId);
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

// ---------------------------------------------------------------- persons and families

test('persons: create with languages, nationality and codice fiscale', async () => {
  const cf = codiceFiscale();
  const cui = `CUI${uniqueSuffix()}`.slice(0, 20);
  const p = await createPerson(officer, { languages: ['ar', 'fr'], nationality: 'TN', codice_fiscale: cf, cui });
  assert.deepEqual(p.languages, ['ar', 'fr']);
  assert.equal(p.nationality, 'TN');
  assert.equal(p.codice_fiscale, cf);
  assert.equal(p.cui, cui);
  const got = expectStatus(await api('GET', `/persons/${p.id}`, { session: officer }), 200);
  assert.equal(got.family_name, p.family_name);
  // Stateless and unknown nationality codes are accepted.
  await createPerson(officer, { nationality: 'XX' });
  await createPerson(officer, { nationality: 'ZZ' });
});

test('persons: bad input is refused and nothing is stored', async () => {
  const cui = `CUI${uniqueSuffix()}`.slice(0, 20);
  await createPerson(officer, { cui });
  const cases = [
    { name: 'nationality XY', body: { nationality: 'XY' }, status: 400, fields: ['nationality'] },
    { name: 'codice fiscale check character', body: { codice_fiscale: wrongCheck(codiceFiscale()) }, status: 400, fields: ['codice_fiscale'] },
    { name: 'duplicate CUI', body: { cui }, status: 409, fields: ['cui'] },
    { name: 'future birth date', body: { birth_date: FUTURE }, status: 422, code: 'future_date', fields: ['birth_date'] },
    { name: 'unknown language', body: { languages: ['en', 'qq'] }, status: 400, fields: ['languages[1]'] },
    // Names: trimmed, so spaces alone are empty; no control characters or direction overrides.
    { name: 'a name of spaces', body: { given_names: ' \u00a0\u3000 ' }, status: 400, fields: ['given_names'] },
    { name: 'a NUL in a name', body: { given_names: 'Ali\u0000' }, status: 400, fields: ['given_names'] },
    { name: 'a line break in a name', body: { given_names: 'Ali\nReza' }, status: 400, fields: ['given_names'] },
    { name: 'a right-to-left override', body: { given_names: 'Ali\u202egpj.exe' }, status: 400, fields: ['given_names'] },
    { name: 'a birth date in year 0', body: { birth_date: '0000-01-01' }, status: 400, fields: ['birth_date'] },
    { name: 'a birth date in year -999', body: { birth_date: '-999-01-01' }, status: 400, fields: ['birth_date'] },
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
  const group = await createFamilyGroup(officer);
  const members = [
    await createPerson(officer, { family_group_id: group.id, sex: 'male', given_names: 'Moussa' }),
    await createPerson(officer, { family_group_id: group.id }),
    await createPerson(officer, { family_group_id: group.id, birth_date: '2018-03-03', given_names: 'Awa' }),
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

test('family groups: a person joins another\'s family and leaves it through PATCH', async () => {
  const [a, b] = await createPersons(officer, 2);
  // The picker's path when the other person has no family yet: a group, then both join it.
  const group = await createFamilyGroup(officer, a.family_name);
  for (const p of [a, b]) {
    const patched = expectStatus(await api('PATCH', `/persons/${p.id}`, { session: officer, body: { family_group_id: group.id } }), 200);
    assert.equal(patched.family_group_id, group.id);
    assert.equal(patched.family_name, p.family_name, 'the other fields stay');
  }
  const got = expectStatus(await api('GET', `/family-groups/${group.id}`, { session: officer }), 200);
  assert.deepEqual(got.members.map((m) => m.id).sort((x, y) => x - y), [a.id, b.id].sort((x, y) => x - y));
  const left = expectStatus(await api('PATCH', `/persons/${b.id}`, { session: officer, body: { family_group_id: null } }), 200);
  assert.equal(left.family_group_id, null);
  const after = expectStatus(await api('GET', `/family-groups/${group.id}`, { session: officer }), 200);
  assert.deepEqual(after.members.map((m) => m.id), [a.id]);
  expectError(
    await api('PATCH', `/persons/${a.id}`, { session: officer, body: { family_group_id: 2147483647 } }),
    422,
    'validation_failed',
    ['family_group_id'],
  );
  assert.equal((await api('PATCH', `/persons/${a.id}`, { session: caseWorker, body: { family_group_id: null } })).status, 403);
});

test('family groups: family_of joins another person\'s family in one write, or changes nothing', async () => {
  const [a, b, c] = await createPersons(officer, 3);
  const get = async (p) => expectStatus(await api('GET', `/persons/${p.id}`, { session: officer }), 200);
  const patch = (p, body) => api('PATCH', `/persons/${p.id}`, { session: officer, body });

  // Refusals first: a has no family before and after each of them.
  expectError(await patch(b, { family_of: b.id }), 422, 'validation_failed', ['family_of']);
  expectError(await patch(b, { family_of: 2147483647 }), 422, 'validation_failed', ['family_of']);
  expectError(await patch(b, { family_of: a.id, family_group_id: null }), 400, 'validation_failed', ['family_of']);
  // A write refused after the group was made (c's CUI is taken) joins no one: it is rolled back.
  const cui = `CUI${uniqueSuffix()}`.slice(0, 20);
  expectStatus(await patch(c, { cui }), 200);
  expectError(await patch(b, { family_of: a.id, cui }), 409, 'unique_violation', ['cui']);
  assert.equal((await get(a)).family_group_id, null);
  assert.equal((await get(b)).family_group_id, null);

  // a has no family: a new group that both join.
  const joined = expectStatus(await patch(b, { family_of: a.id }), 200);
  assert.ok(joined.family_group_id);
  assert.equal((await get(a)).family_group_id, joined.family_group_id);
  // A new person joins through any member.
  const born = expectStatus(
    await api('POST', '/persons', { session: officer, body: personBody({ given_names: 'Ada', family_of: b.id }) }),
    201,
  );
  assert.equal(born.family_group_id, joined.family_group_id);
  // c joins through a, whose group exists already: no new group.
  assert.equal(expectStatus(await patch(c, { family_of: a.id }), 200).family_group_id, joined.family_group_id);
  const group = expectStatus(await api('GET', `/family-groups/${joined.family_group_id}`, { session: officer }), 200);
  assert.equal(group.members.length, 4);
  const again = expectStatus(await patch(c, { family_of: a.id }), 200);
  assert.equal(again.family_group_id, joined.family_group_id, 'joining again changes nothing');
  assert.equal((await api('PATCH', `/persons/${c.id}`, { session: caseWorker, body: { family_of: a.id } })).status, 403);
});

// ---------------------------------------------------------------- placements

test('placements: a family of three arrives in one call', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const family = await createPersons(officer, 3);
  const ids = family.map((p) => p.id);
  const day = daysAgo(20);
  const done = expectStatus(await arrive(officer, ids, centre.id, 'families', day), 201);
  assert.equal(done.items.length, 3);
  assert.deepEqual(done.items.map((p) => p.person_id).sort((a, b) => a - b), [...ids].sort((a, b) => a - b));
  for (const p of done.items) {
    assert.equal(p.centre_id, centre.id);
    assert.equal(p.category, 'families');
    assert.equal(p.start_date, day);
    assert.equal(p.arrival_from, 'landing');
    assert.equal(p.end_date, null);
    assert.equal(p.override_reason, null);
    const one = expectStatus(await api('GET', `/placements/${p.id}`, { session: officer }), 200);
    assert.deepEqual(one, p);
  }
  const guests = expectStatus(await api('GET', `/centres/${centre.id}/guests`, { session: officer }), 200);
  assert.deepEqual(guests.items.map((g) => g.person_id).sort((a, b) => a - b), [...ids].sort((a, b) => a - b));
  assert.ok(guests.items.every((g) => typeof g.person.family_name === 'string'));
  const history = expectStatus(await api('GET', `/centres/${centre.id}/guests?date=${daysAgo(21)}`, { session: officer }), 200);
  assert.equal(history.items.length, 0, 'nobody the day before arrival');
});

test('placements: an overlapping placement is refused and nothing is stored', async () => {
  const a = await createCentre(officer, { operator_id: ownOrgId });
  const b = await createCentre(officer, { operator_id: ownOrgId });
  const [p, q] = await createPersons(officer, 2);
  expectStatus(await arrive(officer, [p.id], a.id, 'single_women', daysAgo(10)), 201);
  // Same day, later day and earlier day (open placement covers everything after its start).
  for (const day of [daysAgo(10), daysAgo(5), daysAgo(15)]) {
    const res = await arrive(officer, [q.id, p.id], b.id, 'single_women', day);
    expectError(res, 409, 'placement_overlap', ['person_ids']);
  }
  assert.equal((await placementsOf(q.id)).length, 0, 'the free person was not placed either');
  assert.equal((await placementsOf(p.id)).length, 1);
  const guests = expectStatus(await api('GET', `/centres/${b.id}/guests`, { session: officer }), 200);
  assert.equal(guests.items.length, 0);
  // After an exit, an arrival before the exit date still overlaps; on the exit date it does not.
  expectStatus(
    await api('POST', '/placements/exits', {
      session: officer,
      body: { person_ids: [p.id], date: daysAgo(6), reason: 'left_voluntarily' },
    }),
    201,
  );
  expectError(await arrive(officer, [p.id], b.id, 'single_women', daysAgo(7)), 409, 'placement_overlap', ['person_ids']);
  expectStatus(await arrive(officer, [p.id], b.id, 'single_women', daysAgo(6)), 201);
});

test('placements: a full category refuses unless the Prefettura overrides', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 2, places_single_women: 1, places_families: 0 });
  const men = await createPersons(officer, 4, { sex: 'male', given_names: 'Ibrahim' });
  const day = daysAgo(8);
  expectStatus(await arrive(officer, [men[0].id, men[1].id], centre.id, 'single_men', day), 201);
  const full = await arrive(officer, [men[2].id], centre.id, 'single_men', day);
  expectError(full, 409, 'centre_full', ['centre_id']);
  assert.equal((await placementsOf(men[2].id)).length, 0);
  // A category with no places at all is full too.
  expectError(await arrive(officer, [men[2].id], centre.id, 'families', day), 409, 'centre_full', ['centre_id']);
  // Another category still has room.
  const woman = await createPerson(officer);
  expectStatus(await arrive(officer, [woman.id], centre.id, 'single_women', day), 201);

  // Only the Prefettura may override; the reason is recorded.
  const reason = 'Emergency landing at Lampedusa, no other centre available';
  const ok = expectStatus(await arrive(officer, [men[2].id], centre.id, 'single_men', day, { override_reason: reason }), 201);
  assert.equal(ok.items[0].override_reason, reason);
  const history = await placementsOf(men[2].id);
  assert.equal(history[0].override_reason, reason);
  // A too-short reason is refused as bad input.
  expectError(
    await arrive(officer, [men[3].id], centre.id, 'single_men', day, { override_reason: 'short' }),
    400,
    'validation_failed',
    ['override_reason'],
  );
  assert.equal((await placementsOf(men[3].id)).length, 0);

  const occ = await occupancyOf(centre.id, day);
  assert.ok(occ, 'the centre is in the occupancy');
  assert.equal(occ.guests.single_men, 3);
  assert.equal(occ.guests.single_women, 1);
  assert.equal(occ.over_capacity, true, 'over capacity after the override');
  const flagged = await allPages(`/occupancy?date=${day}&flag=over_capacity`);
  assert.ok(flagged.some((o) => o.centre_id === centre.id));
});

test('placements: closed centre, future date, unknown persons', async () => {
  const closed = await createCentre(officer, { operator_id: ownOrgId, status: 'closed' });
  const suspended = await createCentre(officer, { operator_id: ownOrgId, status: 'suspended' });
  const open = await createCentre(officer, { operator_id: ownOrgId });
  const p = await createPerson(officer);
  expectError(await arrive(officer, [p.id], closed.id, 'single_women', daysAgo(3)), 409, 'centre_not_accepting', ['centre_id']);
  expectError(await arrive(officer, [p.id], suspended.id, 'single_women', daysAgo(3)), 409, 'centre_not_accepting', ['centre_id']);
  expectError(await arrive(officer, [p.id], open.id, 'single_women', FUTURE), 422, 'future_date', ['date']);
  expectError(await arrive(officer, [p.id, p.id], open.id, 'single_women', daysAgo(3)), 400, 'validation_failed', ['person_ids']);
  expectError(await arrive(officer, [p.id, 2147483647], open.id, 'single_women', daysAgo(3)), 422, 'no_such_person', ['person_ids']);
  expectError(await arrive(officer, [p.id], 2147483647, 'single_women', daysAgo(3)), 422, 'no_such_centre', ['centre_id']);
  expectError(await arrive(officer, [p.id], open.id, 'adults', daysAgo(3)), 400, 'validation_failed', ['category']);
  // Dates a placement cannot have: they would make stays of thousands of years.
  for (const date of ['-999-01-01', '0000-01-01', '1999-12-31'])
    expectError(await arrive(officer, [p.id], open.id, 'single_women', date), 400, 'validation_failed', ['date']);
  assert.equal((await placementsOf(p.id)).length, 0, 'nothing stored');
  // The case worker may not place anyone.
  const res = await arrive(caseWorker, [p.id], open.id, 'single_women', daysAgo(3));
  assert.equal(res.status, 403, res.text);
  assert.equal((await placementsOf(p.id)).length, 0);
  // An override opens even a closed centre.
  const reason = 'Decree of the Prefetto, centre reopened temporarily';
  const ok = expectStatus(await arrive(officer, [p.id], closed.id, 'single_women', daysAgo(3), { override_reason: reason }), 201);
  assert.equal(ok.items[0].override_reason, reason);
});

test('placements: a family transfer closes and opens placements atomically', async () => {
  const from = await createCentre(officer, { operator_id: ownOrgId });
  const to = await createCentre(officer, { operator_id: otherOrgId });
  const family = await createPersons(officer, 3);
  const ids = family.map((p) => p.id);
  const arrival = daysAgo(30);
  const moveDay = daysAgo(12);
  const arrived = expectStatus(await arrive(officer, ids, from.id, 'families', arrival), 201).items;
  const done = expectStatus(
    await api('POST', '/placements/transfers', {
      session: officer,
      body: { person_ids: ids, to_centre_id: to.id, date: moveDay },
    }),
    201,
  );
  assert.equal(done.items.length, 3);
  for (const p of done.items) {
    const old = arrived.find((a) => a.person_id === p.person_id);
    assert.equal(p.centre_id, to.id);
    assert.equal(p.category, 'families');
    assert.equal(p.start_date, moveDay);
    assert.equal(p.end_date, null);
    assert.equal(p.arrival_from, 'transfer');
    assert.equal(p.previous_placement_id, old.id);
    const closed = expectStatus(await api('GET', `/placements/${old.id}`, { session: officer }), 200);
    assert.equal(closed.end_date, moveDay);
    assert.equal(closed.exit_reason, 'transferred');
    const history = await placementsOf(p.person_id);
    assert.deepEqual(history.map((h) => h.id), [p.id, old.id], 'newest first');
  }
  const guestsOld = expectStatus(await api('GET', `/centres/${from.id}/guests?date=${moveDay}`, { session: officer }), 200);
  assert.equal(guestsOld.items.length, 0, 'not counted at the old centre on the transfer date');
  const guestsNew = expectStatus(await api('GET', `/centres/${to.id}/guests?date=${moveDay}`, { session: officer }), 200);
  assert.equal(guestsNew.items.length, 3);

  // Daily series: the counts change on the transfer date.
  const seriesOf = async (centreId) =>
    expectStatus(
      await api('GET', `/centres/${centreId}/occupancy?from=${addDays(moveDay, -2)}&to=${addDays(moveDay, 2)}`, { session: officer }),
      200,
    );
  const sOld = await seriesOf(from.id);
  const sNew = await seriesOf(to.id);
  assert.equal(sOld.items.length, 5);
  assert.deepEqual(sOld.items.map((d) => d.day), [-2, -1, 0, 1, 2].map((n) => addDays(moveDay, n)));
  assert.deepEqual(sOld.items.map((d) => d.families), [3, 3, 0, 0, 0]);
  assert.deepEqual(sNew.items.map((d) => d.families), [0, 0, 3, 3, 3]);
  assert.deepEqual(sNew.items.map((d) => d.total), [0, 0, 3, 3, 3]);
  assert.equal(sOld.from, addDays(moveDay, -2));
  assert.equal(sOld.to, addDays(moveDay, 2));

  // Moving to the centre they are in is refused.
  expectError(
    await api('POST', '/placements/transfers', { session: officer, body: { person_ids: ids, to_centre_id: to.id, date: daysAgo(5) } }),
    422,
    'same_centre',
    ['to_centre_id'],
  );
});

test('persons: names are stored trimmed, in their own script', async () => {
  const p = await createPerson(officer, { family_name: '  Al-Amin  ', family_name_original: ' \u0627\u0644\u0623\u0645\u064a\u0646 ' });
  assert.equal(p.family_name, 'Al-Amin');
  assert.equal(p.family_name_original, '\u0627\u0644\u0623\u0645\u064a\u0646');
});

test('placements: twenty parallel transfers of one person: exactly one wins, the others get 409', async () => {
  const from = await createCentre(officer, { operator_id: ownOrgId });
  const targets = [];
  for (let i = 0; i < 20; i++) targets.push(await createCentre(officer, { operator_id: ownOrgId }));
  const [p] = await createPersons(officer, 1);
  expectStatus(await arrive(officer, [p.id], from.id, 'single_men', daysAgo(20)), 201);
  const date = daysAgo(2);
  const answers = await Promise.all(
    targets.map((c) =>
      api('POST', '/placements/transfers', { session: officer, body: { person_ids: [p.id], to_centre_id: c.id, date } }),
    ),
  );
  const won = answers.filter((r) => r.status === 201);
  const lost = answers.filter((r) => r.status !== 201);
  assert.equal(won.length, 1, answers.map((r) => r.status).join(' '));
  for (const r of lost) {
    assert.equal(r.status, 409, r.text);
    assert.ok(['already_moved', 'placement_changed'].includes(r.json.error.code), r.text);
  }
  const history = await placementsOf(p.id);
  assert.equal(history.length, 2, 'the arrival and the one transfer: no one-day placements');
  assert.equal(history[0].centre_id, won[0].json.items[0].centre_id);
  assert.equal(history[1].end_date, date);
});

test('placements: transferring someone not placed is refused and nobody moves', async () => {
  const from = await createCentre(officer, { operator_id: ownOrgId });
  const to = await createCentre(officer, { operator_id: ownOrgId });
  const [a, b, stranger] = await createPersons(officer, 3);
  const arrived = expectStatus(await arrive(officer, [a.id, b.id], from.id, 'single_women', daysAgo(9)), 201).items;
  const res = await api('POST', '/placements/transfers', {
    session: officer,
    body: { person_ids: [a.id, stranger.id, b.id], to_centre_id: to.id, date: daysAgo(4) },
  });
  expectError(res, 409, 'not_placed', ['person_ids']);
  for (const p of arrived) {
    const now = expectStatus(await api('GET', `/placements/${p.id}`, { session: officer }), 200);
    assert.equal(now.end_date, null, 'still open');
    assert.equal(now.exit_reason, null);
    assert.equal((await placementsOf(p.person_id)).length, 1);
  }
  assert.equal((await placementsOf(stranger.id)).length, 0);
  const guests = expectStatus(await api('GET', `/centres/${to.id}/guests`, { session: officer }), 200);
  assert.equal(guests.items.length, 0);
  // A transfer dated before the arrival is refused too.
  expectError(
    await api('POST', '/placements/transfers', { session: officer, body: { person_ids: [a.id], to_centre_id: to.id, date: daysAgo(10) } }),
    422,
    'before_arrival',
    ['date'],
  );
});

test('placements: exits with a reason; "other" needs a note', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const [a, b, c] = await createPersons(officer, 3);
  expectStatus(await arrive(officer, [a.id, b.id, c.id], centre.id, 'single_women', daysAgo(14)), 201);
  const exit = (body) => api('POST', '/placements/exits', { session: officer, body });
  const done = expectStatus(await exit({ person_ids: [a.id], date: daysAgo(3), reason: 'protection_obtained' }), 201);
  assert.equal(done.items[0].end_date, daysAgo(3));
  assert.equal(done.items[0].exit_reason, 'protection_obtained');
  expectError(await exit({ person_ids: [b.id], date: daysAgo(3), reason: 'other' }), 400, 'validation_failed', ['note']);
  expectError(await exit({ person_ids: [b.id], date: daysAgo(3), reason: 'transferred' }), 400, 'validation_failed', ['reason']);
  expectError(await exit({ person_ids: [b.id], date: FUTURE, reason: 'removed' }), 422, 'future_date', ['date']);
  expectError(await exit({ person_ids: [a.id], date: daysAgo(2), reason: 'removed' }), 409, 'not_placed', ['person_ids']);
  assert.equal((await placementsOf(b.id))[0].end_date, null, 'b is still placed');
  const withNote = expectStatus(
    await exit({ person_ids: [b.id], date: daysAgo(2), reason: 'other', note: 'Moved in with relatives in Catania' }),
    201,
  );
  assert.equal(withNote.items[0].exit_reason, 'other');
  assert.equal(withNote.items[0].exit_note, 'Moved in with relatives in Catania');
  const guests = expectStatus(await api('GET', `/centres/${centre.id}/guests`, { session: officer }), 200);
  assert.deepEqual(guests.items.map((g) => g.person_id), [c.id]);
});

// ---------------------------------------------------------------- scope

test('scope: the case worker sees its own organisation\'s centres and guests only', async () => {
  const own = await createCentre(officer, { operator_id: ownOrgId });
  const other = await createCentre(officer, { operator_id: otherOrgId });
  const [guest, elsewhere, never, movedOut] = await createPersons(officer, 4);
  const day = daysAgo(15);
  const placedOwn = expectStatus(await arrive(officer, [guest.id, movedOut.id], own.id, 'single_women', day), 201).items;
  const placedOther = expectStatus(await arrive(officer, [elsewhere.id], other.id, 'single_women', day), 201).items;
  expectStatus(
    await api('POST', '/placements/transfers', {
      session: officer,
      body: { person_ids: [movedOut.id], to_centre_id: other.id, date: daysAgo(5) },
    }),
    201,
  );

  // GET /centres: only its organisation's, whatever it asks for.
  const all = await api('GET', '/centres?per_page=100', { session: caseWorker });
  const listed = expectStatus(all, 200);
  assert.ok(listed.items.length > 0);
  assert.ok(listed.items.every((c) => c.operator_id === ownOrgId), 'only its own centres');
  const named = async (name, extra = '') =>
    expectStatus(
      await api('GET', `/centres?q=${encodeURIComponent(name)}${extra}&per_page=100`, { session: caseWorker }),
      200,
    ).items.map((c) => c.id);
  assert.deepEqual(await named(own.name), [own.id]);
  assert.deepEqual(await named(other.name), []);
  assert.deepEqual(await named(other.name, `&operator_id=${otherOrgId}`), [], 'operator_id cannot widen the scope');

  // One centre, its guests, contracts and occupancy: another operator's answers 404.
  expectStatus(await api('GET', `/centres/${own.id}`, { session: caseWorker }), 200);
  for (const path of [
    `/centres/${other.id}`,
    `/centres/${other.id}/guests`,
    `/centres/${other.id}/contracts`,
    `/centres/${other.id}/occupancy`,
    `/placements/${placedOther[0].id}`,
  ]) {
    expectError(await api('GET', path, { session: caseWorker }), 404, 'not_found');
  }
  const guests = expectStatus(await api('GET', `/centres/${own.id}/guests`, { session: caseWorker }), 200);
  assert.deepEqual(guests.items.map((g) => g.person_id), [guest.id]);
  const earlier = expectStatus(await api('GET', `/centres/${own.id}/guests?date=${daysAgo(10)}`, { session: caseWorker }), 200);
  assert.deepEqual(earlier.items.map((g) => g.person_id).sort((a, b) => a - b), [guest.id, movedOut.id].sort((a, b) => a - b));
  expectStatus(await api('GET', `/placements/${placedOwn[0].id}`, { session: caseWorker }), 200);

  // Persons: those its centres host or hosted.
  const seen = expectStatus(await api('GET', `/persons/${guest.id}`, { session: caseWorker }), 200);
  assert.equal(seen.family_name, guest.family_name);
  expectStatus(await api('GET', `/persons/${movedOut.id}`, { session: caseWorker }), 200);
  expectError(await api('GET', `/persons/${never.id}`, { session: caseWorker }), 404, 'not_found');
  expectError(await api('GET', `/persons/${elsewhere.id}`, { session: caseWorker }), 404, 'not_found');
  // Of a person who moved on, only the stay in its own centre.
  const stays = await placementsOf(movedOut.id, caseWorker);
  assert.deepEqual(stays.map((p) => p.centre_id), [own.id]);
  assert.deepEqual(stays.map((p) => p.centre_name), [own.name], 'the history names its centres');
  const both = await placementsOf(movedOut.id);
  assert.deepEqual(both.map((p) => p.centre_name), [other.name, own.name], 'the officer sees both, newest first');
  const search = async (name) =>
    expectStatus(await api('GET', `/persons?q=${encodeURIComponent(name)}&per_page=100`, { session: caseWorker }), 200).items.map(
      (p) => p.id,
    );
  assert.deepEqual(await search(guest.family_name), [guest.id]);
  assert.deepEqual(await search(never.family_name), []);
  assert.deepEqual(await search(elsewhere.family_name), []);

  // The case worker reads but does not manage.
  assert.equal((await api('POST', '/centres', { session: caseWorker, body: centreBody({ operator_id: ownOrgId }) })).status, 403);
  assert.equal((await api('PATCH', `/centres/${own.id}`, { session: caseWorker, body: { places_minors: 3 } })).status, 403);
  assert.equal((await api('POST', '/persons', { session: caseWorker, body: personBody() })).status, 403);
  assert.equal(
    (
      await api('POST', '/placements/exits', {
        session: caseWorker,
        body: { person_ids: [guest.id], date: daysAgo(1), reason: 'removed' },
      })
    ).status,
    403,
  );
  assert.equal((await placementsOf(guest.id))[0].end_date, null);

  // Occupancy: its own centres only.
  const occ = await allPages(`/occupancy?date=${daysAgo(1)}`, caseWorker);
  assert.ok(occ.every((o) => o.operator_id === ownOrgId));
  assert.ok(occ.some((o) => o.centre_id === own.id));
  expectStatus(await api('GET', `/centres/${own.id}/occupancy`, { session: caseWorker }), 200);
});

test('scope: family groups as the case worker show only the members its centres host', async () => {
  const own = await createCentre(officer, { operator_id: ownOrgId });
  const other = await createCentre(officer, { operator_id: otherOrgId });
  const group = await createFamilyGroup(officer);
  const [a, b] = await createPersons(officer, 2, { family_group_id: group.id });
  expectStatus(await arrive(officer, [a.id], own.id, 'families', daysAgo(4)), 201);
  expectStatus(await arrive(officer, [b.id], other.id, 'families', daysAgo(4)), 201);
  const got = expectStatus(await api('GET', `/family-groups/${group.id}`, { session: caseWorker }), 200);
  assert.deepEqual(got.members.map((m) => m.id), [a.id]);
  const hidden = await createFamilyGroup(officer);
  await createPerson(officer, { family_group_id: hidden.id });
  expectError(await api('GET', `/family-groups/${hidden.id}`, { session: caseWorker }), 404, 'not_found');
});

test('scope: the analyst gets occupancy but no persons; the inspector reads guests', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const p = await createPerson(officer);
  expectStatus(await arrive(officer, [p.id], centre.id, 'single_women', daysAgo(6)), 201);

  assert.equal((await occupancyOf(centre.id, daysAgo(2), analyst))?.guests.single_women, 1);
  expectStatus(await api('GET', `/centres/${centre.id}/occupancy`, { session: analyst }), 200);
  expectStatus(await api('GET', '/placement-desk?category=single_women', { session: analyst }), 200);
  expectError(await api('GET', '/persons', { session: analyst }), 403, 'forbidden');
  expectError(await api('GET', `/persons/${p.id}`, { session: analyst }), 403, 'forbidden');
  expectError(await api('GET', `/centres/${centre.id}/guests`, { session: analyst }), 403, 'forbidden');

  const guests = expectStatus(await api('GET', `/centres/${centre.id}/guests`, { session: inspector }), 200);
  assert.deepEqual(guests.items.map((g) => g.person_id), [p.id]);
  assert.equal(guests.items[0].person.family_name, p.family_name);
  assert.equal((await api('POST', '/centres', { session: inspector, body: centreBody({ operator_id: ownOrgId }) })).status, 403);
  assert.equal((await arrive(inspector, [p.id], centre.id, 'single_women', daysAgo(1))).status, 403);
});

// ---------------------------------------------------------------- occupancy

test('occupancy: counts per category on a day, and the placement desk', async () => {
  const roomy = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 3, places_single_women: 4, places_families: 0, istat_code: '082054' });
  const full = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 1, places_single_women: 1, places_families: 0, istat_code: '082054' });
  const closed = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 5, places_single_women: 5, places_families: 0, istat_code: '082054' });
  const men = await createPersons(officer, 3, { sex: 'male' });
  const women = await createPersons(officer, 2);
  const day = daysAgo(7);
  expectStatus(await arrive(officer, [men[0].id, men[1].id], roomy.id, 'single_men', day), 201);
  expectStatus(await arrive(officer, [women[0].id], roomy.id, 'single_women', daysAgo(3)), 201);
  expectStatus(await arrive(officer, [men[2].id], full.id, 'single_men', day), 201);
  expectStatus(await arrive(officer, [women[1].id], full.id, 'single_women', day), 201);
  expectStatus(await api('PATCH', `/centres/${closed.id}`, { session: officer, body: { status: 'closed' } }), 200);

  const onDay = await occupancyOf(roomy.id, day);
  assert.deepEqual(onDay.guests, { single_men: 2, single_women: 0, families: 0, minors: 0, total: 2 });
  assert.equal(onDay.free.single_men, 1);
  assert.equal(onDay.over_capacity, false);
  const later = await occupancyOf(roomy.id, daysAgo(1));
  assert.deepEqual(later.guests, { single_men: 2, single_women: 1, families: 0, minors: 0, total: 3 });
  const before = await occupancyOf(roomy.id, daysAgo(8));
  assert.equal(before.guests.total, 0);
  const fullOcc = await occupancyOf(full.id, daysAgo(1));
  assert.equal(fullOcc.free.single_men, 0);
  assert.equal(fullOcc.over_capacity, false, 'full is not over capacity');
  expectError(await api('GET', `/occupancy?date=${FUTURE}`, { session: officer }), 422, 'future_date', ['date']);

  const desk = (category) => allPages(`/placement-desk?category=${category}&istat_code=082054`);
  const menDesk = await desk('single_men');
  const roomyRow = menDesk.find((o) => o.centre_id === roomy.id);
  assert.ok(roomyRow, 'a centre with free places is listed');
  assert.equal(roomyRow.free_in_category, 1);
  assert.ok(!menDesk.some((o) => o.centre_id === full.id), 'a full centre is not listed');
  assert.ok(!menDesk.some((o) => o.centre_id === closed.id), 'a closed centre is not listed');
  const frees = menDesk.map((o) => o.free_in_category);
  assert.deepEqual(frees, [...frees].sort((a, b) => b - a), 'most free places first');
  const womenDesk = await desk('single_women');
  assert.equal(womenDesk.find((o) => o.centre_id === roomy.id)?.free_in_category, 3);
  assert.ok(!womenDesk.some((o) => o.centre_id === full.id));
  expectError(await api('GET', '/placement-desk', { session: officer }), 400, 'validation_failed', ['category']);
  expectError(await api('GET', '/placement-desk?category=adults', { session: officer }), 400, 'validation_failed', ['category']);
});

test('occupancy: paged, with the totals of every centre in the filter', async () => {
  const made = [await createCentre(officer, { operator_id: ownOrgId }), await createCentre(officer, { operator_id: ownOrgId }), await createCentre(officer, { operator_id: ownOrgId })];
  const first = expectStatus(await api('GET', '/occupancy?per_page=2', { session: officer }), 200);
  assert.equal(first.page, 1);
  assert.equal(first.per_page, 2);
  assert.equal(first.items.length, 2);
  assert.ok(first.total >= 3);
  assert.equal(first.totals.centres, first.total, 'without a flag every centre is an item');
  const seen = [];
  for (let page = 1; page <= Math.ceil(first.total / 2); page++) {
    const body = expectStatus(await api('GET', `/occupancy?per_page=2&page=${page}`, { session: officer }), 200);
    assert.deepEqual(body.totals, first.totals, 'the totals do not depend on the page');
    seen.push(...body.items.map((o) => o.centre_id));
  }
  assert.equal(new Set(seen).size, first.total, 'each centre on exactly one page');
  for (const c of made) assert.ok(seen.includes(c.id));
  const beyond = expectStatus(
    await api('GET', `/occupancy?per_page=2&page=${Math.ceil(first.total / 2) + 1}`, { session: officer }),
    200,
  );
  assert.deepEqual(beyond.items, []);
  assert.equal(beyond.total, first.total);
  expectError(await api('GET', '/occupancy?per_page=101', { session: officer }), 400, 'validation_failed', ['per_page']);
  expectError(await api('GET', '/occupancy?page=0', { session: officer }), 400, 'validation_failed', ['page']);

  const desk = expectStatus(await api('GET', '/placement-desk?category=single_men&per_page=1', { session: officer }), 200);
  assert.equal(desk.category, 'single_men');
  assert.equal(desk.items.length, 1);
  assert.ok(desk.total >= 1);
});

test('occupancy: the daily series refuses a period that ends before it starts', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  expectError(
    await api('GET', `/centres/${centre.id}/occupancy?from=${daysAgo(3)}&to=${daysAgo(5)}`, { session: officer }),
    400,
    'validation_failed',
    ['to'],
  );
  const one = expectStatus(
    await api('GET', `/centres/${centre.id}/occupancy?from=${daysAgo(3)}&to=${daysAgo(3)}`, { session: officer }),
    200,
  );
  assert.deepEqual(one.items.map((d) => d.day), [daysAgo(3)], 'from and to are both included');
  expectError(await api('GET', '/centres/2147483647/occupancy', { session: officer }), 404, 'not_found');
});

// ---------------------------------------------------------------- more edges

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

test('persons: a duplicate codice fiscale is refused naming it; PATCH keeps the same rules', async () => {
  const cf = codiceFiscale();
  const p = await createPerson(officer, { codice_fiscale: cf });
  expectError(
    await api('POST', '/persons', { session: officer, body: personBody({ codice_fiscale: cf }) }),
    409,
    'unique_violation',
    ['codice_fiscale'],
  );
  const q = await createPerson(officer, { cui: `CUI${uniqueSuffix()}`.slice(0, 20) });
  expectError(await api('PATCH', `/persons/${q.id}`, { session: officer, body: { cui: null, codice_fiscale: cf } }), 409, 'unique_violation', ['codice_fiscale']);
  expectError(await api('PATCH', `/persons/${p.id}`, { session: officer, body: { birth_date: FUTURE } }), 422, 'future_date', ['birth_date']);
  expectError(await api('PATCH', `/persons/${p.id}`, { session: officer, body: { nationality: 'XY' } }), 400, 'validation_failed', ['nationality']);
  const now = expectStatus(await api('GET', `/persons/${q.id}`, { session: officer }), 200);
  assert.equal(now.cui, q.cui, 'a refused PATCH changes nothing');
  assert.equal(now.codice_fiscale, null);
  const patched = expectStatus(await api('PATCH', `/persons/${p.id}`, { session: officer, body: { languages: ['it'], nationality: 'GM' } }), 200);
  assert.deepEqual(patched.languages, ['it']);
  assert.equal(patched.nationality, 'GM');
});

// Server bug: the room check counts the guests on the arrival (or transfer) date only. A back-dated
// arrival into a category whose places are taken from a later date on is accepted without an
// override, and the centre is then over capacity from that later date to today.
test('placements: a back-dated arrival cannot fill a place taken later on', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 1, places_single_women: 0, places_families: 0 });
  const [first, second] = await createPersons(officer, 2, { sex: 'male' });
  expectStatus(await arrive(officer, [first.id], centre.id, 'single_men', daysAgo(5)), 201);
  const res = await arrive(officer, [second.id], centre.id, 'single_men', daysAgo(10));
  try {
    expectError(res, 409, 'centre_full', ['centre_id']);
  } finally {
    const occ = await occupancyOf(centre.id, daysAgo(1));
    assert.equal(occ.over_capacity, false, `over capacity without an override: ${JSON.stringify(occ.guests)}`);
  }
});

test('placements: a back-dated transfer cannot fill a place taken later on', async () => {
  const from = await createCentre(officer, { operator_id: ownOrgId });
  const to = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 1, places_single_women: 0, places_families: 0 });
  const [stayer, mover] = await createPersons(officer, 2, { sex: 'male' });
  expectStatus(await arrive(officer, [stayer.id], to.id, 'single_men', daysAgo(3)), 201);
  expectStatus(await arrive(officer, [mover.id], from.id, 'single_men', daysAgo(20)), 201);
  const res = await api('POST', '/placements/transfers', {
    session: officer,
    body: { person_ids: [mover.id], to_centre_id: to.id, date: daysAgo(8) },
  });
  expectError(res, 409, 'centre_full', ['to_centre_id']);
});

test('CLI: occupancy rebuild recomputes the snapshots to the same figures; bad input exits 2', async (t) => {
  const bin = process.env.INNET_BIN;
  const db = process.env.INNET_DB_URL;
  if (!bin || !db || !process.env.INNET_SECRETS_FILE) return t.skip('INNET_BIN, INNET_DB_URL or INNET_SECRETS_FILE not set');
  const { spawnSync } = await import('node:child_process');
  const run = (args) => spawnSync(bin, ['occupancy', 'rebuild', '--db', db, ...args], { encoding: 'utf8', timeout: 120e3 });
  const days = [daysAgo(0), daysAgo(20), daysAgo(45)];
  const before = [];
  for (const day of days) before.push(expectStatus(await api('GET', `/occupancy?date=${day}`, { session: officer }), 200).totals);
  const r = run(['--from', daysAgo(60)]);
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /occupancy snapshots recomputed from \d{4}-\d{2}-(01|16)/);
  for (const [i, day] of days.entries())
    assert.deepEqual(expectStatus(await api('GET', `/occupancy?date=${day}`, { session: officer }), 200).totals, before[i]);
  assert.equal(run(['--from', '2999-01-01']).status, 2);
  assert.equal(run(['--from', 'yesterday']).status, 2);
  assert.equal(run([]).status, 2);
});
