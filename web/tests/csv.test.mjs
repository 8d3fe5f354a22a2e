// Checks lib/csv: the browser's CSV files follow the server's office rules (src/reporting/csv.cc):
// ';' separated, RFC 4180 quoting, days dd/mm/yyyy, and text that a spreadsheet would run as a
// formula kept as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './support/load-ts.mjs';

const csv = await loadTs(join(fileURLToPath(new URL('..', import.meta.url)), 'src', 'lib', 'csv.ts'));

test("';' separated, quoted when a cell holds ';', a quote or a line break", () => {
  assert.equal(
    csv.toCsv(['Nome', 'Note'], [['Diallo, "Junior"', 'a;b'], ['Haque', 'riga\nnuova']]),
    'Nome;Note\r\n"Diallo, ""Junior""";"a;b"\r\nHaque;"riga\nnuova"\r\n',
  );
});

test('days as dd/mm/yyyy, numbers as they are, nothing as an empty cell', () => {
  assert.equal(csv.toCsv(['Dal', 'Ore', 'Esito'], [[{ day: '2026-03-09' }, 72, null]]), 'Dal;Ore;Esito\r\n09/03/2026;72;\r\n');
  assert.equal(csv.officeDay('2026-12-31'), '31/12/2026');
  assert.equal(csv.officeDay('31/12/2026'), '31/12/2026');
});

test('text starting like a formula is kept text with an apostrophe; our negative numbers are not', () => {
  const rows = [['=HYPERLINK("http://x")'], ['+39 333'], ['-1'], ['@SUM(A1)'], ['\tx'], [-5], ['a=b']];
  const lines = csv.toCsv(['Valore'], rows).split('\r\n');
  assert.deepEqual(lines.slice(1, -1), ['"\'=HYPERLINK(""http://x"")"', "'+39 333", "'-1", "'@SUM(A1)", "'\tx", '-5', 'a=b']);
});
