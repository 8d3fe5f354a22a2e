// Reception pages: centres (list, creation form, centre page with the occupancy chart), placing a
// guest and transferring him, the occupancy overview — flows, axe in Italian and Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import {
  apiCall as apiCallIn,
  assertAccessible,
  checkBothLanguages,
  checkConfirmDialog,
  closeChecked,
  createCentre,
  createPerson,
  headingText,
  openFromNav,
  screenshot,
  settled,
  signedIn,
  switchLanguage,
  tr,
  uniqueSuffix,
  withSignedIn,
} from './helpers.mjs';

let browser;
let page;
const suffix = uniqueSuffix();

before(async () => {
  ({ browser, page } = await signedIn('prefecture_officer'));
});

after(() => closeChecked({ browser, page }));

const heading = () => headingText(page);

const apiCall = (method, path, body) => apiCallIn(page, method, path, body);

async function operatorId() {
  const r = await apiCall('GET', '/organizations?per_page=100');
  const op = r.body.items.find((o) => o.type === 'centre_operator') ?? r.body.items[0];
  return op.id;
}

const newCentre = async (name, places) => createCentre(page, name, await operatorId(), { single_men: places });
const newPerson = (family_name, given_names) => createPerson(page, family_name, given_names);

/** The chart is drawn: the canvas exists, is sized and has a name for screen readers. */
async function chartDrawn() {
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid=occupancy-chart] canvas');
    return c && c.width > 0 && c.height > 0 && (c.getAttribute('aria-label') ?? '').length > 10 && c.hasAttribute('style');
  });
}

test('centres: list, filters and creating a centre through the form', async () => {
  await page.goto('/home');
  await page.locator('[data-testid=home]').waitFor();
  await openFromNav(page, '/centres');
  assert.equal(await heading(), tr('it', 'centres.title'));
  await checkBothLanguages(page, 'centres-list');

  await page.locator('[data-testid=centre-new]').click();
  await page.locator('[data-testid=centre-form]').waitFor();
  assert.equal(await heading(), tr('it', 'centres.new'));

  // Empty form: errors are summarised and focused.
  await page.locator('[data-testid=centre-save]').click();
  await page.locator('[data-testid=form-error]').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'form-error');
  assert.ok(await page.locator('#istat_code-error').isVisible());
  await assertAccessible(page, 'centre form with errors');

  const name = `CAS Test ${suffix}`;
  await page.locator('#name').fill(name);
  await page.locator('#type').selectOption('cas');
  await page.locator('#operator_id option:nth-child(2)').waitFor({ state: 'attached' });
  await page.locator('#operator_id').selectOption({ index: 1 });
  await page.locator('#address').fill('Via Maqueda 100, Palermo');
  await page.locator('#istat_code').fill('082053');
  await page.locator('#places_single_men').fill('20');
  await page.locator('#places_families').fill('12');
  await page.locator('label[for=service-cultural_mediation]').click();
  await page.locator('label[for=service-italian_courses]').click();
  await page.locator('label[for=step_free_access]').click();
  await page.locator('#latitude').fill('38.1157');
  await page.locator('#longitude').fill('13.3615');
  await page.locator('#contact_email').fill('cas@example.org');
  await page.locator('[data-testid=centre-save]').click();

  await page.locator('[data-testid=centre-page]').waitFor();
  assert.equal(await heading(), name);
  assert.match(page.url(), /\/centres\/\d+$/);
  await page.getByText(tr('it', 'centres.saved', { name })).waitFor();
  const details = await page.locator('#details-heading + dl').textContent();
  assert.ok(details.includes(tr('it', 'centreServices.italian_courses')));
  assert.ok(details.includes('32'), 'total places shown');

  // The list finds it by name and by filters.
  await page.goto(`/centres?q=${encodeURIComponent(name)}&type=cas&istat_code=082053`);
  await page.locator(`[data-testid=centre-table] a:has-text("${name}")`).waitFor();
  assert.equal(await page.locator('[data-testid=centre-table] tbody tr').count(), 1);
});

