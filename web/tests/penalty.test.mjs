// Checks features/monitoring/penalty.ts against the server's own figures
// (tests/monitoring/findings_test.cc, PenaltiesAreComputedAndNeverPassTenPerCent): the page must
// show the amount the server will record, and say when it will refuse it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './support/load-ts.mjs';

const penalty = await loadTs(join(fileURLToPath(new URL('..', import.meta.url)), 'src', 'features', 'monitoring', 'penalty.ts'));

// 60 places × EUR 27.00 × 365 days: EUR 591,300.00 net, a cap of EUR 59,130.00.
const NET = 59_130_000;
const contract = (remaining) => ({ net_cents: NET, remaining_cents: remaining, min_rate_per_mille: 0.5, max_rate_per_mille: 1.5 });

test('days × rate per mille × net amount, to the cent, as the server computes it', () => {
  assert.equal(penalty.penaltyCents(NET, 10, 1), 591_300);
  assert.equal(penalty.penaltyCents(NET, 80, 1), 4_730_400);
  assert.equal(penalty.penaltyCents(NET, 11, 1), 650_430);
  // Half a cent rounds up: 1 day at 0.5 per mille of EUR 10.01 is 0.5005 cents.
  assert.equal(penalty.penaltyCents(1001, 1, 0.5), 1);
  assert.equal(penalty.penaltyCents(999, 1, 0.5), 0);
  // Beyond 2^53 in the product: exact all the same.
  assert.equal(penalty.penaltyCents(9_000_000_000_000, 3650, 1.5), 49_275_000_000_000);
});

test('the cap: past it is refused, reaching it raises a termination proposal', () => {
  const left = 5_913_000 - 591_300 - 4_730_400; // after 10 and 80 days at 1 per mille
  const over = penalty.preview(contract(left), 11, 1);
  assert.equal(over.overCap, true);
  assert.equal(over.maxDays, 10, 'at most 10 more days at 1 per mille');
  const reaching = penalty.preview(contract(left), 10, 1);
  assert.equal(reaching.overCap, false);
  assert.equal(reaching.reachesCap, true);
  assert.equal(reaching.after, 0);
  const within = penalty.preview(contract(5_913_000), 3, 0.5);
  assert.deepEqual([within.overCap, within.reachesCap, within.outOfBounds], [false, false, false]);
  assert.equal(penalty.preview(contract(5_913_000), 3, 2).outOfBounds, true);
  assert.equal(penalty.preview(contract(5_913_000), null, 1), null, 'nothing until both are typed');
  assert.equal(penalty.maxDays(contract(0), 1), 0);
});
