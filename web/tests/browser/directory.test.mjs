// The directory's staff pages in the browser (decision 0038): the officer's services list (a
// flag on listings due for verification, the CSV link), a service's page with its edit form, the
// moderation queue and the feedback figures, and the admin's HSDS upload page. Axe clean, the
// list and the service page at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, at360, closeChecked, signedIn } from './helpers.mjs';

const LEGAL = '5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e01'; // a demo service (src/directory/seed.cc)
let officer;
let admin;

before(async () => {
  officer = await signedIn('prefecture_officer');
  admin = await signedIn('admin');
});

after(async () => {
  await closeChecked(officer);
  await closeChecked(admin);
});

test('the officer reads the services list, a service with its form, the queue and the feedback', async () => {
  const { page } = officer;
  await page.goto('/directory/services');
  const rows = page.locator('[data-testid=directory-row]');
  await rows.first().waitFor();
  assert.ok((await rows.count()) >= 2);
  assert.match(await page.locator('[data-testid=directory-csv]').getAttribute('href'), /format=csv/);
  await assertAccessible(page, 'directory services');
  await at360(page, 'directory-services-360');
  await page.goto(`/directory/services/${LEGAL}`);
  await page.locator('[data-testid=directory-form]').waitFor();
  assert.match(await page.locator('#dir-name').inputValue(), /Sportello legale/);
  assert.equal(await page.locator('#dir-direct').count(), 1, 'a moderator may apply at once');
  await assertAccessible(page, 'directory service');
  await at360(page, 'directory-service-360');
  await page.goto('/directory/moderation');
  await page.locator('[data-testid=directory-pending-changes]').waitFor();
  await assertAccessible(page, 'directory moderation');
  await page.goto('/directory/feedback');
  await page.locator('#main-heading').waitFor();
  await assertAccessible(page, 'directory feedback');
});

test('the admin opens the HSDS upload page', async () => {
  const { page } = admin;
  await page.goto('/directory/import');
  await page.locator('#hsds-file').waitFor();
  assert.equal(await page.locator('[data-testid=hsds-upload]').isDisabled(), true, 'nothing to send before a file is chosen');
  await page.locator('#hsds-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[{"id":"x","name":"a","status":"forse"}]') });
  await page.locator('[data-testid=hsds-upload]').click();
  const rejections = page.locator('[data-testid=hsds-rejections] tbody tr');
  await rejections.first().waitFor();
  assert.match(await rejections.first().textContent(), /bad\.json:1/);
  await assertAccessible(page, 'directory import');
});
