// Every action the server writes to the audit trail has a label in the six languages and is
// offered by the audit page's action filter: the trail never shows a raw code (issue 9 point 13).
// The server's actions are found in its source: a string "module.action" on a line that writes an
// entry (ctx.audit("…"), or a commit/change helper that does, e.g. commit(ctx, "placements.exit"))
// or a constant named *AuditAction. A new way of writing entries must keep to these forms, or
// this test would miss its action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './support/load-ts.mjs';

const web = fileURLToPath(new URL('..', import.meta.url));
const src = join(web, '..', 'src');

function* sources(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* sources(path);
    else if (/\.(cc|h)$/.test(e.name)) yield path;
  }
}

function serverActions() {
  const found = new Set();
  const writes = /\baudit\(|\bcli_entry\(|\bcommit\w*\(|\bchange<|\bverification<|AuditAction\s*=/;
  for (const file of sources(src)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!writes.test(line)) continue;
      for (const m of line.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) found.add(m[1]);
    }
  }
  // seed/seed.cc writes "seed." + what, for `innet seed --demo` and `--scale national`.
  found.add('seed.demo');
  found.add('seed.national');
  return [...found].sort();
}

const LANGUAGES = ['it', 'en', 'fr', 'ar', 'uk', 'bn'];
const locale = (lang) => JSON.parse(readFileSync(join(web, 'src', 'features', 'audit', 'locales', `${lang}.json`), 'utf8'));
const label = (messages, action) => action.split('.').reduce((o, k) => o?.[k], messages.audit.actions);

test('the source scan finds the actions it should (a sanity check of the scan itself)', () => {
  const actions = serverActions();
  for (const a of ['auth.login', 'placements.exit', 'register.confirm', 'handovers.record', 'inspections.start'])
    assert.ok(actions.includes(a), `${a} not found: the scan is broken`);
});

test('every audit action of the server has a label in the six languages', () => {
  const actions = serverActions();
  for (const lang of LANGUAGES) {
    const messages = locale(lang);
    const missing = actions.filter((a) => typeof label(messages, a) !== 'string' || !label(messages, a).trim());
    assert.deepEqual(missing, [], `audit action labels missing in ${lang}`);
  }
});

test("every audit action of the server is offered by the audit page's action filter", async () => {
  const { AUDIT_ACTIONS } = await loadTs(join(web, 'src', 'features', 'audit', 'actions.ts'));
  assert.deepEqual([...AUDIT_ACTIONS].sort(), serverActions());
});
