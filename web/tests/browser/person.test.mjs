// The person page: identity, family and placement history, reached from the persons list; the
// officer's edit form and family-group picker; the case worker's read-only view, within its scope.
// Every person changed here is made here, so that other test files can rely on the demo persons.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import {
  apiCall,
  apiCreate,
  assertAccessible,
  checkBothLanguages,
  closeChecked,
  createCentre,
  createPerson,
  headingText,
  settled,
  signedIn,
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

const heading = (p = page) => headingText(p);

async function organizationId(name) {
  const r = await apiCall(page, 'GET', `/organizations?q=${encodeURIComponent(name)}&per_page=100`);
  const org = r.body.items.find((o) => o.name === name);
  assert.ok(org, `organisation ${name}`);
  return org.id;
}

const newCentre = (name, operatorId) => createCentre(page, name, operatorId, { single_men: 5, single_women: 5 });
const newPerson = (family_name, given_names, extra = {}) => createPerson(page, family_name, given_names, { nationality: 'SD', ...extra });

async function openPerson(p, person) {
  await p.goto(`/persons/${person.id}`);
  await p.locator('[data-testid=person-page]').waitFor();
  await settled(p);
}

/** The names listed as the person's family on the page shown. */
const familyNames = async () => (await page.locator('[data-testid=family-members]').textContent()).trim();

test('from the persons list to a person with a placement history; axe in Italian and Arabic', async () => {
  const operator = await organizationId('Cooperativa Sociale Approdo (demo)');
  const first = await newCentre(`CAS Primo ${suffix}`, operator);
  const second = await newCentre(`CAS Secondo ${suffix}`, operator);
  const family = `Idris${suffix}`;
  const person = await newPerson(family, 'Omar', {
    family_name_original: 'إدريس',
    given_names_original: 'عمر',
    languages: ['ar', 'en'],
    birth_date: '1999-01-01',
    birth_date_estimated: true,
  });
  await apiCreate(page, '/placements', {
    person_ids: [person.id],
    centre_id: first.id,
    category: 'single_men',
    date: daysAgo(20),
    arrival_from: 'landing',
  });
  await apiCreate(page, '/placements/transfers', { person_ids: [person.id], to_centre_id: second.id, date: daysAgo(5) });

  await page.goto(`/persons?q=${encodeURIComponent(family)}`);
  await page.locator(`[data-testid=person-table] a[href="/persons/${person.id}"]`).click();
  await page.locator('[data-testid=person-page]').waitFor();
  await settled(page);
  assert.equal(await heading(), `${family} Omar`);

  // The original-script name is isolated and marked with the language the person speaks.
  const original = page.locator('[data-testid=person-identity] [data-testid=original-name]');
  assert.equal(await original.textContent(), 'إدريس عمر');
  assert.equal(await original.getAttribute('dir'), 'auto');
  assert.equal(await original.getAttribute('lang'), 'ar');
  assert.match(await page.locator('[data-testid=person-birth-date]').textContent(), new RegExp(tr('it', 'persons.estimated')));
  assert.equal(await page.locator('[data-testid=person-nationality]').textContent(), 'Sudan');
  assert.equal(await page.locator('[data-testid=person-languages]').textContent(), 'arabo, inglese');

  // Now in the second centre; the history lists both stays, newest first, in words.
  assert.match(await page.locator('[data-testid=current-placement]').textContent(), new RegExp(second.name));
  const rows = page.locator('[data-testid=placement-history] tbody tr');
  assert.equal(await rows.count(), 2);
  const cells = async (i) => (await rows.nth(i).locator('td').allTextContents()).map((s) => s.trim());
  const [now, before] = [await cells(0), await cells(1)];
  assert.equal(now[0], second.name);
  assert.equal(now[2], tr('it', 'person.ongoing'));
  assert.equal(now[3], tr('it', 'arrivalOrigins.transfer'));
  assert.equal(before[0], first.name);
  assert.equal(before[3], tr('it', 'arrivalOrigins.landing'));
  assert.equal(before[4], tr('it', 'person.transferredOut'));

  await checkBothLanguages(page, 'person-page', async () => {
    await page.locator('[data-testid=placement-history] tbody tr').first().waitFor();
  });

  // The centre links lead to the centre's page.
  await rows.nth(1).locator('a').click();
  await page.locator('[data-testid=centre-page]').waitFor();
  assert.equal(await heading(), first.name);
});

test('the prefecture officer corrects a person and sees the change', async () => {
  const person = await newPerson(`Haile${suffix}`, 'Yonas', { nationality: 'ER' });
  await openPerson(page, person);
  await page.locator('[data-testid=person-edit]').click();
  await page.locator('[data-testid=person-form]').waitFor();
  assert.equal(await heading(), tr('it', 'person.editTitle', { name: `Haile${suffix} Yonas` }));
  assert.equal(await page.locator('#given_names').inputValue(), 'Yonas', 'the form starts from the stored values');
  assert.equal(await page.locator('#nationality').inputValue(), 'ER');

  // A required field emptied is refused in the form.
  await page.locator('#family_name').fill('');
  await page.locator('[data-testid=person-save]').click();
  await page.locator('#family_name-error').waitFor();
  await assertAccessible(page, 'person edit form with errors');

  await page.locator('#family_name').fill(`Haile${suffix}`);
  await page.locator('#given_names').fill('Yonas Tesfay');
  await page.locator('#given_names_original').fill('ዮናስ');
  await page.locator('#languages').fill('ti, en');
  await page.locator('[data-testid=person-save]').click();
  await page.waitForFunction((id) => location.pathname === `/persons/${id}` && !location.search, person.id);
  await page.locator('[data-testid=person-page]').waitFor();
  await page.getByText(tr('it', 'person.updated', { name: `Haile${suffix} Yonas Tesfay` })).waitFor();
  assert.equal(await heading(), `Haile${suffix} Yonas Tesfay`);
  assert.equal(await page.locator('[data-testid=original-name]').getAttribute('lang'), 'ti');

  const stored = (await apiCall(page, 'GET', `/persons/${person.id}`)).body;
  assert.equal(stored.given_names, 'Yonas Tesfay');
  assert.deepEqual(stored.languages, ['ti', 'en']);
  assert.equal(stored.nationality, 'ER', 'what was not changed stays');
});

