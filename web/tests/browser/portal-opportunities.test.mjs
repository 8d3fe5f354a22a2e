// The public portal's opportunities (issue 12 point 6; decision 0039): the list and one
// opportunity in each of the six languages at 360 px, axe-clean, nothing wider than the screen, a
// screenshot of each; texts in the page's language or marked as Italian; the filters in the
// address; the empty state; a hidden, expired or unknown id is the missing page; the home page and
// the header lead there; the first load of the list stays within the portal's budget.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, assertAccessible, BASE_URL, closeChecked, overflowing, screenshot, withSignedIn } from './helpers.mjs';
import { launchOffline, PORTAL_LANGS, portalSettled, ptr } from './portal-support.mjs';

const FIRST_LOAD_BUDGET = 150 * 1024;

let browser;
let page;

/** GET on the public opportunities API from the test itself (no browser, no cookie). */
async function opportunities(path) {
  const r = await fetch(`${BASE_URL}/api/v1/public/opportunities${path}`);
  assert.equal(r.status, 200, `GET /api/v1/public/opportunities${path}: ${r.status}`);
  return r.json();
}

before(async () => {
  browser = await launchOffline();
  page = await browser.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
});

after(async () => {
  assert.deepEqual(browser.outside, [], 'requests to other sites');
  await closeChecked({ browser, page });
});

