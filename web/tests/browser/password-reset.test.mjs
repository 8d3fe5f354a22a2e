// The forgotten password, signed out: the link on the login page, the neutral confirmation, and
// the reset page refusing a link that is not valid. The mail itself is tested over the API
// (tests/accounts/password_reset.test.mjs, with the SMTP sink).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, closeChecked, launch, screenshot, tr } from './helpers.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await browser.newPage();
});

after(() => closeChecked({ browser, page }));

test('forgot password: from the login page to a neutral confirmation', async () => {
  await page.goto('/login');
  await page.locator('[data-testid=forgot-password]').click();
  await page.waitForURL(/\/forgot-password$/);
  await page.locator('#email').waitFor();
  await assertAccessible(page, 'forgot password');
  await page.locator('#email').fill(`nobody-${Date.now()}@test.innet.example`);
  await page.locator('[data-testid=reset-request-submit]').click();
  const notice = page.locator('.alert-success');
  await notice.waitFor();
  assert.equal((await notice.textContent()).trim(), tr('it', 'reset.sent'));
  await screenshot(page, 'forgot-password-sent');
});

test('reset page: a link that is not valid is refused in words', async () => {
  await page.goto(`/reset?token=${'0'.repeat(64)}`);
  await page.locator('#new_password').waitFor();
  await assertAccessible(page, 'reset password');
  await page.locator('#new_password').fill('A-new-password-1');
  await page.locator('#confirm_password').fill('A-new-password-1');
  await page.locator('[data-testid=reset-submit]').click();
  await page.locator('.alert-danger, [role=alert]').first().waitFor();
  assert.match(await page.content(), new RegExp(tr('it', 'errors.invalid_reset_link').slice(0, 30)));
});
