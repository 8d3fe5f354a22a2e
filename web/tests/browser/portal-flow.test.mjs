// The public portal at work: the weight of the first load, the map drawn with no other site
// reachable (and loaded only when opened), search and a filter, the two public forms and what
// they say when received or refused (429), no cookie and no storage, and the staff's way in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, closeChecked, demoEmail, DEMO_PASSWORD, screenshot } from './helpers.mjs';
import { directory, launchOffline, pickServices, PORTAL_LANGS, portalSettled, ptr } from './portal-support.mjs';

// Issue 12: the home page's first load, compressed as the server sends it.
const FIRST_LOAD_BUDGET = 150 * 1024;

let browser;
let page;
let services;

before(async () => {
  browser = await launchOffline();
  page = await browser.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  services = await pickServices();
});

after(async () => {
  assert.deepEqual(browser.outside, [], 'requests to other sites');
  await closeChecked({ browser, page });
});

/** Every file the page loaded: [path, bytes on the wire (headers included), encoding]. */
const loaded = (p) =>
  p.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => [
      new URL(e.name).pathname,
      e.transferSize,
      e.encodedBodySize,
    ]),
  );

test('the first load of the home page stays under 150 KB compressed in every language, without the staff app or the map', async () => {
  for (const lang of PORTAL_LANGS) {
    const fresh = await launchOffline(); // an empty cache
    try {
      const p = await fresh.newPage();
      await p.setViewportSize({ width: 360, height: 800 });
      await p.goto(`/${lang}`);
      await portalSettled(p);
      await p.evaluate(() => document.fonts.ready);
      await p.waitForLoadState('networkidle');
      const files = await loaded(p);
      const total = files.reduce((sum, [, bytes]) => sum + bytes, 0);
      console.log(`portal first load (${lang}): ${total} bytes in ${files.length} files\n${files.map((f) => `  ${f[0]} ${f[1]}`).join('\n')}`);
      assert.ok(total < FIRST_LOAD_BUDGET, `${lang}: ${total} bytes, over ${FIRST_LOAD_BUDGET}`);
      const paths = files.map(([path]) => path);
      assert.deepEqual(paths.filter((x) => /\/assets\/main-/.test(x)), [], 'the staff app is not downloaded');
      assert.deepEqual(paths.filter((x) => /ServiceMap|leaflet|\.geojson/.test(x)), [], 'the map is not loaded before it is opened');
      // The server's precompressed copies: the bundle travels compressed.
      const script = await p.evaluate(async () => {
        const src = document.querySelector('script[type=module]').src;
        const r = await fetch(src, { cache: 'no-store' });
        return r.headers.get('content-encoding');
      });
      assert.match(script ?? '', /^(br|gzip)$/);
      assert.deepEqual(await fresh.context.cookies(), [], 'no cookie');
      assert.equal(await p.evaluate(() => localStorage.length + sessionStorage.length), 0, 'nothing stored');
      assert.equal(await p.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, 'no service worker');
      assert.deepEqual(p.jsErrors, []);
    } finally {
      await fresh.close();
    }
  }
});

test('the map draws the 82 municipalities and the services with only this server reachable', async () => {
  await page.goto('/it/services');
  await page.locator('[data-testid=results]').waitFor();
  const before = await loaded(page);
  assert.deepEqual(before.filter(([path]) => /ServiceMap|\.geojson/.test(path)), [], 'no map before it is opened');
  await page.locator('[data-testid=view-map]').click();
  await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path').length >= 82);
  await page.locator('[data-testid=map-summary]').waitFor();
  const outlines = await page.locator('.leaflet-overlay-pane path').count();
  // The dots are the services with a public position among the first 200 results (map/ServiceMap.tsx).
  let placed = 0;
  for (let p = 1; p <= 4; p++) {
    const r = await directory(`/search?per_page=50&page=${p}`);
    placed += r.items.filter((h) => h.latitude !== null && h.longitude !== null).length;
    if (p * 50 >= r.total) break;
  }
  assert.equal(outlines, 82 + placed, '82 outlines and one dot per placed service');
  assert.match(await page.locator('.leaflet-control-attribution').textContent(), /Confini amministrativi: ISTAT \(CC BY\), via openpolis/);
  // No tiles: every image or file the map asked for came from this server.
  assert.deepEqual(browser.outside, []);
  await screenshot(page, 'portal-map-offline-360-it');
});

