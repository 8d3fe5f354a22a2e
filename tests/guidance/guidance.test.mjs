// Guidance pages over HTTP (decision 0033): every staff role that works with people reads them,
// analysts and anonymous callers do not; admins and prefecture officers publish edits, each a
// version based on the one the editor read (409 when someone saved in between); bad input is a
// 4xx naming the field and stores nothing; markup in the text comes back as the same text.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo, ROLES } from '../support/client.mjs';

const CATEGORIES = [
  'minor', 'unaccompanied_minor', 'disability', 'elderly', 'woman', 'pregnant_woman', 'single_parent',
  'trafficking_victim', 'serious_illness', 'mental_disorder', 'torture_violence', 'fgm', 'lgbtiq',
];
const LANGUAGES = ['it', 'en', 'fr', 'ar', 'uk', 'bn'];
const READERS = ['admin', 'prefecture_officer', 'inspector', 'case_worker', 'service_provider', 'sui_officer'];

let s; // role -> session

before(async () => {
  s = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await loginDemo(r)])));
});

const page = (session, category, language) => api('GET', `/guidance/${category}/${language}`, { session });

function editBody(current, changes) {
  const body = { based_on: current.fallback ? 0 : current.version, change_note: 'test edit' };
  for (const k of ['look_for', 'how_to_ask', 'where_to_refer', 'guarantees', 'sources']) body[k] = current[k];
  return { ...body, ...changes };
}

const publish = (session, category, language, body) =>
  api('POST', `/guidance/${category}/${language}/versions`, { session, body });

test('every staff role that works with people reads every page in the six languages; analysts do not', async () => {
  for (const role of READERS) {
    const list = expectStatus(await api('GET', '/guidance', { session: s[role] }), 200);
    assert.deepEqual(list.items.map((i) => i.category), CATEGORIES, role);
    for (const item of list.items) {
      assert.deepEqual(item.languages, LANGUAGES, `${role} ${item.category}`);
      assert.equal(item.last_edited_by.display_name.length > 0, true);
    }
  }
  for (const language of LANGUAGES) {
    const p = expectStatus(await page(s.case_worker, 'trafficking_victim', language), 200);
    assert.equal(p.shown_language, language);
    assert.equal(p.fallback, false);
    assert.ok(p.where_to_refer.includes('800 290 290'), `${language}: the anti-trafficking number`);
  }
  expectError(await api('GET', '/guidance', { session: s.analyst }), 403, 'forbidden');
  expectError(await page(s.analyst, 'fgm', 'it'), 403, 'forbidden');
  expectError(await api('GET', '/guidance'), 401, 'unauthenticated');
});

test('an edit is the next version; an edit based on an older one is refused 409 and changes nothing', async () => {
  const before = expectStatus(await page(s.admin, 'elderly', 'fr'), 200);
  const saved = expectStatus(
    await publish(s.admin, 'elderly', 'fr', editBody(before, { how_to_ask: 'Parlez calmement.', change_note: 'plus court' })),
    201,
  );
  assert.equal(saved.version, before.version + 1);
  assert.equal(saved.how_to_ask, 'Parlez calmement.');
  assert.equal(saved.edited_by.display_name.length > 0, true);
  const now = expectStatus(await page(s.case_worker, 'elderly', 'fr'), 200);
  assert.equal(now.version, saved.version);
  assert.equal(now.how_to_ask, 'Parlez calmement.');

  // The officer read the page before the admin's edit: publishing it would lose that edit.
  const stale = await publish(s.prefecture_officer, 'elderly', 'fr', editBody(before, { guarantees: 'Autre texte.' }));
  expectError(stale, 409, 'stale_version', ['based_on']);
  assert.equal(stale.json.error.fields.based_on.params.current, saved.version);
  const after = expectStatus(await page(s.admin, 'elderly', 'fr'), 200);
  assert.equal(after.version, saved.version);
  assert.equal(after.guarantees, before.guarantees);

  // Based on the current version, the officer's edit goes through.
  const officers = expectStatus(await publish(s.prefecture_officer, 'elderly', 'fr', editBody(after, { guarantees: 'Autre texte.' })), 201);
  assert.equal(officers.version, saved.version + 1);

  const versions = expectStatus(await api('GET', '/guidance/elderly/fr/versions', { session: s.inspector }), 200).items;
  assert.deepEqual(versions.slice(0, 3).map((v) => v.version), [officers.version, saved.version, before.version]);
  assert.deepEqual(versions[0].changed_sections, ['guarantees']);
  assert.deepEqual(versions[1].changed_sections, ['how_to_ask']);
  assert.equal(versions[1].change_note, 'plus court');
  assert.equal(versions[2].how_to_ask, before.how_to_ask, 'the older text is kept');

  const audit = expectStatus(await api('GET', '/audit?action=guidance.edit&entity_id=elderly/fr', { session: s.admin }), 200);
  assert.equal(audit.total, 2);
});