test('centre page: occupancy chart and contracts, axe clean in Italian and Arabic', async () => {
  const centre = await newCentre(`CAS Grafico ${suffix}`, 5);
  await page.goto(`/centres/${centre.id}`);
  await page.locator('[data-testid=centre-page]').waitFor();
  await chartDrawn();

  // A contract entered in euro is stored in cents and shown in euro.
  await page.locator('[data-testid=contract-open]').click();
  await page.locator('#cig').fill(`Z${suffix}`.slice(0, 10).padEnd(10, '0').toUpperCase());
  await page.locator('#places').fill('5');
  await page.locator('#start_date').fill('2026-01-01');
  await page.locator('#end_date').fill('2027-12-31');
  await page.locator('#price_cents').fill('35,50');
  await page.locator('[data-testid=contract-save]').click();
  await page.locator('[data-testid=contract-table] tbody tr').first().waitFor();
  const contracts = await apiCall('GET', `/centres/${centre.id}/contracts`);
  assert.equal(contracts.body.items[0].price_cents, 3550);
  assert.equal(contracts.body.items[0].pocket_money_cents, 250);
  assert.match(await page.locator('[data-testid=contract-table] tbody').textContent(), /35,50/);

  await checkBothLanguages(page, 'centre-page', chartDrawn);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
});

test('placing a guest (with an override when full) and transferring him', async () => {
  const from = await newCentre(`CAS Partenza ${suffix}`, 1);
  const to = await newCentre(`CAS Arrivo ${suffix}`, 3);
  const family = `Traore${suffix}`;
  const person = await newPerson(family, 'Moussa');
  const second = await newPerson(family, 'Ibrahim');

  await page.goto(`/centres/${from.id}`);
  await page.locator('[data-testid=centre-page]').waitFor();
  await settled(page);
  await page.locator('[data-testid=place-open]').click();
  await page.locator('[data-testid=place-form]').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'place-form-heading');

  // Submitting with no one chosen is refused next to the search field.
  await page.locator('[data-testid=place-submit]').click();
  await page.locator('#person_ids-error').waitFor();

  await page.locator('#person_ids').fill(family);
  await page.locator('#person_ids').press('Enter');
  await page.locator(`[data-add-person="${person.id}"]`).click();
  await page.locator('#arrival_from').selectOption('landing');
  await assertAccessible(page, 'place form');
  await page.locator('[data-testid=place-submit]').click();
  await page.locator(`[data-testid=guest-table] tr[data-person="${person.id}"]`).waitFor();
  await page.getByText(tr('it', 'placements.placed', { count: 1, names: `${family} Moussa` })).waitFor();
  assert.match(await page.locator(`tr[data-person="${person.id}"]`).textContent(), /Guinea/);

  // The centre is now full: the server refuses, the form asks for an override reason, then places.
  await page.locator('[data-testid=place-open]').click();
  await page.locator('#person_ids').fill(family);
  await page.locator('[data-testid=person-search]').click();
  await page.locator(`[data-add-person="${second.id}"]`).click();
  await page.locator('[data-testid=place-submit]').click();
  await page.locator('#override_reason').waitFor();
  assert.equal((await page.locator('[data-testid=form-error]').textContent()).trim(), tr('it', 'errors.centre_full'));
  await page.locator('#override_reason').fill('Nucleo da non separare, posto letto aggiunto');
  await page.locator('[data-testid=place-submit]').click();
  await page.locator(`[data-testid=guest-table] tr[data-person="${second.id}"]`).waitFor();

  // Transfer the first guest to the other centre, chosen from the placement desk.
  await page.locator(`tr[data-person="${person.id}"] [data-testid=guest-transfer]`).click();
  await page.locator('[data-testid=transfer-form]').waitFor();
  await page.locator(`#to_centre_id option[value="${to.id}"]`).waitFor({ state: 'attached' });
  assert.equal(await page.locator(`#to_centre_id option[value="${from.id}"]`).count(), 0, 'the current centre is not offered');
  await page.locator('#to_centre_id').selectOption(String(to.id));
  await assertAccessible(page, 'transfer form');
  await switchLanguage(page, 'ar');
  assert.equal(await page.locator('#transfer-form-heading').textContent(), tr('ar', 'placements.transferTitle', { person: `${family} Moussa` }));
  await assertAccessible(page, 'transfer form (ar)');
  await screenshot(page, 'transfer-form-ar');
  await switchLanguage(page, 'it');
  assert.equal(await page.locator('#to_centre_id').inputValue(), String(to.id), 'the choice survives the language switch');
  await page.locator('[data-testid=transfer-submit]').click();
  const transferDialog = page.locator('[data-testid=confirm-dialog]');
  assert.equal((await transferDialog.locator('[data-testid=confirm-ok]').textContent()).trim(), tr('it', 'placements.confirmTransfer.button', { person: `${family} Moussa`, centre: to.name }));
  assert.ok((await transferDialog.textContent()).includes(from.name), 'says from which centre');
  await transferDialog.locator('[data-testid=confirm-ok]').click();
  await page.locator(`tr[data-person="${person.id}"]`).waitFor({ state: 'detached' });
  await page.getByText(tr('it', 'placements.transferred', { count: 1, names: `${family} Moussa`, centre: to.name })).waitFor();

  await page.goto(`/centres/${to.id}`);
  await page.locator(`[data-testid=guest-table] tr[data-person="${person.id}"]`).waitFor();
  await chartDrawn();

  // The second guest leaves.
  await page.goto(`/centres/${from.id}`);
  await page.locator(`tr[data-person="${second.id}"] [data-testid=guest-exit]`).click();
  await page.locator('#reason').selectOption('left_voluntarily');
  // The exit asks first: what will happen, and a button naming the act.
  const guestsBefore = (await apiCall('GET', `/centres/${from.id}/guests`)).body.items.length;
  await checkConfirmDialog(page, 'exit-confirm-dialog', () => page.locator('[data-testid=exit-submit]').click());
  await page.locator('[data-testid=exit-submit]').click();
  const dialog = page.locator('[data-testid=confirm-dialog]');
  const secondName = await page.locator(`tr[data-person="${second.id}"] th`).textContent();
  assert.equal(await dialog.locator('h2').textContent(), tr('it', 'placements.confirmExit.title', { person: secondName.trim() }));
  assert.equal((await dialog.locator('[data-testid=confirm-ok]').textContent()).trim(), tr('it', 'placements.confirmExit.button', { person: secondName.trim() }));
  const said = await dialog.locator('[data-testid=confirm-consequences]').textContent();
  assert.ok(said.includes(from.name), 'names the centre');
  assert.ok(said.includes(tr('it', 'exitReasons.left_voluntarily')), 'names the reason');
  assert.ok(said.includes(tr('it', 'placements.confirmExit.register')), 'says the register stops counting');
  // Cancel: the guest is still there, nothing was sent, the form is still open.
  await dialog.locator('[data-testid=confirm-cancel]').click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'exit-submit');
  assert.equal((await apiCall('GET', `/centres/${from.id}/guests`)).body.items.length, guestsBefore);
  assert.ok(await page.locator(`tr[data-person="${second.id}"]`).isVisible());
  assert.equal(await page.locator('#reason').inputValue(), 'left_voluntarily');
  // Confirm: the exit happens.
  await page.locator('[data-testid=exit-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator(`tr[data-person="${second.id}"]`).waitFor({ state: 'detached' });
  assert.equal((await apiCall('GET', `/centres/${from.id}/guests`)).body.items.length, guestsBefore - 1);
});

