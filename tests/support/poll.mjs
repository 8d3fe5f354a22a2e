// Waiting for a condition that is asked, not pushed: API tests (client.mjs) and browser tests
// (web/tests/browser/helpers.mjs) share it. No import with side effects, so both can load it.
import assert from 'node:assert/strict';

// Calls fn until it returns a truthy value or the time is up; returns that value.
export async function poll(fn, { timeoutMs = 2000, intervalMs = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