test('only admins and prefecture officers publish', async () => {
  const current = expectStatus(await page(s.case_worker, 'woman', 'it'), 200);
  for (const role of ['inspector', 'case_worker', 'service_provider', 'sui_officer', 'analyst'])
    expectError(await publish(s[role], 'woman', 'it', editBody(current, {})), 403, 'forbidden');
  assert.equal(expectStatus(await page(s.admin, 'woman', 'it'), 200).version, current.version);
});

test('bad input is a 4xx naming the field, and nothing is stored', async () => {
  const current = expectStatus(await page(s.admin, 'fgm', 'uk'), 200);
  expectError(await page(s.admin, 'tourist', 'it'), 404, 'not_found');
  expectError(await page(s.admin, 'fgm', 'de'), 404, 'not_found');
  expectError(await api('GET', '/guidance/fgm/xx/versions', { session: s.admin }), 404, 'not_found');
  expectError(await publish(s.admin, 'tourist', 'it', editBody(current, {})), 404, 'not_found');
  expectError(await publish(s.admin, 'fgm', 'de', editBody(current, {})), 404, 'not_found');
  expectError(await publish(s.admin, 'fgm', 'uk', editBody(current, { look_for: '   ' })), 422, 'validation_failed', ['look_for']);
  expectError(await publish(s.admin, 'fgm', 'uk', editBody(current, { change_note: '' })), 422, 'validation_failed', ['change_note']);
  expectError(await publish(s.admin, 'fgm', 'uk', editBody(current, { guarantees: 'x'.repeat(4001) })), 400, 'validation_failed', ['guarantees']);
  const missing = editBody(current, {});
  delete missing.how_to_ask;
  expectError(await publish(s.admin, 'fgm', 'uk', missing), 400, 'validation_failed', ['how_to_ask']);
  expectError(await publish(s.admin, 'fgm', 'uk', editBody(current, { based_on: -1 })), 400, 'validation_failed', ['based_on']);
  for (const link of ['[x](javascript:alert(1))', '[x](//evil.example/)', '[x](http://plain.example)', '[x](data:text/html,hi)']) {
    const res = await publish(s.admin, 'fgm', 'uk', editBody(current, { where_to_refer: link }));
    expectError(res, 422, 'validation_failed', ['where_to_refer']);
    assert.equal(res.json.error.fields.where_to_refer.code, 'unsafe_link', link);
  }
  const after = expectStatus(await page(s.admin, 'fgm', 'uk'), 200);
  assert.equal(after.version, current.version);
  assert.equal(expectStatus(await api('GET', '/guidance/fgm/uk/versions', { session: s.admin }), 200).items.length, current.version);
});

test('markup in a section is stored and answered as the same text, never as HTML', async () => {
  const current = expectStatus(await page(s.admin, 'lgbtiq', 'en'), 200);
  const markup = '<script>alert(1)</script><img src=x onerror=alert(2)> & "quotes" [ASP](https://www.asppalermo.org) [cases](/cases)';
  const res = await publish(s.admin, 'lgbtiq', 'en', editBody(current, { how_to_ask: markup }));
  const saved = expectStatus(res, 201);
  assert.equal(saved.how_to_ask, markup);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  assert.equal(expectStatus(await page(s.service_provider, 'lgbtiq', 'en'), 200).how_to_ask, markup);
});