// The table pages through the centres, newest last: opens the last page when there are several.
async function lastOccupancyPage() {
  await page.locator('[data-testid=occupancy]').waitFor();
  const last = page.locator('nav.pagination-wrapper li:nth-last-child(2) a.page-link');
  if ((await last.count()) === 0) return;
  const n = (await last.textContent()).replace(/\D/g, '');
  await last.click();
  await page.locator('nav.pagination-wrapper a[aria-current=page]').filter({ hasText: new RegExp(`\\b${n}$`) }).waitFor();
}

test('occupancy overview: totals, table with flags in words', async () => {
  const centre = await newCentre(`CAS Vuoto ${suffix}`, 10);
  await page.goto('/home');
  await page.locator('[data-testid=home]').waitFor();
  await openFromNav(page, '/occupancy');
  assert.equal(await heading(), tr('it', 'occupancy.title'));
  const row = page.locator(`[data-testid=occupancy-table] tr[data-centre="${centre.id}"]`);
  await lastOccupancyPage();
  await row.waitFor();
  // No guests in 10 places: under-used, said in words.
  assert.equal((await row.locator('[data-flag=under_use]').textContent()).trim(), tr('it', 'occupancy.underUse'));
  await page.locator('#occupancy-flag').selectOption('under_use');
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForFunction(() => location.search.includes('flag=under_use'));
  await lastOccupancyPage();
  await row.waitFor();
  await checkBothLanguages(page, 'occupancy', async () => {
    await row.waitFor();
  });
});

