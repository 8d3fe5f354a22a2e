// The administrator's pages: account, organisations, users, audit trail — flows, focus, axe, RTL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiCreate,
  apiGet,
  assertAccessible,
  checkBothLanguages,
  clickNav,
  closeChecked,
  demoEmail,
  headingText,
  login,
  logout,
  me,
  openFromNav,
  screenshot,
  settled,
  signedIn,
  switchLanguage,
  tr,
  uniqueSuffix,
  waitForColumn,
} from './helpers.mjs';

let browser;
let page;
const suffix = uniqueSuffix();

before(async () => {
  ({ browser, page } = await signedIn('admin'));
});

after(() => closeChecked({ browser, page }));

const heading = () => headingText(page);
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

test('skip link and focus management after navigation', async () => {
  await page.goto('/home');
  await page.locator('[data-testid=home]').waitFor();
  await page.keyboard.press('Tab');
  const skip = page.locator('.skiplinks a');
  assert.ok(await skip.evaluate((el) => el === document.activeElement), 'first Tab reaches the skip link');
  assert.equal((await skip.textContent()).trim(), tr('it', 'a11y.skipToContent'));
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(), 'main');

  await openFromNav(page, '/organizations');
  await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
  assert.equal(await heading(), tr('it', 'organizations.title'));
  assert.equal(await page.locator('[data-nav="/organizations"]').getAttribute('aria-current'), 'page');
  assert.match(await page.title(), new RegExp(tr('it', 'organizations.title')));
  await page.goBack();
  await page.locator('[data-testid=home]').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
});

test('account: password change errors, personal API tokens', async () => {
  await page.goto('/home');
  await page.locator('[data-testid=home]').waitFor();
  await openFromNav(page, '/account');
  assert.equal(await heading(), tr('it', 'account.title'));
  await settled(page);

  // Too-short new password and mismatch are caught next to the fields.
  await page.locator('#current_password').fill('demo');
  await page.locator('#new_password').fill('short');
  await page.locator('#confirm_password').fill('different');
  await page.locator('section[aria-labelledby=password-heading] button[type=submit]').click();
  await page.locator('#new_password-error').waitFor();
  assert.equal((await page.locator('#new_password-error').textContent()).trim(), tr('it', 'fieldErrors.password_too_short', { count: 10 }));
  assert.equal((await page.locator('#confirm_password-error').textContent()).trim(), tr('it', 'fieldErrors.mismatch'));

  // Wrong current password: the server says so (422 with fields) and the field shows it.
  await page.locator('#current_password').fill('definitely-wrong-password');
  await page.locator('#new_password').fill('a-long-enough-password');
  await page.locator('#confirm_password').fill('a-long-enough-password');
  await page.locator('section[aria-labelledby=password-heading] button[type=submit]').click();
  await page.locator('#current_password-error').waitFor();
  assert.equal(await page.locator('#current_password').getAttribute('aria-invalid'), 'true');

  // Create a token: shown once.
  const tokenName = `test-${suffix}`;
  await page.locator('#token_name').fill(tokenName);
  await page.locator('#token_days').selectOption('30');
  await page.locator('form[aria-labelledby=new-token-heading] button[type=submit]').click();
  await page.locator('[data-testid=new-token]').waitFor();
  const value = await page.locator('#new-token-value').inputValue();
  assert.ok(value.length >= 16, 'the new token is shown');
  const row = page.locator('[data-testid=tokens-table] tr', { hasText: tokenName });
  await row.waitFor();
  await checkBothLanguages(page, 'account');

  // Revoke it (after a confirmation dialog).
  page.once('dialog', (d) => d.accept());
  await row.locator('button').click();
  await row.locator('.badge', { hasText: tr('it', 'account.tokens.status.revoked') }).waitFor();
  assert.equal(await row.locator('button').count(), 0);
});

