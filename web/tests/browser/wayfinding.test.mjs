// Pages that say what is (issue 9, point 13): centres show and are filtered by the municipality's
// name, coordinates are rounded for people, the menu names the occupancy page as what it is, the
// daily register is one click from the top of the centre page, and the login page shows one
// message at a time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiCall,
  assertAccessible,
  checkBothLanguages,
  closeChecked,
  createCentre,
  demoEmail,
  login,
  logout,
  overflowing,
  screenshot,
  settled,
  signedIn,
  tr,
  uniqueSuffix,
} from './helpers.mjs';

let browser;
let page;
let centre;
const suffix = uniqueSuffix();

before(async () => {
  ({ browser, page } = await signedIn('prefecture_officer'));
  const orgs = await apiCall(page, 'GET', '/organizations?type=centre_operator&per_page=100');
  centre = await createCentre(page, `CAS Orientamento ${suffix}`, orgs.body.items[0].id, { single_men: 10 });
  const r = await apiCall(page, 'PATCH', `/centres/${centre.id}`, { latitude: 38.115739999999995, longitude: 13.328339999999999 });
  assert.equal(r.status, 200, JSON.stringify(r.body));
});

after(() => closeChecked({ browser, page }));

test('centres: the municipality by name, in the list and in the filter', async () => {
  await page.goto(`/centres?q=${encodeURIComponent(centre.name)}`);
  const row = page.locator(`[data-testid=centre-table] tr:has(a[data-centre="${centre.id}"])`);
  await row.waitFor();
  await page.waitForFunction((id) => {
    const tr = document.querySelector(`[data-testid=centre-table] a[data-centre="${id}"]`)?.closest('tr');
    return tr && tr.cells[2].textContent.trim() === 'Palermo';
  }, centre.id);

  // Chosen by name from the list the field offers; the address keeps the code the API filters on.
  assert.ok((await page.locator('#municipality-names option').evaluateAll((os) => os.map((o) => o.value))).includes('Palermo'));
  // All 82 towns of the province, not only those with a municipality organisation (Corleone has none in the demo).
  assert.ok((await page.locator('#municipality-names option').evaluateAll((os) => os.map((o) => o.value))).includes('Corleone'));
  assert.equal(await page.locator('#centre-istat').getAttribute('list'), 'municipality-names');
  await page.locator('#centre-istat').fill('palermo');
  await page.locator('#centre-istat').press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('istat_code') === '082053');
  await row.waitFor();
  assert.equal(await page.locator('#centre-istat').inputValue(), 'Palermo');

  // A name that is not a municipality is refused in words, and the list is left as it was.
  await page.locator('#centre-istat').fill('Atlantide');
  await page.locator('#centre-istat').press('Enter');
  await page.locator('#centre-istat-error').waitFor();
  assert.match(await page.locator('#centre-istat-error').textContent(), new RegExp(tr('it', 'centres.municipalityUnknown')));
  assert.equal(new URL(page.url()).searchParams.get('istat_code'), '082053');
  await assertAccessible(page, 'centres filter with an unknown municipality');

  // The new-centre form takes the code, and offers the municipalities by name as it is typed.
  await page.goto('/centres?new=1');
  await page.locator('#istat_code').waitFor();
  assert.equal(await page.locator('#istat_code').getAttribute('list'), 'istat-codes');
  await page.locator('#istat-codes option[value="082053"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#istat-codes option[value="082053"]').getAttribute('label'), 'Palermo');
});

test('centre page: municipality name, rounded coordinates, the register from the top', async () => {
  await page.goto(`/centres/${centre.id}`);
  await page.locator('[data-testid=centre-page]').waitFor();
  await settled(page);
  const coordinates = page.locator('[data-testid=centre-coordinates]');
  assert.equal((await coordinates.textContent()).trim(), '38,11574; 13,32834');
  assert.ok((await page.locator('#details-heading + dl').textContent()).includes('Palermo'));

  // The menu names the occupancy page as what it is.
  assert.equal((await page.locator('[data-testid=main-nav] [data-nav="/occupancy"]').textContent()).trim(), tr('it', 'nav.occupancy'));
  assert.equal(tr('it', 'nav.occupancy'), 'Occupazione');

  // Today's register, from a button beside the centre's name.
  const link = page.locator('[data-testid=centre-register-today]');
  assert.ok((await link.boundingBox()).y < 400, 'at the top of the page');
  await checkBothLanguages(page, 'centre-top', () => page.locator('[data-testid=centre-register-today]').waitFor());
  await page.setViewportSize({ width: 360, height: 780 });
  try {
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.ok((await link.boundingBox()).y < 500, 'at the top of the page on a phone too');
    assert.deepEqual(await overflowing(page, 360), [], 'no sideways scrolling at 360 px');
    await screenshot(page, 'centre-top-360-it', { fullPage: false });
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await link.click();
  await page.locator('[data-testid=register-day]').waitFor();
  const day = await page.locator('[data-testid=register-day]').getAttribute('data-day');
  const overview = await apiCall(page, 'GET', `/centres/${centre.id}/register`);
  assert.equal(day, overview.body.to, "today's register");
});

test('360 px: a wide table scrolls inside its region, and its screen-reader text stays there too', async () => {
  // The demo centre with the most guests: its guest table is wider than a phone.
  const centres = await apiCall(page, 'GET', '/centres?per_page=100');
  let best = null;
  for (const c of centres.body.items) {
    const g = await apiCall(page, 'GET', `/centres/${c.id}/guests`);
    if (g.status === 200 && (!best || g.body.items.length > best.n)) best = { id: c.id, n: g.body.items.length };
  }
  await page.setViewportSize({ width: 360, height: 780 });
  try {
    await page.goto(`/centres/${best.id}`);
    await page.locator('[data-testid=guest-table] tbody tr').first().waitFor();
    await settled(page);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      table: document.querySelector('[data-testid=guest-table]').scrollWidth,
    }));
    // Before, the visually-hidden guest names in the buttons escaped the region: 646 px.
    assert.ok(widths.table > 360, `the table is wider than the screen: ${JSON.stringify(widths)}`);
    assert.ok(widths.page <= 360, `the page is not: ${JSON.stringify(widths)}`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('login: an error replaces the signed-out notice', async () => {
  const other = await signedIn('inspector');
  try {
    const p = other.page;
    await logout(p);
    const notice = p.getByText(tr('it', 'login.loggedOut'));
    await notice.waitFor();
    await p.locator('#email').fill(demoEmail('inspector'));
    await p.locator('#password').fill('not-the-password');
    await p.locator('[data-testid=login-submit]').click();
    await p.locator('[data-testid=form-error]').filter({ hasText: tr('it', 'errors.invalid_credentials') }).waitFor();
    assert.equal(await notice.count(), 0, 'only the message that matters');
    await assertAccessible(p, 'login with an error after signing out');
    await screenshot(p, 'login-error-after-logout-it', { fullPage: false });
    await login(p, demoEmail('inspector'), undefined, { open: false });
  } finally {
    await closeChecked(other);
  }
});
