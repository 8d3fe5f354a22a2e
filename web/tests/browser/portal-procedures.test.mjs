// The public portal's procedures (issue 13; decision 0041): the guides' list and one guide in each
// of the six languages at 360 px, axe-clean, nothing wider than the screen, a screenshot of each,
// the parts kept in Italian marked lang="it"; the status lookup in Ukrainian and Arabic with a
// right answer (a demo file found through the staff API, its person's birth date through the
// persons API) and a wrong one, and the form's own errors next to its fields; the first load of
// the home page carries none of it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiGet, assertAccessible, BASE_URL, closeChecked, overflowing, screenshot, withSignedIn } from './helpers.mjs';
import { launchOffline, PORTAL_LANGS, portalSettled, ptr } from './portal-support.mjs';

const FIRST_LOAD_BUDGET = 150 * 1024;
const localesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'portal', 'procedures', 'locales');
const own = {};

/** A text of the procedure pages (src/portal/procedures/locales), plural forms as the portal picks them. */
function ptx(lang, key, vars = {}) {
  own[lang] ??= JSON.parse(readFileSync(join(localesDir, `${lang}.json`), 'utf8'));
  const path = 'count' in vars ? `${key}_${new Intl.PluralRules(lang).select(Number(vars.count))}` : key;
  let v = path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), own[lang]);
  assert.equal(typeof v, 'string', `no procedure text ${lang}:${key}`);
  for (const [name, value] of Object.entries(vars)) v = v.replaceAll(`{{${name}}}`, String(value));
  return v;
}

let browser;
let page;

async function publicApi(path) {
  const r = await fetch(`${BASE_URL}/api/v1/public/procedures${path}`);
  assert.equal(r.status, 200, `GET /api/v1/public/procedures${path}: ${r.status}`);
  return r.json();
}

before(async () => {
  browser = await launchOffline();
  page = await browser.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
});

after(async () => {
  assert.deepEqual(browser.outside, [], 'requests to other sites');
  await closeChecked({ browser, page });
});

