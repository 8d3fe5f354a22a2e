// Sign-in, sessions, own password change, login throttling and API tokens. Accounts whose
// passwords change or that get delayed are made for this file; demo accounts only sign in.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import {
  api,
  expectError,
  expectStatus,
  loginDemo,
  login,
  tryLogin,
  sessionCookie,
  createUser,
  randomAddress,
  uniqueSuffix,
  demoEmail,
  DEMO_PASSWORD,
} from '../support/client.mjs';

let admin;
let pwUser; // changes its password
let lockUser; // gets delayed by failed attempts on the account
let addrUser; // signs in from an address that is delayed
let tokenUser; // makes API tokens

before(async () => {
  admin = await loginDemo('admin');
  [pwUser, lockUser, addrUser, tokenUser] = await Promise.all(
    [1, 2, 3, 4].map(() => createUser(admin, { role: 'case_worker' })),
  );
});

const nobody = () => `nobody-${uniqueSuffix()}@test.innet.example`;

test('login sets an HttpOnly, SameSite=Strict session cookie and returns user and CSRF token', async () => {
  const res = await tryLogin(demoEmail('inspector'), DEMO_PASSWORD);
  const body = expectStatus(res, 200);
  const cookies = res.headers.getSetCookie();
  assert.equal(cookies.length, 1, cookies.join(' | '));
  const attrs = cookies[0].split(';').map((s) => s.trim());
  assert.match(attrs[0], /^innet_session=[0-9a-f]{64}$/);
  assert.ok(attrs.includes('HttpOnly'), cookies[0]);
  assert.ok(attrs.includes('SameSite=Strict'), cookies[0]);
  assert.ok(attrs.includes('Path=/'), cookies[0]);
  assert.ok(!attrs.includes('Secure'), 'no Secure flag over plain HTTP');
  const maxAge = attrs.find((a) => a.startsWith('Max-Age='));
  assert.ok(maxAge && Number(maxAge.slice(8)) > 0, cookies[0]);
  assert.equal(res.headers.get('cache-control'), 'no-store');

  assert.match(body.csrf_token, /^[0-9a-f]{64}$/);
  assert.equal(body.user.email, demoEmail('inspector'));
  assert.equal(body.user.role, 'inspector');
  for (const p of ['organizations.read', 'users.read']) assert.ok(body.user.permissions.includes(p), p);
  for (const p of ['organizations.manage', 'users.manage', 'users.fields.contact', 'audit.read']) {
    assert.ok(!body.user.permissions.includes(p), `an inspector has no ${p}`);
  }
  assert.equal(typeof body.user.organization.name, 'string');
  assert.ok(!JSON.stringify(body).includes('argon2'), 'no password hash in the answer');

  const session = { cookie: sessionCookie(res), csrf: body.csrf_token };
  const me = expectStatus(await api('GET', '/auth/me', { session }), 200);
  assert.equal(me.user.id, body.user.id);
  assert.equal(me.csrf_token, body.csrf_token);
  assert.deepEqual(me.user.permissions, body.user.permissions);
  // Two logins are two sessions with different tokens.
  const other = await loginDemo('inspector');
  assert.notEqual(other.cookie, session.cookie);
  assert.notEqual(other.csrf, session.csrf);
});

test('behind a TLS-terminating proxy the cookie is Secure', async () => {
  const res = await api('POST', '/auth/login', {
    body: { email: demoEmail('analyst'), password: DEMO_PASSWORD },
    address: randomAddress(),
    headers: { 'x-forwarded-proto': 'https' },
  });
  expectStatus(res, 200);
  const cookie = res.headers.getSetCookie()[0];
  assert.ok(cookie.split(';').map((s) => s.trim()).includes('Secure'), cookie);
});

test('a wrong password and an unknown e-mail get the same 401 invalid_credentials', async () => {
  const wrong = await tryLogin(pwUser.email, 'not-the-password');
  expectError(wrong, 401, 'invalid_credentials', []);
  assert.deepEqual(wrong.headers.getSetCookie(), []);
  const unknown = await tryLogin(nobody(), 'not-the-password');
  expectError(unknown, 401, 'invalid_credentials', []);
  assert.deepEqual(unknown.json, wrong.json, 'the answer does not tell whether the account exists');
  // The e-mail is case-insensitive, the password is not.
  expectError(await tryLogin(pwUser.email, pwUser.password.toUpperCase()), 401, 'invalid_credentials');
  const s = await login(pwUser.email.toUpperCase(), pwUser.password);
  assert.equal(s.user.id, pwUser.user.id);
});

