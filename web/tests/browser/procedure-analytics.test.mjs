// The procedures' bottleneck figures in the browser (issue 13 point 3, decision 0043): an analyst
// opens them from the menu, reads per step the figures the API gives (small counts said in words,
// not shown), sorts a table, keeps one procedure, reaches the chart's table; axe clean at 360 px in
// Italian and in Arabic, with screenshots.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiGet, assertAccessible, at360, closeChecked, openFromNav, settled, signedIn, switchLanguage, tr } from './helpers.mjs';

let analyst;

before(async () => {
  analyst = await signedIn('analyst');
});

after(async () => {
  await closeChecked(analyst);
});

const cellText = async (row, i) => (await row.locator('th, td').nth(i).innerText()).trim();

test('an analyst reads the figures of every procedure, small counts hidden, sorts and filters', async () => {
  const { page } = analyst;
  await openFromNav(page, '/procedures/analytics');
  await page.locator('[data-testid=analytics-steps]').first().waitFor();
  await settled(page);
  const api = (await apiGet(page, '/procedure-files/analytics')).body;
  assert.equal(await page.locator('[data-testid=analytics-procedure]').count(), api.procedures.length);
  await page.locator('[data-testid=analytics-small-groups]').waitFor();
  // The first step of the first procedure, cell by cell against the API: a hidden count in words.
  const first = api.procedures[0];
  const row = page.locator('[data-testid=analytics-steps]').first().locator('tbody tr').first();
  assert.equal(await cellText(row, 0), first.steps[0].name);
  const shown = (n) => (n === null ? tr('it', 'procedureAnalytics.fewerThan', { count: 5 }) : String(n));
  assert.equal(await cellText(row, 2), shown(first.steps[0].entered));
  assert.equal(await cellText(row, 5), shown(first.steps[0].backlog));
  // Sorting by the files entered, in descending order the second time.
  const table = page.locator('[data-testid=analytics-steps]').first();
  await table.locator('button[data-sort=entered]').click();
  await table.locator('button[data-sort=entered]').click();
  assert.equal(await table.locator('th[aria-sort=descending] button[data-sort=entered]').count(), 1);
  // The chart's data as a table.
  await page.locator('[data-testid=analytics-trend] summary').first().click();
  assert.equal(await page.locator('[data-testid=analytics-trend]').first().locator('tbody tr').count(), first.trend.length);
  await assertAccessible(page, 'procedure analytics');
  await at360(page, 'procedure-analytics-360-it');
  // One procedure: one section, and the downloads ask for it.
  await page.locator('#analytics-procedure').selectOption(String(first.id));
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=analytics-procedure]').length === 1);
  const csv = await page.locator('[data-testid=analytics-csv]').getAttribute('href');
  assert.match(csv, new RegExp(`procedure_id=${first.id}.*format=csv|format=csv.*procedure_id=${first.id}`));
});

test('in Arabic, right to left, at 360 px', async () => {
  const { page } = analyst;
  await page.goto('/procedures/analytics');
  await page.locator('[data-testid=analytics-steps]').first().waitFor();
  await switchLanguage(page, 'ar');
  await settled(page);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal((await page.locator('#main-heading').innerText()).trim(), tr('ar', 'procedureAnalytics.title'));
  await assertAccessible(page, 'procedure analytics (ar)');
  await at360(page, 'procedure-analytics-360-ar');
  await switchLanguage(page, 'it');
});
