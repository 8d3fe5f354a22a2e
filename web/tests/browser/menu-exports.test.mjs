// The register from the menu for the centres' staff; the notices list sorted and saved as CSV
// (';', Italian headers) by the Prefettura; Ukrainian set in the bundled Noto Sans (Titillium Web
// has no Cyrillic). axe clean, screenshots in Italian, Arabic and at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import {
  apiCall,
  apiCreate,
  apiGet,
  assertAccessible,
  checkBothLanguages,
  closeChecked,
  createCentre,
  createPerson,
  downloaded,
  me,
  openFromNav,
  screenshot,
  settled,
  signedIn,
  switchLanguage,
  tr,
  uniqueSuffix,
} from './helpers.mjs';

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
  await page.goto('/home');
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

test('prefecture officer: the notices searched, sorted by column and saved as CSV with Italian headers', async () => {
  const { page } = officer;
  // Two guests of a centre of the case worker's organisation, each absent without notice for 3
  // days (72 hours), Sow from a day earlier; the case worker sends both notices.
  const isoDay = (offset) => daysAgo(-offset);
  const orgId = (await me(worker.page)).user.organization.id;
  const centre = await createCentre(page, `CAS Segnalazioni ${uniqueSuffix()}`, orgId, { single_men: 5 });
  const guests = [await createPerson(page, 'Bah', 'Ousmane'), await createPerson(page, 'Sow', 'Ibrahima')];
  await apiCreate(page, '/placements', { person_ids: guests.map((g) => g.id), centre_id: centre.id, category: 'single_men', date: isoDay(-20), arrival_from: 'landing' });
  for (const [i, g] of guests.entries())
    for (const offset of [-9, -8, -7].map((d) => d - i)) {
      const r = await apiCall(worker.page, 'POST', `/centres/${centre.id}/register/${isoDay(offset)}/absences`, { person_id: g.id, reason: 'unauthorised' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
  const drafts = (await apiGet(worker.page, '/absence-notices')).body.items.filter((n) => n.centre_id === centre.id);
  assert.equal(drafts.length, 2);
  for (const n of drafts) assert.equal((await apiCall(worker.page, 'POST', `/absence-notices/${n.id}/sending`, {})).status, 201);

  await page.goto('/home');
  await openFromNav(page, '/absence-notices');
  await page.locator('#notices-status').selectOption('');
  await page.locator('#notices-filter').fill(centre.name);
  const rows = page.locator('[data-testid=notices-table] tbody tr[data-notice]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=notices-table] tbody tr[data-notice]').length === 2);
  const names = () => rows.locator('th').evaluateAll((ths) => ths.map((th) => th.textContent.trim()));
  await page.locator('[data-testid=notices-table] [data-sort=name]').click();
  assert.deepEqual(await names(), ['Bah Ousmane', 'Sow Ibrahima']);
  assert.equal(await page.locator('[data-testid=notices-table] th[aria-sort=ascending] [data-sort=name]').count(), 1);
  await page.locator('[data-testid=notices-table] [data-sort=name]').click();
  assert.deepEqual(await names(), ['Sow Ibrahima', 'Bah Ousmane']);
  assert.equal(await page.locator('[data-testid=notices-table] th[aria-sort=descending] [data-sort=name]').count(), 1);

  // The file holds the rows shown, in their order, in the page's language (Arabic here), as the
  // server's exports; days dd/mm/yyyy as an Italian office writes them.
  await switchLanguage(page, 'ar');
  const csv = await downloaded(page, page.locator('[data-testid=notices-csv]'));
  assert.match(csv.name, /^segnalazioni-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  const header = ['register.absences.guest', 'register.notices.centre', 'register.absences.since', 'register.absences.hours', 'common.status', 'register.notices.outcome'].map((k) => tr('ar', k));
  assert.equal(lines[0], header.join(';'));
  const officeDay = (iso) => iso.split('-').reverse().join('/');
  assert.deepEqual(
    lines.slice(1).map((l) => l.split(';').slice(0, 5)),
    [
      ['Sow Ibrahima', centre.name, officeDay(isoDay(-10)), '72', tr('ar', 'register.notices.statuses.sent')],
      ['Bah Ousmane', centre.name, officeDay(isoDay(-9)), '72', tr('ar', 'register.notices.statuses.sent')],
    ],
  );
  await settled(page);
  await assertAccessible(page, 'notices sorted (ar)');
  await screenshot(page, 'notices-sorted-ar');
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'notices-sorted-360-ar');
  await page.setViewportSize(size);
  await switchLanguage(page, 'it');
  await assertAccessible(page, 'notices sorted (it)');
  await screenshot(page, 'notices-sorted-it');
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