test('/auth/me needs a valid session or token', async () => {
  expectError(await api('GET', '/auth/me'), 401, 'unauthenticated', []);
  const fake = { cookie: 'f'.repeat(64), csrf: 'x' };
  expectError(await api('GET', '/auth/me', { session: fake }), 401, 'unauthenticated', []);
  expectError(await api('GET', '/auth/me', { session: { cookie: '', csrf: '' } }), 401, 'unauthenticated');
  expectError(await api('GET', '/auth/me', { token: 'innet_' + '0'.repeat(48) }), 401, 'invalid_token', []);
  expectError(await api('GET', '/auth/me', { token: 'nonsense' }), 401, 'invalid_token', []);
  const res = await api('GET', '/auth/me', { headers: { authorization: 'Basic YWRtaW46ZGVtbw==' } });
  expectError(res, 401, 'unauthenticated');
});

test('logout revokes the session; the cookie no longer works', async () => {
  const s = await login(pwUser.email, pwUser.password);
  const keep = await login(pwUser.email, pwUser.password);
  const res = await api('POST', '/auth/logout', { session: s });
  assert.equal(res.status, 204, res.text);
  assert.match(res.headers.getSetCookie()[0], /^innet_session=; .*Max-Age=0/);
  expectError(await api('GET', '/auth/me', { session: s }), 401, 'unauthenticated');
  expectError(await api('POST', '/auth/logout', { session: s }), 401, 'unauthenticated');
  // Only that session: the other one of the same user goes on.
  expectStatus(await api('GET', '/auth/me', { session: keep }), 200);
  expectError(await api('POST', '/auth/logout'), 401, 'unauthenticated');
});

