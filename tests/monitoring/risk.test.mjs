// The risk ranking and the suggested plan over HTTP, on the demo's two years of inspections:
// every active centre ranked, each score the sum of its reasons, riskiest first; the plan keeps to
// working days and to the inspectors' capacity; a month that is not one is refused naming it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo } from '../support/client.mjs';

let inspector;

before(async () => {
  inspector = await loginDemo('inspector');
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