test('organisations: list, search, create, edit', async () => {
  await page.goto('/home');
  await page.locator('[data-testid=home]').waitFor();
  await openFromNav(page, '/organizations');
  await page.locator('[data-testid=org-table]').waitFor();
  await checkBothLanguages(page, 'organizations');

  // Searching by name finds the admin's own organisation.
  const session = await me(page);
  const ownOrg = session.user.organization.name;
  await page.locator('#org-q').fill(ownOrg);
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForURL(/q=/);
  await page.locator('[data-testid=org-table] td', { hasText: ownOrg }).first().waitFor();
  await page.goto('/organizations');
  await page.locator('[data-testid=org-table]').waitFor();

  // Client-side validation.
  await page.locator('[data-testid=org-new]').click();
  await page.locator('[data-testid=org-form]').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
  assert.equal(await heading(), tr('it', 'organizations.new'));
  await page.locator('#istat_code').fill('12');
  await page.locator('[data-testid=org-save]').click();
  await page.locator('#name-error').waitFor();
  assert.equal((await page.locator('#istat_code-error').textContent()).trim(), tr('it', 'fieldErrors.istat_format'));
  await assertAccessible(page, 'organisation form with errors (it)');
  await screenshot(page, 'organization-form-errors-it');

  const name = `Associazione Prova ${suffix}`;
  await page.locator('#name').fill(name);
  await page.locator('#type').selectOption('ngo');
  await page.locator('#istat_code').fill('082053');
  await page.locator('[data-testid=org-save]').click();
  await page.waitForURL(/\/organizations$/);
  await page.locator('.alert-success', { hasText: name }).waitFor();

  // Search finds it; filter by type.
  await page.locator('#org-q').fill(suffix);
  await page.locator('#org-type').selectOption('ngo');
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForURL(/q=/);
  await settled(page);
  await waitForColumn(page, '[data-testid=org-table]', 1, name);
  const row = page.locator('[data-testid=org-table] tbody tr', { hasText: name });
  assert.equal(await page.locator('[data-testid=org-table] tbody tr').count(), 1);
  assert.match(await row.textContent(), new RegExp(tr('it', 'orgTypes.ngo')));

  // Edit it.
  await row.locator('a', { hasText: tr('it', 'common.edit') }).click();
  await page.locator('#name').waitFor();
  assert.equal(await page.locator('#name').inputValue(), name);
  await page.locator('#name').fill(`${name} bis`);
  await page.locator('[data-testid=org-save]').click();
  await page.locator('.alert-success', { hasText: `${name} bis` }).waitFor();
});

test('organisations: pagination when there are more than one page', async () => {
  await page.goto('/organizations?per_page=20');
  await settled(page);
  const next = page.locator('.pagination a', { hasText: tr('it', 'list.next') });
  if ((await next.count()) === 0) return; // not enough data for a second page
  await next.click();
  await page.waitForURL(/page=2/);
  // The URL changes before the second page has loaded: wait for the list to show it.
  await page.waitForFunction(
    () => document.querySelector('.pagination [aria-current=page]')?.textContent.replace(/\D/g, '') === '2',
  );
});

