// Editing a centre (details, places, status) and choosing a contract's manager: the Prefettura's
// flows, refusals shown by their field, what a case worker does not get, axe in Italian and Arabic.
// Every centre here is made by this file, so other test files never see it change.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiGet,
  assertAccessible,
  checkBothLanguages,
  closeChecked,
  createCentre,
  headingText,
  settled,
  signedIn,
  tr,
  uniqueSuffix,
  withSignedIn,
} from './helpers.mjs';

let browser;
let page;
let officer; // the signed-in prefecture officer (from /auth/me)
let operatorId; // the demo case worker's organisation: it runs the centres made here
const suffix = uniqueSuffix();

before(async () => {
  ({ browser, page } = await signedIn('prefecture_officer'));
  officer = (await apiGet(page, '/auth/me')).body.user;
  const orgs = await apiGet(page, `/organizations?q=${encodeURIComponent('Approdo')}&per_page=100`);
  operatorId = orgs.body.items.find((o) => o.name === 'Cooperativa Sociale Approdo (demo)')?.id;
  assert.ok(operatorId, 'the case worker organisation of the demo data exists');
});

after(() => closeChecked({ browser, page }));

const heading = () => headingText(page);

const newCentre = (name) => createCentre(page, name, operatorId, { single_men: 5, families: 2 });

async function openEdit(centre) {
  await page.goto(`/centres/${centre.id}`);
  await page.locator('[data-testid=centre-page]').waitFor();
  await page.locator('[data-testid=centre-edit]').click();
  await page.locator('[data-testid=centre-form]').waitFor();
  await page.locator(`#operator_id option[value="${operatorId}"]`).waitFor({ state: 'attached' });
}

