// Money beside the daily price (decision 0019): the case worker goes from a centre's costs of last
// month to the handovers page, sees what each guest is due and what is missing, records pocket
// money with the guest's signature drawn on the screen (confirmed first), and sees it listed and
// counted; at 360 px and in Arabic, axe clean. The Prefettura reads the page without the form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { monthsAgo } from '../../../tests/support/days.mjs';
import { apiGet, checkBothLanguages, checkConfirmDialog, closeChecked, screenshot, signedIn, switchLanguage } from './helpers.mjs';

let browser;
let page; // the case worker's
let officer;

before(async () => {
  ({ browser, page } = await signedIn('case_worker'));
  officer = await signedIn('prefecture_officer');
});

after(async () => {
  await closeChecked({ browser, page });
  await closeChecked(officer);
});

const month = monthsAgo(1);
let target;

test('case worker: from the costs to the handovers, records pocket money signed on the screen', async () => {
  const centres = await apiGet(page, '/centres?per_page=100');
  for (const c of centres.body.items) {
    if (c.type === 'sai') continue;
    const money = await apiGet(page, `/centres/${c.id}/handovers/${month}`);
    if (money.status === 200 && money.body.guests.some((g) => g.pocket_money_due_cents > 0)) {
      target = { centre: c, money: money.body };
      break;
    }
  }
  assert.ok(target, 'a centre of the cooperative with pocket money due last month');
  const { centre, money } = target;

  await page.goto(`/centres/${centre.id}/costs?month=${month}`);
  await page.locator('[data-testid=costs-money] tbody tr').first().waitFor();
  assert.equal(await page.locator('[data-testid=costs-money] tbody tr').count(), 3);
  await page.locator('[data-testid=handovers-open]').click();
  await page.locator(`[data-testid=handovers-page][data-month="${month}"]`).waitFor();
  await page.locator('[data-testid=handover-guests] tbody tr').first().waitFor();
  assert.equal(await page.locator('[data-testid=handover-guests] tbody tr').count(), money.guests.length);
  await checkBothLanguages(page, 'handovers-page', () => page.locator('[data-testid=handover-guests]').waitFor());
  // Screenshots of what a person sees without scrolling: the pages are long (a row per guest).
  await screenshot(page, 'handovers-top-it', { fullPage: false });

  // The first guest with pocket money still to hand over.
  const guest = money.guests.find((g) => g.pocket_money_due_cents > g.pocket_money_handed_over_cents);
  await page.locator(`[data-person="${guest.person_id}"] [data-testid=handover-open]`).click();
  await page.locator('[data-testid=handover-record]').waitFor();
  const missing = guest.pocket_money_due_cents - guest.pocket_money_handed_over_cents;
  assert.equal(await page.locator('#handover-amount').inputValue(), (missing / 100).toFixed(2));

  // The guest signs on the screen.
  const pad = page.locator('[data-testid=signature-pad]');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  await page.mouse.move(box.x + 20, box.y + 40);
  await page.mouse.down();
  for (const [dx, dy] of [[60, 30], [120, 80], [180, 20], [240, 90]]) await page.mouse.move(box.x + dx, box.y + dy, { steps: 4 });
  await page.mouse.up();

  await checkConfirmDialog(page, 'handover-confirm', () => page.locator('[data-testid=handover-submit]').click());
  await page.locator('[data-testid=handover-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('.alert-success').waitFor();
  await page.locator('[data-testid=handover-list] li[data-status=recorded]').first().waitFor();
  const after = await apiGet(page, `/centres/${centre.id}/handovers/${month}`);
  const g = after.body.guests.find((x) => x.person_id === guest.person_id);
  assert.equal(g.pocket_money_handed_over_cents, guest.pocket_money_due_cents);
  const handover = after.body.handovers.find((h) => h.person_id === guest.person_id && h.status === 'recorded');
  assert.equal(handover.receipt_kind, 'signature');
  const receipt = await apiGet(page, `/documents/${handover.document_id}`);
  assert.equal(receipt.body.media_type, 'image/png');

  // A phone: 360 px, no sideways scrolling, in Italian and Arabic.
  await page.setViewportSize({ width: 360, height: 800 });
  for (const lang of ['it', 'ar']) {
    if (lang === 'ar') await switchLanguage(page, 'ar');
    await page.locator('[data-testid=handover-new]').click();
    await page.locator('[data-testid=signature-pad]').waitFor();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    assert.ok(widths.body <= 360, `the page fits 360 px: ${JSON.stringify(widths)}`);
    await screenshot(page, `handovers-360-form-${lang}`, { fullPage: false });
    await page.locator('[data-testid=signature-pad]').scrollIntoViewIfNeeded();
    await screenshot(page, `handovers-360-signature-${lang}`, { fullPage: false });
    await page.locator('[data-testid=handover-guests]').scrollIntoViewIfNeeded();
    await screenshot(page, `handovers-360-guests-${lang}`, { fullPage: false });
    await page.locator('[data-testid=handover-submit]').locator('xpath=..').locator('button:not([type=submit])').click();
  }
  await switchLanguage(page, 'it');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('prefecture officer: reads the handovers, records none', async () => {
  assert.ok(target, 'the first test found a centre');
  await officer.page.goto(`/centres/${target.centre.id}/handovers?month=${month}`);
  await officer.page.locator('[data-testid=handover-guests]').waitFor();
  assert.equal(await officer.page.locator('[data-testid=handover-new]').count(), 0);
  assert.equal(await officer.page.locator('[data-testid=handover-open]').count(), 0);
});

test('prefecture officer: suspends a guest\'s pocket money for 30 days to 6 months, confirmed first', async () => {
  assert.ok(target, 'the first test found a centre');
  const p = officer.page;
  const thisMonth = monthsAgo(0);
  await p.goto(`/centres/${target.centre.id}/handovers?month=${thisMonth}`);
  await p.locator('[data-testid=suspend-open]').click();
  const guest = await p.locator('#suspend-person option:not([value=""])').first().getAttribute('value');
  await p.selectOption('#suspend-person', guest);
  const from = await p.inputValue('#suspend-from');
  const plus = (n) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  // Too short: refused before asking, the field named.
  await p.fill('#suspend-until', plus(10));
  await p.fill('#suspend-reason', 'Violazione reiterata del regolamento del centro');
  await p.locator('[data-testid=suspend-submit]').click();
  await p.locator('#suspend-until[aria-invalid=true]').waitFor();
  assert.equal(await p.locator('[data-testid=confirm-dialog]').count(), 0);
  await p.fill('#suspend-until', plus(30));
  await checkConfirmDialog(p, 'suspend-pocket-money-confirm', () => p.locator('[data-testid=suspend-submit]').click());
  await p.locator('[data-testid=suspend-submit]').click();
  await p.locator('[data-testid=confirm-ok]').click();
  await p.locator('[data-testid=handovers-page] .alert-success').waitFor();
  assert.equal(await p.locator('[data-testid=pocket-money-suspend]').count(), 0);
  await screenshot(p, 'suspend-pocket-money-done', { fullPage: false });
});
