// Checks lib/dates: "today" is the day in Rome, as on the server, whatever the browser's zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './support/load-ts.mjs';

const dates = await loadTs(join(fileURLToPath(new URL('..', import.meta.url)), 'src', 'lib', 'dates.ts'));

test('today is the day in Rome: past midnight there, still the day before in UTC', () => {
  // 23:30 UTC on 31 December is 00:30 on 1 January in Rome (CET, UTC+1).
  const instant = new Date('2026-12-31T23:30:00Z');
  assert.equal(dates.today(instant), '2027-01-01');
  assert.equal(dates.currentMonth(instant), '2027-01');
  assert.equal(dates.lastMonth(instant), '2026-12');
});

test('summer time: 22:30 UTC on 30 June is already 1 July in Rome (CEST, UTC+2)', () => {
  assert.equal(dates.today(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
  assert.equal(dates.today(new Date('2026-06-30T21:30:00Z')), '2026-06-30');
});

test('day arithmetic by calendar, across months and years', () => {
  assert.equal(dates.addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(dates.addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(dates.daysBetween('2026-12-31', '2027-01-02'), 2);
  assert.equal(dates.lastMonth(new Date('2026-01-15T12:00:00Z')), '2025-12');
});

test('times are shown in Rome', () => {
  assert.equal(dates.formatDateTime('2026-12-31T23:30:00Z', 'en').includes('12:30'), true);
  assert.equal(dates.formatDate('2026-12-31T23:30:00Z', 'en').includes('2027'), true);
});
