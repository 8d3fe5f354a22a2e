// The tasks inbox over HTTP (docs/decisions/0028-task-sources.md): the caller's tasks from every
// source it may use, earliest due first, the count the header shows; an overdue corrective
// action is a task for the inspector and for its centre's operator, never for another operator;
// a reply awaiting verification is the inspector's; a task names no guest.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { createCentre } from '../centres/fixture.mjs';
import { api, expectStatus, findOrganization, loginDemo } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';

let admin, officer, inspector, worker, analyst;
let centre, otherCentre, standard;

before(async () => {
  [admin, officer, inspector, worker, analyst] = await Promise.all(
    ['admin', 'prefecture_officer', 'inspector', 'case_worker', 'analyst'].map((r) => loginDemo(r)),
  );
  const approdo = await findOrganization(admin, 'Cooperativa Sociale Approdo (demo)');
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  centre = await createCentre(officer, { operator_id: approdo.id });
  otherCentre = await createCentre(officer, { operator_id: ponte.id });
  const list = expectStatus(await api('GET', '/checklists?code=standard', { session: inspector }), 200);
  standard = expectStatus(await api('GET', `/checklists/${list.items[0].id}`, { session: inspector }), 200);
});

// A report issued on `c` with one finding whose deadline is long past: the earliest task of all.
async function overdueFinding(c) {
  const i = expectStatus(
    await api('POST', '/inspections', { session: inspector, body: { centre_id: c.id, planned_date: '2001-01-01', team: [inspector.user.id] } }),
    201,
  );
  expectStatus(await api('POST', `/inspections/${i.id}/start`, { session: inspector }), 201);
  const item = standard.items.find((x) => x.code === 'building.no_pests').id;
  expectStatus(await api('POST', `/inspections/${i.id}/answers`, { session: inspector, body: { item_id: item, yes: false, idempotency_key: randomUUID() } }), 201);
  expectStatus(await api('POST', `/inspections/${i.id}/completion`, { session: inspector }), 201);
  const [finding] = expectStatus(await api('GET', `/findings?inspection_id=${i.id}`, { session: inspector }), 200).items;
  expectStatus(await api('PATCH', `/findings/${finding.id}`, { session: inspector, body: { deadline: '2001-01-02' } }), 200);
  expectStatus(await api('POST', `/inspections/${i.id}/report`, { session: inspector }), 201);
  return { inspection: i, finding };
}

const firstPage = async (session) => expectStatus(await api('GET', '/tasks?per_page=100', { session }), 200);

test('an overdue corrective action is a task of the inspector and of its own operator only', async () => {
  const mine = await overdueFinding(centre);
  const theirs = await overdueFinding(otherCentre);
  const linkOf = ({ inspection }) => `/inspections/${inspection.id}`;

  const inspectorTasks = await firstPage(inspector);
  const overdue = inspectorTasks.items.filter((t) => t.kind === 'finding_overdue');
  for (const f of [mine, theirs]) {
    const task = overdue.find((t) => t.link === linkOf(f));
    assert.ok(task, 'the inspector sees every centre');
    assert.equal(task.due, '2001-01-02');
    assert.equal(task.overdue, true);
    assert.equal(task.params.severity, f.finding.severity);
  }
  assert.equal(overdue.find((t) => t.link === linkOf(mine)).params.centre, centre.name);

  const workerTasks = await firstPage(worker);
  const links = workerTasks.items.map((t) => t.link);
  assert.ok(links.includes(linkOf(mine)), 'the operator sees its own centre');
  assert.ok(!links.includes(linkOf(theirs)), "never another operator's");
  // Each task's page is one the operator may open.
  for (const t of workerTasks.items.slice(0, 10)) expectStatus(await api('GET', t.link, { session: worker }), 200);
  // Its own kinds: corrective actions to take, its guests' permits to renew (cases/links.cc), its
  // cases' screenings due (screening/links.cc); referrals unanswered past their term and those
  // sent to it (referrals/links.cc).
  const operatorKinds = ['case_handed_over', 'finding_overdue', 'permit_expiring', 'referral_escalated', 'referral_waiting', 'screening_due'];
  assert.ok(workerTasks.items.every((t) => operatorKinds.includes(t.kind)), 'an operator verifies nothing and decides nothing');
});

test('the earliest due first, those without a term last; the count is the list total', async () => {
  await overdueFinding(centre);
  for (const session of [officer, inspector, worker]) {
    const page = await firstPage(session);
    const count = expectStatus(await api('GET', '/tasks/count', { session }), 200);
    assert.equal(count.total, page.total);
    assert.equal(count.overdue, page.overdue);
    assert.ok(page.overdue >= 1);
    const dues = page.items.map((t) => t.due);
    const firstNone = dues.indexOf(null);
    if (firstNone >= 0) assert.ok(dues.slice(firstNone).every((d) => d === null), 'no term: last');
    const dated = dues.filter((d) => d !== null);
    assert.deepEqual(dated, [...dated].sort(), 'by due date');
    for (const t of page.items) assert.equal(t.overdue, t.due !== null && t.due < daysAgo(0));
  }
  const second = expectStatus(await api('GET', '/tasks?per_page=1&page=2', { session: inspector }), 200);
  const first = expectStatus(await api('GET', '/tasks?per_page=2', { session: inspector }), 200);
  assert.deepEqual(second.items, first.items.slice(1, 2), 'pages follow one order');
});

test('a reply awaiting verification is a task of the inspectors, without a due date', async () => {
  const { finding, inspection } = await overdueFinding(centre);
  expectStatus(await api('POST', `/findings/${finding.id}/reply`, { session: worker, body: { reply: 'Derattizzazione eseguita' } }), 201);
  const count = expectStatus(await api('GET', '/tasks/count', { session: inspector }), 200);
  let found = null;
  for (let page = 1; !found && (page - 1) * 100 < count.total; page++) {
    const p = expectStatus(await api('GET', `/tasks?per_page=100&page=${page}`, { session: inspector }), 200);
    found = p.items.find((t) => t.kind === 'reply_to_verify' && t.link === `/inspections/${inspection.id}`);
  }
  assert.ok(found, 'among the inspector’s tasks');
  assert.equal(found.due, null);
  assert.equal(found.overdue, false);
  const workerTasks = await firstPage(worker);
  assert.ok(!workerTasks.items.some((t) => t.link === `/inspections/${inspection.id}`), 'answered: no longer the operator’s task');
});

test('no inbox for the admin and the analyst', async () => {
  for (const session of [admin, analyst]) {
    expectStatus(await api('GET', '/tasks', { session }), 403);
    expectStatus(await api('GET', '/tasks/count', { session }), 403);
  }
});
