// Shared set-up for the browser tests: one Chromium per test file, axe-core, screenshots.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// The demo accounts, written once for these and the API tests (the roles come from the server).
import { DEMO_PASSWORD, ROLES, demoEmail } from '../../../tests/support/demo.mjs';
import { poll } from '../../../tests/support/poll.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const webDir = resolve(here, '..', '..');
const require = createRequire(import.meta.url);

export const BASE_URL = (process.env.INNET_BASE_URL ?? '').replace(/\/+$/, '');
// Screenshots are evidence for a human, not checks, and cost time (some 530 a run, about 0.6 s
// each on a loaded machine): taken only when INNET_SCREENSHOT_DIR names a directory (relative
// paths from web/), never otherwise.
const SCREENSHOT_DIR = process.env.INNET_SCREENSHOT_DIR ? resolve(webDir, process.env.INNET_SCREENSHOT_DIR) : null;
export { ROLES, DEMO_PASSWORD, demoEmail };

/** All namespaces of a language: src/locales/<lang>.json and src/features/<name>/locales/<lang>.json. */
function readLocale(lang) {
  const features = join(webDir, 'src', 'features');
  const files = [
    join(webDir, 'src', 'locales', `${lang}.json`),
    ...readdirSync(features).map((f) => join(features, f, 'locales', `${lang}.json`)).filter(existsSync),
  ];
  return Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(f, 'utf8'))));
}

const localeCache = {};
/** A translation from the app's own locale files, e.g. tr('it', 'errors.invalid_credentials'). */
export function tr(lang, key, vars = {}) {
  localeCache[lang] ??= readLocale(lang);
  // With a count, the plural form the language picks for it (as i18next does: key_one, key_few...).
  const path = 'count' in vars ? `${key}_${new Intl.PluralRules(lang).select(Number(vars.count))}` : key;
  let v = path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), localeCache[lang]);
  assert.equal(typeof v, 'string', `no translation ${lang}:${key}`);
  for (const [name, value] of Object.entries(vars)) v = v.replaceAll(`{{${name}}}`, String(value));
  return v;
}

export function requireBaseUrl() {
  assert.ok(
    BASE_URL,
    'INNET_BASE_URL is not set: start the InNet server (e.g. build/innet serve --web-root web/dist) and point INNET_BASE_URL at it',
  );
}