async function check(lang, name) {
  await portalSettled(page);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  assert.equal(await page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
  assert.deepEqual(await overflowing(page, 360), [], `${name} (${lang}) is wider than 360 px`);
  await assertAccessible(page, `portal ${name} (${lang})`);
  await screenshot(page, `portal-${name}-360-${lang}`);
}

const heading = async () => (await page.locator('#main-heading').textContent()).trim();

for (const lang of PORTAL_LANGS) {
  test(`the guides in ${lang} at 360 px: from the home page, the list and one guide, accessible, fitting`, async () => {
    const list = await publicApi(`?lang=${lang}`);
    assert.ok(list.items.length >= 7, 'the demo catalogue has its seven procedures');

    await page.goto(`/${lang}`);
    await portalSettled(page);
    const card = page.locator('[data-testid=home-guides]');
    assert.equal((await card.locator('.portal-section-title').textContent()).trim(), ptr(lang, 'nav.guides'));
    assert.equal((await page.locator('[data-testid=nav-guides]').textContent()).trim(), ptr(lang, 'nav.guides'));
    await card.click();
    await page.waitForURL(`${BASE_URL}/${lang}/guides`);
    await page.locator('[data-testid=guide-list]').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
    assert.equal(await heading(), ptx(lang, 'guides.title'));
    const links = page.locator('[data-testid=guide-card] h2 a');
    assert.deepEqual((await links.allTextContents()).map((s) => s.trim()), list.items.map((g) => g.name));
    // Names are translated in the catalogue (decision 0043): in the page's language, no lang.
    assert.equal(await links.first().getAttribute('lang'), null);
    if (lang === 'uk') {
      const ukraine = page.locator('[data-testid=guide-card] h2 a[href="/uk/guides/temporary_protection_ukraine"]');
      assert.equal((await ukraine.textContent()).trim(), 'Тимчасовий захист для осіб, які прибули з України');
    }
    const summaries = (await page.locator('[data-testid=guide-card] p').allTextContents()).map((s) => s.trim());
    assert.deepEqual(summaries, list.items.map((g) => g.summary));
    assert.equal(await page.locator('[data-testid=nav-guides]').getAttribute('aria-current'), 'page');
    await check(lang, 'guides');

    // One guide, opened from the list.
    const code = 'family_reunification';
    const g = await publicApi(`/${code}?lang=${lang}`);
    await page.locator(`[data-testid=guide-card] h2 a[href="/${lang}/guides/${code}"]`).click();
    await page.waitForURL(`${BASE_URL}/${lang}/guides/${code}`);
    await page.locator('[data-testid=guide-detail]').waitFor();
    assert.equal(await heading(), g.name);
    assert.equal((await page.locator('[data-testid=guide-text] .portal-prose').textContent()).trim(), g.guide);
    assert.equal(await page.locator('[data-testid=guide-text] .portal-prose').getAttribute('lang'), null, 'the guide is in the page language');
    assert.equal(await page.locator('[data-testid=guide-steps] li').count(), g.steps.length);
    assert.equal(await page.locator('[data-testid=guide-steps] ol').getAttribute('lang'), null, 'the steps are in the page language');
    assert.deepEqual((await page.locator('[data-testid=guide-steps] li strong').allTextContents()).map((x) => x.trim()), g.steps.map((x) => x.name));
    // The offices are Italian names: marked so on any other page.
    assert.equal(await page.locator('[data-testid=guide-steps] li .portal-note').first().getAttribute('lang'), lang === 'it' ? null : 'it');
    assert.equal(await page.locator('[data-testid=guide-documents] li').count(), g.documents.length);
    assert.equal((await page.locator('[data-testid=guide-term] p').first().textContent()).trim(), ptx(lang, 'guide.termDays', { count: 150 }).replace('150', new Intl.NumberFormat(lang === 'ar' || lang === 'bn' ? `${lang}-u-nu-latn` : lang).format(150)));
    assert.equal(await page.locator('[data-testid=nav-guides]').getAttribute('aria-current'), 'true');
    await check(lang, 'guide');
  });
}

test('an unknown guide is the missing page', async () => {
  await page.goto('/en/guides/no_such_procedure');
  await portalSettled(page);
  await page.locator('#main-heading').waitFor();
  assert.equal(await heading(), ptr('en', 'missing.title'));
});

/** A demo file that is open, and its person's birth date, read through the staff APIs. */
async function demoFile() {
  let file = null;
  await withSignedIn('sui_officer', async (p) => {
    const r = await apiGet(p, '/procedure-files?per_page=50');
    assert.equal(r.status, 200);
    assert.ok(r.body.total >= 300, 'the demo seed has its 320 files');
    file = r.body.items.find((f) => f.status === 'open');
  });
  assert.ok(file, 'an open demo file');
  let birth = null;
  await withSignedIn('prefecture_officer', async (p) => {
    const r = await apiGet(p, `/persons/${file.person.id}`);
    assert.equal(r.status, 200);
    birth = r.body.birth_date;
  });
  assert.ok(birth, 'the demo person has a birth date');
  return { file, birth };
}

async function lookUp(protocol, birth) {
  await page.locator('[data-testid=status-protocol]').fill(protocol);
  await page.locator('[data-testid=status-birth]').fill(birth);
  await page.locator('[data-testid=status-submit]').click();
}

for (const lang of ['uk', 'ar']) {
  test(`the status lookup in ${lang}: the form's errors, a wrong answer, a right one`, async () => {
    const { file, birth } = await demoFile();
    await page.goto(`/${lang}/guides`);
    await page.locator('[data-testid=guides-status-link]').click();
    await page.waitForURL(`${BASE_URL}/${lang}/status`);
    await page.locator('[data-testid=status-form]').waitFor();
    assert.equal(await heading(), ptx(lang, 'status.title'));

    // Nothing typed: an error next to each field, nothing sent.
    await page.locator('[data-testid=status-submit]').click();
    assert.equal((await page.locator('[data-testid=status-protocol-error]').textContent()).trim(), ptx(lang, 'status.required'));
    assert.equal((await page.locator('[data-testid=status-birth-error]').textContent()).trim(), ptx(lang, 'status.required'));
    assert.equal(await page.locator('[data-testid=status-protocol]').getAttribute('aria-invalid'), 'true');
    await check(lang, 'status-errors');

    // A wrong birth date: the one message that does not say which value was wrong.
    const wrong = birth === '1990-01-01' ? '1990-01-02' : '1990-01-01';
    await lookUp(file.protocol_number, wrong);
    await page.locator('[data-testid=status-refusal]').waitFor();
    assert.equal((await page.locator('[data-testid=status-refusal]').textContent()).trim(), ptx(lang, 'status.notFound'));
    assert.equal(await page.locator('[data-testid=status-answer]').count(), 0);
    await check(lang, 'status-wrong');

    // The right pair: the procedure, where it stands, the missing documents, the due date.
    await lookUp(file.protocol_number, birth);
    await page.locator('[data-testid=status-answer]').waitFor();
    // The procedure and the step in the page's language (decision 0043).
    const named = (await publicApi(`?lang=${lang}`)).items.find((g) => g.code === file.procedure.code);
    assert.equal((await page.locator('[data-testid=status-procedure]').textContent()).trim(), named.name);
    assert.equal(await page.locator('[data-testid=status-procedure]').getAttribute('lang'), null);
    if (lang === 'uk') assert.match(named.name, /[\u0400-\u04FF]/, 'a Ukrainian name');
    const step = page.locator('[data-testid=status-state] strong');
    if (await step.count()) assert.equal(await step.getAttribute('lang'), null, 'the step in the page language');
    const state = (await page.locator('[data-testid=status-state] p').first().textContent()).trim();
    assert.equal(state, ptx(lang, `status.states.${file.clock.state}`));
    const missing = file.missing_documents.length;
    if (missing === 0) assert.equal((await page.locator('[data-testid=status-missing]').textContent()).trim(), ptx(lang, 'status.noneMissing'));
    else assert.equal(await page.locator('[data-testid=status-missing] li').count(), missing);
    if (file.clock.due_on) assert.ok(((await page.locator('[data-testid=status-due]').textContent()) ?? '').trim().length > 0);
    // Nothing about the person.
    const shown = await page.locator('[data-testid=status-answer]').textContent();
    assert.ok(!shown.includes(file.person.family_name), 'the answer names the person');
    await check(lang, 'status-answer');
  });
}

test('the first load of the home page carries none of the procedure pages (Arabic, the heaviest)', async () => {
  const fresh = await launchOffline();
  try {
    const p = await fresh.newPage();
    await p.setViewportSize({ width: 360, height: 800 });
    await p.goto('/ar');
    await portalSettled(p);
    await p.evaluate(() => document.fonts.ready);
    await p.waitForLoadState('networkidle');
    const files = await p.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => [new URL(e.name).pathname, e.transferSize]),
    );
    const total = files.reduce((sum, [, bytes]) => sum + bytes, 0);
    console.log(`portal home first load (ar): ${total} bytes in ${files.length} files\n${files.map((f) => `  ${f[0]} ${f[1]}`).join('\n')}`);
    assert.ok(total < FIRST_LOAD_BUDGET, `ar: ${total} bytes, over ${FIRST_LOAD_BUDGET}`);

    // Opening the guides fetches their chunk then.
    await p.locator('[data-testid=nav-guides]').click();
    await p.locator('[data-testid=guide-list]').waitFor();
    await p.waitForLoadState('networkidle');
    const after = await p.evaluate(() => performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.transferSize]));
    const chunk = after.filter(([path]) => !files.some(([seen]) => seen === path) && path.startsWith('/assets/'));
    console.log(`procedure pages' chunk (ar): ${chunk.map((f) => `${f[0]} ${f[1]}`).join(', ')}`);
    assert.ok(chunk.length >= 1, 'the guides came in a chunk of their own');
    assert.deepEqual(p.jsErrors, []);
  } finally {
    await fresh.close();
  }
});