test('users: filters, create, edit, reset password; the new user can log in', async () => {
  await page.goto('/home');
  await page.locator('[data-testid=home]').waitFor();
  await openFromNav(page, '/users');
  await page.locator('[data-testid=user-table]').waitFor();
  await checkBothLanguages(page, 'users');

  // Filter by role.
  await page.locator('#user-role').selectOption('analyst');
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForURL(/role=analyst/);
  await settled(page);
  await waitForColumn(page, '[data-testid=user-table]', 4, tr('it', 'roles.analyst.name'));

  // Create a user in the admin's organisation.
  const session = await me(page);
  const email = `utente.${suffix}@example.org`;
  const displayName = `Utente Prova ${suffix}`;
  await page.goto('/users?new=1');
  await page.locator('[data-testid=user-form]').waitFor();
  await page.locator('#email').fill(email);
  await page.locator('#display_name').fill(displayName);
  await page.locator('#role').selectOption('case_worker');
  await page.locator('#organization_id').selectOption(String(session.user.organization.id));
  await page.locator('#password').fill('first-password-123');
  await page.locator('#confirm_password').fill('first-password-123');
  await assertAccessible(page, 'user form (it)');
  await screenshot(page, 'user-form-it');
  await page.locator('[data-testid=user-save]').click();
  await page.waitForURL(/\/users$/);
  await page.locator('.alert-success', { hasText: displayName }).waitFor();

  // Creating the same e-mail again is refused with a translated error.
  await page.goto('/users?new=1');
  await page.locator('#email').fill(email);
  await page.locator('#display_name').fill(displayName);
  await page.locator('#role').selectOption('case_worker');
  await page.locator('#organization_id').selectOption(String(session.user.organization.id));
  await page.locator('#password').fill('first-password-123');
  await page.locator('#confirm_password').fill('first-password-123');
  await page.locator('[data-testid=user-save]').click();
  await page.locator('[data-testid=form-error]').waitFor();
  const text = await page.locator('[data-testid=form-error]').textContent();
  assert.ok(
    [tr('it', 'errors.unique_violation'), tr('it', 'errors.conflict'), tr('it', 'errors.validation_failed')].some((m) => text.includes(m)),
    `duplicate e-mail error is translated: ${text}`,
  );

  // Edit: new display name.
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  const row = page.locator('[data-testid=user-table] tbody tr', { hasText: email });
  await row.waitFor();
  await row.locator('a', { hasText: tr('it', 'common.edit') }).click();
  await page.locator('#display_name').waitFor();
  await page.locator('#display_name').fill(`${displayName} B`);
  await page.locator('[data-testid=user-save]').click();
  await page.locator('.alert-success', { hasText: `${displayName} B` }).waitFor();

  // Reset the password.
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await row.waitFor();
  await row.locator('a', { hasText: tr('it', 'users.resetPassword') }).click();
  await page.locator('[data-testid=reset-form]').waitFor();
  await page.locator('#new_password').fill('second-password-456');
  await page.locator('#confirm_password').fill('second-password-456');
  await page.locator('[data-testid=user-save]').click();
  await page.locator('.alert-success', { hasText: `${displayName} B` }).waitFor();

  // The new user logs in with the reset password and sees their own header.
  await logout(page);
  await login(page, email, 'second-password-456');
  assert.equal((await page.locator('[data-testid=header-user-name]').textContent()).trim(), `${displayName} B`);
  assert.equal((await page.locator('[data-testid=header-user-role]').textContent()).trim(), tr('it', 'roles.case_worker.name'));
  await logout(page);
  await login(page, demoEmail('admin'));
});

test('audit trail: table and filters', async () => {
  await page.goto('/home');
  await page.locator('[data-testid=home]').waitFor();
  await openFromNav(page, '/audit');
  await settled(page);
  assert.equal(await heading(), tr('it', 'audit.title'));
  await page.locator('[data-testid=audit-table]').waitFor(); // logins above were recorded
  await checkBothLanguages(page, 'audit');

  const session = await me(page);
  const actor = page.locator('#audit-actor');
  if ((await actor.evaluate((el) => el.tagName)) === 'SELECT') await actor.selectOption(String(session.user.id));
  else await actor.fill(String(session.user.id));
  const today = new Date().toISOString().slice(0, 10);
  await page.locator('#audit-from').fill('2020-01-01');
  await page.locator('#audit-to').fill(today);
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForURL(/actor_user_id=/);
  await settled(page);
  await waitForColumn(page, '[data-testid=audit-table]', 3, session.user.email);

  // An inverted range is refused before asking the server.
  await page.locator('#audit-from').fill(today);
  await page.locator('#audit-to').fill('2020-01-01');
  await page.locator('#audit-to-error').waitFor();
});

