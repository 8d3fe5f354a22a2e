// The case pages in the browser (issue 11 points 1 and 7): the demo case worker finds a case in
// the list, reads its sections and timeline, writes a sensitive note and records a residence
// permit through the forms, closes the case after a confirm step with a reason, and reopens it with
// a note; the prefecture officer then reads the case without the sensitive narrative. Axe clean
// and screenshots in Italian and Arabic, and at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiGet, at360, checkBothLanguages, checkConfirmDialog, closeChecked, settled, signedIn, tr } from './helpers.mjs';

let worker;
let officer;
let page;
let caseId;

before(async () => {
  worker = await signedIn('case_worker');
  officer = await signedIn('prefecture_officer');
  page = worker.page;
});

after(async () => {
  await closeChecked(worker);
  await closeChecked(officer);
});

test('case worker: the case list, searchable and filtered, in Italian and Arabic', async () => {
  await page.goto('/cases?status=active');
  await page.locator('[data-testid=case-table] tbody tr').first().waitFor();
  const first = (await apiGet(page, '/cases?status=active&per_page=1')).body.items[0];
  caseId = first.id;
  await checkBothLanguages(page, 'cases-list', () => page.locator('[data-testid=case-table] tbody tr').first().waitFor());
  await at360(page, 'cases-list-360', { axe: false });
  await page.locator('#case-q').fill(first.person.family_name);
  await page.locator('form[role=search] button[type=submit]').click();
  await page.locator(`[data-testid=case-table] a[href="/cases/${caseId}"]`).first().click();
  await page.locator('[data-testid=case-summary]').waitFor();
});

test('prefecture officer: the whole list paged by the server; the screening filters, answered or refused', async () => {
  const p = officer.page;
  await p.goto('/cases');
  await p.locator('[data-testid=case-table] tbody tr').first().waitFor();
  const first = await p.locator('[data-testid=case-table] tbody tr a').first().getAttribute('href');
  await p.locator('.pagination a', { hasText: tr('it', 'list.next') }).click();
  await p.waitForURL(/page=2/);
  await p.waitForFunction(() => document.querySelector('.pagination [aria-current=page]')?.textContent.replace(/\D/g, '') === '2');
  assert.notEqual(await p.locator('[data-testid=case-table] tbody tr a').first().getAttribute('href'), first);
  // A category and "screening late": a list when the screening module answers them, otherwise the
  // server's refusal in the page's words, never every case as if it matched.
  await p.locator('#case-vulnerability').selectOption('trafficking_victim');
  await p.locator('#case-screening').selectOption('late');
  await p.locator('form[role=search] button[type=submit]').click();
  await p.waitForURL(/vulnerability=trafficking_victim/);
  const answered = (await apiGet(p, '/cases?vulnerability=trafficking_victim&screening=late')).status === 200;
  if (!answered) await p.getByText(tr('it', 'errors.filter_unanswered')).first().waitFor();
  await checkBothLanguages(p, 'cases-list-screening-filters');
  await at360(p, 'cases-list-filters-360', { axe: false });
});

test('case worker: the case page, a sensitive note and a residence permit through the forms', async () => {
  await page.goto(`/cases/${caseId}`);
  await page.locator('[data-testid=case-timeline]').waitFor();
  await checkBothLanguages(page, 'case-page', () => page.locator('[data-testid=case-timeline]').waitFor());
  await page.locator('[data-testid=case-note-open]').click();
  await page.locator('#sensitivity').selectOption('sensitive');
  await page.locator('#text').fill('Riferisce violenze subite durante il viaggio (prova browser)');
  await page.locator('[data-testid=case-note-submit]').click();
  await page.locator('[data-testid=case-note-list]', { hasText: 'prova browser' }).waitFor();

  await page.locator('[data-testid=case-document-open]').click();
  await page.locator('[data-testid=case-document-submit]').click();
  await page.locator('#type-error, [id=type][aria-invalid=true]').first().waitFor();
  await page.locator('#type').selectOption('permit_of_stay');
  await page.locator('#number').fill('I0099887');
  await page.locator('#issuer').fill('Questura di Palermo');
  await page.locator('[data-testid=case-document-submit]').click();
  await page.locator('[data-testid=case-document-table]', { hasText: 'I0099887' }).waitFor();
  await at360(page, 'case-page-360', { axe: false });
});

test('case worker: closing asks first and keeps the reason; reopening keeps a note', async () => {
  await page.goto(`/cases/${caseId}`);
  await page.locator('[data-testid=case-close-open]').click();
  await page.locator('#reason').selectOption('autonomy_reached');
  await checkConfirmDialog(page, 'case-close-confirm', () => page.locator('[data-testid=case-status-submit]').click());
  await page.locator('[data-testid=case-status-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=case-reopen-open]').waitFor();
  assert.equal((await apiGet(page, `/cases/${caseId}`)).body.status, 'closed');
  await page.locator('[data-testid=case-reopen-open]').click();
  await page.locator('#note').fill('Rientrato in accoglienza');
  await page.locator('[data-testid=case-status-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=case-close-open]').waitFor();
  const c = (await apiGet(page, `/cases/${caseId}`)).body;
  assert.equal(c.status, 'reopened');
  assert.deepEqual(c.history.slice(-2).map((h) => [h.status, h.reason]), [['closed', 'autonomy_reached'], ['reopened', null]]);
});

test('officer: reads the case, the sensitive narrative is not shown', async () => {
  const p = officer.page;
  await p.goto(`/cases/${caseId}`);
  await p.locator('[data-testid=case-note-list]').waitFor();
  await settled(p);
  assert.equal(await p.locator('[data-testid=case-note-list]', { hasText: 'prova browser' }).count(), 0);
  assert.equal(await p.locator('[data-testid=case-note-open]').count(), 0, 'no forms for the officer');
  await checkBothLanguages(p, 'case-page-officer', () => p.locator('[data-testid=case-timeline]').waitFor());
});
