// The findings list paged by the server (decision 0023), like the inspections and the cases: a
// page of `per_page` with the total of the filters, pages that neither overlap nor skip, the order
// asked kept across pages (severity, area and status in their vocabularies' order), the search by
// centre name, ?overdue=true (the tasks' link) still only the open findings past their deadline,
// and a page or size out of range refused naming the parameter.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo } from '../support/client.mjs';

let inspector;
const SEVERITIES = ['minor', 'major', 'critical'];
const STATUSES = ['open', 'replied', 'verified_closed', 'escalated'];

before(async () => {
  inspector = await loginDemo('inspector');
});

const get = async (query) => expectStatus(await api('GET', `/findings?${query}`, { session: inspector }), 200);

// Every page of a query, by `size`.
async function allPages(query, size) {
  const first = await get(`${query}&per_page=${size}&page=1`);
  const items = [...first.items];
  for (let page = 2; (page - 1) * size < first.total; page++) {
    const next = await get(`${query}&per_page=${size}&page=${page}`);
    assert.equal(next.total, first.total, 'the total is the same on every page');
    assert.equal(next.page, page);
    items.push(...next.items);
  }
  return { total: first.total, items };
}

test('pages of the size asked, with the total, neither overlapping nor skipping, deadline first', async () => {
  const first = await get('per_page=5');
  assert.equal(first.page, 1);
  assert.equal(first.per_page, 5);
  assert.ok(first.total > 5, `the demo has more findings than a page (${first.total})`);
  assert.equal(first.items.length, 5);
  const all = await allPages('status=open', 7);
  assert.equal(all.items.length, all.total);
  assert.equal(new Set(all.items.map((f) => f.id)).size, all.total, 'no finding twice');
  const deadlines = all.items.map((f) => f.deadline);
  assert.deepEqual(deadlines, [...deadlines].sort(), 'the most urgent first, across pages');
  assert.ok(all.items.every((f) => f.status === 'open'));
  const beyond = await get(`status=open&per_page=7&page=${Math.ceil(all.total / 7) + 1}`);
  assert.deepEqual(beyond.items, []);
  assert.equal(beyond.total, all.total);
});

test('the order asked holds across pages: severity, status and area by their vocabularies', async () => {
  const bySeverity = (await allPages('sort=-severity', 40)).items.map((f) => SEVERITIES.indexOf(f.severity));
  assert.deepEqual(bySeverity, [...bySeverity].sort((a, b) => b - a), 'critical to minor');
  const byStatus = (await allPages('sort=status', 40)).items.map((f) => STATUSES.indexOf(f.status));
  assert.deepEqual(byStatus, [...byStatus].sort((a, b) => a - b));
  const latest = (await allPages('sort=-deadline', 40)).items.map((f) => f.deadline);
  assert.deepEqual(latest, [...latest].sort().reverse());
  // The same findings whatever the order.
  const ids = async (q) => (await allPages(q, 50)).items.map((f) => f.id).sort((a, b) => a - b);
  assert.deepEqual(await ids('sort=area'), await ids('sort=deadline'));
});

test('overdue=true, the tasks link, lists only open findings past their deadline, paged too', async () => {
  // The server's today (Rome's), not this machine's: the open ones it marks overdue.
  const overdue = await allPages('overdue=true', 25);
  assert.ok(overdue.total > 0, 'the demo has overdue corrective actions');
  assert.ok(overdue.items.every((f) => f.overdue && f.status === 'open'));
  const open = await allPages('status=open', 100);
  const late = open.items.filter((f) => f.overdue);
  assert.equal(overdue.total, late.length);
});

test("the search by part of the centre's name, with the other filters", async () => {
  const [one] = (await get('per_page=1&severity=major')).items;
  const centre = expectStatus(await api('GET', `/centres/${one.centre_id}`, { session: inspector }), 200);
  const part = centre.name.slice(0, Math.min(12, centre.name.length));
  const found = await allPages(`severity=major&q=${encodeURIComponent(part.toLowerCase())}`, 100);
  assert.ok(found.items.some((f) => f.id === one.id));
  assert.ok(found.items.every((f) => f.severity === 'major'));
  assert.equal((await get('q=nessun-centro-si-chiama-cosi')).total, 0);
});

test('a page or a size out of range is refused naming it', async () => {
  expectError(await api('GET', '/findings?page=0', { session: inspector }), 400, 'validation_failed', ['page']);
  expectError(await api('GET', '/findings?per_page=101', { session: inspector }), 400, 'validation_failed', ['per_page']);
  expectError(await api('GET', '/findings?sort=-item', { session: inspector }), 400, 'validation_failed', ['sort']);
});
