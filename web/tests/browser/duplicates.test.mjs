// Duplicates (decision 0026): registering a person shows the records it may duplicate, with the
// reasons, before saving, and saving again records it all the same; the review page compares two
// records side by side, merges them after a confirmation that says what moves, and undoes the
// merge. Axe clean, in Italian and Arabic, and at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, assertAccessible, checkBothLanguages, checkConfirmDialog, closeChecked, createPerson, screenshot, settled, signedIn, uniqueSuffix } from './helpers.mjs';

let browser;
let page;

before(async () => {
  ({ browser, page } = await signedIn('prefecture_officer'));
});

after(() => closeChecked({ browser, page }));

// Letters only: the name keys are made of consonants, so a made-up name finds only this test's.
const family = () => `Qa${uniqueSuffix().replace(/[^a-z]/g, '')}var`;

test('registration warns of a possible duplicate with its reasons; saving again records the person', async () => {
  const f = family();
  const existing = await createPerson(page, f, 'Mohamed', { nationality: 'EG', birth_date: '1994-03-12', family_name_original: null });
  await page.goto('/persons?new=1');
  await page.locator('[data-testid=person-form]').waitFor();
  await page.locator('#family_name').fill(f);
  await page.locator('#given_names').fill('Muhammad');
  await page.locator('#sex').selectOption('male');
  await page.locator('#nationality').selectOption('EG');
  await page.locator('#birth_date').fill('1994-03-12');
  await page.locator('[data-testid=person-save]').click();
  const warning = page.locator('[data-testid=duplicate-warning]');
  await warning.waitFor();
  const row = warning.locator(`[data-candidate-id="${existing.id}"]`);
  assert.deepEqual(await row.locator('[data-reason]').evaluateAll((els) => els.map((e) => e.dataset.reason)), ['name_phonetic', 'birth_date_equal', 'nationality_equal']);
  assert.ok(page.url().endsWith('/persons?new=1'), 'nothing saved yet');
  await checkBothLanguages(page, 'duplicates-registration', () => warning.waitFor());
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'duplicates-registration-360');
  await page.setViewportSize({ width: 1280, height: 900 });
  // The operator may open the existing record: the link is there.
  assert.equal(await row.locator(`a[href="/persons/${existing.id}"]`).count(), 1);
  // Or go on: saving again records the person.
  await page.locator('[data-testid=person-save]').click();
  await page.waitForURL(/\/persons\/\d+\?created=1$/);
  await page.locator('[data-testid=person-page]').waitFor();
});

test('review page: side by side, merge after a confirmation saying what moves, then undo', async () => {
  const f = family();
  const kept = await createPerson(page, f, 'Youssef', { nationality: 'MA', birth_date: '1999-07-02' });
  const merged = await createPerson(page, f, 'Yusuf', { nationality: 'MA', birth_date: '1999-07-02', cui: `CUI${uniqueSuffix()}`.slice(0, 20) });
  await page.goto(`/persons/${kept.id}`);
  await page.locator('[data-testid=person-duplicates]').click();
  await page.locator('[data-testid=duplicates-page]').waitFor();
  await page.locator(`[data-compare="${merged.id}"]`).click();
  await page.locator('[data-testid=duplicate-compare]').waitFor();
  await checkBothLanguages(page, 'duplicates-review', () => page.locator('[data-testid=duplicate-compare]').waitFor());
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'duplicates-review-360');
  await assertAccessible(page, 'duplicates review at 360 px');
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.locator('#reason').fill('Stesso CUI verificato in Questura');
  await checkConfirmDialog(page, 'duplicates-merge-confirm', () => page.locator('[data-testid=merge-submit]').click());
  await page.locator('[data-testid=merge-submit]').click();
  const dialog = page.locator('[data-testid=confirm-dialog]');
  await dialog.waitFor();
  const said = await dialog.locator('[data-testid=confirm-consequences]').textContent();
  assert.match(said, /CUI/, 'the confirmation says the CUI moves to the record kept');
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=person-merges] [data-testid=unmerge-open]').waitFor();
  await settled(page);
  const after = await apiCall(page, 'GET', `/persons/${merged.id}`);
  assert.equal(after.body.merged_into, kept.id);

  // Undo, after its own confirmation.
  await page.locator('[data-testid=unmerge-open]').click();
  await page.locator('[data-testid=unmerge-form] textarea').fill('Due fratelli, non la stessa persona');
  await page.locator('[data-testid=unmerge-submit]').click();
  await dialog.waitFor();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=person-merges] .badge').waitFor();
  const back = await apiCall(page, 'GET', `/persons/${merged.id}`);
  assert.equal(back.body.merged_into, null);
  assert.ok(back.body.cui, 'the CUI is back on its record');
  await assertAccessible(page, 'duplicates review after the undo');
});