/** The page drawn (its chunk, its data and the labels of the target groups), then the checks of every portal page. */
async function check(lang, name) {
  await portalSettled(page);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  assert.equal(await page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
  assert.deepEqual(await overflowing(page, 360), [], `${name} (${lang}) is wider than 360 px`);
  await assertAccessible(page, `portal ${name} (${lang})`);
  await screenshot(page, `portal-${name}-360-${lang}`);
}

const heading = async () => (await page.locator('#main-heading').textContent()).trim();
const langOf = (locator) => locator.getAttribute('lang');

for (const lang of PORTAL_LANGS) {
  test(`the opportunities in ${lang} at 360 px: from the home page, the list and one opportunity, accessible, fitting, translated`, async () => {
    const list = await opportunities(`?lang=${lang}&per_page=20`);
    assert.ok(list.items.length >= 2, 'the demo data has current opportunities');

    // The home page's card for the opportunities, beside the services'.
    await page.goto(`/${lang}`);
    await portalSettled(page);
    assert.equal((await page.locator('[data-testid=home-services] .portal-section-title').textContent()).trim(), ptr(lang, 'nav.services'));
    const card = page.locator('[data-testid=home-opportunities]');
    assert.equal((await card.locator('.portal-section-title').textContent()).trim(), ptr(lang, 'nav.opportunities'));
    await card.click();
    await page.waitForURL(`${BASE_URL}/${lang}/opportunities`);
    // The new page's heading takes the focus once its chunk has arrived.
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading');

    // The list: its heading, the count with its plural form, the cards in the API's order.
    await page.locator('[data-testid=opportunity-results]').waitFor();
    assert.equal(await heading(), ptr(lang, 'opportunities.title'));
    assert.equal((await page.locator('[data-testid=result-count]').textContent()).trim(), ptr(lang, 'opportunities.found', { count: list.total }));
    const links = page.locator('[data-testid=opportunity-card] h3 a');
    assert.deepEqual((await links.allTextContents()).map((s) => s.trim()), list.items.map((o) => o.title));
    for (const [i, o] of list.items.entries()) assert.equal(await langOf(links.nth(i)), o.lang === lang ? null : o.lang, `${o.title}: lang attribute`);
    const first = page.locator('[data-testid=opportunity-card]').first();
    assert.equal((await first.locator('.portal-badge').first().textContent()).trim(), ptr(lang, `opportunities.kinds.${list.items[0].kind}`));
    assert.equal(await page.locator('[data-testid=nav-opportunities]').getAttribute('aria-current'), 'page');
    await check(lang, 'opportunities');

    // One opportunity, opened from the list.
    const o = list.items[0];
    await links.first().click();
    await page.waitForURL(`${BASE_URL}/${lang}/opportunities/${o.id}`);
    await page.locator('[data-testid=opportunity-detail]').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
    assert.equal(await heading(), o.title);
    assert.equal(await langOf(page.locator('#main-heading')), o.lang === lang ? null : o.lang);
    assert.equal((await page.locator('[data-testid=opportunity-description]').textContent()).trim(), o.description);
    // How to apply: in its own language, which may be Italian where a translation has none.
    const how = page.locator('[data-testid=opportunity-how] .portal-prose');
    assert.equal((await how.textContent()).trim(), o.how_to_apply);
    assert.equal(await langOf(how), o.how_to_apply_lang === lang ? null : o.how_to_apply_lang);
    const sections = (await page.locator('article h2').allTextContents()).map((s) => s.trim());
    for (const key of ['opportunities.when', 'service.where', 'service.who', 'opportunities.cost', 'opportunities.how', 'opportunities.publisher'])
      assert.ok(sections.includes(ptr(lang, key)), `${lang}: section ${key} in ${sections}`);
    assert.equal((await page.locator('[data-testid=opportunity-publisher] p').textContent()).trim(), o.publisher.name);
    assert.equal(await page.locator('[data-testid=nav-opportunities]').getAttribute('aria-current'), 'true');
    await check(lang, 'opportunity');

    // One still in Italian in this language (the demo translates some into English only): marked as Italian.
    const untranslated = list.items.find((x) => x.lang !== lang);
    if (lang === 'it') assert.equal(untranslated, undefined);
    else if (untranslated) {
      await page.goto(`/${lang}/opportunities/${untranslated.id}`);
      await page.locator('[data-testid=opportunity-detail]').waitFor();
      assert.equal(await langOf(page.locator('#main-heading')), 'it');
      assert.equal(await langOf(page.locator('[data-testid=opportunity-description]')), 'it');
      assert.equal(await page.locator('article .alert-info').count(), 1, 'the page says the text is not translated');
      await check(lang, 'opportunity-untranslated');
    }
  });
}

test('a filter and a word search change the address and the results, as the API answers them', async () => {
  const kind = 'italian_course';
  const expected = await opportunities(`?lang=it&kind=${kind}`);
  assert.ok(expected.total > 0 && expected.total < (await opportunities('?lang=it')).total, 'the demo has some Italian courses, not only those');
  await page.goto('/it/opportunities');
  await page.locator('[data-testid=opportunity-results]').waitFor();
  await page.locator('[data-testid=filters] summary').click();
  await page.locator('[data-testid=filter-kind]').selectOption(kind);
  await page.locator('[data-testid=filters] details button[type=submit]').click();
  await page.waitForURL(`${BASE_URL}/it/opportunities?kind=${kind}`);
  await page.waitForFunction((text) => document.querySelector('[data-testid=result-count]')?.textContent.trim() === text, ptr('it', 'opportunities.found', { count: expected.total }));
  assert.deepEqual((await page.locator('[data-testid=opportunity-card] h3 a').allTextContents()).map((s) => s.trim()), expected.items.map((o) => o.title));
  const badges = await page.locator('[data-testid=opportunity-card] .portal-badge:first-child').allTextContents();
  assert.deepEqual([...new Set(badges.map((s) => s.trim()))], [ptr('it', `opportunities.kinds.${kind}`)]);
  // The filter is in the address: a reload shows the same, the form keeps the choice.
  await page.reload();
  await page.locator('[data-testid=opportunity-results]').waitFor();
  assert.equal(await page.locator('[data-testid=filter-kind]').inputValue(), kind);

  // A word of one title, with the kind still chosen.
  const word = expected.items[0].title.split(/\s+/).sort((a, b) => b.length - a.length)[0];
  const found = await opportunities(`?lang=it&kind=${kind}&q=${encodeURIComponent(word)}`);
  await page.locator('#o-q').fill(word);
  await page.locator('#o-q').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === word && url.searchParams.get('kind') === kind);
  await page.waitForFunction((text) => document.querySelector('[data-testid=result-count]')?.textContent.trim() === text, ptr('it', 'opportunities.found', { count: found.total }));
  assert.ok(found.total >= 1);

  // Who it is for: a target group no demo opportunity names alone gives fewer or none.
  const groups = ['women', 'unaccompanied_minors', 'lgbtiq'];
  for (const group of groups) {
    const byGroup = await opportunities(`?lang=it&target_group=${group}`);
    await page.goto(`/it/opportunities?target_group=${group}`);
    await page.waitForFunction((text) => document.querySelector('[data-testid=result-count]')?.textContent.trim() === text, ptr('it', 'opportunities.found', { count: byGroup.total }));
    assert.equal(await page.locator('[data-testid=filter-target-group]').inputValue(), group);
  }
});