test('persons: search and create', async () => {
  await page.goto('/home');
  await page.locator('[data-testid=home]').waitFor();
  await openFromNav(page, '/persons');
  await page.locator('[data-testid=person-new]').click();
  await page.locator('[data-testid=person-form]').waitFor();
  const family = `Rahman${suffix}`;
  await page.locator('#family_name').fill(family);
  await page.locator('#given_names').fill('Abdul');
  await page.locator('#given_names_original').fill('عبد');
  await page.locator('#sex').selectOption('male');
  await page.locator('#nationality').selectOption('BD');
  await page.locator('#languages').fill('bn, en');
  await assertAccessible(page, 'person form');
  await page.locator('[data-testid=person-save]').click();
  // The new person's page, with placing as the next step.
  await page.locator('[data-testid=person-page]').waitFor();
  await page.locator('[data-testid=person-next-step] [data-testid=person-place]').waitFor();
  await assertAccessible(page, 'person page after creation');
  await openFromNav(page, '/persons');
  await page.locator('[data-testid=person-table]').waitFor();
  // Words in any order, case aside.
  await page.locator('#person-q').fill(`abdul ${family.toUpperCase()}`);
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForFunction(() => location.search.includes('q='));
  await page.locator(`[data-testid=person-table] td:has-text("${family}")`).waitFor();
  assert.match(await page.locator('[data-testid=person-table] tbody').textContent(), /Bangladesh/);
  await settled(page);
  await assertAccessible(page, 'persons list');
});

test('analyst: reads centres and occupancy, sees no guests, contracts or actions', async () => {
  const centre = await newCentre(`CAS Analisi ${suffix}`, 4);
  await withSignedIn('analyst', async (p) => {
    await p.goto('/centres');
    await p.locator('[data-testid=centre-table]').waitFor();
    assert.equal(await p.locator('[data-testid=centre-new]').count(), 0);
    await p.goto(`/centres/${centre.id}`);
    await p.locator('[data-testid=centre-page]').waitFor();
    await p.waitForFunction(() => {
      const c = document.querySelector('[data-testid=occupancy-chart] canvas');
      return c && c.width > 0 && c.hasAttribute('style');
    });
    assert.equal(await p.locator('#guests-heading').count(), 0);
    assert.equal(await p.locator('#contracts-heading').count(), 0);
    assert.equal(await p.locator('[data-testid=place-open]').count(), 0);
    await p.goto('/centres?new=1');
    await p.locator('[data-testid=centre-table]').waitFor();
    assert.equal(await p.locator('[data-testid=centre-form]').count(), 0, 'no creation form without centres.manage');
  });
});

test('a family leaves together: the relatives present are offered and ticked', async () => {
  const centre = await newCentre(`CAS Famiglie ${suffix}`, 4);
  const group = await apiCall('POST', '/family-groups', { label: `Famiglia Rahman ${suffix}` });
  assert.equal(group.status, 201);
  const members = [];
  for (const given of ['Karim', 'Amina']) {
    const r = await apiCall('POST', '/persons', {
      family_name: `Rahman${suffix}`,
      given_names: given,
      sex: given === 'Amina' ? 'female' : 'male',
      nationality: 'BD',
      family_group_id: group.body.id,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    members.push(r.body);
  }
  const today = daysAgo(0);
  const placed = await apiCall('POST', '/placements', {
    person_ids: members.map((m) => m.id),
    centre_id: centre.id,
    category: 'single_men',
    date: today,
    arrival_from: 'direct',
  });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));

  await page.goto(`/centres/${centre.id}`);
  await page.locator(`tr[data-person="${members[0].id}"] [data-testid=guest-exit]`).click();
  await page.locator('[data-testid=exit-form]').waitFor();
  assert.ok(await page.locator(`#family-${members[1].id}`).isChecked());
  await page.locator('#reason').selectOption('protection_obtained');
  await assertAccessible(page, 'exit form with family');
  await page.locator('[data-testid=exit-submit]').click();
  // Both leave, and the dialog says so.
  assert.match(await page.locator('[data-testid=confirm-consequences]').textContent(), new RegExp(tr('it', 'placements.confirmExit.freed', { count: 2 })));
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator(`tr[data-person="${members[0].id}"]`).waitFor({ state: 'detached' });
  await page.locator(`tr[data-person="${members[1].id}"]`).waitFor({ state: 'detached' });
});
