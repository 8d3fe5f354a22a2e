// Login page, the seven demo roles (header, navigation, home), languages and right-to-left layout.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertAccessible,
  demoEmail,
  expectedNav,
  launch,
  login,
  logout,
  me,
  navPaths,
  ROLES,
  screenshot,
  switchLanguage,
  tr,
  waitForStylesheet,
} from './helpers.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await browser.newPage();
});

after(async () => {
  if (page) assert.deepEqual(page.jsErrors, [], 'JavaScript or CSP errors in the page');
  await browser?.close();
});

const html = () =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

test('login page: Italian by default, accessible, translated errors', async () => {
  await page.goto('/home');
  await page.waitForURL(/\/login$/);
  await page.locator('#email').waitFor();
  assert.deepEqual(await html(), { lang: 'it', dir: 'ltr' });
  assert.equal((await page.locator('h1').textContent()).trim(), tr('it', 'login.title'));
  assert.equal(await page.locator('label[for=email]').count(), 1);
  await assertAccessible(page, 'login (it)');
  await screenshot(page, 'login-it');

  // Empty form: client-side errors next to the fields.
  await page.locator('[data-testid=login-submit]').click();
  await page.locator('#email-error').waitFor();
  assert.match(await page.locator('#email-error').textContent(), new RegExp(tr('it', 'fieldErrors.required')));
  assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');

  // Wrong password: the API's code is shown translated, and follows a language change.
  await page.locator('#email').fill(demoEmail('admin'));
  await page.locator('#password').fill('not-the-password');
  await page.locator('[data-testid=login-submit]').click();
  const error = page.locator('[data-testid=form-error]');
  await error.filter({ hasText: tr('it', 'errors.invalid_credentials') }).waitFor();
  assert.ok(await error.evaluate((el) => el === document.activeElement), 'the error summary takes the focus');
  await switchLanguage(page, 'en');
  await error.filter({ hasText: tr('en', 'errors.invalid_credentials') }).waitFor();
  assert.equal((await page.locator('h1').textContent()).trim(), tr('en', 'login.title'));
  await switchLanguage(page, 'it');
});

test('login page: 429 shows the wait from Retry-After', async () => {
  await page.route('**/api/v1/auth/login', (route) =>
    route.fulfill({
      status: 429,
      headers: { 'Retry-After': '42', 'Content-Type': 'application/json' },
      body: JSON.stringify({ error: { code: 'too_many_attempts', message: 'Too many attempts' } }),
    }),
  );
  try {
    await page.goto('/login');
    await page.locator('#email').fill(demoEmail('admin'));
    await page.locator('#password').fill('whatever');
    await page.locator('[data-testid=login-submit]').click();
    await page
      .locator('[data-testid=form-error]')
      .filter({ hasText: tr('it', 'errors.too_many_attempts_retry', { count: 42 }) })
      .waitFor();
    assert.ok(await page.locator('[data-testid=login-submit]').isDisabled(), 'submit is disabled while waiting');
  } finally {
    await page.unroute('**/api/v1/auth/login');
  }
});

test('login page in Arabic: right to left, mirrored stylesheet, accessible', async () => {
  await page.goto('/login');
  await switchLanguage(page, 'ar');
  assert.deepEqual(await html(), { lang: 'ar', dir: 'rtl' });
  assert.equal((await page.locator('h1').textContent()).trim(), tr('ar', 'login.title'));
  // The layout is really mirrored: the brand sits on the right-hand side of the header.
  const box = await page.locator('.it-brand-wrapper').boundingBox();
  assert.ok(box.x > 1280 / 2, `brand should be on the right in RTL, x=${box.x}`);
  await assertAccessible(page, 'login (ar)');
  await screenshot(page, 'login-ar');

  // The choice persists across a reload.
  await page.reload();
  await page.locator('#email').waitFor();
  await waitForStylesheet(page);
  assert.deepEqual(await html(), { lang: 'ar', dir: 'rtl' });
  await switchLanguage(page, 'it');
  assert.deepEqual(await html(), { lang: 'it', dir: 'ltr' });
  const ltrBox = await page.locator('.it-brand-wrapper').boundingBox();
  assert.ok(ltrBox.x < 1280 / 2, `brand should be on the left in LTR, x=${ltrBox.x}`);
});

