// The register from the menu for the centres' staff; the notices list sorted and saved as CSV
// (';', Italian headers) by the Prefettura; Ukrainian set in the bundled Noto Sans (Titillium Web
// has no Cyrillic). axe clean, screenshots in Italian, Arabic and at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiGet, checkBothLanguages, closeChecked, downloaded, openFromNav, screenshot, settled, signedIn, switchLanguage, tr } from './helpers.mjs';

let officer;
let worker;

before(async () => {
  officer = await signedIn('prefecture_officer');
  worker = await signedIn('case_worker');
});

after(async () => {
  await closeChecked(officer);
  await closeChecked(worker);
});

test("case worker: the presence register from the menu, to today's register of a centre", async () => {
  const { page } = worker;
  await page.goto('/');
  await openFromNav(page, '/register');
  await page.locator('[data-testid=register-centres] [data-centre]').first().waitFor();
  const own = (await apiGet(page, '/centres?per_page=100')).body;
  assert.equal(await page.locator('[data-testid=register-centres] [data-centre]').count(), own.total);
  await checkBothLanguages(page, 'register-menu');
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'register-menu-360');
  await page.setViewportSize(size);
  const first = page.locator('[data-testid=register-centres] [data-centre]').first();
  const id = await first.getAttribute('data-centre');
  await first.locator('[data-testid=register-today]').click();
  await page.waitForFunction((id) => new RegExp(`^/centres/${id}/register/\\d{4}-\\d{2}-\\d{2}$`).test(location.pathname), id);
  await page.locator('#main-heading').waitFor();
});

test('prefecture officer: the notices sorted by column and saved as CSV with Italian headers', async () => {
  const { page } = officer;
  await page.goto('/');
  await openFromNav(page, '/absence-notices');
  await page.locator('#notices-status').selectOption('');
  await settled(page);
  const notices = (await apiGet(page, '/absence-notices')).body.items;
  if (!notices.length) {
    // Nothing to sort or save: the page says so and offers no file.
    await page.locator('[data-testid=notices-empty]').waitFor();
    assert.equal(await page.locator('[data-testid=notices-csv]').count(), 0);
    return;
  }
  await page.locator('[data-testid=notices-table]').waitFor();
  await page.locator('[data-testid=notices-table] [data-sort=hours]').click();
  const hours = await page.locator('[data-testid=notices-table] tbody tr[data-notice] td:nth-child(4)').evaluateAll((tds) => tds.map((td) => Number(td.textContent.replace(/\D/g, ''))));
  assert.deepEqual(hours, [...hours].sort((a, b) => a - b));
  assert.equal(await page.locator('[data-testid=notices-table] th[aria-sort=ascending] [data-sort=hours]').count(), 1);

  await switchLanguage(page, 'ar');
  const csv = await downloaded(page, page.locator('[data-testid=notices-csv]'));
  await switchLanguage(page, 'it');
  assert.match(csv.name, /^segnalazioni-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  const header = ['register.absences.guest', 'register.notices.centre', 'register.absences.since', 'register.absences.hours', 'common.status', 'register.notices.outcome'].map((k) => tr('it', k));
  assert.equal(lines[0], header.join(';'), 'Italian headers even when the page is in Arabic');
  assert.equal(lines.length, notices.length + 1);
  assert.ok(lines.slice(1).every((l) => l.split(';').length >= header.length));
  await checkBothLanguages(page, 'notices-sorted', () => page.locator('[data-testid=notices-table]').waitFor());
});

test('Ukrainian is set in the bundled Noto Sans', async () => {
  const { page } = officer;
  await page.goto('/lots');
  await page.locator('[data-testid=lots-table]').waitFor();
  await switchLanguage(page, 'uk');
  await settled(page);
  await page.evaluate(() => document.fonts.ready);
  const font = await page.evaluate(() => ({
    family: getComputedStyle(document.body).fontFamily,
    // A face of ours (loaded from the app's assets), and the Cyrillic heading drawn with it.
    loaded: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans' && f.status === 'loaded').length,
    heading: document.querySelector('#main-heading').textContent,
    covers: document.fonts.check('16px "Noto Sans"', document.querySelector('#main-heading').textContent),
  }));
  assert.match(font.family, /^"?Noto Sans"?,/);
  assert.match(font.heading, /[\u0400-\u04FF]/, 'the heading is in Cyrillic');
  assert.ok(font.loaded > 0, 'a Noto Sans face was loaded from the app');
  assert.ok(font.covers);
  const fetched = await page.evaluate(() => ({
    origin: location.origin,
    fonts: performance.getEntriesByType('resource').map((r) => new URL(r.name)).filter((u) => /noto-sans-cyrillic/.test(u.pathname)).map((u) => u.origin),
  }));
  assert.ok(fetched.fonts.length > 0 && fetched.fonts.every((o) => o === fetched.origin), 'served by the app, not from the internet');
  await screenshot(page, 'lots-uk');
  await switchLanguage(page, 'it');
});
