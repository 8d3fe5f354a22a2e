// The public portal's texts (src/portal/locales/<lang>.json, read by src/portal/i18n.ts): every
// language has every key of Italian and no other, the same {{placeholders}}, each plural form its
// language needs (Intl.PluralRules, as the portal picks them), text in its own script, and every
// key the portal's code uses, dynamic ones included, exists in all six. Run by `npm test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const portal = join(here, '..', 'src', 'portal');
const LANGS = ['it', 'en', 'fr', 'ar', 'uk', 'bn'];

function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}
const locales = Object.fromEntries(LANGS.map((l) => [l, flatten(JSON.parse(readFileSync(join(portal, 'locales', `${l}.json`), 'utf8')))]));
const pluralBase = (key) => /^(.*)_(zero|one|two|few|many|other)$/.exec(key)?.[1] ?? null;
const baseKeys = (dict) => new Set(Object.keys(dict).map((k) => pluralBase(k) ?? k));
const categories = (lang) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
const placeholders = (s) => [...new Set([...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).filter((p) => p !== 'count'))].sort();

function missingForms(dict, lang, base) {
  return categories(lang).filter((c) => !(`${base}_${c}` in dict)).map((c) => `${base}_${c}`);
}

test('the portal has a file for each of the six languages and nothing else', () => {
  assert.deepEqual(readdirSync(join(portal, 'locales')).sort(), LANGS.map((l) => `${l}.json`).sort());
});

test('every language has exactly the keys of Italian, non-empty, with the same placeholders', () => {
  const ref = baseKeys(locales.it);
  for (const lang of LANGS) {
    const keys = baseKeys(locales[lang]);
    assert.deepEqual([...ref].filter((k) => !keys.has(k)), [], `${lang}: missing keys`);
    assert.deepEqual([...keys].filter((k) => !ref.has(k)), [], `${lang}: keys not in Italian`);
    for (const [key, value] of Object.entries(locales[lang])) {
      assert.ok(typeof value === 'string' && value.trim(), `${lang}:${key} is empty`);
      const base = pluralBase(key);
      const italian = locales.it[key] ?? locales.it[`${base}_other`];
      assert.deepEqual(placeholders(value), placeholders(italian), `${lang}:${key} placeholders differ`);
    }
  }
});

test('plural keys have every form their language needs and no plain key beside them', () => {
  for (const lang of LANGS) {
    const bases = new Set([...Object.keys(locales.it), ...Object.keys(locales[lang])].map(pluralBase).filter(Boolean));
    for (const base of bases) {
      assert.deepEqual(missingForms(locales[lang], lang, base), [], `${lang}: plural forms missing`);
      assert.ok(!(base in locales[lang]), `${lang}:${base} is both plain and plural`);
    }
  }
});

test('the plural check catches a missing form (an Arabic two, a Ukrainian few)', () => {
  const ar = { ...locales.ar };
  delete ar['list.found_two'];
  assert.deepEqual(missingForms(ar, 'ar', 'list.found'), ['list.found_two']);
  const uk = { ...locales.uk };
  delete uk['list.found_few'];
  assert.deepEqual(missingForms(uk, 'uk', 'list.found'), ['list.found_few']);
});

