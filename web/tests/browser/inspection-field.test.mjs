// The inspection page in the field (decision 0029): photos taken per item, shown as thumbnails,
// kept on the device with the answers while the connection is away; the page reloads with no
// network at all (the service worker serves the app, the page its own copy of the inspection),
// takes answers and photos, and sends each once when the connection returns. The register's day
// and the month's handovers are set beside the head count. Screenshots at 360 px and in Arabic,
// axe clean in Italian and Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import { apiCall, apiCreate, apiGet, at360, checkBothLanguages, checkConfirmDialog, closeChecked, screenshot, signedIn, switchLanguage, waitForAsync } from './helpers.mjs';

let inspector;
let page;
let inspection;
let checklist;

// An 8x8 red PNG: small, but an image every browser draws.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000080000000808020000004b6d29dc0000001149444154789c633861a38115310c2d0900767b4b011b3bf9a70000000049454e44ae426082',
  'hex',
);
const photo = (name) => ({ name, mimeType: 'image/png', buffer: PNG });

before(async () => {
  inspector = await signedIn('inspector');
  page = inspector.page;
});

after(async () => {
  await closeChecked(inspector);
});

const item = (code) => page.locator(`[data-testid=inspection] li[data-item="${code}"]`);
const waitForWaiting = (n) => page.locator(`[data-testid=sync-status][data-waiting="${n}"]`).waitFor();

test('inspector: the register of the day and the month’s handovers beside the head count; a photo taken online', async () => {
  const centres = (await apiGet(page, '/centres?per_page=100')).body.items;
  const centre = centres[0];
  const today = daysAgo(0);
  const me = (await apiGet(page, '/auth/me')).body.user;
  inspection = await apiCreate(page, '/inspections', { centre_id: centre.id, planned_date: today, team: [me.id] });
  await apiCreate(page, `/inspections/${inspection.id}/start`);
  checklist = (await apiGet(page, `/checklists/${inspection.checklist_id}`)).body;

  await page.goto(`/inspections/${inspection.id}`);
  await page.locator('[data-testid=inspection][data-status=in_progress]').waitFor();
  // The service worker has taken the page over: from now on a reload needs no network.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  const register = (await apiGet(page, `/centres/${centre.id}/register/${today}`)).body;
  const figures = page.locator('[data-testid=inspection-figures]');
  await figures.waitFor();
  assert.match(await figures.locator('[data-testid=figure-registered-present]').textContent(), new RegExp(`${register.counts.present}$`));
  await page.locator(`#value-${checklist.items.find((i) => i.code === 'capacity_presences.guests_counted').id}`).fill(String(register.counts.present + 2));
  await item('capacity_presences.guests_counted').locator('[data-testid=answer-save]').click();
  await item('capacity_presences.guests_counted').locator('[data-saved=server]').waitFor();
  await page.locator('[data-testid=figure-difference]', { hasText: '+2' }).waitFor();
  assert.equal(await figures.locator('[data-testid=figures-money] tbody tr').count(), 3);

  await item('building.photos').locator('[data-testid=photo-choose]').setInputFiles(photo('ingresso.png'));
  await item('building.photos').locator('[data-photo=server] img').waitFor();
  await waitForWaiting(0);
  // The page has loaded the inspection again once everything was sent, and kept that copy.
  await waitForAsync(
    page,
    (id) =>
      new Promise((resolve) => {
        const req = indexedDB.open('innet-inspections');
        req.onsuccess = () => {
          const get = req.result.transaction('copies').objectStore('copies').get(id);
          get.onsuccess = () => resolve(get.result?.detail.photos.length === 1);
        };
      }),
    inspection.id,
  );
});