test('password change: old password fails, new works, other sessions and API tokens are revoked', async () => {
  const [a, b] = await Promise.all([login(pwUser.email, pwUser.password), login(pwUser.email, pwUser.password)]);
  const next = `Cambiata-${uniqueSuffix()}`;
  const token = expectStatus(
    await api('POST', '/auth/tokens', { session: a, body: { name: 'before the change', expires_in_days: 1 } }),
    201,
  ).token;

  let res = await api('POST', '/auth/password', { session: a, body: { current_password: 'wrong-password', new_password: next } });
  expectError(res, 422, 'validation_failed', ['current_password']);
  res = await api('POST', '/auth/password', { session: a, body: { current_password: pwUser.password, new_password: 'short' } });
  expectError(res, 422, 'validation_failed', ['new_password']);
  assert.deepEqual(res.json.error.fields.new_password, { code: 'too_short', params: { min: 10 }, message: 'at least 10 characters' });
  expectStatus(await api('GET', '/auth/me', { session: b }), 200);
  expectStatus(await api('GET', '/auth/me', { token }), 200);

  res = await api('POST', '/auth/password', { session: a, body: { current_password: pwUser.password, new_password: next } });
  assert.equal(res.status, 204, res.text);
  expectStatus(await api('GET', '/auth/me', { session: a }), 200);
  expectError(await api('GET', '/auth/me', { session: b }), 401, 'unauthenticated');
  expectError(await api('GET', '/auth/me', { token }), 401, 'invalid_token');
  expectError(await tryLogin(pwUser.email, pwUser.password), 401, 'invalid_credentials');
  const fresh = await login(pwUser.email, next);
  assert.equal(fresh.user.id, pwUser.user.id);
  pwUser.password = next;
  // Changing it again needs the new current password.
  res = await api('POST', '/auth/password', { session: fresh, body: { current_password: 'x'.repeat(12), new_password: `${next}-2` } });
  expectError(res, 422, 'validation_failed', ['current_password']);
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Asserts a 429 too_many_attempts with a Retry-After of 1..max seconds; returns the seconds.
function expectThrottled(res, max) {
  expectError(res, 429, 'too_many_attempts', []);
  const retry = res.headers.get('retry-after');
  assert.match(retry ?? '', /^\d+$/, `Retry-After: ${retry}`);
  assert.ok(Number(retry) >= 1 && Number(retry) <= max, `Retry-After: ${retry}`);
  assert.deepEqual(res.headers.getSetCookie(), []);
  return Number(retry);
}

// The audit entries of this action for this e-mail address, oldest first.
async function auditedFor(action, email) {
  const res = await api('GET', `/audit?action=${action}&per_page=100`, { session: admin });
  return expectStatus(res, 200).items.filter((e) => e.actor_email === email).reverse();
}

// A wrong password once the gates let it be checked (waiting out any 429 first).
async function failAdmitted(email, address) {
  for (;;) {
    const res = await tryLogin(email, 'wrong-when-admitted', address);
    if (res.status !== 429) return expectError(res, 401, 'invalid_credentials');
    await sleep(Number(res.headers.get('retry-after')) * 1000);
  }
}

// Sends `attempt`, a failure that will be counted, and 1 s later, once a loaded machine has surely
// counted it (the wait begins then, before the hash) and well within its 4 s wait, runs the checks
// one after the other; returns the attempt's answer and the checks'. Checks sent after the answer
// came back could find the wait over on a loaded machine (seen on CI with a 2 s and a 4 s wait);
// checks sent 300 ms after it could come before the attempt was counted (seen under load 16).
async function failWhileChecking(attempt, checks) {
  for (;;) {
    const pending = attempt();
    await sleep(1000);
    const results = [];
    for (const check of checks) results.push(await check());
    const failure = await pending;
    if (failure.status !== 429) return { failure, results };
    // The attempt came during an earlier wait, so its checks proved nothing; one that passed has
    // changed what the test relies on.
    for (const r of results) assert.equal(r.status, 429, 'a check passed while the attempt was refused: the earlier wait outlasted the sleep');
    await sleep(Number(failure.headers.get('retry-after')) * 1000);
  }
}

test('failures on an account cost a doubling delay; the right password passes once it is over', async () => {
  const address = randomAddress();
  for (let i = 0; i < 5; i++) {
    expectError(await tryLogin(lockUser.email, `wrong-${i}`, address), 401, 'invalid_credentials');
  }
  await failAdmitted(lockUser.email, address); // the 6th costs 2 s
  await sleep(3000); // the 6th's 2 s wait, with room for a slow answer
  // The 7th costs 4 s. The wait runs for the account from any address, however the e-mail is
  // spelled; the password is not even checked, so the right one is refused too.
  const { failure, results } = await failWhileChecking(
    () => tryLogin(lockUser.email, 'wrong-7', address),
    [
      () => tryLogin(lockUser.email, lockUser.password, randomAddress()),
      () => tryLogin(lockUser.email.toUpperCase(), 'wrong-again', randomAddress()),
      () => tryLogin(lockUser.email, lockUser.password, address),
    ],
  );
  expectError(failure, 401, 'invalid_credentials');
  const wait = Math.max(...results.map((r) => expectThrottled(r, 4)));
  // Other accounts are not affected, from the same address either.
  const other = await login(addrUser.email, addrUser.password, address);
  assert.equal(other.user.id, addrUser.user.id);
  await sleep(wait * 1000 + 100);
  const s = await login(lockUser.email, lockUser.password, address);
  assert.equal(s.user.id, lockUser.user.id);
  // A success forgets the failures.
  expectError(await tryLogin(lockUser.email, 'wrong-after', address), 401, 'invalid_credentials');
  expectError(await tryLogin(lockUser.email, 'wrong-after', address), 401, 'invalid_credentials');

  // Audited once per window with the count; refused attempts are not audited at all.
  const entries = await auditedFor('auth.login', lockUser.email);
  assert.deepEqual(
    entries.map((e) => [e.outcome, e.details?.window ?? null, e.details?.failures ?? null]),
    [
      ['failure', 'opened', 1],
      ['failure', 'closed', 7],
      ['success', null, null],
      ['failure', 'opened', 1],
    ],
  );
  assert.ok(entries.every((e) => e.client_address === address));
  assert.ok(!entries.some((e) => e.outcome === 'denied'));
});

test('one address: many failures delay everyone behind it only briefly, and never lock it out', async () => {
  const address = randomAddress();
  // An office behind one NAT: 20 failures on 20 accounts are free. Four at a time: the server
  // hashes two at a time, and parallel attempts are each counted.
  for (let i = 0; i < 20; i += 4) {
    const results = await Promise.all([0, 1, 2, 3].map(() => tryLogin(nobody(), 'whatever-password', address)));
    for (const r of results) expectError(r, 401, 'invalid_credentials');
  }
  // Then each failure from the address doubles its wait (1 s, 2 s, 4 s ... up to 30 s)...
  await failAdmitted(nobody(), address);
  await failAdmitted(nobody(), address);
  await sleep(4100);
  // ...for every account behind it (the third, at most 8 s)...
  const { failure, results } = await failWhileChecking(
    () => tryLogin(nobody(), 'whatever-password', address),
    [() => tryLogin(addrUser.email, addrUser.password, address), () => tryLogin(nobody(), 'whatever-password', address)],
  );
  expectError(failure, 401, 'invalid_credentials');
  const wait = Math.max(...results.map((r) => expectThrottled(r, 8)));
  // ...and the right password passes once the wait is over.
  await sleep(wait * 1000 + 100);
  const s = await login(addrUser.email, addrUser.password, address);
  assert.equal(s.user.id, addrUser.user.id);
  // The account itself was never held back elsewhere.
  assert.equal((await login(addrUser.email, addrUser.password, randomAddress())).user.id, addrUser.user.id);
});

test('a flood of bad sign-ins adds a handful of audit entries, not one per request', async () => {
  const victim = await createUser(admin, { role: 'case_worker' });
  const logins = async () => expectStatus(await api('GET', '/audit?action=auth.login&per_page=1', { session: admin }), 200).total;
  const before = await logins();
  const statuses = { 401: 0, 429: 0 };
  const fire = async (n, attempt) => {
    for (let i = 0; i < n; i += 20) {
      const results = await Promise.all(Array.from({ length: 20 }, (_, k) => attempt(i + k)));
      for (const r of results) {
        assert.ok(r.status === 401 || r.status === 429, `${r.status} ${r.text}`);
        statuses[r.status]++;
      }
    }
  };
  // 200 guesses at one account, then 200 at as many unknown accounts, all from one address.
  const address = randomAddress();
  await fire(200, (i) => tryLogin(victim.email, `guess-${i}`, address));
  await fire(200, () => tryLogin(nobody(), 'guess', address));
  assert.equal(statuses[401] + statuses[429], 400);
  assert.ok(statuses[401] <= 30, `${statuses[401]} guesses were checked`);
  // One entry for the victim's window, one per unknown account's window: bounded by the guesses
  // that were checked, whatever the number of requests.
  const added = (await logins()) - before;
  assert.ok(added >= 2 && added <= statuses[401], `${added} entries for ${statuses[401]} checked guesses`);
  assert.ok(added <= 30, `${added} audit entries`);
});

test('a wrong current password is throttled and audited like a failed sign-in', async () => {
  const made = await createUser(admin, { role: 'case_worker' });
  const address = randomAddress();
  const session = await login(made.email, made.password, address);
  const change = (current) =>
    api('POST', '/auth/password', { session, body: { current_password: current, new_password: `Changed-${uniqueSuffix()}` } });
  for (let i = 0; i < 5; i++) expectError(await change(`wrong-${i}-password`), 422, 'validation_failed', ['current_password']);
  // The 6th failure, once the 1 s wait of the 5th is over, costs 2 s.
  for (;;) {
    const res = await change('wrong-6-password');
    if (res.status === 422) break;
    await sleep(expectThrottled(res, 1) * 1000);
  }
  await sleep(3000); // the 6th's 2 s wait, with room for a slow answer
  // The 7th costs 4 s: refused without a look at the password, the right one included; sign-in
  // waits too.
  const { failure, results } = await failWhileChecking(
    () => change('wrong-7-password'),
    [() => change(made.password), () => tryLogin(made.email, made.password, randomAddress())],
  );
  expectError(failure, 422, 'validation_failed', ['current_password']);
  const wait = Math.max(...results.map((r) => expectThrottled(r, 4)));
  expectStatus(await api('GET', '/auth/me', { session }), 200);
  await sleep(wait * 1000 + 100);
  assert.equal((await change(made.password)).status, 204);
  const entries = await auditedFor('auth.password_change', made.email);
  assert.deepEqual(
    entries.map((e) => [e.outcome, e.details?.window ?? null, e.details?.failures ?? null]),
    [
      ['failure', 'opened', 1],
      ['failure', 'closed', 7],
      ['success', null, null],
    ],
  );
  assert.ok(entries.every((e) => e.actor_user_id === made.user.id && e.entity_id === String(made.user.id)));
});

test('API tokens: shown once, used as Bearer, revoked', async () => {
  const s = await login(tokenUser.email, tokenUser.password);
  let res = await api('POST', '/auth/tokens', { session: s, body: { name: 'script', expires_in_days: 30 } });
  const created = expectStatus(res, 201);
  assert.match(created.token, /^innet_[0-9a-f]{48}$/);
  assert.equal(created.name, 'script');
  assert.equal(created.last_used_at, null);
  assert.equal(created.revoked_at, null);
  const days = (Date.parse(created.expires_at) - Date.parse(created.created_at)) / 86400e3;
  assert.equal(days, 30);

  // Listed without the secret.
  res = await api('GET', '/auth/tokens', { session: s });
  const list = expectStatus(res, 200);
  assert.equal(list.total, 1);
  assert.deepEqual(Object.keys(list.items[0]).sort(), ['created_at', 'expires_at', 'id', 'last_used_at', 'name', 'revoked_at']);
  assert.equal(list.items[0].id, created.id);
  assert.ok(!res.text.includes(created.token), 'the secret is shown only once');

  // As Bearer: the same user, no CSRF token; last use recorded.
  const me = expectStatus(await api('GET', '/auth/me', { token: created.token }), 200);
  assert.equal(me.user.id, tokenUser.user.id);
  assert.equal(me.csrf_token, null);
  const used = expectStatus(await api('GET', '/auth/tokens', { session: s }), 200).items[0];
  assert.match(used.last_used_at ?? '', /^\d{4}-\d{2}-\d{2}T/);
  expectStatus(await api('GET', '/users', { token: created.token }), 200);
  expectError(await api('POST', '/organizations', { token: created.token, body: {} }), 403, 'forbidden');

  // A token cannot manage credentials: no password change, no new tokens.
  res = await api('POST', '/auth/password', {
    token: created.token,
    body: { current_password: tokenUser.password, new_password: 'another-long-password' },
  });
  expectError(res, 403, 'session_required', []);
  res = await api('POST', '/auth/tokens', { token: created.token, body: { name: 'child', expires_in_days: 1 } });
  expectError(res, 403, 'session_required', []);
  assert.equal(expectStatus(await api('GET', '/auth/tokens', { token: created.token }), 200).total, 1);

  // Someone else's token cannot be revoked (and is not revealed to exist).
  const adminToken = expectStatus(
    await api('POST', '/auth/tokens', { session: admin, body: { name: `other ${uniqueSuffix()}`, expires_in_days: 1 } }),
    201,
  );
  expectError(await api('DELETE', `/auth/tokens/${adminToken.id}`, { session: s }), 404, 'not_found');
  expectError(await api('DELETE', `/auth/tokens/${adminToken.id}`, { token: created.token }), 404, 'not_found');
  expectStatus(await api('GET', '/auth/me', { token: adminToken.token }), 200);
  assert.equal((await api('DELETE', `/auth/tokens/${adminToken.id}`, { session: admin })).status, 204);

  // Revoked: 401 invalid_token from then on; revoking again is 404.
  res = await api('DELETE', `/auth/tokens/${created.id}`, { session: s });
  assert.equal(res.status, 204, res.text);
  expectError(await api('GET', '/auth/me', { token: created.token }), 401, 'invalid_token', []);
  expectError(await api('GET', '/users', { token: created.token }), 401, 'invalid_token', []);
  expectError(await api('DELETE', `/auth/tokens/${created.id}`, { session: s }), 404, 'not_found');
  const revoked = expectStatus(await api('GET', '/auth/tokens', { session: s }), 200).items[0];
  assert.match(revoked.revoked_at ?? '', /^\d{4}-\d{2}-\d{2}T/);
  expectError(await api('DELETE', '/auth/tokens/999999999', { session: s }), 404, 'not_found');

  // A token may revoke itself (a write without CSRF token: Bearer is not sent by browsers).
  const self = expectStatus(await api('POST', '/auth/tokens', { session: s, body: { name: 'self', expires_in_days: 1 } }), 201);
  assert.equal((await api('DELETE', `/auth/tokens/${self.id}`, { token: self.token })).status, 204);
  expectError(await api('GET', '/auth/me', { token: self.token }), 401, 'invalid_token');
});

test('an administrator password reset revokes the sessions and API tokens of the account', async () => {
  const made = await createUser(admin, { role: 'case_worker' });
  const session = await login(made.email, made.password);
  const created = expectStatus(
    await api('POST', '/auth/tokens', { session, body: { name: 'integration', expires_in_days: 30 } }),
    201,
  );
  expectStatus(await api('GET', '/auth/me', { token: created.token }), 200);
  const reset = await api('POST', `/users/${made.user.id}/password`, {
    session: admin,
    body: { new_password: `Reset-${uniqueSuffix()}-pw` },
  });
  assert.equal(reset.status, 204, reset.text);
  expectError(await api('GET', '/auth/me', { session }), 401, 'unauthenticated');
  expectError(await api('GET', '/auth/me', { token: created.token }), 401, 'invalid_token');
});

test('a password is taken exactly as typed: spaces and any character count', async () => {
  const password = '  spazi\tdavanti e dietro  ';
  const { email } = await createUser(admin, { role: 'analyst', password });
  const address = randomAddress();
  expectStatus(await tryLogin(email, password, address), 200);
  expectError(await tryLogin(email, password.trim(), address), 401, 'invalid_credentials');
});
