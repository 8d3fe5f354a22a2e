// The risk ranking and the suggested plan over HTTP, on the demo's two years of inspections:
// every active centre ranked, each score the sum of its reasons, riskiest first; a centre gains
// the points of its guests with a high-severity vulnerability flag and of the corrective actions
// its operator left overdue, counted, never named; the plan keeps to working days and to the
// inspectors' capacity; a month that is not one is refused naming it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { openCase } from '../cases/fixture.mjs';
import { api, expectError, expectStatus, loginDemo } from '../support/client.mjs';

let admin, officer, worker, inspector;

before(async () => {
  [admin, officer, worker, inspector] = await Promise.all(
    ['admin', 'prefecture_officer', 'case_worker', 'inspector'].map((r) => loginDemo(r)),
  );
});

async function riskOf(centreId) {
  const ranking = expectStatus(await api('GET', '/inspection-risk', { session: inspector }), 200);
  return ranking.items.find((c) => c.centre_id === centreId);
}
const reason = (risk, factor) => risk.reasons.find((r) => r.factor === factor);

test('a centre gains 2 points per guest with an active high-severity flag, counted, never named', async () => {
  // Three guests of one new centre: one flagged high, one low, one high then withdrawn.
  const sessions = { admin, officer, worker };
  const high = await openCase(sessions);
  const { centre } = high;
  const low = await openCase(sessions);
  const withdrawn = await openCase(sessions);
  assert.equal(low.centre.id, centre.id);
  assert.equal(reason(await riskOf(centre.id), 'vulnerable_guests'), undefined, 'no flag yet: no points');
  // Each answers the case's screening section, with the flag just made.
  const flag = async (c, severity) =>
    expectStatus(await api('POST', `/cases/${c.case.id}/vulnerability-flags`, { session: worker, body: { category: 'disability', severity, note: 'x' } }), 201).flags[0];
  await flag(high, 'high');
  await flag(low, 'low');
  const gone = await flag(withdrawn, 'high');
  expectStatus(await api('POST', `/vulnerability-flags/${gone.id}/withdrawal`, { session: worker, body: { reason: 'errore' } }), 200);

  const risk = await riskOf(centre.id);
  assert.deepEqual(reason(risk, 'vulnerable_guests'), { factor: 'vulnerable_guests', value: 1, points: 2 });
  assert.equal(risk.score, risk.reasons.reduce((sum, r) => sum + r.points, 0));
  const text = JSON.stringify(risk);
  for (const guest of [high, low, withdrawn]) {
    assert.ok(!text.includes(guest.person.family_name), 'no guest is named');
    assert.ok(!text.includes(`"person_id"`));
  }
});

test('a corrective action left open past its deadline on an issued report gives 5 points', async () => {
  const { centre } = await openCase({ admin, officer, worker });
  const list = expectStatus(await api('GET', '/checklists?code=standard', { session: inspector }), 200);
  const standard = expectStatus(await api('GET', `/checklists/${list.items[0].id}`, { session: inspector }), 200);
  const item = standard.items.find((i) => i.code === 'building.fire_safety');
  const i = expectStatus(
    await api('POST', '/inspections', { session: inspector, body: { centre_id: centre.id, planned_date: '2026-10-01', team: [inspector.user.id] } }),
    201,
  );
  expectStatus(await api('POST', `/inspections/${i.id}/start`, { session: inspector }), 201);
  const answer = { item_id: item.id, yes: !item.expected_yes, idempotency_key: randomUUID() };
  expectStatus(await api('POST', `/inspections/${i.id}/answers`, { session: inspector, body: answer }), 201);
  expectStatus(await api('POST', `/inspections/${i.id}/completion`, { session: inspector }), 201);
  const [finding] = expectStatus(await api('GET', `/findings?inspection_id=${i.id}`, { session: inspector }), 200).items;
  expectStatus(await api('PATCH', `/findings/${finding.id}`, { session: inspector, body: { deadline: '2026-10-01' } }), 200);
  const before = await riskOf(centre.id);
  assert.equal(reason(before, 'overdue_actions'), undefined, 'the operator was not sent it yet');
  assert.equal(reason(before, 'critical_findings').value, 1);

  expectStatus(await api('POST', `/inspections/${i.id}/report`, { session: inspector }), 201);
  const after = await riskOf(centre.id);
  assert.deepEqual(reason(after, 'overdue_actions'), { factor: 'overdue_actions', value: 1, points: 5 });
  assert.equal(after.score, before.score + 5);

  // Closed after verification: no longer overdue.
  expectStatus(await api('POST', `/findings/${finding.id}/closure`, { session: inspector, body: { verification_note: 'estintori sostituiti' } }), 201);
  assert.equal(reason(await riskOf(centre.id), 'overdue_actions'), undefined);
});

test('every score is the sum of its reasons, riskiest first', async () => {
  const ranking = expectStatus(await api('GET', '/inspection-risk', { session: inspector }), 200);
  assert.ok(ranking.items.length >= 40);
  for (const c of ranking.items) assert.equal(c.score, c.reasons.reduce((sum, r) => sum + r.points, 0), c.centre_name);
  for (let i = 1; i < ranking.items.length; i++) assert.ok(ranking.items[i - 1].score >= ranking.items[i].score);
  assert.ok(ranking.items.some((c) => c.reasons.some((r) => r.factor.endsWith('_findings'))), 'the demo inspections found something');
});

test('the plan keeps to working days and the weekly capacity', async () => {
  const plan = expectStatus(await api('GET', '/inspection-plan?month=2027-03&visits_per_week=2', { session: inspector }), 200);
  assert.equal(plan.month, '2027-03');
  assert.ok(plan.items.length > 0 && plan.items.length <= 10);
  const byWeek = new Map();
  for (const v of plan.items) {
    const d = new Date(`${v.day}T12:00:00Z`);
    assert.ok(d.getUTCDay() >= 1 && d.getUTCDay() <= 5, `${v.day} is a weekday`);
    const monday = new Date(d);
    monday.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    const key = monday.toISOString().slice(0, 10);
    byWeek.set(key, (byWeek.get(key) ?? 0) + 1);
  }
  for (const n of byWeek.values()) assert.ok(n <= 2);
  const days = plan.items.map((v) => v.day);
  assert.deepEqual(days, [...days].sort());
  assert.equal(new Set(plan.items.map((v) => v.centre.centre_id)).size, plan.items.length, 'a centre once');
  expectError(await api('GET', '/inspection-plan?month=marzo', { session: inspector }), 400, 'validation_failed', ['month']);
});
