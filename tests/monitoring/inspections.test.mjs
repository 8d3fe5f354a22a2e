// Inspections over HTTP (docs/decisions/0022-monitoring-model.md): planned with the latest
// standard checklist, answered with idempotency keys (a replay stores nothing twice and writes
// no second audit entry), completed, and the report issued; the centre's operator sees nothing
// before the report and another operator never; bad answers are refused naming the field.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { createCentre } from '../centres/fixture.mjs';
import { api, expectError, expectStatus, findOrganization, loginDemo } from '../support/client.mjs';

let admin, officer, inspector, worker, analyst;
let centre, otherCentre, standard;
const MISSING = 999999999;

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

const itemId = (code) => standard.items.find((i) => i.code === code).id;

const plan = async (c = centre, over = {}) =>
  expectStatus(
    await api('POST', '/inspections', {
      session: inspector,
      body: { centre_id: c.id, planned_date: '2026-11-20', announced: false, team: [inspector.user.id], ...over },
    }),
    201,
  );

const answer = (inspection, body, session = inspector) =>
  api('POST', `/inspections/${inspection.id}/answers`, { session, body: { idempotency_key: randomUUID(), ...body } });

const auditCount = async (inspection) =>
  expectStatus(await api('GET', `/audit?entity_type=inspection&entity_id=${inspection.id}&per_page=100`, { session: admin }), 200).total;

test('an inspection goes from planned to report issued, its scores from its answers', async () => {
  const planned = await plan();
  assert.equal(planned.status, 'planned');
  assert.equal(planned.checklist_id, standard.id, 'the latest standard version by default');
  expectError(await answer(planned, { item_id: itemId('building.no_pests'), yes: true }), 409, 'wrong_status');
  expectStatus(await api('POST', `/inspections/${planned.id}/start`, { session: inspector }), 201);
  expectStatus(await answer(planned, { item_id: itemId('building.fire_safety'), yes: true }), 201);
  expectStatus(await answer(planned, { item_id: itemId('building.no_pests'), yes: false, note: 'topi in cucina' }), 201);
  expectStatus(await answer(planned, { item_id: itemId('capacity_presences.guests_counted'), number: 41 }), 201);
  const detail = expectStatus(await api('GET', `/inspections/${planned.id}`, { session: officer }), 200);
  assert.equal(detail.answers.length, 3);
  const building = detail.scores.areas.find((a) => a.area === 'building');
  assert.equal(building.score, (100 * 8) / 13);
  assert.equal(building.failed, 1);
  assert.equal(detail.scores.areas.find((a) => a.area === 'staff').score, null);

  expectStatus(await api('POST', `/inspections/${planned.id}/completion`, { session: inspector }), 201);
  expectError(await answer(planned, { item_id: itemId('building.no_pests'), yes: true }), 409, 'wrong_status');
  const issued = expectStatus(await api('POST', `/inspections/${planned.id}/report`, { session: officer }), 201);
  assert.equal(issued.status, 'report_issued');
});

test('a replayed answer is stored once and audited once', async () => {
  const i = await plan();
  expectStatus(await api('POST', `/inspections/${i.id}/start`, { session: inspector }), 201);
  const body = { item_id: itemId('meals.regular_supply'), yes: true, idempotency_key: randomUUID() };
  const first = expectStatus(await answer(i, body), 201);
  const before = await auditCount(i);
  const again = expectStatus(await answer(i, body), 201);
  assert.deepEqual(again, first);
  assert.equal(await auditCount(i), before);
  const detail = expectStatus(await api('GET', `/inspections/${i.id}`, { session: inspector }), 200);
  assert.equal(detail.answers.length, 1);
});

test('answers that do not fit their item are refused naming the field, nothing stored', async () => {
  const i = await plan();
  expectStatus(await api('POST', `/inspections/${i.id}/start`, { session: inspector }), 201);
  expectError(await answer(i, { item_id: itemId('building.hygiene'), yes: true }), 422, 'value_for_kind', ['value']);
  expectError(await answer(i, { item_id: itemId('building.hygiene'), text: 'ottime' }), 422, 'validation_failed', ['text']);
  expectError(await answer(i, { item_id: MISSING, yes: true }), 422, 'item_not_in_checklist', ['item_id']);
  expectError(await answer(i, { item_id: itemId('building.no_pests'), yes: 'sì' }), 400, 'validation_failed', ['yes']);
  const detail = expectStatus(await api('GET', `/inspections/${i.id}`, { session: inspector }), 200);
  assert.equal(detail.answers.length, 0);
  expectError(
    await api('POST', '/inspections', { session: inspector, body: { centre_id: centre.id, planned_date: '2026-11-20', team: [worker.user.id] } }),
    422,
    'not_an_inspector',
    ['team[0]'],
  );
});

