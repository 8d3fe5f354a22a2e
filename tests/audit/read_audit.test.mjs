// The read log (decision 0010): every answer that names persons records who read exactly which
// persons, refusals (403, and 404 for an id out of scope) too, and answers that name nobody
// record nothing. Each test signs in users made for this file, so their entries are theirs alone.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import {
  api,
  createUser,
  expectError,
  expectStatus,
  findOrganization,
  login,
  loginDemo,
  poll,
} from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';

let admin, officer, worker, analyst;
let workerCentre; // a centre run by the worker's organisation

const signIn = async (role, organization) => {
  const u = await createUser(admin, { role, organizationId: organization.id });
  return login(u.email, u.password);
};

before(async () => {
  admin = await loginDemo('admin');
  const prefettura = await findOrganization(admin, 'Prefettura di Palermo');
  const cooperative = await findOrganization(admin, 'Cooperativa Sociale Approdo (demo)');
  const comune = await findOrganization(admin, 'Comune di Palermo');
  [officer, worker, analyst] = await Promise.all([
    signIn('prefecture_officer', prefettura),
    signIn('case_worker', cooperative),
    signIn('analyst', comune),
  ]);
  const centres = expectStatus(await api('GET', '/centres?per_page=100', { session: worker }), 200);
  workerCentre = centres.items.find((c) => c.operator_id === cooperative.id);
  assert.ok(workerCentre, 'the cooperative runs a demo centre');
});

// The read entry of one answer, found by its request id once the writer has written it.
async function entryOf(res, session) {
  const requestId = res.headers.get('x-request-id');
  assert.ok(requestId);
  return poll(
    async () => {
      const list = expectStatus(
        await api('GET', `/audit/reads?actor_user_id=${session.user.id}&per_page=100`, { session: admin }),
        200,
      );
      return list.items.find((e) => e.request_id === requestId);
    },
    { what: `the read entry of ${requestId}` },
  );
}

const sortedUnique = (ids) => [...new Set(ids)].sort((a, b) => a - b);

function checkEntry(e, session, { route, path, status, outcome, personIds }) {
  assert.equal(e.actor_user_id, session.user.id);
  assert.equal(e.actor_email, session.email);
  assert.equal(e.client_address, session.address);
  assert.equal(e.route, route);
  assert.equal(e.path, path);
  assert.equal(e.status, status);
  assert.equal(e.outcome, outcome);
  assert.deepEqual(e.person_ids, personIds);
  assert.match(e.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
}

test('a person page and a search record exactly the persons shown', async () => {
  const search = await api('GET', '/persons?q=ahm&per_page=20', { session: officer });
  const found = expectStatus(search, 200);
  assert.ok(found.items.length > 1, 'the search finds several demo persons');
  checkEntry(await entryOf(search, officer), officer, {
    route: 'GET /api/v1/persons',
    path: '/api/v1/persons',
    status: 200,
    outcome: 'success',
    personIds: sortedUnique(found.items.map((p) => p.id)),
  });

  const id = found.items[0].id;
  const page = await api('GET', `/persons/${id}`, { session: officer });
  expectStatus(page, 200);
  const e = await entryOf(page, officer);
  checkEntry(e, officer, {
    route: 'GET /api/v1/persons/{id}',
    path: `/api/v1/persons/${id}`,
    status: 200,
    outcome: 'success',
    personIds: [id],
  });

  // The admin finds it by person, and the search term is not in the log.
  const byPerson = expectStatus(await api('GET', `/audit/reads?person_id=${id}&per_page=100`, { session: admin }), 200);
  assert.ok(byPerson.items.some((x) => x.id === e.id));
  assert.ok(byPerson.items.every((x) => x.person_ids.includes(id)));
  assert.ok(!JSON.stringify(byPerson).includes('q=ahm'));
});

test('a register day records its guests and the persons of its entries', async () => {
  const day = daysAgo(3);
  const res = await api('GET', `/centres/${workerCentre.id}/register/${day}`, { session: worker });
  const report = expectStatus(res, 200);
  assert.ok(report.guests.length > 0, 'the demo centre has guests that day');
  checkEntry(await entryOf(res, worker), worker, {
    route: 'GET /api/v1/centres/{id}/register/{day}',
    path: `/api/v1/centres/${workerCentre.id}/register/${day}`,
    status: 200,
    outcome: 'success',
    personIds: sortedUnique([...report.guests.map((g) => g.person_id), ...report.entries.map((x) => x.person_id)]),
  });
});

test('a reconciliation and the exports record the persons they list, and only those', async () => {
  // The first demo invoice whose reconciliation lists differences by person.
  let invoice, res, rec;
  const centres = expectStatus(await api('GET', '/centres?per_page=100', { session: officer }), 200).items;
  for (const centre of centres) {
    const invoices = expectStatus(await api('GET', `/centres/${centre.id}/invoices`, { session: officer }), 200);
    for (const candidate of invoices.items) {
      res = await api('GET', `/invoices/${candidate.id}/reconciliation`, { session: officer });
      rec = expectStatus(res, 200);
      invoice = candidate;
      if (rec.differences.length > 0) break;
    }
    if (rec?.differences.length > 0) break;
  }
  assert.ok(rec.differences.length > 0, 'a demo invoice differs from the register');
  checkEntry(await entryOf(res, officer), officer, {
    route: 'GET /api/v1/invoices/{id}/reconciliation',
    path: `/api/v1/invoices/${invoice.id}/reconciliation`,
    status: 200,
    outcome: 'success',
    personIds: sortedUnique(rec.differences.map((d) => d.person_id)),
  });

  // The month's costs: the persons table as CSV names the persons of the JSON answer; the days
  // table names nobody.
  const costsPath = `/centres/${invoice.centre_id}/costs/${invoice.month}`;
  const costs = expectStatus(await api('GET', costsPath, { session: officer }), 200);
  const persons = sortedUnique(costs.persons.map((p) => p.person_id));
  assert.ok(persons.length > 0);
  const csv = await api('GET', `${costsPath}?format=csv&table=persons`, { session: officer });
  expectStatus(csv, 200);
  const csvIds = csv.text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(';')[0]));
  assert.deepEqual(sortedUnique(csvIds), persons);
  const expected = { route: 'GET /api/v1/centres/{id}/costs/{month}', path: `/api/v1${costsPath}`, status: 200, outcome: 'success' };
  checkEntry(await entryOf(csv, officer), officer, { ...expected, personIds: persons });
  const xlsx = await api('GET', `${costsPath}?format=xlsx`, { session: officer });
  expectStatus(xlsx, 200);
  checkEntry(await entryOf(xlsx, officer), officer, { ...expected, personIds: persons });
  const days = await api('GET', `${costsPath}?format=csv`, { session: officer });
  expectStatus(days, 200);
  checkEntry(await entryOf(days, officer), officer, { ...expected, personIds: [] });
});