/** Launches Debian's Chromium the way this machine needs (see shared/reference/toolchain.md). */
export async function launch() {
  requireBaseUrl();
  const profile = mkdtempSync(join(tmpdir(), 'innet-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    baseURL: BASE_URL,
  });
  context.setDefaultTimeout(15_000);
  if (SCREENSHOT_DIR) mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) errors.push(m.text());
      });
      page.jsErrors = errors;
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core on the current page and fails with a readable list of violations. */
export async function assertAccessible(page, label) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // page.addScriptTag({ content }) adds an inline <script>, which the server's CSP
    // (script-src 'self') rightly blocks; evaluating through the DevTools protocol is not subject
    // to the page's CSP, so the app is tested under its real policy.
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} :: ${n.failureSummary}`),
    }));
  }, AXE_TAGS);
  assert.deepEqual(violations, [], `axe violations on ${label}:\n${JSON.stringify(violations, null, 2)}`);
}

/**
 * The only place that takes a screenshot: `name`.png in INNET_SCREENSHOT_DIR, of `target`, a page
 * (the whole page, or with { fullPage: false } what the window shows) or a locator (its element);
 * nothing when screenshots were not asked for. A full-page screenshot of a long page took more
 * than the default 15 s on a loaded machine: it is no check of the page, so it gets longer.
 */
export async function screenshot(target, name, { fullPage = true } = {}) {
  if (!SCREENSHOT_DIR) return;
  const isLocator = typeof target.page === 'function';
  await (isLocator ? target.page() : target).evaluate(() => document.fonts.ready);
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await target.screenshot(isLocator ? { path, timeout: 45_000 } : { path, fullPage, timeout: 45_000 });
}

/**
 * The page at 360 px wide, once loaded and in its own fonts: nothing sticks out, axe clean (unless
 * { axe: false }), and a screenshot `name` (full page unless { fullPage: false }).
 */
export async function at360(page, name, { axe = true, fullPage = true } = {}) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    await settled(page);
    await page.evaluate(() => document.fonts.ready);
    assert.deepEqual(await overflowing(page, 360), [], `${name}: nothing sticks out at 360 px`);
    if (axe) await assertAccessible(page, `${name} at 360 px`);
    await screenshot(page, name, { fullPage });
  } finally {
    await page.setViewportSize(size);
  }
}

/** A suffix that keeps names made by a test run apart from those of earlier runs. */
export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The text of the page's main heading. */
export const headingText = async (page) => (await page.locator('#main-heading').textContent()).trim();

/** A browser of its own (its own profile, so its own session) signed in as a demo `role`. */
export async function signedIn(role) {
  const browser = await launch();
  const page = await browser.newPage();
  await login(page, demoEmail(role));
  return { browser, page };
}

/** Closes a browser after checking that its page had no JavaScript or CSP errors. */
export async function closeChecked({ browser, page }) {
  try {
    if (page) assert.deepEqual(page.jsErrors, [], 'JavaScript or CSP errors in the page');
  } finally {
    await browser?.close();
  }
}

/** Runs `fn` with a page signed in as another demo `role`, in a browser of its own. */
export async function withSignedIn(role, fn) {
  const other = await signedIn(role);
  try {
    await fn(other.page);
  } finally {
    await closeChecked(other);
  }
}

/** Signs in through the login form; with { open: false }, on the login page already shown. */
export async function login(page, email, password = DEMO_PASSWORD, { open = true } = {}) {
  if (open) await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('[data-testid=login-submit]').click();
  await page.locator('[data-testid=home]').waitFor();
}

export async function logout(page) {
  await page.locator('[data-testid=logout]').click();
  await page.locator('#email').waitFor();
}

/** The session as the API reports it (user with permissions). */
export async function me(page) {
  return page.evaluate(async () => {
    const r = await fetch('/api/v1/auth/me', { credentials: 'same-origin' });
    return r.ok ? r.json() : null;
  });
}

/** Picks a language with the switcher and waits until the page has applied it. */
export async function switchLanguage(page, lang) {
  await page.locator('[data-testid=lang-toggle]').click();
  await page.locator(`[data-testid=lang-${lang}]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await waitForStylesheet(page);
}

/** Waits until exactly one app stylesheet (the one for the current direction) is loaded. */
export async function waitForStylesheet(page) {
  await page.waitForFunction(() => {
    const rtl = document.documentElement.dir === 'rtl';
    const links = [...document.querySelectorAll('link[rel=stylesheet]')].filter((l) =>
      /\/assets\/.+\.css$/.test(new URL(l.href).pathname),
    );
    return (
      links.length === 1 &&
      links[0].sheet !== null &&
      new URL(links[0].href).pathname.endsWith('.rtl.css') === rtl
    );
  });
}

/**
 * Navigates with the app's own navigation bar (client-side routing) and waits for the heading; a
 * page in a group of the menu is reached by opening its group first.
 */
export async function openFromNav(page, path) {
  await clickNav(page, path);
  await page.waitForFunction((p) => location.pathname === p, path);
  await page.locator('#main-heading').waitFor();
}

/** Clicks the menu's link to `path`, opening its group first when the link is inside one. */
export async function clickNav(page, path) {
  const link = page.locator(`[data-testid=main-nav] [data-nav="${path}"]`);
  if (!(await link.isVisible())) await page.locator(`[data-testid=main-nav] li.nav-group:has([data-nav="${path}"]) > button`).click();
  await link.click();
}

