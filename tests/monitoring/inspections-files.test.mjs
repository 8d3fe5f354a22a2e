// The inspections list as files for the offices (decision 0021's rules): every inspection of the
// filters, not the page asked, in the order asked and the caller's language; an operator's file
// holds only what its list shows; a bad format is a 400 naming the parameter.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo } from '../support/client.mjs';

let inspector, worker;

before(async () => {
  [inspector, worker] = await Promise.all(['inspector', 'case_worker'].map((r) => loginDemo(r)));
});

function csvRows(res) {
  assert.equal(res.status, 200, res.text.slice(0, 300));
  assert.match(res.headers.get('content-type'), /^text\/csv/);
  return res.text
    .split('\r\n')
    .filter((l) => l)
    .map((l) => l.split(';'));
}

test('inspections as CSV: every one of the filters, more than a page, in the order asked', async () => {
  const first = expectStatus(await api('GET', '/inspections?per_page=10&sort=centre', { session: inspector }), 200);
  assert.ok(first.total > 100, `the demo has two years of inspections (${first.total})`);
  const res = await api('GET', '/inspections?per_page=10&page=3&sort=centre&format=csv', { session: inspector });
  assert.match(res.headers.get('content-disposition'), /ispezioni-\d{4}-\d{2}-\d{2}\.csv/);
  const rows = csvRows(res);
  assert.deepEqual(rows[0], ['Centro', 'Data', 'Stato', 'Annunciata', 'Punteggio complessivo']);
  assert.equal(rows.length - 1, first.total, 'every inspection, whatever the page asked');
  // The list's order: its first page is the file's first lines.
  assert.deepEqual(rows.slice(1, 11).map((r) => r[0]), first.items.map((i) => i.centre_name));
  const scored = rows.slice(1).find((r) => r[4]);
  assert.match(scored[4], /^\d+,\d$/, 'a score with a decimal comma');

  // Filtered by status, in English.
  const issued = expectStatus(await api('GET', '/inspections?status=report_issued&per_page=1', { session: inspector }), 200);
  const en = csvRows(await api('GET', '/inspections?status=report_issued&format=csv&lang=en', { session: inspector }));
  assert.deepEqual(en[0], ['Centre', 'Date', 'Status', 'Announced', 'Overall score']);
  assert.equal(en.length - 1, issued.total);
  assert.ok(en.slice(1).every((r) => r[2] === 'Report issued'));

  const xlsx = await api('GET', '/inspections?format=xlsx', { session: inspector });
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
});

test("an operator's file holds its list only; a bad format names the parameter", async () => {
  const list = expectStatus(await api('GET', '/inspections?per_page=1', { session: worker }), 200);
  const rows = csvRows(await api('GET', '/inspections?format=csv', { session: worker }));
  assert.equal(rows.length - 1, list.total);
  assert.ok(rows.slice(1).every((r) => r[2] === 'Verbale emesso'), 'issued reports only');
  expectError(await api('GET', '/inspections?format=pdf', { session: inspector }), 400, 'validation_failed', ['format']);
});
