// Checks the translation files: every language has every key of Italian (the reference) and no
// others, the same {{placeholders}}, every plural form its language needs, text in its own script,
// and every key the source code uses exists; a key the code passes a count to is plural in every
// language, with all the forms that language needs (Arabic six, Ukrainian four, French three). Run by `npm test` and by `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
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

// Namespaces: `common` in src/locales/, one per feature in src/features/<name>/locales/ (src/lib/i18n.ts).
const featuresDir = join(src, 'features');
const NAMESPACES = {
  common: join(src, 'locales'),
  ...Object.fromEntries(
    readdirSync(featuresDir)
      .filter((f) => existsSync(join(featuresDir, f, 'locales')))
      .map((f) => [f, join(featuresDir, f, 'locales')]),
  ),
};
const readNamespace = (ns, lang) => JSON.parse(readFileSync(join(NAMESPACES[ns], `${lang}.json`), 'utf8'));

/** Each language's keys from all its namespaces, as i18next looks them up (common first, then the features). */
const locales = Object.fromEntries(
  LANGS.map((l) => [l, Object.assign({}, ...Object.keys(NAMESPACES).map((ns) => flatten(readNamespace(ns, l))))]),
);

test('every namespace has a file for each language and nothing else', () => {
  for (const [ns, dir] of Object.entries(NAMESPACES)) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    assert.deepEqual(files, LANGS.map((l) => `${l}.json`).sort(), `${ns}: locale files`);
  }
});

test('a top-level key belongs to one namespace only, so no namespace hides another', () => {
  const owner = {};
  for (const ns of Object.keys(NAMESPACES)) {
    for (const key of Object.keys(readNamespace(ns, REFERENCE))) {
      assert.ok(!owner[key], `"${key}" is in both ${owner[key]} and ${ns}`);
      owner[key] = ns;
    }
  }
});

test('every namespace of every language has exactly the keys of Italian', () => {
  for (const ns of Object.keys(NAMESPACES)) {
    const ref = baseKeys(flatten(readNamespace(ns, REFERENCE)));
    for (const lang of LANGS) {
      const keys = baseKeys(flatten(readNamespace(ns, lang)));
      assert.deepEqual([...ref].filter((k) => !keys.has(k)), [], `${ns}/${lang}: missing keys`);
      assert.deepEqual([...keys].filter((k) => !ref.has(k)), [], `${ns}/${lang}: keys not in ${REFERENCE}`);
    }
  }
});

function pluralBase(key) {
  const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return m ? m[1] : null;
}

/** Keys with plural suffixes folded into their base key. */
function baseKeys(dict) {
  return new Set(Object.keys(dict).map((k) => pluralBase(k) ?? k));
}