test('audit trail: actions and details in words, not codes and JSON, in Italian, Arabic and at 360 px', async () => {
  const org = await apiCreate(page, '/organizations', { name: `Audit words ${suffix}`, type: 'ngo', istat_code: '082053' });
  await page.goto('/audit');
  await settled(page);
  // The action filter names the actions; the address keeps the code.
  await page.locator('#audit-action').selectOption('organizations.create');
  await page.locator('#audit-entity').selectOption('organization');
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForURL(/action=organizations\.create/);
  await settled(page);
  const row = page.locator('[data-testid=audit-table] tbody tr', { hasText: `#${org.id}` }).first();
  await row.waitFor();
  const cells = row.locator('td');
  assert.equal((await cells.nth(3).textContent()).trim(), tr('it', 'audit.actions.organizations.create'));
  assert.equal((await cells.nth(4).textContent()).trim(), `${tr('it', 'audit.entities.organization')} #${org.id}`);
  await row.locator('summary').click();
  const details = row.locator('dl.audit-details');
  const text = (await details.textContent()).replace(/\s+/g, ' ');
  assert.ok(text.includes(`${tr('it', 'audit.fields.name')}: Audit words ${suffix}`), text);
  assert.ok(text.includes(`${tr('it', 'audit.fields.type')}: ${tr('it', 'orgTypes.ngo')}`), text);
  assert.doesNotMatch(text, /[{}"]/, 'no JSON in the details');
  await assertAccessible(page, 'audit details (it)');

  await switchLanguage(page, 'ar');
  await settled(page);
  await row.locator('details').evaluate((d) => d.setAttribute('open', ''));
  assert.equal((await cells.nth(3).textContent()).trim(), tr('ar', 'audit.actions.organizations.create'));
  assert.ok((await details.textContent()).includes(tr('ar', 'audit.fields.name')));
  await assertAccessible(page, 'audit details (ar)');
  await screenshot(page, 'audit-details-ar');
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    await assertAccessible(page, 'audit details (ar, 360 px)');
    await screenshot(page, 'audit-details-ar-360');
    await switchLanguage(page, 'it');
    await settled(page);
    await screenshot(page, 'audit-details-it-360');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('audit trail: the reads of personal data, refusals included, under their own tab', async () => {
  // The admin holds no case data: reading a person is refused, and the refusal is recorded.
  assert.equal((await apiGet(page, '/persons/1')).status, 403);
  const session = await me(page);
  await page.goto('/audit');
  await page.locator('[data-testid=audit-tab-reads]').click();
  await page.waitForURL(/log=reads/);
  await settled(page);
  assert.equal(await page.locator('[data-testid=audit-tab-reads]').getAttribute('aria-current'), 'page');
  const actor = page.locator('#audit-actor');
  if ((await actor.evaluate((el) => el.tagName)) === 'SELECT') await actor.selectOption(String(session.user.id));
  else await actor.fill(String(session.user.id));
  await page.locator('#reads-outcome').selectOption('denied');
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForURL(/outcome=denied/);
  assert.match(page.url(), /log=reads/);
  await waitForColumn(page, '[data-testid=reads-table]', 2, session.user.email);
  const row = page.locator('[data-testid=reads-table] tbody tr', { hasText: '/api/v1/persons/1' }).first();
  await row.waitFor();
  assert.ok((await row.textContent()).includes(tr('it', 'audit.reads.outcomes.denied')));
  await checkBothLanguages(page, 'audit-reads');

  // A person id that is not a number is refused before asking the server.
  await page.locator('#reads-person').fill('abc');
  await page.locator('form[role=search] button[type=submit]').click();
  await page.locator('#reads-person-error').waitFor();
});

test('an expired session sends the user to the login page with a notice', async () => {
  await page.goto('/home');
  await page.locator('[data-testid=home]').waitFor();
  await page.route('**/api/v1/organizations**', (route) =>
    route.fulfill({
      status: 401,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ error: { code: 'unauthenticated', message: 'sign in first' } }),
    }),
  );
  try {
    // Not openFromNav, which waits for the page the 401 sends away from.
    await clickNav(page, '/organizations');
    await page.waitForURL(/\/login\?next=%2Forganizations/);
    await page.locator('.alert-warning', { hasText: tr('it', 'login.sessionExpired') }).waitFor();
  } finally {
    await page.unroute('**/api/v1/organizations**');
  }
  // The server session is still valid: reloading finds it and returns to the page asked for.
  await page.reload();
  await page.waitForURL(/\/organizations$/);
  await page.locator('[data-testid=org-table]').waitFor();
});