/** The menu's paths in the order of the page, those inside its groups included. */
export async function navPaths(page) {
  return page.locator('[data-testid=main-nav] [data-nav]').evaluateAll((els) => els.map((e) => e.getAttribute('data-nav')));
}

/** The menu's paths for these permissions (web/src/app/nav.ts), which are also the home page's cards with '/home'. */
export function expectedNav(permissions) {
  const has = (p) => permissions.includes(p);
  return [
    '/home',
    ...(has('centres.read') ? ['/centres'] : []),
    ...(has('occupancy.read') ? ['/occupancy', '/placement-desk'] : []),
    ...(has('register.record') ? ['/register'] : []),
    ...(has('notices.read') ? ['/absence-notices'] : []),
    ...(has('movements.export') ? ['/movements'] : []),
    ...(has('contracts.manage') ? ['/lots'] : []),
    ...(has('persons.read') ? ['/persons'] : []),
    ...(has('persons.read') ? ['/duplicate-pairs'] : []),
    ...(has('cases.read') ? ['/cases'] : []),
    ...(has('guidance.read') ? ['/guidance'] : []),
    ...(has('opportunities.read') ? ['/opportunities'] : []),
    ...(has('procedure_files.read') ? ['/procedure-files'] : []),
    ...(has('integration_agreements.read') ? ['/integration-agreements'] : []),
    ...(has('procedures.read') ? ['/procedures'] : []),
    ...(has('procedures.edit') ? ['/procedures/law'] : []),
    ...(has('procedure_analytics.read') ? ['/procedures/analytics'] : []),
    ...(has('screening.statistics') ? ['/screening-timeliness'] : []),
    ...(has('referrals.receive') ? ['/referrals/inbox'] : []),
    ...(has('referrals.manage') ? ['/referrals/outbox'] : []),
    ...(has('referrals.metrics') ? ['/referrals/metrics'] : []),
    ...(has('inspections.read') ? ['/inspections'] : []),
    ...(has('findings.read') ? ['/findings'] : []),
    ...(has('inspections.manage') ? ['/inspection-risk'] : []),
    ...(has('sanctions.read') ? ['/sanctions'] : []),
    ...(has('directory.listings.read') ? ['/directory/services'] : []),
    ...(has('directory.moderate') ? ['/directory/moderation'] : []),
    ...(has('directory.feedback.read') ? ['/directory/feedback'] : []),
    ...(has('directory.import') ? ['/directory/import'] : []),
    ...(has('organizations.read') ? ['/organizations'] : []),
    ...(has('users.read') ? ['/users'] : []),
    ...(has('audit.read') ? ['/audit'] : []),
    '/account',
  ];
}

/**
 * What sticks out beyond `width` px once the page has laid itself out at that width: [] when
 * nothing. A chart redraws its canvas a few frames after a resize (chart.js's ResizeObserver),
 * so the page is given up to 3 s to fit before the elements still too wide are named.
 */
export async function overflowing(page, width) {
  await page.waitForFunction((w) => document.documentElement.scrollWidth <= w, width, { timeout: 3000 }).catch(() => {});
  return page.evaluate((w) => {
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= w) return [];
    const named = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-responsive'))
      .slice(0, 5)
      .map((e) => `${e.tagName}#${e.id}.${e.className}`);
    // What escaped a table's scrolling region is not named above, but the page is still too wide.
    return named.length ? named : [`the page, ${scrollWidth} px wide`];
  }, width);
}

/** Waits for lists to finish loading (no spinner in main). */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('main .progress-spinner'));
}

/** Waits until every cell of a table column has the expected text (and there is at least one row). */
export async function waitForColumn(page, table, column, expected) {
  await page.waitForFunction(
    ({ table, column, expected }) => {
      const cells = [...document.querySelectorAll(`${table} tbody tr td:nth-child(${column})`)];
      return cells.length > 0 && cells.every((c) => c.textContent.trim() === expected);
    },
    { table, column, expected },
  );
}