const placeholders = (s) => [...String(s).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

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

/** The plural categories i18next picks from for a language (Intl.PluralRules, as i18next does). */
const pluralCategories = (lang) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

/** Fails unless `base` is a plural key in `lang`: every form the language needs, and no bare key. */
function assertPlural(lang, base, why) {
  const missing = pluralCategories(lang).filter((cat) => !(`${base}_${cat}` in locales[lang]));
  assert.deepEqual(missing.map((cat) => `${base}_${cat}`), [], `${lang}: plural forms missing for ${base} (${why})`);
  assert.ok(!(base in locales[lang]), `${lang}:${base} is both a plain and a plural key (${why})`);
}

test('plural keys have every form their language needs', () => {
  for (const lang of LANGS) {
    const bases = new Set(Object.keys(locales[lang]).map(pluralBase).filter(Boolean));
    for (const base of bases) assertPlural(lang, base, 'has plural forms');
  }
  // A key plural in Italian is plural in every language (Arabic needs zero/one/two/few/many/other,
  // Ukrainian one/few/many/other, French one/many/other), with no plain key left beside it.
  const italianBases = new Set(Object.keys(locales[REFERENCE]).map(pluralBase).filter(Boolean));
  for (const lang of LANGS) for (const base of italianBases) assertPlural(lang, base, 'plural in Italian');
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
    // The public portal (src/portal) has its own texts, checked by tests/portal-i18n.test.mjs.
    if (statSync(p).isDirectory()) return name === 'locales' || p === join(src, 'portal') ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** The values of `export const NAME = [...]` (or `NAME: T[] = [...]`) in a source file. */
function constList(file, name) {
  const code = readFileSync(join(src, file), 'utf8');
  const m = code.match(new RegExp(`export const ${name}(?::[^=]+)? = \\[([^\\]]*)\\]`));
  assert.ok(m, `${name} not found in ${file}`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

/** The string literals of a union-typed field (`field: 'a' | 'b';`) of an interface in a source file. */
function fieldUnion(file, iface, field) {
  const code = readFileSync(join(src, file), 'utf8');
  const body = code.match(new RegExp(`interface ${iface}\\b[^{]*\\{([\\s\\S]*?)\\n\\}`));
  assert.ok(body, `interface ${iface} not found in ${file}`);
  const m = body[1].match(new RegExp(`\\n\\s*${field}: ([^;]+);`));
  assert.ok(m && m[1].includes("'"), `${iface}.${field} in ${file} is not a union of strings`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

// Every key built at run time (a template such as `categories.${c}`), with where its values come from.
// A template in the source that is not listed here fails the test: say where its values come from.
// `guarded`: the code checks hasKey() and shows the value as sent otherwise, so only the values we
// translate are listed (the server's codes are open-ended).
const DYNAMIC = {
  'roles.*.name': () => constList('lib/identity.ts', 'ROLES'),
  'roles.*.description': () => constList('lib/identity.ts', 'ROLES'),
  'orgTypes.*': () => constList('lib/identity.ts', 'ORG_TYPES'),
  'centreTypes.*': () => constList('features/centres/api.ts', 'CENTRE_TYPES'),
  'centreStatuses.*': () => constList('features/centres/api.ts', 'CENTRE_STATUSES'),
  'centreStructures.*': () => constList('features/centres/api.ts', 'CENTRE_STRUCTURES'),
  'centreServices.*': () => constList('features/centres/api.ts', 'CENTRE_SERVICES'),
  'categories.*': () => constList('features/centres/api.ts', 'CATEGORIES'),
  'arrivalOrigins.*': () => constList('features/reception/api.ts', 'ARRIVAL_ORIGINS'),
  'exitReasons.*': () => constList('features/reception/api.ts', 'EXIT_REASONS'),
  'sexes.*': () => constList('features/people/api.ts', 'SEXES'),
  'duplicates.reasons.*': () => constList('features/people/api.ts', 'DUPLICATE_REASONS'),
  'duplicates.fields.*': () => constList('features/people/api.ts', 'FILLED_FIELDS'),
  'duplicates.kinds.*': () => constList('features/people/api.ts', 'MOVED_KINDS'),
  'register.statuses.*': () => constList('features/register/api.ts', 'DAY_STATUSES'),
  'register.reasons.*': () => constList('features/register/api.ts', 'ABSENCE_REASONS'),
  'register.notices.confirm.*': () => constList('features/register/api.ts', 'MEASURE_OUTCOMES'),
  'register.notices.outcomes.*': () => constList('features/register/api.ts', 'MEASURE_OUTCOMES'),
  'register.notices.statuses.*': () => constList('features/register/api.ts', 'NOTICE_STATUSES'),
  'costs.kinds.*': () => fieldUnion('features/costs/api.ts', 'PresenceDifference', 'kind'),
  'costs.reasons.*': () => fieldUnion('features/costs/api.ts', 'PresenceDifference', 'reason'),
  'costs.saiReports.*': () => constList('features/costs/api.ts', 'SAI_REPORT_STATUSES'),
  'handovers.items.*': () => constList('features/handovers/api.ts', 'HANDOVER_ITEMS'),
  'handovers.statuses.*': () => constList('features/handovers/api.ts', 'ONE_OFF_STATUSES'),
  'handovers.receiptKinds.*': () => constList('features/handovers/api.ts', 'RECEIPT_KINDS'),
  'handovers.receiptLink.*': () => constList('features/handovers/api.ts', 'RECEIPT_KINDS'),
  'monitoring.statuses.*': () => constList('features/monitoring/api.ts', 'INSPECTION_STATUSES'),
  'monitoring.areas.*': () => constList('features/monitoring/api.ts', 'AREAS'),
  'risk.factors.*': () => constList('features/monitoring/api.ts', 'RISK_FACTORS'),
  'monitoring.figures.registerStatuses.*': () => constList('features/monitoring/api.ts', 'REGISTER_STATUSES'),
  'monitoring.figures.items.*': () => constList('features/monitoring/api.ts', 'MONEY_ITEMS'),
  'monitoring.photos.refusedCodes.*': () => constList('features/monitoring/api.ts', 'PHOTO_REFUSALS'),
  'monitoring.actions.*.button': () => constList('features/monitoring/api.ts', 'STATUS_ACTIONS'),
  'monitoring.actions.*.title': () => constList('features/monitoring/api.ts', 'STATUS_ACTIONS'),
  'monitoring.actions.*.confirm': () => constList('features/monitoring/api.ts', 'STATUS_ACTIONS'),
  'monitoring.actions.*.text': () => constList('features/monitoring/api.ts', 'STATUS_ACTIONS'),
  'findings.severities.*': () => constList('features/monitoring/followupApi.ts', 'SEVERITIES'),
  'findings.statuses.*': () => constList('features/monitoring/followupApi.ts', 'FINDING_STATUSES'),
  'findings.*.title': () => constList('features/monitoring/followupApi.ts', 'VERDICTS'),
  'findings.*.confirm': () => constList('features/monitoring/followupApi.ts', 'VERDICTS'),
  'findings.*.text': () => constList('features/monitoring/followupApi.ts', 'VERDICTS'),
  // FindingPage.tsx: what the last act did (the statuses a reply, a closure, an escalation leave)
  'findings.done.*': () => ['reply', 'verified_closed', 'escalated'],
  'findings.download.*': () => ['csv', 'xlsx'],
  'findings.sort.*.ascending': () => constList('features/monitoring/followupApi.ts', 'FINDING_SORT_KEYS'),
  'findings.sort.*.descending': () => constList('features/monitoring/followupApi.ts', 'FINDING_SORT_KEYS'),
  'sanctions.kinds.*': () => constList('features/monitoring/followupApi.ts', 'SANCTION_KINDS'),
  'sanctions.effects.*': () => constList('features/monitoring/followupApi.ts', 'DECIDED_KINDS'),
  'nav.groups.*': () => constList('app/nav.ts', 'MENU_GROUPS'),
  'cases.statuses.*': () => constList('features/cases/api.ts', 'CASE_STATUSES'),
  'cases.legalStatuses.*': () => constList('features/cases/api.ts', 'LEGAL_STATUSES'),
  'cases.documentTypes.*': () => constList('features/cases/api.ts', 'DOCUMENT_TYPES'),
  'cases.outcomes.*': () => constList('features/cases/api.ts', 'OUTCOMES'),
  'cases.appealOutcomes.*': () => constList('features/cases/api.ts', 'APPEAL_OUTCOMES'),
  'cases.reasons.*': () => constList('features/cases/api.ts', 'CLOSURE_REASONS'),
  'cases.sensitivities.*': () => constList('features/cases/api.ts', 'SENSITIVITIES'),
  'cases.handover.reasons.*': () => constList('features/cases/api.ts', 'HANDOVER_REASONS'),
  'cases.sorts.*': () => constList('features/cases/api.ts', 'SORT_KEYS'),
  'cases.screenings.*': () => constList('features/cases/api.ts', 'SCREENING_STATES'),
  'vulnerability.category.*': () => constList('lib/vulnerability.ts', 'VULNERABILITY_CATEGORIES'),
  'cases.events.*': () => constList('features/cases/api.ts', 'TIMELINE_KINDS'),
  'vulnerability.person.*': () => constList('lib/vulnerability.ts', 'VULNERABILITY_CATEGORIES'),
  'vulnerability.severity.*': () => constList('lib/vulnerability.ts', 'VULNERABILITY_SEVERITIES'),
  'screening.new.*': () => constList('features/screening/api.ts', 'INSTRUMENTS'),
  'screening.instruments.*': () => constList('features/screening/api.ts', 'INSTRUMENTS'),
  'screening.sources.*': () => constList('features/screening/api.ts', 'FLAG_SOURCES'),
  'screening.flagStatuses.*': () => constList('features/screening/api.ts', 'FLAG_STATUSES'),
  'screening.changes.*': () => constList('features/screening/api.ts', 'CHANGE_KINDS'),
  'screening.stages.*': () => constList('features/screening/api.ts', 'STAGES'),
  'screening.groups.*': () => constList('features/screening/api.ts', 'INDICATOR_GROUPS'),
  'screening.codes.*': () => [...constList('features/screening/api.ts', 'INDICATORS'), ...constList('features/screening/api.ts', 'PROTECT_ITEMS')],
  'referrals.*.title': () => ['inbox', 'outbox'],
  'referrals.*.intro': () => ['inbox', 'outbox'],
  'opportunities.kinds.*': () => constList('features/opportunities/api.ts', 'KINDS'),
  'opportunities.statuses.*': () => constList('features/opportunities/api.ts', 'BADGES'),
  'opportunities.targetGroupNames.*': () => constList('features/opportunities/api.ts', 'TARGET_GROUPS'),
  'opportunities.confirm.*.title': () => constList('features/opportunities/api.ts', 'CONFIRMED_STATUSES'),
  'opportunities.confirm.*.body': () => constList('features/opportunities/api.ts', 'CONFIRMED_STATUSES'),
  'opportunities.confirm.*.button': () => constList('features/opportunities/api.ts', 'CONFIRMED_STATUSES'),
  'procedures.states.*': () => constList('features/procedures/api.ts', 'CLOCK_STATES'),
  'agreements.outcomes.*': () => constList('features/agreements/api.ts', 'OUTCOMES'),
  'agreements.outcomeHints.*': () => constList('features/agreements/api.ts', 'OUTCOMES'),
  'agreements.kinds.*': () => constList('features/agreements/api.ts', 'ENTRY_KINDS'),
  'agreements.levels.civic_knowledge.*': () => constList('features/agreements/api.ts', 'CIVIC_LEVELS'),
  'agreements.levels.course.*': () => constList('features/agreements/api.ts', 'COURSES'),
  'agreements.levels.exemption.*': () => constList('features/agreements/api.ts', 'EXEMPTION_GROUNDS'),
  'agreements.lines.*': () => constList('features/agreements/api.ts', 'LINE_CODES'),
  'protection.notes.*': () => constList('features/protection/api.ts', 'LINE_NOTES'),
  'procedures.outcomes.*': () => constList('features/procedures/api.ts', 'OUTCOMES'),
  'procedures.files.download.*': () => ['csv', 'xlsx'],
  'procedures.editor.countings.*': () => constList('features/procedures/api.ts', 'COUNTINGS'),
  'procedures.editor.saturdays.*': () => constList('features/procedures/api.ts', 'SATURDAYS'),
  'referrals.states.*': () => constList('features/referrals/api.ts', 'STATES'),
  'referrals.urgencies.*': () => constList('features/referrals/api.ts', 'URGENCIES'),
  'referrals.sorts.*': () => constList('features/referrals/api.ts', 'SORT_KEYS'),
  'referrals.acts.*': () => constList('features/referrals/api.ts', 'ACTS'),
  'referrals.done.*': () => constList('features/referrals/api.ts', 'ACTS'),
  'referrals.confirm.*.title': () => constList('features/referrals/api.ts', 'CONFIRMED_ACTS'),
  'referrals.confirm.*.button': () => constList('features/referrals/api.ts', 'CONFIRMED_ACTS'),
  'referrals.confirm.*.what': () => constList('features/referrals/api.ts', 'CONFIRMED_ACTS'),
  'referrals.items.*': () => constList('features/referrals/api.ts', 'DATA_ITEMS'),
  'referrals.outcomes.*': () => constList('features/referrals/api.ts', 'OUTCOMES'),
  'referrals.stopped.*': () => constList('features/referrals/api.ts', 'STOPPED'),
  'referrals.consentStates.*': () => ['valid', 'withdrawn'],
  // guarded (features/tasks/TasksPage.tsx): the kinds the server's sources raise, the severities of findings
  // features/guidance: the categories' names (shared with screening) and the pages' sections
  // features/directory (decision 0038)
  'directory.languages.*': () => constList('features/directory/api.ts', 'LANGUAGE_NAMES'),
  'directory.weekdays.*': () => constList('features/directory/api.ts', 'WEEKDAYS'),
  'directory.fields.*': () => constList('features/directory/api.ts', 'FIELDS'),
  'directory.states.*': () => constList('features/directory/api.ts', 'CHANGE_STATES'),
  'directory.suggestionFields.*': () => constList('features/directory/api.ts', 'SUGGESTION_FIELDS'),
  'directory.status.*': () => constList('features/directory/api.ts', 'LISTING_STATUSES'),
  'directory.import.phases.*': () => constList('features/directory/api.ts', 'IMPORT_PHASES'),
  'directory.services.sorts.*': () => constList('features/directory/api.ts', 'SORT_KEYS'),
  'directory.errors.*': () => constList('features/directory/api.ts', 'OWN_ERRORS'),
  'guidance.sections.*': () => constList('features/guidance/api.ts', 'SECTIONS'),
  'tasks.kinds.*': () => constList('features/tasks/api.ts', 'TASK_KINDS'),
  'tasks.severities.*': () => constList('features/tasks/api.ts', 'SEVERITIES'),
  'tasks.kindNames.*': () => constList('features/tasks/api.ts', 'TASK_KINDS'),
  'audit.reads.outcomes.*': () => fieldUnion('features/audit/api.ts', 'ReadEntry', 'outcome'),
  // guarded (features/audit/details.tsx): the actions, objects and detail names the server writes
  'audit.actions.*': () => constList('features/audit/actions.ts', 'AUDIT_ACTIONS'),
  'audit.entities.*': () => constList('features/audit/api.ts', 'AUDIT_ENTITY_TYPES'),
  'audit.fields.*': () => constList('features/audit/api.ts', 'AUDIT_DETAIL_FIELDS'),
  'audit.window.*': () => ['opened', 'closed'],
  // tokenStatus() in features/auth/Account.tsx
  'account.tokens.status.*': () => ['active', 'revoked', 'expired'],
  // guarded: the outcomes the server's audit log records
  'audit.outcomes.*': () => ['success', 'failure', 'denied', 'error'],
  // guarded (lib/errors.ts describeError): the codes every page may meet
  'errors.*': () => ['invalid_credentials', 'too_many_attempts', 'too_many_attempts_retry', 'validation_failed', 'forbidden', 'not_found', 'conflict', 'unique_violation', 'csrf_failed', 'unauthenticated', 'internal_error', 'network_error'],
  // guarded (lib/errors.ts describeFieldError): reasons the server sends as codes
  'fieldErrors.*': () => ['required', 'invalid', 'taken'],
};

/** Keys the source names literally, and the templates it builds keys from (`${x}` becomes `*`). */
function keysInSource() {
  const literal = new Set();
  const templates = new Map(); // template -> a file that uses it
  for (const file of sourceFiles(src)) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) literal.add(m[1]);
    for (const m of code.matchAll(/\b(?:labelKey|descriptionKey):\s*'([a-zA-Z0-9_.]+)'/g)) literal.add(m[1]);
    for (const m of code.matchAll(/'((?:fieldErrors|form|errors)\.[a-zA-Z0-9_.]+)'/g)) literal.add(m[1]);
    for (const m of code.matchAll(/\['([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) literal.add(m[1]); // [key, vars] pairs
    for (const m of code.matchAll(/`([a-zA-Z]+\.(?:[a-zA-Z0-9_]+\.)*)\$\{[^}`]+\}((?:\.[a-zA-Z0-9_]+)*)`/g)) {
      templates.set(`${m[1]}*${m[2]}`, file);
    }
  }
  return { literal, templates };
}

test('every key used in the source exists in every language, dynamic keys included', () => {
  const { literal, templates } = keysInSource();
  assert.ok(literal.size > 50, `only ${literal.size} keys found in the source: is the scan broken?`);
  assert.ok(templates.size > 10, `only ${templates.size} key templates found in the source: is the scan broken?`);
  const used = new Set(literal);
  const undeclared = [...templates].filter(([tpl]) => !DYNAMIC[tpl]).map(([tpl, file]) => `${tpl} (${file})`);
  assert.deepEqual(undeclared, [], 'keys built at run time with no entry in DYNAMIC: say where their values come from');
  for (const [tpl, values] of Object.entries(DYNAMIC)) {
    const list = values();
    assert.ok(list.length > 0, `${tpl}: no values`);
    for (const v of list) used.add(tpl.replace('*', v));
  }
  for (const lang of LANGS) {
    const keys = baseKeys(locales[lang]);
    const missing = [...used].filter((k) => !keys.has(k)).sort();
    assert.deepEqual(missing, [], `${lang}: keys used in the source but missing`);
  }
});

/** Keys the source passes a count with: t('key', { count: ... }) and [key, { count: ... }] pairs. */
function countedKeysInSource() {
  const counted = new Set();
  const plain = new Set();
  for (const file of sourceFiles(src)) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:\bt\(|\[)\s*'([a-zA-Z0-9_.]+)'\s*(,\s*\{([^{}]*)\})?/g)) {
      if (m[3] !== undefined && /\bcount\s*[:,}]/.test(m[3])) counted.add(m[1]);
      else plain.add(m[1]);
    }
  }
  return { counted, plain };
}

test('a key used with a count has every plural form of every language; a plural key is used with a count', () => {
  const { counted, plain } = countedKeysInSource();
  assert.ok(counted.size >= 8, `only ${counted.size} counted keys found in the source: is the scan broken?`);
  for (const key of counted) for (const lang of LANGS) assertPlural(lang, key, 'used with a count');
  // The codes describeFieldError (lib/errors.ts) counts with.
  for (const code of ['too_short', 'too_long', 'exact_length']) for (const lang of LANGS) assertPlural(lang, `fieldErrors.${code}`, 'counted in lib/errors.ts');
  const italianBases = new Set(Object.keys(locales[REFERENCE]).map(pluralBase).filter(Boolean));
  const withoutCount = [...plain].filter((k) => italianBases.has(k) && !counted.has(k));
  assert.deepEqual(withoutCount, [], 'plural keys used without a count: i18next would find no plain key');
});

test('the plural check catches a missing form (a Ukrainian few, an Arabic two)', () => {
  const saved = { uk: locales.uk['placements.placed_few'], ar: locales.ar['placements.placed_two'] };
  try {
    delete locales.uk['placements.placed_few'];
    assert.throws(() => assertPlural('uk', 'placements.placed', 'test'), /placements\.placed_few/);
    delete locales.ar['placements.placed_two'];
    assert.throws(() => assertPlural('ar', 'placements.placed', 'test'), /placements\.placed_two/);
  } finally {
    locales.uk['placements.placed_few'] = saved.uk;
    locales.ar['placements.placed_two'] = saved.ar;
  }
});
