// The procedures' bottleneck figures over HTTP (decision 0044): read by the SUI, the Prefettura
// and analysts, refused to every other role; aggregates only (no name, no protocol number);
// analysts never see a count of 1 to 4 files; the period and the procedure are checked, naming
// the field; CSV and XLSX with the headers in the language asked.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo, ROLES, uniqueSuffix } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';
import { createPerson } from '../people/fixture.mjs';
import { editable } from './catalogue.mjs';

const READERS = ['prefecture_officer', 'sui_officer', 'analyst'];
const PATH = '/procedure-files/analytics';

let sessions = {};
let procedure; // a procedure of this test's own, so that other tests' files do not count
const protocols = [];

before(async () => {
  for (const role of ROLES) sessions[role] = await loginDemo(role);
  const { admin, sui_officer: sui, prefecture_officer: officer } = sessions;
  const catalogue = expectStatus(await api('GET', '/procedures', { session: sui }), 200).items;
  const fields = editable(catalogue.find((p) => p.code === 'permit_conversion'));
  const code = `analytics_${uniqueSuffix().toLowerCase()}`;
  procedure = expectStatus(await api('POST', '/procedures', { session: admin, body: { ...fields, code } }), 201);
  // Two files: one filed 10 days ago that moved on 4 days ago (a stay of 6 days), one filed
  // 8 days ago still on its first step.
  for (const [filed, moved] of [[daysAgo(10), daysAgo(4)], [daysAgo(8), null]]) {
    const person = await createPerson(officer);
    const protocol = `AN/${uniqueSuffix()}`;
    protocols.push(protocol);
    const file = expectStatus(
      await api('POST', '/procedure-files', {
        session: sui,
        body: { procedure_id: procedure.id, person_id: person.id, protocol_number: protocol, filed_on: filed },
      }),
      201,
    );
    if (moved) {
      expectStatus(await api('POST', `/procedure-files/${file.id}/steps`, { session: sui, body: { step: procedure.steps[1].code, entered_on: moved } }), 200);
    }
  }
});

const ours = (body) => body.procedures.find((p) => p.id === procedure.id);

test('the SUI, the Prefettura and analysts read the figures; every other role is refused', async () => {
  for (const role of ROLES) {
    const res = await api('GET', PATH, { session: sessions[role] });
    if (READERS.includes(role)) expectStatus(res, 200);
    else expectError(res, 403, 'forbidden');
  }
  expectError(await api('GET', PATH), 401, 'unauthenticated');
});

test('the figures of a procedure counted by hand, exact for those who read the files', async () => {
  for (const role of ['prefecture_officer', 'sui_officer']) {
    const body = expectStatus(await api('GET', `${PATH}?procedure_id=${procedure.id}&from=${daysAgo(30)}`, { session: sessions[role] }), 200);
    assert.equal(body.min_group, null);
    assert.equal(body.procedures.length, 1);
    const p = ours(body);
    const [filed, first] = p.steps;
    assert.equal(filed.code, 'filed');
    assert.deepEqual([filed.entered, filed.stays, filed.median_days, filed.p90_days, filed.backlog], [2, 1, 6, 6, 1]);
    assert.deepEqual([first.entered, first.stays, first.median_days, first.backlog], [1, 0, null, 1]);
    assert.equal(filed.past_deadline + first.past_deadline, 0); // 60 days: neither is late
    const last = p.trend.at(-1);
    assert.equal(last.on, body.to);
    assert.equal(last.open, 2);
    assert.equal(last.past_deadline, 0);
  }
});

