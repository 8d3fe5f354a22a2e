// Checks lib/numbers: numbers in each language's way, and digits that never mix on a page
// (Bengali and Arabic in Latin digits, like the codes, ids and typed values beside them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './support/load-ts.mjs';

const src = join(fileURLToPath(new URL('..', import.meta.url)), 'src', 'lib');
const numbers = await loadTs(join(src, 'numbers.ts'));
const dates = await loadTs(join(src, 'dates.ts'));
const money = await loadTs(join(src, 'money.ts'));

const NON_LATIN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\u09E6-\u09EF]/;

test('grouping and decimal sign follow the language', () => {
  assert.equal(numbers.formatNumber(1234567, 'it'), '1.234.567');
  assert.equal(numbers.formatNumber(1234567, 'en'), '1,234,567');
  assert.equal(numbers.formatNumber(1234.5, 'fr'), '1\u202f234,5');
  assert.equal(numbers.formatNumber(1234.5, 'uk'), '1\u00a0234,5');
  assert.equal(numbers.formatNumber(7, 'it'), '7');
});

test('Bengali and Arabic numbers, dates and amounts use Latin digits only', () => {
  for (const lang of ['bn', 'ar']) {
    for (const text of [
      numbers.formatNumber(1234567, lang),
      dates.formatDay('2026-12-03', lang),
      dates.formatMonth('2026-12', lang),
      dates.formatDateTime('2026-12-03T10:15:00Z', lang),
      money.formatEuro(123456, lang),
    ]) {
      assert.ok(!NON_LATIN_DIGITS.test(text), `${lang}: ${text}`);
      assert.match(text, /[0-9]/, `${lang}: ${text}`);
    }
  }
  assert.equal(numbers.formatNumber(1234567, 'bn'), '12,34,567'); // Indian grouping, Latin digits
  assert.equal(numbers.intlLocale('bn'), 'bn-u-nu-latn');
  assert.equal(numbers.intlLocale('it'), 'it');
});
