// The files' deadline dashboard, sort and export over HTTP (issue 13): the counts for each
// procedure agree with the list's filters and keep to what the caller may read (a case worker:
// the files of the people they follow); the list sorts by each key both ways, an unknown key is
// a 400 naming sort; the export is every file of the filters as an Italian office's CSV (';',
// headers in the caller's language, dd/mm/yyyy) or an XLSX workbook.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo, uniqueSuffix } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';
import { createPerson } from '../people/fixture.mjs';
import { openCase } from '../cases/fixture.mjs';

let admin, officer, worker, sui, analyst, catalogue;

before(async () => {
  [admin, officer, worker, sui, analyst] = await Promise.all(['admin', 'prefecture_officer', 'case_worker', 'sui_officer', 'analyst'].map(loginDemo));
  catalogue = expectStatus(await api('GET', '/procedures', { session: sui }), 200).items;
});

const byCode = (code) => catalogue.find((p) => p.code === code);

async function openFile(person, filedAgo, code = 'permit_conversion') {
  const body = { procedure_id: byCode(code).id, person_id: person.id, protocol_number: `D/${uniqueSuffix()}`, filed_on: daysAgo(filedAgo) };
  return expectStatus(await api('POST', '/procedure-files', { session: sui, body }), 201);
}

// Every file's id of a list, page by page.
async function walk(session, query) {
  const ids = [];
  for (let page = 1; ; page++) {
    const body = expectStatus(await api('GET', `/procedure-files?per_page=100&page=${page}&${query}`, { session }), 200);
    ids.push(...body.items.map((f) => f.id));
    if (body.items.length < 100) return ids;
  }
}

const total = async (session, query) => expectStatus(await api('GET', `/procedure-files?per_page=1&${query}`, { session }), 200).total;

test('the counts: every procedure of the catalogue, the same figures as the list filtered by state', async () => {
  const person = await createPerson(officer);
  const file = await openFile(person, 200); // 60 days from filing: long past
  assert.equal(file.clock.state, 'overdue');
  for (const session of [sui, officer]) {
    const counts = expectStatus(await api('GET', '/procedure-files/counts', { session }), 200);
    assert.equal(counts.as_of, daysAgo(0));
    assert.deepEqual(
      counts.items.map((c) => c.procedure.code).sort(),
      catalogue.map((p) => p.code).sort(),
    );
    for (const c of counts.items) {
      for (const state of ['overdue', 'due_soon', 'suspended']) {
        assert.equal(c[state], await total(session, `procedure_id=${c.procedure.id}&state=${state}`), `${c.procedure.code} ${state}`);
      }
      assert.ok(c.open >= c.overdue + c.due_soon + c.suspended);
    }
    const conversion = counts.items.find((c) => c.procedure.code === 'permit_conversion');
    assert.ok(conversion.overdue >= 1);
    assert.equal(counts.overdue, counts.items.reduce((n, c) => n + c.overdue, 0));
    assert.equal(counts.open, counts.items.reduce((n, c) => n + c.open, 0));
    // The total of an unscoped list is summed from counters, its rows read from the files: every
    // row is there, once.
    for (const query of ['overdue=true', 'state=due_soon', 'state=suspended', 'state=not_started', `procedure_id=${conversion.procedure.id}&state=running`]) {
      const ids = await walk(session, query);
      assert.equal(new Set(ids).size, ids.length, query);
      assert.equal(ids.length, await total(session, query), query);
    }
    // Open: every state but closed.
    const closed = await total(session, 'state=closed');
    assert.equal(counts.open, (await total(session, '')) - closed);
  }
  // Analysts and the admin read no file, not even counted.
  for (const session of [analyst, admin]) expectError(await api('GET', '/procedure-files/counts', { session }), 403, 'forbidden');
});

test('a case worker counts only the files of the people whose cases they are assigned to', async () => {
  const { person, case: c } = await openCase({ admin, officer, worker });
  expectStatus(await api('POST', `/cases/${c.id}/workers`, { session: worker, body: { user_id: worker.user.id } }), 201);
  const before = expectStatus(await api('GET', '/procedure-files/counts', { session: worker }), 200);
  await openFile(person, 200);
  await openFile(await createPerson(officer), 200); // a stranger's: not counted
  const after = expectStatus(await api('GET', '/procedure-files/counts', { session: worker }), 200);
  const of = (counts) => counts.items.find((x) => x.procedure.code === 'permit_conversion');
  assert.equal(of(after).overdue, of(before).overdue + 1);
  assert.equal(of(after).open, of(before).open + 1);
  assert.equal(after.overdue, await total(worker, 'overdue=true'));
  const all = expectStatus(await api('GET', '/procedure-files/counts', { session: sui }), 200);
  assert.ok(all.overdue > after.overdue);
});