test('putting a person into another person\'s family: both pages list each other; leaving it', async () => {
  const head = await newPerson(`Diallo${suffix}`, 'Mamadou', { nationality: 'GN' });
  const joining = await newPerson(`Barry${suffix}`, 'Fatoumata', { nationality: 'GN', sex: 'female' });

  await openPerson(page, joining);
  assert.equal(await familyNames(), tr('it', 'person.familyNoneNow'));
  await page.locator('[data-testid=person-edit]').click();
  await page.locator('[data-testid=person-form]').waitFor();
  await page.locator('label[for=family-join]').click();

  // Joining needs a person chosen.
  await page.locator('[data-testid=person-save]').click();
  await page.locator('#family_with-error').waitFor();

  await page.locator('#family_with').fill(`Diallo${suffix}`);
  await page.locator('#family_with').press('Enter');
  await page.locator(`[data-family-pick="${head.id}"]`).click();
  await page.locator('[data-testid=family-chosen]').waitFor();
  await checkBothLanguages(page, 'person-family-picker');
  await page.locator('[data-testid=person-save]').click();
  await page.locator('[data-testid=person-page]').waitFor();
  await page.locator(`[data-testid=family-members] a[href="/persons/${head.id}"]`).waitFor();

  // The other page lists her back; both are in one new group.
  await page.locator(`[data-testid=family-members] a[href="/persons/${head.id}"]`).click();
  await page.waitForFunction((id) => location.pathname === `/persons/${id}`, head.id);
  await page.locator(`[data-testid=family-members] a[href="/persons/${joining.id}"]`).waitFor();
  const [a, b] = await Promise.all([head, joining].map(async (p) => (await apiCall(page, 'GET', `/persons/${p.id}`)).body));
  assert.ok(a.family_group_id);
  assert.equal(a.family_group_id, b.family_group_id);

  // A third person joins the same group through a member of it.
  const third = await newPerson(`Diallo${suffix}`, 'Aissatou', { nationality: 'GN', sex: 'female' });
  await page.goto(`/persons?new=1`);
  await page.locator('[data-testid=person-form]').waitFor();
  assert.equal(await page.locator('#family-keep').isChecked(), true, 'a new person has no family unless chosen');
  await openPerson(page, third);
  await page.locator('[data-testid=person-edit]').click();
  await page.locator('label[for=family-join]').click();
  await page.locator('#family_with').fill(`Barry${suffix}`);
  await page.locator('[data-testid=person-search]').click();
  await page.locator(`[data-family-pick="${joining.id}"]`).click();
  await page.locator('[data-testid=person-save]').click();
  await page.locator(`[data-testid=family-members] a[href="/persons/${head.id}"]`).waitFor();
  assert.equal((await apiCall(page, 'GET', `/persons/${third.id}`)).body.family_group_id, a.family_group_id);

  // Leaving the family.
  await openPerson(page, joining);
  await page.locator('[data-testid=person-edit]').click();
  await page.locator('[data-testid=person-form]').waitFor();
  assert.match(await page.locator('#family-current').textContent(), new RegExp(`Diallo${suffix} Mamadou`));
  await page.locator('label[for=family-leave]').click();
  await page.locator('[data-testid=person-save]').click();
  await page.locator('[data-testid=person-page]').waitFor();
  await page.waitForFunction((text) => document.querySelector('[data-testid=family-members]')?.textContent.trim() === text, tr('it', 'person.familyNoneNow'));
  assert.equal((await apiCall(page, 'GET', `/persons/${joining.id}`)).body.family_group_id, null);
});

test('the case worker reads a person its centres host, without edit action; others are not found', async () => {
  const operator = await organizationId('Cooperativa Sociale Approdo (demo)');
  const centre = await newCentre(`CAS Approdo ${suffix}`, operator);
  const hosted = await newPerson(`Kone${suffix}`, 'Adama', { nationality: 'CI' });
  const elsewhere = await newPerson(`Kone${suffix}`, 'Issa', { nationality: 'CI' });
  await apiCreate(page, '/placements', {
    person_ids: [hosted.id],
    centre_id: centre.id,
    category: 'single_men',
    date: daysAgo(3),
    arrival_from: 'direct',
  });

  await withSignedIn('case_worker', async (p) => {
    await openPerson(p, hosted);
    assert.equal(await heading(p), `Kone${suffix} Adama`);
    assert.equal(await p.locator('[data-testid=person-edit]').count(), 0, 'no edit action');
    assert.match(await p.locator('[data-testid=current-placement]').textContent(), new RegExp(centre.name));
    await p.getByText(tr('it', 'person.historyScope')).waitFor();

    // Asking for the form by its address shows the page, not the form.
    await p.goto(`/persons/${hosted.id}?edit=1`);
    await p.locator('[data-testid=person-page]').waitFor();
    assert.equal(await p.locator('[data-testid=person-form]').count(), 0);

    await p.goto(`/persons/${elsewhere.id}`);
    await p.waitForFunction((text) => document.getElementById('main-heading')?.textContent.trim() === text, tr('it', 'notFound.title'));
    assert.equal(await p.locator('[data-testid=person-page]').count(), 0);
    await assertAccessible(p, 'person not found (case worker)');
  });
});