test('refusals are recorded: a 404 for a person out of scope, a missing id, a 403', async () => {
  // A person the cooperative never hosted: recorded by the officer, refused to the case worker.
  const theirs = expectStatus(await api('POST', '/persons', {
    session: officer,
    body: { family_name: 'Fuori', given_names: 'Ambito', sex: 'female', nationality: 'NG' },
  }), 201);
  const outside = await api('GET', `/persons/${theirs.id}`, { session: worker });
  expectError(outside, 404, 'not_found');
  checkEntry(await entryOf(outside, worker), worker, {
    route: 'GET /api/v1/persons/{id}',
    path: `/api/v1/persons/${theirs.id}`,
    status: 404,
    outcome: 'denied',
    personIds: [theirs.id],
  });
  const placements = await api('GET', `/persons/${theirs.id}/placements`, { session: worker });
  expectError(placements, 404, 'not_found');
  assert.deepEqual((await entryOf(placements, worker)).person_ids, [theirs.id]);

  const missing = await api('GET', '/persons/999999999', { session: worker });
  expectError(missing, 404, 'not_found');
  checkEntry(await entryOf(missing, worker), worker, {
    route: 'GET /api/v1/persons/{id}',
    path: '/api/v1/persons/999999999',
    status: 404,
    outcome: 'denied',
    personIds: [999999999], // the id asked for: a probe is found by the id it probed
  });

  const forbidden = await api('GET', `/persons/${theirs.id}`, { session: analyst });
  expectError(forbidden, 403, 'forbidden');
  checkEntry(await entryOf(forbidden, analyst), analyst, {
    route: 'GET /api/v1/persons/{id}',
    path: `/api/v1/persons/${theirs.id}`,
    status: 403,
    outcome: 'denied',
    personIds: [],
  });

  const denied = expectStatus(
    await api('GET', `/audit/reads?actor_user_id=${worker.user.id}&outcome=denied&per_page=100`, { session: admin }),
    200,
  );
  assert.ok(denied.items.length >= 3 && denied.items.every((e) => e.outcome === 'denied'));
});

test("an analyst's occupancy read records nothing, and only the admin reads the log", async () => {
  const occupancy = await api('GET', '/occupancy', { session: analyst });
  expectStatus(occupancy, 200);
  // A refusal after it is written in the same batch or a later one: once it is there, an entry
  // for the occupancy read would be too.
  const marker = await api('GET', '/persons', { session: analyst });
  expectError(marker, 403, 'forbidden');
  await entryOf(marker, analyst);
  const all = expectStatus(await api('GET', `/audit/reads?actor_user_id=${analyst.user.id}&per_page=100`, { session: admin }), 200);
  assert.ok(!all.items.some((e) => e.request_id === occupancy.headers.get('x-request-id')));
  assert.ok(all.items.every((e) => e.outcome === 'denied'));

  expectError(await api('GET', '/audit/reads', { session: officer }), 403, 'forbidden');
  expectError(await api('GET', '/audit/reads?outcome=maybe', { session: admin }), 400, 'validation_failed', ['outcome']);
  expectError(await api('GET', '/audit/reads?from=2026-1-1', { session: admin }), 400, 'validation_failed', ['from']);
});
