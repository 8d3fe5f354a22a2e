// Opportunities in the browser (decision 0039): a service provider writes a job with an Arabic
// translation and publishes it (the dialog says the public will see it until its last day); the
// list finds it, in Italian and in Arabic, and nothing sticks out at 360 px; a case worker
// recommends it on a case page and sees it recorded there; the public reads the Arabic text.
// Axe clean throughout, screenshots in Italian and Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import { apiCall, assertAccessible, at360, checkBothLanguages, checkConfirmDialog, closeChecked, signedIn, tr, uniqueSuffix } from './helpers.mjs';

let provider;
let worker;
const title = `Magazziniere ${uniqueSuffix()}`;
let opportunityId;

before(async () => {
  provider = await signedIn('service_provider');
  worker = await signedIn('case_worker');
});

after(async () => {
  await closeChecked(provider);
  await closeChecked(worker);
});

const inDays = (n) => daysAgo(-n);


test('a service provider writes a job with a translation and publishes it, asked first', async () => {
  const { page } = provider;
  await page.goto('/opportunities');
  await page.locator('[data-testid=opportunity-new]').click();
  await page.locator('[data-testid=opportunity-form]').waitFor();
  // Saving empty: the summary names the required fields, nothing is sent.
  await page.locator('[data-testid=opportunity-save]').click();
  await page.locator('[data-testid=form-error]').waitFor();
  await page.locator('#kind').selectOption('job');
  await page.locator('#title').fill(title);
  await page.locator('#description').fill('Cerchiamo un magazziniere per un deposito alimentare, contratto di sei mesi.');
  await page.locator('#how_to_apply').fill('Inviare il curriculum allo sportello lavoro.');
  await page.locator('#expires_on').fill(inDays(20));
  await page.locator('#municipality').fill('082053');
  await page.locator('label[for=target_groups-refugees]').click();
  await page.locator('summary', { hasText: /arabo/i }).click();
  await page.locator('#translation-ar-title').fill('عامل مخزن');
  await page.locator('#translation-ar-description').fill('نبحث عن عامل مخزن لمستودع أغذية، عقد لمدة ستة أشهر.');
  await page.locator('#status').selectOption('published');
  await at360(page, 'opportunity-form-360');
  await checkConfirmDialog(page, 'opportunity-publish', () => page.locator('[data-testid=opportunity-save]').click());
  await page.locator('[data-testid=opportunity-save]').click();
  await page.locator('[data-testid=confirm-dialog]').waitFor();
  assert.match(await page.locator('[data-testid=confirm-dialog]').innerText(), new RegExp(tr('it', 'opportunities.confirm.published.button')));
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=opportunity-details]').waitFor();
  assert.match(page.url(), /\/opportunities\/\d+$/);
  opportunityId = Number(page.url().split('/').pop());
  await page.getByText(tr('it', 'opportunities.saved', { title })).waitFor();
  await checkBothLanguages(page, 'opportunity-page', () => page.locator('[data-testid=opportunity-details]').waitFor());
  await at360(page, 'opportunity-page-360');
});

test('the list finds it by a word of its translation; in Arabic too', async () => {
  assert.ok(opportunityId, 'published by the test before');
  const { page } = worker;
  await page.goto(`/opportunities?q=${encodeURIComponent('مخزن')}`);
  const link = page.locator(`[data-testid=opportunity-table] a[data-opportunity="${opportunityId}"]`);
  await link.waitFor();
  await checkBothLanguages(page, 'opportunity-list', () => link.waitFor());
  await at360(page, 'opportunity-list-360');
});

test('a case worker recommends it on a case page; the public reads it in Arabic', async () => {
  assert.ok(opportunityId, 'published by the test before');
  const { page } = worker;
  const cases = await apiCall(page, 'GET', '/cases?per_page=1');
  assert.equal(cases.status, 200);
  const caseId = cases.body.items[0].id;
  await page.goto(`/cases/${caseId}`);
  const section = page.locator('[data-testid=case-opportunities]');
  await section.waitFor();
  await section.locator('#opportunity').selectOption(String(opportunityId));
  await section.locator('#recommendation-note').fill('Ha esperienza di magazzino');
  await section.locator('[data-testid=opportunity-recommend]').click();
  await section.getByText(tr('it', 'opportunities.recommend.done', { title })).waitFor();
  await section.locator(`a[href="/opportunities/${opportunityId}"]`).waitFor();
  await assertAccessible(page, 'case page with a recommendation');
  const listed = await apiCall(page, 'GET', `/cases/${caseId}/opportunities`);
  assert.equal(listed.body.items[0].opportunity.id, opportunityId);
  assert.equal(listed.body.items[0].note, 'Ha esperienza di magazzino');
  const open = await page.evaluate(async (id) => (await fetch(`/api/v1/public/opportunities/${id}?lang=ar`, { credentials: 'omit' })).json(), opportunityId);
  assert.deepEqual([open.lang, open.title], ['ar', 'عامل مخزن']);
});