test('search and a filter find what the API finds', async () => {
  const target = services.open;
  const word = target.name.split(/\s+/).find((w) => w.length >= 5) ?? target.name;
  await page.goto('/it');
  await page.locator('#home-q').fill(word);
  await page.locator('#home-q').press('Enter');
  await page.waitForURL(/\/it\/services\?q=/);
  await page.locator('[data-testid=results]').waitFor();
  const expected = await directory(`/search?q=${encodeURIComponent(word)}&lang=it`);
  assert.equal((await page.locator('[data-testid=result-count]').textContent()).trim(), ptr('it', 'list.found', { count: expected.total }));
  const names = await page.locator('[data-testid=service-card] h3').allTextContents();
  assert.ok(names.map((n) => n.trim()).includes(target.name), `"${target.name}" found by "${word}"`);

  // A filter the service passes, chosen in the form: its first category, else its municipality,
  // else a language spoken there.
  const [field, select, value] = target.categories.length
    ? ['category', '#f-category', target.categories[0]]
    : target.municipality
      ? ['municipality', '#f-municipality', target.municipality.istat_code]
      : ['language', '#f-language', target.languages[0]];
  assert.ok(value, 'the service has a category, a municipality or a language to filter by');
  await page.locator('.portal-more-filters summary').click();
  await page.locator(select).selectOption(value);
  await page.locator('.portal-filter-grid ~ div button[type=submit]').click();
  await page.waitForFunction(([f, v]) => new URL(location.href).searchParams.get(f) === v, [field, value]);
  const filtered = await directory(`/search?q=${encodeURIComponent(word)}&${field}=${value}&lang=it`);
  assert.ok(filtered.items.some((h) => h.id === target.id), 'the service passes its own filter');
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid=result-count]')?.textContent.trim() === text,
    ptr('it', 'list.found', { count: filtered.total }),
  );
  const filteredNames = await page.locator('[data-testid=service-card] h3').allTextContents();
  assert.deepEqual(filteredNames.map((n) => n.trim()), filtered.items.map((h) => h.name));

  // A filter that matches nothing says so.
  await page.goto(`/it/services?q=${encodeURIComponent(word)}&municipality=082001&language=wo&free=true&open_now=true`);
  await page.locator('[data-testid=result-count]').waitFor();
  const none = await directory(`/search?q=${encodeURIComponent(word)}&municipality=082001&language=wo&free=true&open_now=true`);
  assert.equal((await page.locator('[data-testid=result-count]').textContent()).trim(), ptr('it', 'list.found', { count: none.total }));
  assert.equal(await page.locator('#f-free').isChecked(), true, 'the filters shown are those of the address');
  assert.equal(await page.locator('#f-municipality').inputValue(), '082001');
});

test('the feedback form thanks, anonymously; the suggestion form thanks', async () => {
  await page.goto(`/it/services/${encodeURIComponent(services.open.id)}`);
  await page.locator('[data-testid=service-detail]').waitFor();
  // Nothing chosen: the form says what is missing, and sends nothing.
  await page.locator('[data-testid=feedback-submit]').click();
  await page.locator('#helped-error').waitFor();
  await page.locator('#helped-yes').check();
  await page.locator('#quality-4').check();
  assert.equal(await page.locator('#feedback-language').inputValue(), 'it', 'the page\'s language first');
  await page.locator('#feedback-language').selectOption('ar');
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/feedback') && r.method() === 'POST'),
    page.locator('[data-testid=feedback-submit]').click(),
  ]);
  assert.deepEqual(JSON.parse(request.postData()), { helped: true, quality: 4, language: 'ar' });
  assert.equal((await request.allHeaders()).cookie, undefined, 'sent without a cookie');
  const thanks = page.locator('[data-testid=feedback-thanks]');
  await thanks.waitFor();
  assert.equal((await thanks.textContent()).trim(), ptr('it', 'feedback.thanks'));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'feedback-thanks', 'the thanks has the focus');

  await page.locator('#suggest-field').selectOption('phone');
  await page.locator('#suggest-text').fill('Il numero di telefono è cambiato: ora risponde il 091 000 0000.');
  await page.locator('[data-testid=suggest-submit]').click();
  const received = page.locator('[data-testid=suggest-thanks]');
  await received.waitFor();
  assert.equal((await received.textContent()).trim(), ptr('it', 'suggest.thanks'));
  await screenshot(page, 'portal-forms-sent-360-it');
});

test('a refused send (429) says when to try again, beside the button', async () => {
  await page.goto(`/ar/services/${encodeURIComponent(services.open.id)}`);
  await page.locator('[data-testid=service-detail]').waitFor();
  // The server's limit is per client and overall; here its answer is played, not provoked.
  await page.route('**/suggestions', (route) =>
    route.fulfill({ status: 429, headers: { 'Retry-After': '150' }, contentType: 'application/json', body: '{"error":{"code":"too_many_requests"}}' }),
  );
  try {
    await page.locator('#suggest-text').fill('رقم الهاتف تغيّر');
    await page.locator('[data-testid=suggest-submit]').click();
    const refused = page.locator('[data-testid=suggest-refused]');
    await refused.waitFor();
    assert.equal((await refused.textContent()).trim(), ptr('ar', 'errors.tooMany', { count: 3 }));
    assert.equal(await page.locator('#suggest-text').inputValue(), 'رقم الهاتف تغيّر', 'the text is kept to send again');
    await screenshot(page, 'portal-suggest-429-360-ar');
  } finally {
    await page.unroute('**/suggestions');
  }
});

test('"Area riservata operatori" leads to the staff sign-in, and the staff home is /home', async () => {
  await page.goto('/it');
  await page.locator('[data-testid=staff-login]').click();
  await page.locator('#email').waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  await page.locator('#email').fill(demoEmail('case_worker'));
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('[data-testid=login-submit]').click();
  await page.locator('[data-testid=home]').waitFor();
  assert.equal(new URL(page.url()).pathname, '/home');
  // Signed in or not, "/" is the portal.
  await page.goto('/');
  await page.locator('[data-testid=portal-home]').waitFor();
  assert.equal(new URL(page.url()).origin, new URL(BASE_URL).origin);
});
