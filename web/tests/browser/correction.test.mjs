// The Prefettura corrects a mistaken exit from the person's page: the reason is required, the
// confirm dialog (360 px, Arabic) states which register days change, and the stay is open again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import { apiCreate, apiGet, checkConfirmDialog, closeChecked, createCentre, createPerson, me, screenshot, signedIn, uniqueSuffix } from './helpers.mjs';

let browser;
let page;
const isoDay = (offset) => daysAgo(-offset);

before(async () => {
  ({ browser, page } = await signedIn('prefecture_officer'));
});

after(() => closeChecked({ browser, page }));

test('officer: a mistaken exit corrected after the confirm dialog', async () => {
  const officer = await me(page);
  const centre = await createCentre(page, `CAS Correzioni ${uniqueSuffix()}`, officer.user.organization.id, { single_men: 3 });
  const person = await createPerson(page, 'Kante', 'Ousmane');
  const [stay] = (
    await apiCreate(page, '/placements', { person_ids: [person.id], centre_id: centre.id, category: 'single_men', date: isoDay(-20), arrival_from: 'landing' })
  ).items;
  await apiCreate(page, '/placements/exits', { person_ids: [person.id], date: isoDay(-5), reason: 'left_voluntarily' });

  await page.goto(`/persons/${person.id}`);
  const row = page.locator(`[data-testid=placement-history] tr[data-placement="${stay.id}"]`);
  await row.locator('[data-testid=correct-open]').click();
  await row.locator('[data-testid=correct-submit]').click();
  await row.locator('.field-error').first().waitFor();
  await row.locator('textarea').fill('Uscita registrata per errore: la persona era in ospedale');
  await checkConfirmDialog(page, 'correction-dialog', () => row.locator('[data-testid=correct-submit]').click());
  await row.locator('[data-testid=correct-submit]').click();
  await page.locator('[data-testid=confirm-consequences]').waitFor();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=current-placement] a').waitFor();
  await screenshot(page, 'correction-done');
  const again = await apiGet(page, `/placements/${stay.id}`);
  assert.equal(again.body.end_date, null);
});