test('the list sorts by each key both ways; an unknown key is a 400 naming sort', async () => {
  const person = await createPerson(officer);
  const files = [await openFile(person, 30), await openFile(person, 5), await openFile(person, 90)];
  const list = async (sort) =>
    expectStatus(await api('GET', `/procedure-files?person_id=${person.id}&per_page=10${sort ? `&sort=${sort}` : ''}`, { session: sui }), 200).items;
  const ids = (items) => items.map((f) => f.id);
  const [mid, recent, old] = files.map((f) => f.id);
  assert.deepEqual(ids(await list('')), [old, mid, recent]); // the earliest due first
  assert.deepEqual(ids(await list('-due_on')), [recent, mid, old]);
  assert.deepEqual(ids(await list('filed_on')), [old, mid, recent]);
  assert.deepEqual(ids(await list('-filed_on')), [recent, mid, old]);
  const byProtocol = [...files].sort((a, b) => (a.protocol_number < b.protocol_number ? -1 : 1)).map((f) => f.id);
  assert.deepEqual(ids(await list('protocol_number')), byProtocol);
  assert.deepEqual(ids(await list('-protocol_number')), [...byProtocol].reverse());
  // Step: the file moved on comes last ascending, first descending.
  expectStatus(await api('POST', `/procedure-files/${recent}/steps`, { session: sui, body: { step: 'first_appointment', entered_on: daysAgo(1) } }), 200);
  assert.equal(ids(await list('step')).at(-1), recent);
  assert.equal(ids(await list('-step'))[0], recent);
  // Procedure by code: a citizenship file before the conversions, after them descending.
  const citizenship = await openFile(person, 10, 'citizenship');
  assert.equal(ids(await list('procedure'))[0], citizenship.id);
  assert.equal(ids(await list('-procedure')).at(-1), citizenship.id);
  for (const bad of ['person', 'due', '--due_on', 'due_on;']) {
    expectError(await api('GET', `/procedure-files?sort=${encodeURIComponent(bad)}`, { session: sui }), 400, 'validation_failed', ['sort']);
  }
  expectError(await api('GET', '/procedure-files?format=pdf', { session: sui }), 400, 'validation_failed', ['format']);
});

test('the export: every file of the filters as an office CSV or an XLSX workbook', async () => {
  const person = await createPerson(officer);
  const files = [await openFile(person, 30), await openFile(person, 90)];
  const csv = await api('GET', `/procedure-files?person_id=${person.id}&format=csv&sort=filed_on&per_page=1`, { session: sui });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /attachment; filename="pratiche-\d{4}-\d{2}-\d{2}\.csv"/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(
    lines[0],
    'Numero di protocollo;Procedimento;Persona;Fase attuale;Presentata il;Scadenza;Stato del termine;Giorni alla scadenza;Giorni di sospensione',
  );
  // Every file of the filters (not the page of one), in the order asked; days as dd/mm/yyyy.
  assert.equal(lines.length, 3);
  const first = lines[1].split(';');
  assert.equal(first[0], files[1].protocol_number);
  const [y, m, d] = files[1].filed_on.split('-');
  assert.equal(first[4], `${d}/${m}/${y}`);
  assert.match(first[5], /^\d{2}\/\d{2}\/\d{4}$/);
  assert.equal(first[6], 'Scaduta');
  assert.equal(lines[2].split(';')[0], files[0].protocol_number);
  // The caller's language for the words, the Italian office's conventions for the rest.
  const english = await api('GET', `/procedure-files?person_id=${person.id}&format=csv&lang=en`, { session: sui });
  assert.match(english.text, /Protocol number;Procedure;Person;Current step;Filed on;Due date;Term status/);
  const xlsx = await api('GET', `/procedure-files?person_id=${person.id}&format=xlsx`, { session: sui });
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.ok(xlsx.text.startsWith('PK'));
  // Nothing beyond the caller's reach: a case worker's export of a stranger is empty.
  const theirs = await api('GET', `/procedure-files?person_id=${person.id}&format=csv`, { session: worker });
  assert.equal(theirs.status, 200);
  assert.equal(theirs.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).length, 1);
  for (const session of [analyst, admin]) expectError(await api('GET', `/procedure-files?format=csv`, { session }), 403, 'forbidden');
});
