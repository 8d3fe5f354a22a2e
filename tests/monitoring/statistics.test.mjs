// Monitoring in aggregate (issue 10 point 7): the analyst reads inspections and findings by
// severity and area per quarter, counts only: no centre, name or inspection in the answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo } from '../support/client.mjs';

test('the analyst reads counts per quarter, never a centre or an inspection', async () => {
  const analyst = await loginDemo('analyst');
  const all = expectStatus(await api('GET', '/inspection-statistics', { session: analyst }), 200);
  assert.ok(all.items.length >= 8, 'two years of demo visits');
  for (const q of all.items) {
    assert.match(q.quarter, /^\d{4}-Q[1-4]$/);
    assert.ok(q.inspections > 0 && q.unannounced <= q.inspections);
    assert.deepEqual(Object.keys(q).sort(), ['findings', 'inspections', 'quarter', 'unannounced']);
    for (const f of q.findings) assert.deepEqual(Object.keys(f).sort(), ['area', 'count', 'severity']);
  }
  assert.deepEqual(
    all.items.map((q) => q.quarter),
    [...all.items.map((q) => q.quarter)].sort(),
  );
  const one = expectStatus(await api('GET', '/inspection-statistics?from=2026-01-01&to=2026-03-31', { session: analyst }), 200);
  assert.deepEqual(
    one.items.map((q) => q.quarter),
    all.items.some((q) => q.quarter === '2026-Q1') ? ['2026-Q1'] : [],
  );
  expectError(await api('GET', '/inspection-statistics?from=2026-13-01', { session: analyst }), 400, 'validation_failed', ['from']);
});
