// Inspection checklists over HTTP (docs/decisions/0022-monitoring-model.md): the standard one is
// there from the start, in Italian with its translations; the Prefettura writes the next version and
// the one before reads as it did; a bad version is refused naming each field and stores nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo, uniqueSuffix } from '../support/client.mjs';

let officer, inspector, worker;

before(async () => {
  [officer, inspector, worker] = await Promise.all(['prefecture_officer', 'inspector', 'case_worker'].map((r) => loginDemo(r)));
});

const latest = async (session, code) => {
  const list = expectStatus(await api('GET', `/checklists?code=${code}`, { session }), 200);
  return list.items[0];
};

const item = (code, over = {}) => ({
  code,
  area: 'meals',
  answer_kind: 'yes_no',
  expected_yes: true,
  weight: 3,
  failure_is_finding: true,
  default_severity: 'minor',
  question_it: 'I pasti sono regolari?',
  question_en: 'Are meals regular?',
  ...over,
});

test('the standard checklist is there, every area scored, questions in the six languages', async () => {
  const list = expectStatus(await api('GET', '/checklists', { session: inspector }), 200);
  const standard = list.items.find((c) => c.code === 'standard');
  assert.ok(standard, 'the standard checklist is installed');
  assert.equal(standard.created_by, null);
  const full = expectStatus(await api('GET', `/checklists/${standard.id}`, { session: worker }), 200);
  const areas = new Set(full.items.map((i) => i.area));
  assert.equal(areas.size, 8);
  for (const i of full.items) {
    assert.ok(i.question.it.length > 0 && i.question.en.length > 0, i.code);
    // French, Arabic, Ukrainian and Bengali from migration 11 (decision 0029), each in its script.
    assert.match(i.question.fr, /^[\p{Script=Latin}\p{P}\p{N}\s€]+$/u, i.code);
    assert.match(i.question.ar, /\p{Script=Arabic}/u, i.code);
    assert.match(i.question.uk, /\p{Script=Cyrillic}/u, i.code);
    assert.match(i.question.bn, /\p{Script=Bengali}/u, i.code);
    if (i.failure_is_finding) assert.ok(i.scored && ['minor', 'major', 'critical'].includes(i.default_severity), i.code);
    else assert.equal(i.default_severity, null, i.code);
  }
  const hygiene = full.items.find((i) => i.code === 'building.hygiene');
  assert.deepEqual(hygiene.passing_choices, ['adeguate']);
  assert.ok(full.items.some((i) => i.answer_kind === 'photo' && !i.scored));
});

test('a new version takes the next number and the previous one reads as before', async () => {
  const code = `test_${uniqueSuffix()}`;
  const first = expectStatus(
    await api('POST', '/checklists', { session: officer, body: { code, title: 'Prova', items: [item('meals.regular')] } }),
    201,
  );
  assert.equal(first.version, 1);
  assert.equal(first.created_by, officer.user.id);
  const second = expectStatus(
    await api('POST', '/checklists', {
      session: officer,
      body: {
        code,
        title: 'Prova 2',
        items: [
          item('meals.regular', { question_it: 'I pasti sono forniti regolarmente?' }),
          item('meals.count', { answer_kind: 'number', expected_yes: null, failure_is_finding: false, default_severity: undefined, min_value: 1 }),
        ],
      },
    }),
    201,
  );
  assert.equal(second.version, 2);
  assert.equal((await latest(inspector, code)).id, second.id);
  const again = expectStatus(await api('GET', `/checklists/${first.id}`, { session: inspector }), 200);
  assert.equal(again.items.length, 1);
  assert.equal(again.items[0].question.it, 'I pasti sono regolari?');
  const versions = expectStatus(await api('GET', `/checklists?code=${code}`, { session: inspector }), 200);
  assert.deepEqual(versions.items.map((v) => v.version), [2, 1]);
});

test('a bad version names each field and stores nothing', async () => {
  const code = `bad_${uniqueSuffix()}`;
  const res = await api('POST', '/checklists', {
    session: officer,
    body: {
      code,
      title: 'Errata',
      items: [
        item('a'),
        item('a'),
        item('b', { answer_kind: 'choice', expected_yes: null, choices: ['buone', 'scarse'], passing_choices: ['ottime'] }),
        item('c', { expected_yes: null }),
      ],
    },
  });
  expectError(res, 422, 'invalid_checklist', ['items[1].code', 'items[2].passing_choices', 'items[3].failure_is_finding']);
  const missing = await api('POST', '/checklists', { session: officer, body: { code, title: 'x', items: [item('a', { question_it: undefined })] } });
  expectError(missing, 400, 'validation_failed');
  const versions = expectStatus(await api('GET', `/checklists?code=${code}`, { session: officer }), 200);
  assert.equal(versions.items.length, 0);
});

test('a checklist that does not exist answers 404', async () => {
  expectError(await api('GET', '/checklists/999999999', { session: inspector }), 404, 'not_found');
});
