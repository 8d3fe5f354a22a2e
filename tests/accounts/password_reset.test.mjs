// Forgotten password (issue 9 point 13): a reset link by e-mail, through the SMTP sink that
// scripts/run-tests.sh starts (tests/support/smtp-sink.mjs). The same answer for any address;
// the link works once, only while it is the newest, and revokes every session of the account.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import {
  api,
  createUser,
  expectError,
  expectStatus,
  login,
  loginDemo,
  randomAddress,
  tryLogin,
  uniqueSuffix,
} from '../support/client.mjs';
import { MAIL_DIR, mailsTo, waitForMails } from '../support/mail.mjs';

let admin;
before(async () => {
  assert.ok(MAIL_DIR, 'INNET_MAIL_DIR is set: the SMTP sink runs (scripts/run-tests.sh)');
  admin = await loginDemo('admin');
});

const ask = (email, address = randomAddress()) =>
  api('POST', '/auth/password-reset', { body: { email }, address });
const confirm = (token, password) =>
  api('POST', '/auth/password-reset/confirm', { body: { token, new_password: password } });

// The token of the link in the mail.
function tokenOf(mail) {
  const m = /https:\/\/innet\.test\/reset\?token=([0-9a-f]{64})\b/.exec(mail.body);
  assert.ok(m, `a reset link in:\n${mail.body}`);
  return m[1];
}

test('the same answer for a registered and an unknown address; only the account gets a mail', async () => {
  const made = await createUser(admin);
  const unknown = `nobody-${uniqueSuffix()}@test.innet.example`;
  const known = await ask(made.email);
  const other = await ask(unknown);
  assert.equal(known.status, 202);
  assert.equal(other.status, 202);
  assert.equal(known.text, other.text);
  assert.deepEqual(known.json, { status: 'accepted' });
  const [mail] = await waitForMails(made.email);
  assert.match(mail.subject, /password/);
  assert.equal(mail.headers['content-type'], 'text/plain; charset=UTF-8');
  // Italian first, then English; the link in both.
  assert.ok(mail.body.indexOf('Buongiorno') < mail.body.indexOf('Hello'));
  assert.equal(mail.body.split(`token=${tokenOf(mail)}`).length, 3);
  assert.match(mail.body, /30 minuti/);
  await sleep(300);
  assert.deepEqual(mailsTo(unknown), []);
  // A malformed address is refused as such, as for any request.
  expectError(await ask('not-an-address'), 400, 'validation_failed', ['email']);
});

test('the link sets a new password once and revokes every session and API token', async () => {
  const made = await createUser(admin);
  const session = await login(made.email, made.password);
  const token = expectStatus(
    await api('POST', '/auth/tokens', { session, body: { name: 'script', expires_in_days: 30 } }),
    201,
  ).token;
  expectStatus(await ask(made.email), 202);
  const link = tokenOf((await waitForMails(made.email))[0]);
  // The same password rules as a change, checked before the link is used.
  expectError(await confirm(link, 'short'), 422, 'validation_failed', ['new_password']);
  const next = `Reset-${uniqueSuffix()}-long`;
  assert.equal((await confirm(link, next)).status, 204);
  assert.equal((await api('GET', '/auth/me', { session })).status, 401);
  assert.equal((await api('GET', '/auth/me', { token })).status, 401);
  expectError(await tryLogin(made.email, made.password), 401, 'invalid_credentials');
  await login(made.email, next);
  // Once only.
  expectError(await confirm(link, `Again-${uniqueSuffix()}-long`), 400, 'invalid_reset_link');
  expectError(await confirm('0'.repeat(64), `Again-${uniqueSuffix()}-long`), 400, 'invalid_reset_link');
  // Audited, with the account.
  const entries = expectStatus(
    await api('GET', '/audit?action=auth.password_reset&per_page=100', { session: admin }),
    200,
  ).items.filter((e) => e.entity_id === String(made.user.id));
  assert.equal(entries.length, 1);
  assert.equal(entries[0].actor_user_id, made.user.id);
});

test('a newer link, or a change of password, voids the older one', async () => {
  const made = await createUser(admin);
  expectStatus(await ask(made.email), 202);
  const first = tokenOf((await waitForMails(made.email, 1))[0]);
  expectStatus(await ask(made.email), 202);
  const second = tokenOf((await waitForMails(made.email, 2))[1]);
  assert.notEqual(first, second);
  expectError(await confirm(first, `Reset-${uniqueSuffix()}-long`), 400, 'invalid_reset_link');
  // A change of password through the account voids the newest too.
  const session = await login(made.email, made.password);
  const changed = `Changed-${uniqueSuffix()}-long`;
  const res = await api('POST', '/auth/password', {
    session,
    body: { current_password: made.password, new_password: changed },
  });
  assert.equal(res.status, 204);
  expectError(await confirm(second, `Reset-${uniqueSuffix()}-long`), 400, 'invalid_reset_link');
  await login(made.email, changed);
});

test('requests are throttled per address typed, alike for a registered and an unknown one', async () => {
  const made = await createUser(admin);
  const unknown = `nobody-${uniqueSuffix()}@test.innet.example`;
  for (const email of [made.email, unknown]) {
    // Five free requests, from anywhere; the sixth waits.
    for (let i = 0; i < 5; i++) expectStatus(await ask(email), 202);
    const res = await ask(email);
    expectError(res, 429, 'too_many_attempts', []);
    assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
  }
  // Sign-in has gates of its own: the account still signs in.
  await login(made.email, made.password);
});