/** Saves and expects the form to stay, with the summary focused and `field`'s error shown. */
async function refused(field, messageKey) {
  await page.locator('[data-testid=centre-save]').click();
  await page.locator(`#${field}-error`).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'form-error');
  assert.equal((await page.locator(`#${field}-error`).textContent()).trim(), tr('it', messageKey));
  assert.equal(await page.locator(`#${field}`).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('[data-testid=form-error]').textContent(), new RegExp(tr('it', messageKey).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.match(new URL(page.url()).pathname, /\/edit$/);
}

test('editing a centre: the form starts from its data; refusals show by the field and change nothing; a change shows on the centre page', async () => {
  const centre = await newCentre(`CAS Modifica ${suffix}`);
  const other = await newCentre(`CAS Omonimo ${suffix}`);
  await openEdit(centre);
  assert.equal(await heading(), tr('it', 'centreEdit.title', { name: centre.name }));
  assert.equal(await page.locator('#name').inputValue(), centre.name);
  assert.equal(await page.locator('#places_single_men').inputValue(), '5');
  assert.equal(await page.locator('#places_families').inputValue(), '2');
  assert.equal(await page.locator('#status').inputValue(), 'active');
  assert.equal(await page.locator('#operator_id').inputValue(), String(operatorId));
  await checkBothLanguages(page, 'centre-edit');

  // No places at all, then a negative number: refused in the browser.
  for (const c of ['single_men', 'single_women', 'families', 'minors']) await page.locator(`#places_${c}`).fill('0');
  await refused('places_single_men', 'fieldErrors.no_places');
  await assertAccessible(page, 'centre edit form with errors');
  await page.locator('#places_single_men').fill('4');
  await page.locator('#places_families').fill('-3');
  await refused('places_families', 'fieldErrors.whole_number');
  // A temporary structure for minors (decision 0027): minors' places only, at most 50.
  await page.locator('#places_families').fill('2');
  await page.locator('#structure').selectOption('temporary_minors');
  await refused('places_single_men', 'fieldErrors.temporary_structure_minors_only');
  await page.locator('#structure').selectOption('ordinary');
  // Another centre's name: refused by the server, named by its field.
  await page.locator('#name').fill(other.name);
  await refused('name', 'fieldErrors.taken');
  const unchanged = (await apiGet(page, `/centres/${centre.id}`)).body;
  assert.equal(unchanged.name, centre.name);
  assert.deepEqual(unchanged.places, centre.places);

  const renamed = `CAS Modificato ${suffix}`;
  await page.locator('#name').fill(renamed);
  await page.locator('#places_single_men').fill('8');
  await page.locator('#places_families').fill('4');
  await page.locator('[data-testid=centre-save]').click();
  await page.waitForFunction((id) => location.pathname === `/centres/${id}`, centre.id);
  await page.locator('[data-testid=centre-page]').waitFor();
  assert.equal(await heading(), renamed);
  assert.match(await page.locator('main .alert-success').textContent(), new RegExp(tr('it', 'centreEdit.saved', { name: renamed })));
  const details = await page.locator('#details-heading + dl').textContent();
  assert.match(details, new RegExp(`${tr('it', 'categories.single_men')}: 8`));
  assert.match(details, new RegExp(`${tr('it', 'centres.placesTotal')}: 12`));
  const saved = (await apiGet(page, `/centres/${centre.id}`)).body;
  assert.deepEqual(saved.places, { single_men: 8, single_women: 0, families: 4, minors: 0, total: 12 });
  assert.equal(saved.status, 'active');
  assert.equal(saved.structure, 'ordinary');
  assert.match(details, new RegExp(tr('it', 'centreStructures.ordinary')));
});

test('suspending a centre is an explicit choice, explained before saving, and shows on the centre page', async () => {
  const centre = await newCentre(`CAS Sospensione ${suffix}`);
  await openEdit(centre);
  assert.equal((await page.locator('#status-hint').textContent()).trim(), tr('it', 'centres.statusHint'));
  assert.equal(await page.locator('[data-testid=status-warning] .alert').count(), 0);
  await page.locator('#status').selectOption('suspended');
  await page.locator('[data-testid=status-warning] .alert').waitFor();
  assert.equal((await page.locator('[data-testid=status-warning]').textContent()).trim(), tr('it', 'centreEdit.suspendedWarning'));
  await checkBothLanguages(page, 'centre-edit-suspending');
  await page.locator('[data-testid=centre-save]').click();
  await page.waitForFunction((id) => location.pathname === `/centres/${id}`, centre.id);
  await page.locator('[data-testid=centre-page]').waitFor();
  assert.equal((await page.locator('[data-testid=centre-page] h1 + .badge').textContent()).trim(), tr('it', 'centreStatuses.suspended'));
  assert.equal((await apiGet(page, `/centres/${centre.id}`)).body.status, 'suspended');
  // Back to active: nothing to warn about.
  await page.locator('[data-testid=centre-edit]').click();
  await page.locator('[data-testid=centre-form]').waitFor();
  await page.locator('#status').selectOption('active');
  assert.equal(await page.locator('[data-testid=status-warning] .alert').count(), 0, 'reactivating needs no warning');
  await page.locator('[data-testid=centre-save]').click();
  await page.locator('[data-testid=centre-page]').waitFor();
  assert.equal((await apiGet(page, `/centres/${centre.id}`)).body.status, 'active');
});

let managedCentre; // has a contract managed by the officer

test('contract manager: chosen among the Prefettura officers and named in the contract list', async () => {
  managedCentre = await newCentre(`CAS Convenzione ${suffix}`);
  await page.goto(`/centres/${managedCentre.id}`);
  await page.locator('[data-testid=centre-page]').waitFor();
  await settled(page);
  await page.locator('[data-testid=contract-open]').click();
  await page.locator('[data-testid=contract-form]').waitFor();
  await page.locator(`#manager_user_id option[value="${officer.id}"]`).waitFor({ state: 'attached' });
  // Only prefecture officers of a prefecture are offered.
  const offered = await page.locator('#manager_user_id option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  const eligible = (await apiGet(page, '/users?role=prefecture_officer&per_page=100')).body.items
    .filter((u) => u.active && u.organization.type === 'prefecture')
    .map((u) => String(u.id));
  assert.deepEqual([...offered].sort(), [...eligible].sort());
  assert.equal(await page.locator('#manager_user_id').inputValue(), '', 'no manager unless chosen');

  await page.locator('#cig').fill(`M${suffix}`.slice(0, 10).padEnd(10, '0').toUpperCase());
  await page.locator('#places').fill('5');
  await page.locator('#start_date').fill('2026-01-01');
  await page.locator('#end_date').fill('2026-12-31');
  await page.locator('#price_cents').fill('30');
  await page.locator('#manager_user_id').selectOption(String(officer.id));
  await assertAccessible(page, 'contract form with a manager');
  await page.locator('[data-testid=contract-save]').click();
  await page.locator('[data-testid=contract-table] tbody tr').first().waitFor();
  const row = page.locator('[data-testid=contract-table] tbody tr').first();
  assert.equal((await row.locator('td').last().textContent()).trim(), officer.display_name);
  const contracts = (await apiGet(page, `/centres/${managedCentre.id}/contracts`)).body.items;
  assert.equal(contracts[0].manager_user_id, officer.id);
  await checkBothLanguages(page, 'centre-contract-manager', () => page.locator('[data-testid=contract-table]').waitFor());

  // The renewal under the same tender lot, chosen from the list (no CIG to type), at 5% VAT.
  await page.locator('[data-testid=contract-open]').click();
  await page.locator('[data-testid=contract-form]').waitFor();
  await page.locator(`#lot_id option[value="${contracts[0].lot_id}"]`).waitFor({ state: 'attached' });
  await page.locator('#lot_id').selectOption(String(contracts[0].lot_id));
  assert.equal(await page.locator('#cig').count(), 0, 'the lot gives the CIG');
  await page.locator('#places').fill('5');
  await page.locator('#start_date').fill('2027-01-01');
  await page.locator('#end_date').fill('2027-12-31');
  await page.locator('#price_cents').fill('31');
  await page.locator('#vat_rate_percent').selectOption('5');
  await page.locator('[data-testid=contract-save]').click();
  await page.locator('[data-testid=contract-table] tbody tr').nth(1).waitFor();
  const renewed = (await apiGet(page, `/centres/${managedCentre.id}/contracts`)).body.items;
  assert.equal(renewed[0].lot_id, contracts[0].lot_id);
  assert.equal(renewed[0].cig, contracts[0].cig);
  assert.equal(renewed[0].vat_rate_percent, 5);
});

test('case worker: no Edit action and no edit page; reads the contract manager by name', async () => {
  assert.ok(managedCentre, 'the contract test ran first');
  await withSignedIn('case_worker', async (p) => {
    await p.goto(`/centres/${managedCentre.id}`);
    await p.locator('[data-testid=centre-page]').waitFor();
    await p.locator('[data-testid=contract-table] tbody tr').first().waitFor();
    assert.equal(await p.locator('[data-testid=centre-edit]').count(), 0);
    assert.equal((await p.locator('[data-testid=contract-table] tbody tr td').last().textContent()).trim(), officer.display_name);
    await p.goto(`/centres/${managedCentre.id}/edit`);
    await p.locator('#main-heading').waitFor();
    assert.equal((await p.locator('#main-heading').textContent()).trim(), tr('it', 'forbidden.title'));
    assert.equal(await p.locator('[data-testid=centre-form]').count(), 0);
  });
});
