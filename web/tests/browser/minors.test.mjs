// Unaccompanied minors and places above contract in the browser (decision 0020): a minor refused
// an adult place in plain words, the guest list marking minors with their days left in an adult
// centre's section, a derogation recorded after the confirm dialog and shown apart in occupancy,
// then withdrawn with a reason after its own confirm step (decision 0027); the minors list
// searched, sorted and saved as CSV; Italian and Arabic, 360 px, axe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import {
  apiCreate,
  assertAccessible,
  checkBothLanguages,
  checkConfirmDialog,
  closeChecked,
  createCentre,
  createPerson,
  downloaded,
  me,
  screenshot,
  settled,
  signedIn,
  tr,
  uniqueSuffix,
} from './helpers.mjs';

let browser;
let page;
const isoDay = (offset) => daysAgo(-offset);

before(async () => {
  ({ browser, page } = await signedIn('prefecture_officer'));
});

after(() => closeChecked({ browser, page }));

test('officer: a minor refused an adult place, marked in the guest list; a derogation shown apart', async () => {
  const officer = await me(page);
  const suffix = uniqueSuffix();
  const centre = await createCentre(page, `CAS Sezione minori ${suffix}`, officer.user.organization.id, { single_men: 4, minors: 2 });
  await apiCreate(page, `/centres/${centre.id}/contracts`, {
    cig: `N${suffix}`.slice(0, 10).padEnd(10, '0').toUpperCase(),
    start_date: isoDay(-100),
    end_date: isoDay(300),
    places: 6,
    price_cents: 3000,
  });
  const family = `Bah${suffix}`;
  const minor = await createPerson(page, family, 'Alpha', { birth_date: isoDay(-17 * 365 - 40), unaccompanied_minor: true });

  // The form's refusal, in plain words: a minor is placed only in a minors' place.
  await page.goto(`/centres/${centre.id}`);
  await page.locator('[data-testid=centre-page]').waitFor();
  await settled(page);
  await page.locator('[data-testid=place-open]').click();
  await page.locator('#person_ids').fill(family);
  await page.locator('#person_ids').press('Enter');
  await page.locator(`[data-add-person="${minor.id}"]`).click();
  await page.locator('#category').selectOption('single_men');
  await page.locator('#arrival_from').selectOption('landing');
  await page.locator('[data-testid=place-submit]').click();
  await page.getByText(tr('it', 'errors.minor_needs_minors_place')).waitFor();
  await assertAccessible(page, 'minor refused an adult place');
  await screenshot(page, 'minors-refused-it');

  // In the minors' places of this adult centre: marked, with the days left of 90.
  await page.locator('#category').selectOption('minors');
  await page.locator('#date').fill(isoDay(-9));
  await page.locator('[data-testid=place-submit]').click();
  const row = page.locator(`[data-testid=guest-table] tr[data-person="${minor.id}"]`);
  await row.waitFor();
  const badge = row.locator('[data-testid=minor-badge] [data-days-left]');
  await badge.waitFor();
  const left = Number(await badge.getAttribute('data-days-left'));
  assert.ok(left === 80 || left === 79, `days left: ${left}`);
  await row.scrollIntoViewIfNeeded();
  await checkBothLanguages(page, 'minors-guests', () => row.waitFor());

  // The Prefettura's extension: a reason, the confirm dialog, then 60 more days.
  await row.locator('[data-testid=guest-extend]').click();
  await page.locator('[data-testid=extend-form]').waitFor();
  await page.locator('[data-testid=extend-form] #reason').fill('In attesa di un posto in un progetto SAI per minori');
  await checkConfirmDialog(page, 'extension-dialog', () => page.locator('[data-testid=extend-submit]').click());
  await page.locator('[data-testid=extend-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator(`[data-testid=guest-table] tr[data-person="${minor.id}"] [data-days-left="${left + 60}"]`).waitFor();

  // A derogation: the confirm dialog, then the list and the occupancy's derogated places.
  await page.locator('[data-testid=derogation-open]').click();
  await page.locator('[data-testid=derogation-form]').waitFor();
  await page.locator('[data-testid=derogation-form] #places').fill('3');
  await page.locator('#decision_number').fill(`Decreto ${suffix}`);
  await page.locator('[data-testid=derogation-form] #start_date').fill(isoDay(-3));
  await page.locator('[data-testid=derogation-form] #end_date').fill(isoDay(60));
  await checkConfirmDialog(page, 'derogation-dialog', () => page.locator('[data-testid=derogation-submit]').click());
  await page.locator('[data-testid=derogation-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=derogation-table]').waitFor();
  assert.match(await page.locator('[data-testid=derogation-table]').textContent(), new RegExp(`Decreto ${suffix}`));
  await page.locator('[data-testid=derogated-places]', { hasText: '3' }).waitFor();
  assert.equal((await page.locator('[data-testid=contract-places]').textContent()).trim(), '6');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator('[data-testid=derogations]').scrollIntoViewIfNeeded();
  await checkBothLanguages(page, 'minors-derogations-360', () => page.locator('[data-testid=derogation-table]').waitFor());
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways at 360 px by ${overflow}`);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Withdrawn (decision 0027): the reason, the confirm step saying which places stop counting,
  // then the decision stays listed as withdrawn and the occupancy shows no derogated places.
  const decision = page.locator('[data-testid=derogation-table] tbody tr', { hasText: `Decreto ${suffix}` });
  await decision.locator('[data-testid=derogation-withdraw-open]').click();
  const panel = page.locator('[data-testid=derogation-withdraw]');
  await panel.waitFor();
  await panel.locator('[data-testid=derogation-withdraw-submit]').click();
  await panel.locator('#derogation-withdraw-reason-error').waitFor();
  assert.equal(await decision.getAttribute('data-status'), 'granted', 'nothing sent without a reason');
  await page.locator('#derogation-withdraw-reason').fill(`Revocato con decreto ${suffix}/bis`);
  await checkConfirmDialog(page, 'derogation-withdraw-dialog', () => panel.locator('[data-testid=derogation-withdraw-submit]').click());
  await panel.locator('[data-testid=derogation-withdraw-submit]').click();
  const withdrawDialog = page.locator('[data-testid=confirm-dialog]');
  assert.match(await withdrawDialog.textContent(), new RegExp(tr('it', 'derogations.withdrawKept').slice(0, 30)));
  await withdrawDialog.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=derogation-table] tr[data-status=withdrawn]').waitFor();
  assert.match(await decision.textContent(), new RegExp(`Revocato con decreto ${suffix}/bis`));
  await page.locator('[data-testid=derogated-places]', { hasText: '0' }).waitFor();
  await checkBothLanguages(page, 'minors-derogation-withdrawn', () => page.locator('[data-testid=derogation-table]').waitFor());

  // The person's page says the flag.
  await page.goto(`/persons/${minor.id}`);
  await page.locator('[data-testid=person-unaccompanied-minor]').waitFor();
});

test('officer: the occupancy page lists minors in adult centres sections, fewest days left first', async () => {
  await page.goto('/occupancy');
  const table = page.locator('[data-testid=minors-table]');
  await table.waitFor();
  const first = table.locator('tbody tr').first();
  assert.match(await first.textContent(), /Diallo/);
  assert.equal(await first.getAttribute('data-days-left'), '4');
  await table.scrollIntoViewIfNeeded();
  await checkBothLanguages(page, 'minors-list', () => table.waitFor());
  await page.setViewportSize({ width: 360, height: 800 });
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'minors-list-360-it');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Searched (decision 0027): accents and case aside, words in any order; sorted by name.
  const all = await table.locator('tbody tr').count();
  await page.locator('#minors-filter').fill('MAMADOU diallo');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=minors-table] tbody tr').length >= 1);
  for (const text of await table.locator('tbody tr th').allTextContents()) assert.match(text, /Diallo/);
  // The CSV holds what the table shows: the same search, Italian headers, ';'.
  const csv = await downloaded(page, page.locator('[data-testid=minors-csv]'));
  const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(lines[0].split(';')[1], 'Cognome');
  assert.equal(lines.length - 1, await table.locator('tbody tr').count());
  await page.locator('#minors-filter').fill('');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=minors-table] tbody tr').length === n, all);
  await table.locator('th button[data-sort=name]').click();
  const names = await table.locator('tbody tr th').allTextContents();
  // The page's own collation (components/useTableFilter.tsx): digits as numbers, so 'x1' < 'x040'.
  const collator = new Intl.Collator('it', { numeric: true, sensitivity: 'base' });
  assert.deepEqual(names, [...names].sort(collator.compare));
  assert.match(await page.locator('[data-testid=minors-xlsx]').getAttribute('href'), /format=xlsx.*sort=name|sort=name.*format=xlsx/);
});
