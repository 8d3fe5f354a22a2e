// Every documented route for an anonymous caller and each role, by session cookie and by API
// token, against authorization-table.mjs; and the CSRF check on cookie-authenticated writes.
//
// Writes carry an empty JSON object (DELETE and logout refuse any body): an allowed call then
// fails validation or is a no-op, so the matrix changes nothing that later tests rely on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { api, request, expectError, expectStatus, loginAllDemo, ROLES, uniqueSuffix } from '../support/client.mjs';
import { AUTHORIZATION, CALLERS, SESSION_ONLY } from './authorization-table.mjs';

let documented; // ["METHOD /pattern", ...] from openapi.json
let sessions; // role -> session
const tokens = {}; // role -> {id, token}
const ids = {}; // caller -> {org, user, token}: ids the caller can address

before(async () => {
  const doc = expectStatus(await api('GET', '/openapi.json'), 200);
  documented = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) documented.push(`${method.toUpperCase()} ${path}`);
  }
  documented.sort();
  sessions = await loginAllDemo();
  for (const role of ROLES) {
    const s = sessions[role];
    const created = expectStatus(
      await api('POST', '/auth/tokens', { session: s, body: { name: `matrix ${uniqueSuffix()}`, expires_in_days: 1 } }),
      201,
    );
    tokens[role] = { id: created.id, token: created.token };
    ids[role] = { org: s.user.organization.id, user: s.user.id, token: created.id };
  }
  // An anonymous caller addresses real records too: the admin's.
  ids.anonymous = ids.admin;
});

after(async () => {
  // Tokens made for the matrix go away (the sessions were signed out by the last test).
  for (const role of ROLES) {
    if (!tokens[role]) continue;
    await api('DELETE', `/auth/tokens/${tokens[role].id}`, { token: tokens[role].token });
  }
});

function pathFor(route, callerIds) {
  const pattern = route.slice(route.indexOf(' ') + 1);
  let id = null;
  if (pattern.startsWith('/api/v1/organizations/')) id = callerIds.org;
  else if (pattern.startsWith('/api/v1/users/')) id = callerIds.user;
  else if (pattern.startsWith('/api/v1/auth/tokens/')) id = callerIds.token;
  // Other records need not exist: a 404 still shows the caller got past the policy.
  else id = 1;
  if (pattern.includes('{')) assert.ok(id, `no id to substitute in ${pattern}`);
  return pattern.replace(/\{[a-z_]+\}/g, String(id));
}

function send(route, path, auth) {
  const method = route.slice(0, route.indexOf(' '));
  const write = !['GET', 'HEAD'].includes(method);
  return request(method, path, { ...auth, body: write ? {} : undefined });
}

// Checks one call against the expectation; returns a problem description or null.
function judge(route, caller, res, { expectAllowed, deniedStatus, deniedCode }) {
  const got = `${res.status} ${res.json?.error?.code ?? ''}`.trim();
  if (expectAllowed) {
    if (res.status === 401 || res.status === 403 || res.status >= 500)
      return `${route} as ${caller}: expected allowed, got ${got}`;
    return null;
  }
  if (res.status !== deniedStatus || res.json?.error?.code !== deniedCode)
    return `${route} as ${caller}: expected ${deniedStatus} ${deniedCode}, got ${got}`;
  return null;
}

test('the table has exactly one entry per documented route', () => {
  const table = Object.keys(AUTHORIZATION).sort();
  const missing = documented.filter((r) => !table.includes(r));
  const extra = table.filter((r) => !documented.includes(r));
  assert.deepEqual(missing, [], 'documented routes without an entry in authorization-table.mjs');
  assert.deepEqual(extra, [], 'entries in authorization-table.mjs for routes that do not exist');
});

test("the table agrees with each operation's x-innet-action", async () => {
  const doc = (await api('GET', '/openapi.json')).json;
  for (const route of documented) {
    const [method, path] = route.split(' ');
    const action = doc.paths[path][method.toLowerCase()]['x-innet-action'];
    const row = AUTHORIZATION[route];
    if (!row) continue; // reported by the test above
    if (action === 'public') assert.ok(CALLERS.every((c) => row[c]), `${route} is public`);
    else assert.equal(row.anonymous, false, `${route} (${action}) needs authentication`);
    if (action === 'authenticated') assert.ok(ROLES.every((r) => row[r]), `${route} is for anyone signed in`);
  }
});

