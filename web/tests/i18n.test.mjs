// Checks the translation files: every language has every key of Italian (the reference) and no
// others, the same {{placeholders}}, every plural form its language needs, text in its own script,
// and every key the source code uses exists. Run by `npm test` and by `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, '..', 'src');
const LANGS = ['it', 'en', 'fr', 'ar', 'uk', 'bn'];
const REFERENCE = 'it';
const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'];

function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

const locales = Object.fromEntries(
  LANGS.map((l) => [l, flatten(JSON.parse(readFileSync(join(src, 'locales', `${l}.json`), 'utf8')))]),
);

function pluralBase(key) {
  const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return m ? m[1] : null;
}

/** Keys with plural suffixes folded into their base key. */
function baseKeys(dict) {
  return new Set(Object.keys(dict).map((k) => pluralBase(k) ?? k));
}

const placeholders = (s) => [...String(s).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

test('every language has exactly the keys of Italian', () => {
  const ref = baseKeys(locales[REFERENCE]);
  for (const lang of LANGS) {
    const keys = baseKeys(locales[lang]);
    const missing = [...ref].filter((k) => !keys.has(k));
    const extra = [...keys].filter((k) => !ref.has(k));
    assert.deepEqual(missing, [], `${lang}: missing keys`);
    assert.deepEqual(extra, [], `${lang}: keys not in ${REFERENCE}`);
  }
});

test('no empty strings, same placeholders as Italian', () => {
  const ref = locales[REFERENCE];
  for (const lang of LANGS) {
    for (const [key, value] of Object.entries(locales[lang])) {
      assert.equal(typeof value, 'string', `${lang}:${key} is not a string`);
      assert.ok(value.trim().length > 0, `${lang}:${key} is empty`);
      const base = pluralBase(key);
      const refValue = ref[key] ?? (base ? ref[`${base}_other`] : undefined);
      if (refValue === undefined) continue;
      const expected = placeholders(refValue).filter((p) => p !== 'count');
      const actual = placeholders(value).filter((p) => p !== 'count');
      assert.deepEqual([...new Set(actual)], [...new Set(expected)], `${lang}:${key} placeholders differ`);
    }
  }
});

test('plural keys have every form their language needs', () => {
  for (const lang of LANGS) {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const bases = new Set(Object.keys(locales[lang]).map(pluralBase).filter(Boolean));
    for (const base of bases) {
      for (const cat of needed) {
        assert.ok(`${base}_${cat}` in locales[lang], `${lang}:${base}_${cat} missing`);
      }
    }
  }
});

// Keys whose value is a name or code and may legitimately be the same in every language.
const SAME_EVERYWHERE = new Set(['app.name']);
const SCRIPTS = { ar: /[\u0600-\u06FF]/, uk: /[\u0400-\u04FF]/, bn: /[\u0980-\u09FF]/ };

test('translations are real: text in the language script, not copies of Italian or English', () => {
  for (const [lang, re] of Object.entries(SCRIPTS)) {
    for (const [key, value] of Object.entries(locales[lang])) {
      if (SAME_EVERYWHERE.has(key)) continue;
      const text = value.replace(/\{\{[^}]*\}\}/g, '');
      assert.ok(re.test(text), `${lang}:${key} has no ${lang} text: ${value}`);
    }
  }
  for (const lang of ['en', 'fr']) {
    const entries = Object.entries(locales[lang]).filter(([k]) => !SAME_EVERYWHERE.has(k));
    const sameAsIt = entries.filter(([k, v]) => v === locales.it[k]).length;
    assert.ok(sameAsIt / entries.length < 0.1, `${lang}: ${sameAsIt} of ${entries.length} values equal the Italian`);
  }
  const enFr = Object.keys(locales.fr).filter((k) => !SAME_EVERYWHERE.has(k) && locales.fr[k] === locales.en[k]);
  assert.ok(enFr.length / Object.keys(locales.fr).length < 0.1, `fr: too many values equal the English: ${enFr}`);
});

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'locales' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

test('every key used in the source exists', () => {
  const used = new Set();
  for (const file of sourceFiles(src)) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    for (const m of code.matchAll(/\b(?:labelKey|descriptionKey):\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    for (const m of code.matchAll(/'((?:fieldErrors|form|errors)\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 50, `only ${used.size} keys found in the source: is the scan broken?`);
  // Keys built at run time from API values.
  const api = readFileSync(join(src, 'lib', 'identity.ts'), 'utf8');
  const list = (name) => {
    const m = api.match(new RegExp(`export const ${name}: \\w+\\[\\] = \\[([^\\]]*)\\]`));
    assert.ok(m, `${name} not found in lib/identity.ts`);
    return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
  };
  for (const role of list('ROLES')) {
    used.add(`roles.${role}.name`);
    used.add(`roles.${role}.description`);
  }
  for (const type of list('ORG_TYPES')) used.add(`orgTypes.${type}`);
  for (const code of ['invalid_credentials', 'too_many_attempts', 'too_many_attempts_retry', 'validation_failed', 'forbidden', 'not_found', 'conflict', 'unique_violation', 'csrf_failed', 'unauthenticated', 'internal_error', 'network_error']) {
    used.add(`errors.${code}`);
  }
  for (const s of ['active', 'revoked', 'expired']) used.add(`account.tokens.status.${s}`);
  const ref = baseKeys(locales[REFERENCE]);
  const missing = [...used].filter((k) => !ref.has(k));
  assert.deepEqual(missing, [], 'keys used in the source but missing from it.json');
});