for (const role of ROLES) {
  test(`${role}: header, navigation and home follow the user's permissions`, async () => {
    await login(page, demoEmail(role));
    const session = await me(page);
    assert.ok(session, 'GET /auth/me after login');
    const user = session.user;
    assert.equal(user.role, role);
    const permissions = user.permissions ?? [];

    // Header: name, organisation, translated role.
    assert.equal((await page.locator('[data-testid=header-user-name]').textContent()).trim(), user.display_name);
    assert.equal((await page.locator('[data-testid=header-user-org]').textContent()).trim(), user.organization.name);
    assert.equal((await page.locator('[data-testid=header-user-role]').textContent()).trim(), tr('it', `roles.${role}.name`));
    assert.equal(await page.locator('[data-testid=slim-brand]').textContent(), tr('it', 'header.slim'));

    // Navigation and home cards come from the permissions, nothing more.
    const nav = await navPaths(page);
    assert.deepEqual(nav, expectedNav(permissions));
    if (role === 'admin') {
      for (const p of ['/organizations', '/users', '/audit']) assert.ok(nav.includes(p), `admin sees ${p}`);
    }
    if (role === 'analyst') assert.ok(!nav.includes('/audit'), 'analyst does not see the audit trail');
    const cards = await page.locator('[data-testid=home-cards] [data-card]').evaluateAll((els) => els.map((e) => e.getAttribute('data-card')));
    assert.deepEqual(cards, expectedNav(permissions).filter((p) => p !== '/home'));
    assert.equal((await page.locator('[data-testid=role-description]').textContent()).trim(), tr('it', `roles.${role}.description`));
    assert.match(await page.locator('[data-testid=home-context]').textContent(), new RegExp(user.organization.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await assertAccessible(page, `home ${role} (it)`);
    await screenshot(page, `home-${role}-it`);

    // A page the role may not use is refused even by direct address.
    if (!permissions.includes('audit.read')) {
      await page.goto('/audit');
      await page.locator('#main-heading').waitFor();
      assert.equal((await page.locator('#main-heading').textContent()).trim(), tr('it', 'forbidden.title'));
      assert.equal(await page.locator('[data-testid=audit-table]').count(), 0);
      await page.goto('/home');
      await page.locator('[data-testid=home]').waitFor();
    }

    // Arabic: right to left, translated role, still accessible.
    await switchLanguage(page, 'ar');
    assert.deepEqual(await html(), { lang: 'ar', dir: 'rtl' });
    assert.equal((await page.locator('[data-testid=header-user-role]').textContent()).trim(), tr('ar', `roles.${role}.name`));
    assert.equal((await page.locator('[data-testid=role-description]').textContent()).trim(), tr('ar', `roles.${role}.description`));
    await assertAccessible(page, `home ${role} (ar)`);
    if (role === 'admin' || role === 'case_worker') await screenshot(page, `home-${role}-ar`);
    await switchLanguage(page, 'it');
    assert.deepEqual(await html(), { lang: 'it', dir: 'ltr' });

    await logout(page);
    assert.match(page.url(), /\/login$/);
  });
}

test('the other languages render the home page translated', async () => {
  await login(page, demoEmail('inspector'));
  for (const lang of ['fr', 'uk', 'bn', 'en']) {
    await switchLanguage(page, lang);
    assert.deepEqual(await html(), { lang, dir: 'ltr' });
    assert.equal((await page.locator('[data-testid=header-user-role]').textContent()).trim(), tr(lang, 'roles.inspector.name'));
    assert.equal((await page.locator('[data-nav="/account"]').textContent()).trim(), tr(lang, 'nav.account'));
  }
  await screenshot(page, 'home-inspector-en');
  await switchLanguage(page, 'bn');
  await screenshot(page, 'home-inspector-bn');
  await switchLanguage(page, 'it');
  await logout(page);
});

test('small screens: navigation panel, keyboard language switcher', async () => {
  await page.setViewportSize({ width: 390, height: 800 });
  try {
    await login(page, demoEmail('case_worker'));
    const toggler = page.locator('.custom-navbar-toggler');
    await toggler.click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('close-menu'));
    assert.equal(await toggler.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator('[data-nav="/account"]').isVisible(), 'the panel shows the links');
    await assertAccessible(page, 'navigation panel (it)');
    await screenshot(page, 'mobile-nav-it');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.classList.contains('custom-navbar-toggler'));
    assert.equal(await toggler.getAttribute('aria-expanded'), 'false');

    // The language switcher works from the keyboard and closes with Escape.
    await page.locator('[data-testid=lang-toggle]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#language-menu').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#language-menu').waitFor({ state: 'hidden' });
    // Focus returns to the toggle once the menu has closed (after it is hidden, not with it).
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'lang-toggle');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=lang-uk]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'uk');
    await switchLanguage(page, 'it');
    await logout(page);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});
