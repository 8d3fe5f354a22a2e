// The public portal (web/src/portal, portal.html), page by page: home, list, map and a service in
// each of the six languages at 360 px, axe-clean (WCAG 2.1 AA), right to left in Arabic, nothing
// wider than the screen, a screenshot of each; "/" picks the browser's language. The browser
// reaches only the test server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, BASE_URL, closeChecked, overflowing, screenshot } from './helpers.mjs';
import { directory, launchOffline, pickServices, PORTAL_LANGS, portalSettled, ptr } from './portal-support.mjs';

let browser;
let page;
let services;

before(async () => {
  browser = await launchOffline();
  page = await browser.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  services = await pickServices();
});

after(async () => {
  assert.deepEqual(browser.outside, [], 'requests to other sites');
  await closeChecked({ browser, page });
});

/** axe, the width, the direction and a screenshot of the page shown. */
async function check(lang, name) {
  await portalSettled(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  assert.equal(await page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
  // The right stylesheet, and only it: the mirrored twin in Arabic.
  const sheets = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => new URL(l.href).pathname).filter((p) => /\/assets\/portal-/.test(p)),
  );
  assert.equal(sheets.length, 1, `one portal stylesheet: ${sheets}`);
  assert.equal(sheets[0].endsWith('.rtl.css'), lang === 'ar');
  assert.deepEqual(await overflowing(page, 360), [], `${name} (${lang}) is wider than 360 px`);
  await assertAccessible(page, `portal ${name} (${lang})`);
  await screenshot(page, `portal-${name}-360-${lang}`);
}

for (const lang of PORTAL_LANGS) {
  test(`every portal page in ${lang} at 360 px: accessible, fits, screenshots`, async () => {
    await page.goto(`/${lang}`);
    await portalSettled(page);
    assert.equal((await page.locator('#main-heading').textContent()).trim(), ptr(lang, 'home.title'));
    const staff = page.locator('[data-testid=staff-login]');
    assert.equal((await staff.textContent()).trim(), ptr(lang, 'app.staffArea'));
    assert.ok(await staff.isVisible(), 'the staff area link is visible');
    await check(lang, 'home');

    await page.goto(`/${lang}/services`);
    await page.locator('[data-testid=results]').waitFor();
    assert.equal((await page.locator('#main-heading').textContent()).trim(), ptr(lang, 'list.title'));
    await check(lang, 'services');

    await page.goto(`/${lang}/services?view=map`);
    await page.locator('[data-testid=map-summary]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path').length >= 82);
    await check(lang, 'map');

    await page.goto(`/${lang}/services/${encodeURIComponent(services.open.id)}`);
    await page.locator('[data-testid=service-detail]').waitFor();
    // The name in the visitor's language where the demo has it translated, else in Italian.
    const named = await directory(`/services/${encodeURIComponent(services.open.id)}?lang=${lang}`);
    assert.equal((await page.locator('#main-heading').textContent()).trim(), named.name);
    await check(lang, 'service');
  });
}

test('"/" opens the portal in the browser\'s language among the six, else in Italian', async () => {
  for (const [languages, expected] of [
    [['uk-UA', 'en'], 'uk'],
    [['de-DE', 'ar'], 'ar'],
    [['de-DE', 'es'], 'it'],
  ]) {
    const other = await launchOffline();
    try {
      await other.context.addInitScript((l) => Object.defineProperty(navigator, 'languages', { get: () => l }), languages);
      const p = await other.newPage();
      await p.goto('/');
      await p.locator('[data-testid=portal-home]').waitFor();
      assert.equal(new URL(p.url()).pathname, `/${expected}`, `${languages} -> ${expected}`);
      assert.equal(await p.evaluate(() => document.documentElement.lang), expected);
      assert.deepEqual(p.jsErrors, []);
    } finally {
      await other.close();
    }
  }
});

test('the language menu opens the same page in another language', async () => {
  await page.goto(`/it/services/${encodeURIComponent(services.open.id)}`);
  await page.locator('[data-testid=service-detail]').waitFor();
  await page.locator('[data-testid=portal-languages] summary').click();
  await page.locator('[data-testid=portal-lang-ar]').click();
  await page.waitForURL(`${BASE_URL}/ar/services/${encodeURIComponent(services.open.id)}`);
  await page.locator('[data-testid=service-detail]').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal((await page.locator('[data-testid=portal-languages] summary').textContent()).includes('العربية'), true);
});

test('a confidential place shows no address, anywhere on its page', async (t) => {
  if (!services.confidential) return t.skip('the demo data has no service at a confidential place');
  const s = services.confidential;
  await page.goto(`/it/services/${encodeURIComponent(s.id)}`);
  await page.locator('[data-testid=service-detail]').waitFor();
  assert.equal((await page.locator('[data-testid=confidential-address]').first().textContent()).trim(), ptr('it', 'service.confidentialAddress'));
  // The API gives no address for it; the page invents none.
  for (const l of s.locations.filter((x) => x.confidential)) assert.equal(l.address, null);
  await assertAccessible(page, 'portal confidential service (it)');
  await screenshot(page, 'portal-service-confidential-360-it');
});

test('an unknown address in the portal says so, with a way home', async () => {
  await page.goto('/fr/nowhere/at-all');
  await portalSettled(page);
  assert.equal((await page.locator('#main-heading').textContent()).trim(), ptr('fr', 'missing.title'));
  await page.goto('/en/services/no-such-service-id');
  await page.locator('.alert-danger').waitFor();
  assert.equal((await page.locator('.alert-danger p').textContent()).trim(), ptr('en', 'errors.notFound'));
});
