// The guests' signature sheet of a register day: the case worker opens the printable sheet
// (every guest with a signature column, nothing else on paper), confirms the day, uploads the
// signed scan (a file of another type is refused in words) and finds it listed with a link; the
// page stays axe clean. On a centre made for this file, so that no other test shares its days.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import {
  apiCall,
  apiCreate,
  assertAccessible,
  createCentre,
  createPerson,
  closeChecked,
  me,
  screenshot,
  settled,
  signedIn,
  tr,
  uniqueSuffix,
  withSignedIn,
} from './helpers.mjs';

let browser;
let page;

before(async () => {
  ({ browser, page } = await signedIn('case_worker'));
});

after(() => closeChecked({ browser, page }));

const isoDay = (offset) => daysAgo(-offset);

test('case worker: print the signature sheet, confirm, upload the signed scan, find it listed', async () => {
  const worker = await me(page);
  const day = isoDay(-3);
  const guestName = `Firma${uniqueSuffix()}`;
  let centre;
  await withSignedIn('prefecture_officer', async (p) => {
    centre = await createCentre(p, `Centro firme ${uniqueSuffix()}`, worker.user.organization.id, { single_men: 5 });
    const person = await createPerson(p, guestName, 'Ousmane');
    await apiCreate(p, '/placements', { person_ids: [person.id], centre_id: centre.id, category: 'single_men', date: isoDay(-10), arrival_from: 'landing' });
  });

  // The printable sheet: centre, date, the guest, a column to sign; on paper no controls.
  await page.goto(`/centres/${centre.id}/register/${day}`);
  await page.locator('[data-testid=register-sheets]').waitFor();
  await page.locator('[data-testid=register-sheet-print]').click();
  await page.locator('[data-testid=register-signature-table]').waitFor();
  assert.match(await page.locator('[data-testid=register-signature-table]').textContent(), new RegExp(guestName));
  assert.match(await page.locator('[data-testid=register-signature-table] thead').textContent(), new RegExp(tr('it', 'register.sheets.signatureColumn')));
  await settled(page);
  await assertAccessible(page, 'signature sheet');
  await page.emulateMedia({ media: 'print' });
  try {
    assert.equal(await page.locator('[data-testid=register-sheet-print-button]').isVisible(), false);
    assert.equal(await page.locator('.it-header-wrapper').isVisible(), false);
    assert.ok(await page.locator('[data-testid=register-signature-table]').isVisible());
    await screenshot(page, 'register-signature-sheet-print');
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }

  // Before the confirmation there is nothing to attach to.
  await page.goto(`/centres/${centre.id}/register/${day}`);
  await page.locator('[data-testid=register-sheets]').waitFor();
  assert.equal(await page.locator('[data-testid=register-sheet-file]').count(), 0);
  const confirmed = await apiCall(page, 'POST', `/centres/${centre.id}/register/${day}/confirmation`, {});
  assert.equal(confirmed.status, 201);
  await page.reload();
  await page.locator('[data-testid=register-sheet-file]').waitFor();
  await page.locator('[data-testid=register-no-sheets]').waitFor();

  // A page of HTML named .pdf is refused, in words; the signed PDF is taken and listed.
  await page.locator('[data-testid=register-sheet-file]').setInputFiles({
    name: 'foglio.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html><body>not a scan</body></html>'),
  });
  await page.locator('[data-testid=register-sheet-upload]').click();
  await page.getByText(tr('it', 'register.sheets.wrongType')).waitFor();
  await page.locator('[data-testid=register-sheet-file]').setInputFiles({
    name: 'foglio firmato.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  });
  await page.locator('[data-testid=register-sheet-upload]').click();
  await page.getByText(tr('it', 'register.sheets.uploaded', { filename: 'foglio firmato.pdf' })).waitFor();
  const link = page.locator('[data-testid=register-sheet-list] a');
  await link.first().waitFor();
  assert.equal(await link.count(), 1);
  assert.match(await link.first().getAttribute('href'), /^\/api\/v1\/documents\/\d+\/content$/);
  assert.equal((await link.first().textContent()).trim(), 'foglio firmato.pdf');
  await settled(page);
  await assertAccessible(page, 'register day with a signed sheet');
});