test('inspector: offline, the page reloads, takes answers and photos, keeps them through a second reload, and sends each once when back', async () => {
  const yesNo = checklist.items.filter((i) => i.answer_kind === 'yes_no');
  await inspector.browser.context.setOffline(true);
  await page.reload();
  await page.locator('[data-testid=inspection][data-status=in_progress]').waitFor();
  await page.locator('[data-testid=inspection-stale]').waitFor();
  // What the server held at the last load is shown, the photo's thumbnail aside (not cached).
  assert.equal(await item('building.photos').locator('[data-photo=server]').count(), 1);

  await item(yesNo[0].code).locator('[data-answer=no]').click();
  await item('building.no_pests').locator('[data-testid=photo-take]').setInputFiles(photo('topi-cucina.png'));
  await item('building.no_pests').locator('[data-photo=device] img').waitFor();
  await waitForWaiting(2);
  assert.equal(await page.locator('[data-testid=sync-status]').getAttribute('data-waiting-photos'), '1');
  await at360(page, 'inspection-field-offline-360-it', { axe: false, fullPage: false });
  await switchLanguage(page, 'ar');
  await waitForWaiting(2);
  await at360(page, 'inspection-field-offline-360-ar', { axe: false, fullPage: false });
  await switchLanguage(page, 'it');

  // A second reload, still without a network: both still wait on the device.
  await page.reload();
  await page.locator('[data-testid=inspection][data-status=in_progress]').waitFor();
  await waitForWaiting(2);
  await item('building.no_pests').locator('[data-photo=device]').waitFor();

  await inspector.browser.context.setOffline(false);
  await waitForWaiting(0);
  await item('building.no_pests').locator('[data-photo=server] img').waitFor();
  const detail = (await apiGet(page, `/inspections/${inspection.id}`)).body;
  assert.deepEqual(
    detail.photos.map((p) => [checklist.items.find((i) => i.id === p.item_id).code, p.document.filename]),
    [
      ['building.no_pests', 'topi-cucina.png'],
      ['building.photos', 'ingresso.png'],
    ].sort((a, b) => checklist.items.findIndex((i) => i.code === a[0]) - checklist.items.findIndex((i) => i.code === b[0])),
  );
  assert.equal(detail.answers.find((a) => a.item_id === yesNo[0].id).yes, false);
  assert.equal(await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('innet-inspections');
    req.onsuccess = () => {
      const get = req.result.transaction('photos').objectStore('photos').count();
      get.onsuccess = () => resolve(get.result);
    };
  })), 0, 'no photo left on the device');
  await checkBothLanguages(page, 'inspection-field', () => page.locator('[data-testid=inspection-figures]').waitFor());
  // The parts this page adds, at 360 px in Italian and Arabic: an item with its photos, the figures.
  const size = page.viewportSize();
  for (const lang of ['it', 'ar']) {
    if (lang !== 'it') await switchLanguage(page, lang);
    await page.setViewportSize({ width: 360, height: 800 });
    await item('building.no_pests').locator('[data-photo=server] img').waitFor();
    await screenshot(item('building.no_pests'), `inspection-field-photos-360-${lang}`);
    await screenshot(page.locator('[data-testid=inspection-figures]'), `inspection-field-figures-360-${lang}`);
    await page.setViewportSize(size);
  }
  await switchLanguage(page, 'it');
});

test('inspector: removes a photo, confirmed first; the report lists what is left', async () => {
  const row = item('building.photos');
  await checkConfirmDialog(page, 'inspection-photo-detach-dialog', () => row.locator('[data-testid=photo-detach]').click());
  await row.locator('[data-testid=photo-detach]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await row.locator('[data-photo=server]').waitFor({ state: 'detached' });
  const detail = (await apiGet(page, `/inspections/${inspection.id}`)).body;
  assert.deepEqual(detail.photos.map((p) => p.document.filename), ['topi-cucina.png']);
  const completed = await apiCall(page, 'POST', `/inspections/${inspection.id}/completion`);
  assert.equal(completed.status, 201);
  await page.reload();
  await page.locator('[data-testid=inspection][data-status=completed]').waitFor();
  await item('building.no_pests').locator('[data-photo=server] img').waitFor();
  assert.equal(await page.locator('[data-testid=photo-detach], [data-testid=photo-take]').count(), 0, 'final once completed');
  // A photo item is answered by its photos: none left on this one.
  assert.equal((await item('building.photos').locator('[data-testid=answer-value]').textContent()).trim(), '0 foto');
});