for (const lang of ['it', 'ar']) {
  test(`nothing found (${lang}): says what to do, with a way to the services`, async () => {
    await page.goto(`/${lang}/opportunities?q=zqxwvnessunaparola`);
    await page.locator('[data-testid=no-opportunities]').waitFor();
    const text = await page.locator('[data-testid=no-opportunities]').textContent();
    assert.ok(text.includes(ptr(lang, 'opportunities.none')), text);
    assert.ok(text.includes(ptr(lang, 'opportunities.orServices')), text);
    assert.equal(await page.locator(`[data-testid=no-opportunities] a[href="/${lang}/services"]`).count(), 1);
    assert.equal((await page.locator('[data-testid=result-count]').textContent()).trim(), ptr(lang, 'opportunities.found', { count: 0 }));
    await check(lang, 'opportunities-empty');
  });
}

test('a page past the last (an old link) says so and leads to the first, with the filters kept', async () => {
  const all = await opportunities('?lang=uk&kind=italian_course');
  assert.ok(all.total > 0);
  await page.goto('/uk/opportunities?kind=italian_course&page=9');
  await page.locator('[data-testid=past-the-end]').waitFor();
  assert.equal((await page.locator('[data-testid=past-the-end] p').textContent()).trim(), ptr('uk', 'opportunities.pastEnd'));
  await page.locator('[data-testid=past-the-end] a').click();
  await page.waitForURL(`${BASE_URL}/uk/opportunities?kind=italian_course`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=opportunity-card]').length === n, Math.min(all.total, 20));
});

test('an opportunity the public may not see, or that never existed, is the missing page', async () => {
  // A draft, a withdrawn or an expired one of the demo, read through the staff API.
  let hidden = null;
  await withSignedIn('admin', async (p) => {
    const r = await apiGet(p, '/opportunities?per_page=100');
    assert.equal(r.status, 200);
    const publicIds = new Set((await opportunities('?per_page=100')).items.map((o) => o.id));
    hidden = r.body.items.find((o) => !publicIds.has(o.id));
  });
  assert.ok(hidden, 'the demo has an opportunity the public does not see');
  for (const path of [`/en/opportunities/${hidden.id}`, '/en/opportunities/987654321', '/en/opportunities/not-a-number']) {
    await page.goto(path);
    await portalSettled(page);
    assert.equal(await heading(), ptr('en', 'missing.title'), path);
    assert.equal(await page.locator('.alert-danger').count(), 0, `${path}: no error box`);
    assert.equal(await page.title(), `${ptr('en', 'missing.title')} · ${ptr('en', 'app.title')}`);
  }
  await assertAccessible(page, 'portal missing opportunity (en)');
});

test('the first load of the opportunities list stays under 150 KB compressed (Arabic and Bengali, the heaviest), without the staff app', async () => {
  for (const lang of ['ar', 'bn']) {
    const fresh = await launchOffline();
    try {
      const p = await fresh.newPage();
      await p.setViewportSize({ width: 360, height: 800 });
      await p.goto(`/${lang}/opportunities`);
      await p.locator('[data-testid=opportunity-results]').waitFor();
      await p.evaluate(() => document.fonts.ready);
      await p.waitForLoadState('networkidle');
      const files = await p.evaluate(() =>
        [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => [new URL(e.name).pathname, e.transferSize]),
      );
      const total = files.reduce((sum, [, bytes]) => sum + bytes, 0);
      console.log(`portal opportunities first load (${lang}): ${total} bytes in ${files.length} files\n${files.map((f) => `  ${f[0]} ${f[1]}`).join('\n')}`);
      assert.ok(total < FIRST_LOAD_BUDGET, `${lang}: ${total} bytes, over ${FIRST_LOAD_BUDGET}`);
      assert.deepEqual(files.filter(([path]) => /\/assets\/main-/.test(path)), [], 'the staff app is not downloaded');
      assert.deepEqual(p.jsErrors, []);
    } finally {
      await fresh.close();
    }
  }
});
