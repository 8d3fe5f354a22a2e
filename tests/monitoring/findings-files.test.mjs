// The findings list as files for the offices (decision 0030, by decision 0021's rules): ';'
// separated CSV and XLSX in the caller's language, the list's filters (severity included) and the
// page's order applied; an operator's file holds only the findings its list shows; a bad sort or
// format is a 400 naming the parameter.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo } from '../support/client.mjs';

let inspector, worker;

before(async () => {
  [inspector, worker] = await Promise.all(['inspector', 'case_worker'].map((r) => loginDemo(r)));
});

// ';' between cells, CRLF between rows (fetch's text() drops the byte order mark).
function csvRows(res) {
  assert.equal(res.status, 200, res.text.slice(0, 300));
  assert.match(res.headers.get('content-type'), /^text\/csv/);
  return res.text
    .split('\r\n')
    .filter((l) => l)
    .map((l) => l.split(';'));
}

const SEVERITY_IT = { minor: 'Lieve', major: 'Grave', critical: 'Critico' };

test('the findings as CSV: Italian headers, the filters and the order asked, every finding of them', async () => {
  const page = expectStatus(await api('GET', '/findings?severity=critical', { session: inspector }), 200);
  assert.ok(page.total > 0, 'the demo has critical findings');
  assert.ok(page.items.every((f) => f.severity === 'critical'), 'severity filters the list');

  const res = await api('GET', '/findings?severity=critical&format=csv&sort=-deadline', { session: inspector });
  assert.match(res.headers.get('content-disposition'), /rilievi-\d{4}-\d{2}-\d{2}\.csv/);
  const rows = csvRows(res);
  assert.deepEqual(rows[0], [
    'Centro', 'ID ispezione', 'Area', 'Voce', 'Gravità', 'Scadenza', 'Stato', 'Scaduto',
    'Azione correttiva', 'Data della risposta', 'Data della verifica',
  ]);
  assert.equal(rows.length - 1, page.total, 'a line per finding of the filters, not of one page');
  assert.ok(rows.slice(1).every((r) => r[4] === SEVERITY_IT.critical));
  // dd/mm/yyyy, newest deadline first.
  const days = rows.slice(1).map((r) => r[5].split('/').reverse().join('-'));
  assert.ok(days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)));
  assert.deepEqual(days, [...days].sort().reverse());
  // The item's question, not its code.
  assert.ok(rows.slice(1).every((r) => r[3] && !/^[a-z_]+\.[a-z_]+$/.test(r[3])), 'questions in words');

  const en = csvRows(await api('GET', '/findings?severity=critical&format=csv&lang=en', { session: inspector }));
  assert.equal(en[0][0], 'Centre');
  assert.ok(en.slice(1).every((r) => r[4] === 'Critical'));
  const ar = csvRows(await api('GET', '/findings?format=csv&lang=ar&overdue=true', { session: inspector }));
  assert.equal(ar[0][0], 'المركز');

  const xlsx = await api('GET', '/findings?format=xlsx&status=open', { session: inspector });
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-disposition'), /rilievi-\d{4}-\d{2}-\d{2}\.xlsx/);
  assert.ok(xlsx.text.startsWith('PK'), 'a zip archive');
});

test("an operator's file holds only its list: the findings of issued reports on its centres", async () => {
  const list = expectStatus(await api('GET', '/findings?status=open', { session: worker }), 200);
  const rows = csvRows(await api('GET', '/findings?status=open&format=csv&sort=severity', { session: worker }));
  assert.equal(rows.length - 1, list.total);
  const order = ['Lieve', 'Grave', 'Critico'];
  const ranks = rows.slice(1).map((r) => order.indexOf(r[4]));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'minor to critical');
  const all = csvRows(await api('GET', '/findings?status=open&format=csv', { session: inspector }));
  assert.ok(all.length > rows.length, 'the inspector sees more');
});

test('a bad format, sort or severity is refused naming the parameter', async () => {
  expectError(await api('GET', '/findings?format=pdf', { session: inspector }), 400, 'validation_failed', ['format']);
  expectError(await api('GET', '/findings?sort=item', { session: inspector }), 400, 'validation_failed', ['sort']);
  expectError(await api('GET', '/findings?severity=grave', { session: inspector }), 400, 'validation_failed', ['severity']);
});