test('analysts read aggregates only: no protocol number, no name, no count of 1 to 4', async () => {
  const body = expectStatus(await api('GET', PATH, { session: sessions.analyst }), 200);
  assert.equal(body.min_group, 5);
  const text = JSON.stringify(body);
  for (const protocol of protocols) assert.ok(!text.includes(protocol));
  const counts = body.procedures.flatMap((p) => [
    ...p.steps.flatMap((s) => [s.entered, s.stays, s.backlog, s.past_deadline]),
    ...p.trend.flatMap((t) => [t.open, t.past_deadline]),
  ]);
  assert.ok(counts.every((n) => n === null || n === 0 || n >= 5), JSON.stringify(counts));
  for (const s of body.procedures.flatMap((p) => p.steps)) {
    if (s.stays === null || s.stays < 5) assert.deepEqual([s.median_days, s.p90_days], [null, null]);
  }
  // The demo data's figures are there for the analyst too.
  assert.ok(counts.some((n) => n >= 5));
  const p = ours(expectStatus(await api('GET', `${PATH}?procedure_id=${procedure.id}`, { session: sessions.analyst }), 200));
  assert.deepEqual([p.steps[0].entered, p.steps[0].median_days, p.steps[0].backlog], [null, null, null]);
});

test('the default period is the last twelve months, up to today', async () => {
  const body = expectStatus(await api('GET', PATH, { session: sessions.sui_officer }), 200);
  assert.equal(body.to, body.today);
  assert.ok(body.from > daysAgo(370) && body.from < daysAgo(360), body.from);
  assert.ok(body.procedures.length >= 7);
  for (const p of body.procedures) assert.ok(p.trend.length === 12 || p.trend.length === 13, p.trend.length);
});

test('bad input names the field', async () => {
  const s = { session: sessions.sui_officer };
  expectError(await api('GET', `${PATH}?from=yesterday`, s), 400, 'validation_failed', ['from']);
  expectError(await api('GET', `${PATH}?from=${daysAgo(3)}&to=${daysAgo(5)}`, s), 400, 'validation_failed', ['to']);
  const future = daysAgo(-5);
  expectError(await api('GET', `${PATH}?to=${future}`, s), 400, 'validation_failed', ['to']);
  // At most 36 months: from 1 Jan three years back to today is more.
  const longAgo = `${Number(daysAgo(0).slice(0, 4)) - 3}-01-01`;
  const e = expectError(await api('GET', `${PATH}?from=${longAgo}`, s), 400, 'validation_failed', ['to']);
  assert.equal(e.fields.to.code, 'date_out_of_range');
  expectStatus(await api('GET', `${PATH}?from=${daysAgo(1000)}&to=${daysAgo(5)}`, s), 200);
  expectError(await api('GET', `${PATH}?procedure_id=0`, s), 400, 'validation_failed', ['procedure_id']);
  expectError(await api('GET', `${PATH}?procedure_id=abc`, s), 400, 'validation_failed', ['procedure_id']);
  expectError(await api('GET', `${PATH}?procedure_id=999999999`, s), 422, 'validation_failed', ['procedure_id']);
  expectError(await api('GET', `${PATH}?format=pdf`, s), 400, 'validation_failed', ['format']);
  expectError(await api('GET', `${PATH}?person_id=1`, s), 400, 'validation_failed', ['person_id']);
});

test('CSV (the steps) and XLSX (steps and trend) in the language asked, Italian by default', async () => {
  const s = { session: sessions.analyst };
  const csv = await api('GET', `${PATH}?format=csv&procedure_id=${procedure.id}`, s);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], 'Procedimento;Fase;Ufficio;Pratiche entrate;Permanenze concluse;Giorni (mediana);Giorni (90° percentile);Pratiche in corso;Oltre il termine');
  assert.equal(lines.filter((l) => l.length > 0).length, 1 + procedure.steps.length);
  // Hidden counts are empty cells for the analyst.
  assert.match(lines[1], /^[^;]*;Domanda presentata;[^;]*;;;;;;0$/);
  const en = await api('GET', `${PATH}?format=csv&lang=en`, s);
  assert.ok(en.text.includes('Procedure;Step;Office;Files entered'));
  const xlsx = await api('GET', `${PATH}?format=xlsx`, s);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-disposition'), /procedure-analytics-.*\.xlsx/);
});