test('route x caller matrix with session cookies', async () => {
  const problems = [];
  let calls = 0;
  for (const route of documented) {
    const row = AUTHORIZATION[route];
    if (!row) continue;
    for (const caller of CALLERS) {
      const auth = caller === 'anonymous' ? {} : { session: sessions[caller] };
      const res = await send(route, pathFor(route, ids[caller]), auth);
      calls++;
      const problem = judge(route, caller, res, {
        expectAllowed: row[caller],
        deniedStatus: caller === 'anonymous' ? 401 : 403,
        deniedCode: caller === 'anonymous' ? 'unauthenticated' : 'forbidden',
      });
      if (problem) problems.push(problem);
    }
  }
  assert.equal(calls, documented.length * CALLERS.length);
  assert.deepEqual(problems, []);
  // The matrix changed nothing for the callers: every session still works.
  for (const role of ROLES) expectStatus(await api('GET', '/auth/me', { session: sessions[role] }), 200);
});

test('route x role matrix with API tokens (no CSRF header)', async () => {
  const problems = [];
  for (const route of documented) {
    const row = AUTHORIZATION[route];
    if (!row) continue;
    for (const role of ROLES) {
      const res = await send(route, pathFor(route, ids[role]), { token: tokens[role].token });
      const sessionOnly = SESSION_ONLY.has(route);
      const problem = judge(route, `${role} (token)`, res, {
        expectAllowed: row[role] && !sessionOnly,
        deniedStatus: 403,
        deniedCode: sessionOnly && row[role] ? 'session_required' : 'forbidden',
      });
      if (problem) problems.push(problem);
    }
  }
  assert.deepEqual(problems, []);
  for (const role of ROLES) {
    const me = expectStatus(await api('GET', '/auth/me', { token: tokens[role].token }), 200);
    assert.equal(me.user.role, role);
    assert.equal(me.csrf_token, null, 'a token has no CSRF token');
  }
});

test('cookie-authenticated writes need the session CSRF token', async () => {
  const admin = sessions.admin;
  const other = sessions.case_worker;
  const writes = [
    ['POST', '/organizations', {}],
    ['PATCH', `/organizations/${ids.admin.org}`, {}],
    ['POST', '/users', {}],
    ['PATCH', `/users/${ids.admin.user}`, {}],
    ['POST', `/users/${ids.admin.user}/password`, {}],
    ['POST', '/auth/tokens', {}],
    ['POST', '/auth/password', {}],
    ['DELETE', `/auth/tokens/${ids.admin.token}`, undefined],
    ['POST', '/auth/logout', undefined],
  ];
  for (const [method, path, body] of writes) {
    for (const csrf of [false, '', 'wrong', admin.csrf.replace(/.$/, (c) => (c === '0' ? '1' : '0')), other.csrf]) {
      const res = await api(method, path, { session: admin, body, csrf });
      expectError(res, 403, 'csrf_failed', []);
    }
  }
  // With the right token the same requests get past the check (and fail validation).
  expectError(await api('POST', '/organizations', { session: admin, body: {} }), 400, 'validation_failed', ['name', 'type']);
  // The refused logout left the session signed in; reads need no CSRF token.
  const me = expectStatus(await api('GET', '/auth/me', { session: admin, csrf: false }), 200);
  assert.equal(me.user.id, ids.admin.user);
  // An API token is not sent by browsers on their own: no CSRF token needed.
  expectError(
    await api('POST', '/organizations', { token: tokens.admin.token, body: {} }),
    400,
    'validation_failed',
    ['name', 'type'],
  );
});

test('logout (last): the session is revoked and the cookie cleared', async () => {
  for (const role of ROLES) {
    const s = sessions[role];
    const res = await api('POST', '/auth/logout', { session: s });
    assert.equal(res.status, 204, `${role}: ${res.text}`);
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith('innet_session='));
    assert.ok(cleared, 'logout sends a Set-Cookie');
    assert.match(cleared, /^innet_session=;/);
    assert.match(cleared, /Max-Age=0/);
    expectError(await api('GET', '/auth/me', { session: s }), 401, 'unauthenticated');
    // A signed-out cookie is treated as no cookie: protected writes answer 401, not 403.
    expectError(await api('POST', '/organizations', { session: s, body: {} }), 401, 'unauthenticated');
    // The token made with that session still works until revoked.
    expectStatus(await api('GET', '/auth/me', { token: tokens[role].token }), 200);
  }
});
