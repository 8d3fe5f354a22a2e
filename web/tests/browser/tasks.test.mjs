// The tasks inbox in the browser (decision 0028): the header shows how many tasks wait; the inbox
// lists them, the earliest due first, each linking to its record's page. The inspector's and the
// case worker's, at 360 px and in Arabic; axe clean.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiGet, at360, checkBothLanguages, closeChecked, signedIn, switchLanguage } from './helpers.mjs';

let inspector;
let worker;

before(async () => {
  inspector = await signedIn('inspector');
  worker = await signedIn('case_worker');
});

after(async () => {
  await closeChecked(inspector);
  await closeChecked(worker);
});

for (const role of ['inspector', 'case_worker']) {
  test(`${role}: the header counts the tasks, the inbox lists them and opens their records`, async () => {
    const { page } = role === 'inspector' ? inspector : worker;
    const count = (await apiGet(page, '/tasks/count')).body;
    await page.goto('/home');
    const badge = page.locator('[data-testid=header-tasks-count]');
    await badge.waitFor();
    assert.equal((await badge.textContent()).trim(), String(count.total));
    await page.locator('[data-testid=header-tasks]').click();
    await page.waitForURL(/\/tasks$/);
    await page.locator('[data-testid=tasks-page]').waitFor();
    const ready = () => page.locator('[data-testid=tasks-table], [data-testid=tasks-empty]').first().waitFor();
    await checkBothLanguages(page, `tasks-${role}`, ready);
    await at360(page, `tasks-${role}-360-it`, { axe: false });
    await switchLanguage(page, 'ar');
    await ready();
    await at360(page, `tasks-${role}-360-ar`, { axe: false });
    await switchLanguage(page, 'it');
    if (!count.total) return;
    const first = (await apiGet(page, '/tasks?per_page=1')).body.items[0];
    const row = page.locator('[data-testid=tasks-table] tbody tr').first();
    assert.equal(await row.getAttribute('data-kind'), first.kind);
    assert.equal(await row.getAttribute('data-overdue'), String(first.overdue));
    await row.locator('a').click();
    await page.waitForURL((url) => url.pathname === first.link.split('?')[0]);
    await page.locator('#main-heading').waitFor();
  });
}

test('case_worker: one kind of task picked shows only that kind, with its own count', async () => {
  const { page } = worker;
  const expected = (await apiGet(page, '/tasks?kind=screening_due&per_page=1')).body;
  assert.ok(expected.total > 0, 'the demo case worker owes screenings');
  await page.goto('/tasks');
  await page.locator('[data-testid=tasks-table]').waitFor();
  await page.selectOption('#task-kind', 'screening_due');
  await page.waitForURL(/kind=screening_due/);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=tasks-table] tbody tr')].every((r) => r.getAttribute('data-kind') === 'screening_due'));
  const kinds = await page.locator('[data-testid=tasks-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
  assert.ok(kinds.length > 0 && kinds.every((k) => k === 'screening_due'));
  await page.selectOption('#task-kind', '');
  await page.waitForURL((url) => !url.search.includes('kind='));
});
