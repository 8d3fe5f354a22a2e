// The register where the eye is (issue 9, points 11 and 12): recording an absence keeps the page
// where it was and says so beside the guest's row; on a phone (360 px) the day is one card per
// guest with a large present/absent choice, and the page is never wider than the screen; axe clean
// in Italian and Arabic. Works on today's register, which the other register tests leave alone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiGet, assertAccessible, closeChecked, screenshot, settled, signedIn, switchLanguage, tr } from './helpers.mjs';

let browser;
let page;
let centre;
let day;
let guests;

before(async () => {
  ({ browser, page } = await signedIn('case_worker'));
  // The case worker's centre with the most guests present today.
  const centres = await apiGet(page, '/centres?per_page=100');
  let best = null;
  for (const c of centres.body.items) {
    const o = await apiGet(page, `/centres/${c.id}/register`);
    if (o.status !== 200) continue;
    const d = await apiGet(page, `/centres/${c.id}/register/${o.body.to}`);
    const present = d.body.guests.filter((g) => !g.absence);
    if (!best || present.length > best.present.length) best = { centre: c, day: o.body.to, present };
  }
  assert.ok(best && best.present.length >= 6, 'a centre with guests today');
  ({ centre, day } = best);
  guests = best.present;
});

after(() => closeChecked({ browser, page }));

/** Fills the open absence form and submits it without any scrolling of the test's own. */
async function recordAbsence() {
  await page.locator('[data-testid=absence-form]').waitFor();
  await page.locator('#reason').selectOption('authorised_leave');
}

async function submitInPlace(person, placeRow) {
  // The row back where the user had it (selecting the reason may have scrolled), then submit as Enter would.
  await placeRow();
  const before = await page.evaluate(() => window.scrollY);
  assert.ok(before > 200, 'the page is scrolled down to the row');
  await page.evaluate(() => document.querySelector('[data-testid=absence-form] form').requestSubmit());
  await page.locator(`[data-person="${person}"][data-present=false]`).waitFor();
  await page.waitForFunction((p) => document.activeElement?.id === `register-notice-${p}`, person);
  const after = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(after - before) <= 1, `the page stays where it was (scrollY ${before} -> ${after})`);
  return before;
}

test('desktop: the absence is announced beside its row and the page does not jump', async () => {
  await page.goto(`/centres/${centre.id}/register/${day}`);
  await page.locator('[data-testid=register-guests] tbody tr').first().waitFor();
  await settled(page);
  // A guest well down the list, placed in the middle of the screen.
  const target = guests[Math.floor(guests.length * 0.7)];
  const row = page.locator(`[data-testid=register-guests] tr[data-person="${target.person_id}"]`);
  const placeRow = () =>
    row.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - window.innerHeight / 2));
  await placeRow();
  await row.locator('[data-testid=absence-open]').click();
  await recordAbsence();
  await submitInPlace(target.person_id, placeRow);

  // The message is in the row right under the guest's, visible, and says whose absence it is.
  const notice = page.locator(`[data-testid=register-guests] tr[data-person="${target.person_id}"] + tr[data-notice-for="${target.person_id}"]`);
  const name = `${target.family_name} ${target.given_names}`;
  assert.equal((await notice.textContent()).trim(), tr('it', 'register.absenceRecorded', { person: name }));
  assert.equal(await notice.locator('[role=status]').count(), 1, 'a live status');
  assert.ok(await notice.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }), 'the message is on screen');
  // Nothing at the top of the page any more.
  assert.equal(await page.locator('[data-testid=register-day] > .register-report > [data-testid=register-notice]').count(), 0);
  await assertAccessible(page, 'register with the notice beside the row');
  await screenshot(page, 'register-notice-row-it', { fullPage: false });
  await switchLanguage(page, 'ar');
  assert.equal((await notice.textContent()).trim(), tr('ar', 'register.absenceRecorded', { person: name }));
  await assertAccessible(page, 'register with the notice beside the row (ar)');
  await screenshot(page, 'register-notice-row-ar', { fullPage: false });
  await switchLanguage(page, 'it');
});

for (const lang of ['it', 'ar']) {
  test(`360 px (${lang}): one card per guest, a large present/absent choice, no sideways scrolling`, async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    try {
      await page.goto(`/centres/${centre.id}/register/${day}`);
      if (lang !== 'it') await switchLanguage(page, lang);
      const cards = page.locator('[data-testid=register-cards] > li');
      await cards.first().waitFor();
      await settled(page);
      assert.equal(await page.locator('[data-testid=register-guests]').count(), 0, 'no table on a phone');
      const report = (await apiGet(page, `/centres/${centre.id}/register/${day}`)).body;
      assert.equal(await cards.count(), report.guests.length);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
      assert.ok(widths.scroll <= 360 && widths.body <= 360, `the page fits 360 px: ${JSON.stringify(widths)}`);
      await cards.first().evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 300));
      await screenshot(page, `register-cards-360-top-${lang}`, { fullPage: false });

      // Each card: the name, the status, and two large buttons saying which is the case.
      const first = cards.first();
      const toggle = first.locator('.register-toggle button');
      assert.equal(await toggle.count(), 2);
      for (const b of await toggle.all()) {
        const box = await b.boundingBox();
        assert.ok(box.height >= 44 && box.width >= 120, `a large button: ${JSON.stringify(box)}`);
      }
      assert.equal(await toggle.nth(0).textContent(), tr(lang, 'register.togglePresent'));
      assert.equal(await toggle.nth(1).textContent(), tr(lang, 'register.toggleAbsent'));

      // Mark a guest further down absent: the page stays put, the message is in the card.
      const target = report.guests.filter((g) => !g.absence)[lang === 'it' ? 1 : 2];
      const card = page.locator(`[data-testid=register-cards] > li[data-person="${target.person_id}"]`);
      assert.equal(await card.locator('[aria-pressed=true]').textContent(), tr(lang, 'register.togglePresent'));
      const placeCard = () =>
        card.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 120));
      await placeCard();
      await card.locator('[data-testid=absence-open]').click();
      await recordAbsence();
      await submitInPlace(target.person_id, placeCard);
      assert.equal(await card.locator('[aria-pressed=true]').textContent(), tr(lang, 'register.toggleAbsent'));
      const name = `${target.family_name} ${target.given_names}`;
      assert.equal((await card.locator('[data-testid=register-notice]').textContent()).trim(), tr(lang, 'register.absenceRecorded', { person: name }));
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'still no sideways scrolling');
      assert.equal(await page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
      // The pointer (or finger) still on the card's other button: its hovered colours are readable too.
      await card.locator('.register-toggle .btn-outline-primary').hover();
      await assertAccessible(page, `register cards at 360 px (${lang})`);
      await screenshot(page, `register-cards-360-notice-${lang}`, { fullPage: false });
      await screenshot(page, `register-cards-360-${lang}`);
    } finally {
      if (lang !== 'it') await switchLanguage(page, 'it');
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
}
