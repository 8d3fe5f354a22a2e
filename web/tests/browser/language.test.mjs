// The language menu: readable in every state (WCAG AA 4.5:1, checked by axe and measured here),
// each language named in a font that has its script, and Ukrainian pages in a Cyrillic font.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, closeChecked, demoEmail, launch, login, logout, screenshot, switchLanguage } from './helpers.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await browser.newPage();
  await login(page, demoEmail('case_worker'));
});

after(async () => {
  await logout(page).catch(() => {});
  await closeChecked({ browser, page });
});

/** The contrast ratio of an element's text against the first opaque background behind it. */
function contrastOf(selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const rgb = (s) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const c = [r, g, b].map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    let bg = null;
    for (let n = el; n && !bg; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) bg = c;
    }
    bg ??= [255, 255, 255];
    const fg = rgb(getComputedStyle(el).color);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100;
  }, selector);
}

test('the language menu passes axe and 4.5:1 closed, open, hovered, focused and on the current language', async () => {
  const ratios = {};
  ratios.toggle = await contrastOf('[data-testid=lang-toggle]');
  await assertAccessible(page, 'language menu closed');

  await page.locator('[data-testid=lang-toggle]').click();
  await page.locator('#language-menu').waitFor();
  ratios.item = await contrastOf('[data-testid=lang-en]');
  ratios.current = await contrastOf('[data-testid=lang-it]');
  await assertAccessible(page, 'language menu open');
  await screenshot(page, 'language-menu-open');

  await page.locator('[data-testid=lang-fr]').hover();
  ratios.hover = await contrastOf('[data-testid=lang-fr]');
  await assertAccessible(page, 'language menu, an item hovered');

  await page.locator('[data-testid=lang-ar]').focus();
  ratios.focus = await contrastOf('[data-testid=lang-ar]');
  await assertAccessible(page, 'language menu, an item focused');
  await page.locator('[data-testid=lang-it]').hover();
  ratios.currentHover = await contrastOf('[data-testid=lang-it]');
  await assertAccessible(page, 'language menu, the current language hovered');
  await page.keyboard.press('Escape');
  await page.locator('#language-menu').waitFor({ state: 'hidden' });
  await page.locator('[data-testid=lang-toggle]').hover();
  ratios.toggleHover = await contrastOf('[data-testid=lang-toggle]');
  await assertAccessible(page, 'language toggle hovered');

  console.log(`language menu contrast: ${JSON.stringify(ratios)}`);
  for (const [state, ratio] of Object.entries(ratios)) assert.ok(ratio >= 4.5, `${state}: ${ratio}:1 is below 4.5:1`);
});

test('each language is named in a font that has its script; Ukrainian pages are not in Titillium Web', async () => {
  await page.locator('[data-testid=lang-toggle]').click();
  const fontOf = (sel) => page.locator(sel).evaluate((el) => getComputedStyle(el).fontFamily);
  assert.doesNotMatch(await fontOf('[data-testid=lang-uk]'), /^["']?Titillium/, 'Titillium Web has no Cyrillic');
  assert.match(await fontOf('[data-testid=lang-ar]'), /Noto Sans Arabic/);
  assert.match(await fontOf('[data-testid=lang-bn]'), /Noto Sans Bengali/);
  await page.keyboard.press('Escape');

  await switchLanguage(page, 'uk');
  assert.doesNotMatch(await fontOf('body'), /^["']?Titillium/, 'a Ukrainian page starts its font stack with a Cyrillic font');
  await assertAccessible(page, 'home (uk)');
  await screenshot(page, 'home-case_worker-uk');
  await switchLanguage(page, 'it');
});