test('translations are real: in the language script, not copies of Italian or English', () => {
  const scripts = { ar: /[\u0600-\u06FF]/, uk: /[\u0400-\u04FF]/, bn: /[\u0980-\u09FF]/ };
  for (const [lang, re] of Object.entries(scripts)) {
    for (const [key, value] of Object.entries(locales[lang])) {
      assert.ok(re.test(value.replace(/\{\{[^}]*\}\}/g, '')), `${lang}:${key} has no ${lang} text: ${value}`);
      assert.ok(!/[০-৯٠-٩]/.test(value), `${lang}:${key}: digits are Latin on these pages`);
    }
  }
  for (const lang of ['en', 'fr']) {
    const same = Object.keys(locales[lang]).filter((k) => locales[lang][k] === locales.it[k]);
    assert.ok(same.length / Object.keys(locales[lang]).length < 0.1, `${lang}: too many values equal the Italian: ${same}`);
  }
});

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'locales' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** The values of `export const NAME = [...]` in a portal source file. */
function constList(file, name) {
  const m = readFileSync(join(portal, file), 'utf8').match(new RegExp(`export const ${name}(?::[^=]+)? = \\[([^\\]]*)\\]`));
  assert.ok(m, `${name} not found in ${file}`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

// Keys built at run time, with where their values come from.
const DYNAMIC = {
  'suggest.fields.*': () => constList('pages/SuggestionForm.tsx', 'SUGGESTION_FIELDS'),
  'opportunities.kinds.*': () => constList('opportunities/api.ts', 'KINDS'),
};

test('every key the portal uses exists in every language; a key given a count is plural everywhere', () => {
  const used = new Set();
  const counted = new Set();
  const templates = new Set();
  for (const file of sourceFiles(portal)) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'\s*(,\s*\{([^{}]*)\})?/g)) {
      used.add(m[1]);
      if (m[3] !== undefined && /\bcount\s*[:,}]/.test(m[3])) counted.add(m[1]);
    }
    for (const m of code.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]*)\$\{[^}`]+\}([a-zA-Z0-9_.]*)`/g)) templates.add(`${m[1]}*${m[2]}`);
  }
  assert.ok(used.size > 80, `only ${used.size} keys found in the portal's source: is the scan broken?`);
  assert.ok(counted.size >= 6, `only ${counted.size} counted keys found: is the scan broken?`);
  assert.deepEqual([...templates].filter((tpl) => !DYNAMIC[tpl]), [], 'keys built at run time with no entry in DYNAMIC');
  for (const [tpl, values] of Object.entries(DYNAMIC)) for (const v of values()) used.add(tpl.replace('*', v));
  for (const lang of LANGS) {
    const keys = baseKeys(locales[lang]);
    assert.deepEqual([...used].filter((k) => !keys.has(k)).sort(), [], `${lang}: keys used by the portal but missing`);
    for (const key of counted) assert.deepEqual(missingForms(locales[lang], lang, key), [], `${lang}: ${key} is used with a count`);
  }
  // Every key in the files is used (no leftovers that nobody translates with care).
  const unused = [...baseKeys(locales.it)].filter((k) => !used.has(k));
  assert.deepEqual(unused, [], 'keys in the portal files that the code never uses');
});

// The procedure pages' texts live in their chunk (src/portal/procedures/locales, read by pt() in
// procedures/texts.ts): the same checks, and every pt('key') of their code exists in all six.
test('the procedure pages\' texts: same keys, placeholders, plural forms and scripts; every pt() key exists', () => {
  const dir = join(portal, 'procedures', 'locales');
  assert.deepEqual(readdirSync(dir).sort(), LANGS.map((l) => `${l}.json`).sort());
  const own = Object.fromEntries(LANGS.map((l) => [l, flatten(JSON.parse(readFileSync(join(dir, `${l}.json`), 'utf8')))]));
  const ref = baseKeys(own.it);
  const scripts = { ar: /[\u0600-\u06FF]/, uk: /[\u0400-\u04FF]/, bn: /[\u0980-\u09FF]/ };
  for (const lang of LANGS) {
    const keys = baseKeys(own[lang]);
    assert.deepEqual([...ref].filter((k) => !keys.has(k)), [], `${lang}: missing keys`);
    assert.deepEqual([...keys].filter((k) => !ref.has(k)), [], `${lang}: keys not in Italian`);
    for (const [key, value] of Object.entries(own[lang])) {
      const base = pluralBase(key);
      assert.deepEqual(placeholders(value), placeholders(own.it[key] ?? own.it[`${base}_other`]), `${lang}:${key} placeholders differ`);
      if (base) assert.deepEqual(missingForms(own[lang], lang, base), [], `${lang}: plural forms missing`);
      if (scripts[lang]) assert.ok(scripts[lang].test(value.replace(/\{\{[^}]*\}\}/g, '')), `${lang}:${key} has no ${lang} text`);
    }
  }
  const used = new Set();
  const templates = new Set();
  for (const file of sourceFiles(join(portal, 'procedures'))) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bpt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    for (const m of code.matchAll(/\bpt\(\s*`([a-zA-Z0-9_.]*)\$\{/g)) templates.add(m[1]);
  }
  assert.ok(used.size > 30, `only ${used.size} pt() keys found: is the scan broken?`);
  assert.deepEqual([...templates].sort(), ['status.outcomes.', 'status.states.']);
  for (const v of ['not_started', 'running', 'suspended', 'due_soon', 'overdue', 'closed']) used.add(`status.states.${v}`);
  for (const v of ['granted', 'refused', 'withdrawn', 'silent_consent']) used.add(`status.outcomes.${v}`);
  for (const key of ['guide.termDays', 'guide.termWorkingDays', 'guide.termMonths']) used.add(key);
  assert.deepEqual([...used].filter((k) => !ref.has(k)).sort(), [], 'keys used by the procedure pages but missing');
  assert.deepEqual([...ref].filter((k) => !used.has(k)).sort(), [], 'keys never used');
});