test('the operator reads only the issued reports of its own centres', async () => {
  const planned = await plan();
  const mine = await plan();
  for (const step of ['start', 'completion']) expectStatus(await api('POST', `/inspections/${mine.id}/${step}`, { session: inspector }), 201);
  expectStatus(await api('POST', `/inspections/${mine.id}/report`, { session: inspector }), 201);
  const theirs = await plan(otherCentre);
  for (const step of ['start', 'completion', 'report']) expectStatus(await api('POST', `/inspections/${theirs.id}/${step}`, { session: inspector }), 201);

  const missing = await api('GET', `/inspections/${MISSING}`, { session: worker });
  expectError(missing, 404, 'not_found');
  for (const hidden of [planned, theirs]) {
    const res = await api('GET', `/inspections/${hidden.id}`, { session: worker });
    expectError(res, 404, 'not_found');
    assert.deepEqual(res.json, missing.json, 'the same answer as a missing inspection');
  }
  expectStatus(await api('GET', `/inspections/${mine.id}`, { session: worker }), 200);
  const list = expectStatus(await api('GET', `/inspections?centre_id=${centre.id}&per_page=100`, { session: worker }), 200);
  const ids = list.items.map((i) => i.id);
  assert.ok(ids.includes(mine.id));
  assert.ok(!ids.includes(planned.id) && !ids.includes(theirs.id));
  assert.ok(list.items.every((i) => i.status === 'report_issued'));
  assert.deepEqual(list.items.find((i) => i.id === mine.id).team, [inspector.user.id], 'the list carries each team');
  const filtered = expectStatus(await api('GET', `/inspections?centre_id=${otherCentre.id}`, { session: worker }), 200);
  assert.deepEqual(filtered, expectStatus(await api('GET', `/inspections?centre_id=${MISSING}`, { session: worker }), 200));
  assert.equal(filtered.items.length, 0);
  expectError(await api('GET', `/inspections/${mine.id}`, { session: analyst }), 403, 'forbidden');
});

test('the list is paged, searched and sorted by the server, scores kept at completion', async () => {
  const named = await createCentre(officer, { operator_id: centre.operator_id, name: `Ispezioni ordinate ${randomUUID().slice(0, 8)}` });
  const done = await plan(named, { planned_date: '2026-10-01' });
  expectStatus(await api('POST', `/inspections/${done.id}/start`, { session: inspector }), 201);
  expectStatus(await answer(done, { item_id: itemId('building.no_pests'), yes: false }), 201);
  expectStatus(await answer(done, { item_id: itemId('building.fire_safety'), yes: true }), 201);
  expectStatus(await api('POST', `/inspections/${done.id}/completion`, { session: inspector }), 201);
  const live = await plan(named, { planned_date: '2026-10-15' });
  expectStatus(await api('POST', `/inspections/${live.id}/start`, { session: inspector }), 201);
  expectStatus(await answer(live, { item_id: itemId('building.fire_safety'), yes: true }), 201);
  const later = await plan(named, { planned_date: '2026-11-30' });

  const q = encodeURIComponent(named.name.toLowerCase());
  const all = expectStatus(await api('GET', `/inspections?q=${q}`, { session: inspector }), 200);
  assert.equal(all.total, 3);
  assert.deepEqual(
    all.items.map((i) => i.id),
    [later.id, live.id, done.id],
    'newest first by default',
  );
  const score = Object.fromEntries(all.items.map((i) => [i.id, i.overall_score]));
  const detail = expectStatus(await api('GET', `/inspections/${done.id}`, { session: inspector }), 200);
  assert.equal(score[done.id], detail.scores.overall, 'the kept score is the detail\'s');
  assert.equal(score[live.id], 100, 'in progress: scored from its answers');
  assert.equal(score[later.id], null, 'planned: no score');

  const byScore = expectStatus(await api('GET', `/inspections?q=${q}&sort=-score`, { session: inspector }), 200);
  // The sort reads the scores kept at completion: one in progress, whose score changes with each
  // answer, sorts with those not scored, newest first.
  assert.deepEqual(byScore.items.map((i) => i.id), [done.id, later.id, live.id], 'the highest kept score first, none last');
  const ascending = expectStatus(await api('GET', `/inspections?q=${q}&sort=score`, { session: inspector }), 200);
  assert.equal(ascending.items[0].id, later.id, 'no score sorts first ascending');
  const byStatus = expectStatus(await api('GET', `/inspections?q=${q}&sort=status`, { session: inspector }), 200);
  assert.deepEqual(byStatus.items.map((i) => i.status), ['planned', 'in_progress', 'completed']);
  const second = expectStatus(await api('GET', `/inspections?q=${q}&per_page=2&page=2`, { session: inspector }), 200);
  assert.equal(second.total, 3);
  assert.equal(second.page, 2);
  assert.deepEqual(second.items.map((i) => i.id), [done.id]);
  const completed = expectStatus(await api('GET', `/inspections?q=${q}&status=completed`, { session: inspector }), 200);
  assert.deepEqual(completed.items.map((i) => i.id), [done.id]);

  expectError(await api('GET', '/inspections?sort=name', { session: inspector }), 400, 'validation_failed', ['sort']);
  expectError(await api('GET', '/inspections?per_page=500', { session: inspector }), 400, 'validation_failed', ['per_page']);
});