/**
 * Waits until an asynchronous check in the page (IndexedDB, a fetch) answers true. Playwright's
 * waitForFunction takes a returned promise as a truthy answer and never asks again, so such a
 * check is repeated from here.
 */
export const waitForAsync = (page, check, arg) =>
  poll(() => page.evaluate(check, arg), {
    timeoutMs: 15_000,
    intervalMs: 100,
    what: 'the check in the page',
  });

/** A JSON API call from inside the page, with its session and CSRF token: { status, body }. */
export async function apiCall(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).json();
      const r = await fetch(`/api/v1${path}`, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    },
    { method, path, body },
  );
}

/** A record made through the API as the page's user; fails the test unless it is created. */
export async function apiCreate(page, path, body) {
  const r = await apiCall(page, 'POST', path, body);
  assert.equal(r.status, 201, `POST ${path}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** An active CAS in Palermo run by `operatorId`, with `places` per category (none by default). */
export const createCentre = (page, name, operatorId, places = {}) =>
  apiCreate(page, '/centres', {
    name,
    type: 'cas',
    operator_id: operatorId,
    address: 'Via dei Test 1, Palermo',
    istat_code: '082053',
    places_single_men: places.single_men ?? 0,
    places_single_women: places.single_women ?? 0,
    places_families: places.families ?? 0,
    places_minors: places.minors ?? 0,
    status: 'active',
  });

export const createPerson = (page, family_name, given_names, extra = {}) =>
  apiCreate(page, '/persons', { family_name, given_names, sex: 'male', nationality: 'GN', ...extra });

/**
 * The file a click on `button` saves: { name, text } (text as UTF-8, a byte order mark kept).
 * The app makes it in the browser (components/CsvDownload.tsx).
 */
export async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** GET on the API from inside the page, with its session: { status, body }. */
export const apiGet = (page, path) => apiCall(page, 'GET', path);

/**
 * axe and a screenshot of the current page in Italian, then in Arabic (right to left), then back.
 * `ready` waits for what the page must show after each change of language.
 */
export async function checkBothLanguages(page, name, ready = async () => {}) {
  await settled(page);
  await ready();
  await assertAccessible(page, `${name} (it)`);
  await screenshot(page, `${name}-it`);
  await switchLanguage(page, 'ar');
  await settled(page);
  await ready();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await assertAccessible(page, `${name} (ar)`);
  await screenshot(page, `${name}-ar`);
  await switchLanguage(page, 'it');
}

/**
 * The confirmation dialog of an irreversible act, opened by `open()`: named by its heading, axe
 * clean, and screenshots of it at desktop width and at 360 px, in Italian and in Arabic (the page
 * behind a modal is inert, so the language is switched with the dialog closed). Left cancelled, in
 * Italian.
 */
export async function checkConfirmDialog(page, name, open) {
  const dialog = page.locator('[data-testid=confirm-dialog]');
  const size = page.viewportSize();
  for (const lang of ['it', 'ar']) {
    if (lang !== 'it') await switchLanguage(page, lang);
    await open();
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid=confirm-dialog]').matches(':modal')), true, 'a modal dialog');
    await assertAccessible(page, `${name} (${lang})`);
    await screenshot(page, `${name}-${lang}`, { fullPage: false });
    await page.setViewportSize({ width: 360, height: 800 });
    assert.ok(await page.evaluate(() => document.querySelector('[data-testid=confirm-dialog]').getBoundingClientRect().right <= 360), 'the dialog fits 360 px');
    await screenshot(page, `${name}-360-${lang}`, { fullPage: false });
    await page.setViewportSize(size);
    await page.locator('[data-testid=confirm-cancel]').click();
    await dialog.waitFor({ state: 'detached' });
  }
  await switchLanguage(page, 'it');
}
