// Shared helpers for the API tests: requests with a session cookie and CSRF token or a Bearer
// token, demo logins, accounts made for a test, and the error envelope check.
//
// Environment (set by scripts/run-tests.sh): INNET_BASE_URL, INNET_BIN, INNET_DB_URL,
// INNET_SECRETS_FILE. The server trusts X-Forwarded-For from 127.0.0.1, so every request carries
// an address of its own choosing: login throttling counts per account and per address, and tests
// that log in use fresh addresses so that they never throttle each other or the demo accounts.
import assert from 'node:assert/strict';

import { checkAgainstContract } from './contract.mjs';
import { DEMO_PASSWORD, ROLES, demoEmail } from './demo.mjs';
import { BASE_URL } from './openapi.mjs';

export { BASE_URL, DEMO_PASSWORD, ROLES, demoEmail };
export const API = '/api/v1';

// A random address in 10.0.0.0/8, used only as the X-Forwarded-For header value.
export function randomAddress() {
  const octet = () => 1 + Math.floor(Math.random() * 254);
  return `10.${octet()}.${octet()}.${octet()}`;
}

// A short unique suffix for names and e-mail addresses made by a test.
export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

const defaultAddress = randomAddress();

// Sends a request and reads the whole answer.
//   opts.session: {cookie, csrf, address} from login(); sends the cookie and, for writes, the CSRF
//                 token (opts.csrf: false to leave it out, or a string to send instead)
//   opts.token:   an API token, sent as Authorization: Bearer
//   opts.body:    an object (sent as JSON), or a string or Buffer sent as it is
//   opts.address: X-Forwarded-For (default: the session's, else one per test process)
//   opts.headers: more headers
// Returns {status, headers, text, json} (json is null when the body is not JSON).
export async function request(method, path, opts = {}) {
  const headers = { accept: 'application/json', ...(opts.headers ?? {}) };
  headers['x-forwarded-for'] ??= opts.address ?? opts.session?.address ?? defaultAddress;
  if (opts.session) {
    headers.cookie = `innet_session=${opts.session.cookie}`;
    const write = !['GET', 'HEAD'].includes(method);
    if (write && opts.csrf !== false) {
      headers['x-csrf-token'] = typeof opts.csrf === 'string' ? opts.csrf : opts.session.csrf;
    }
  }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body;
  if (opts.body !== undefined) {
    if (typeof opts.body === 'string' || Buffer.isBuffer(opts.body)) {
      body = opts.body;
    } else {
      body = JSON.stringify(opts.body);
    }
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(BASE_URL + path, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let json = null;
  if (text !== '' && (res.headers.get('content-type') ?? '').startsWith('application/json')) {
    json = JSON.parse(text);
  }
  const answer = { status: res.status, headers: res.headers, text, json };
  await checkAgainstContract(method, path, answer);
  return answer;
}

export const api = (method, path, opts) => request(method, API + path, opts);

// Asserts the error envelope {"error": {"code", "message", "fields"}} with this status and code;
// `fields` (optional) lists field names that must be named, and nothing else.
export function expectError(res, status, code, fields) {
  const where = `${res.status} ${res.text.slice(0, 300)}`;
  assert.equal(res.status, status, where);
  assert.ok(res.json && typeof res.json.error === 'object', `no error envelope: ${where}`);
  const e = res.json.error;
  assert.equal(e.code, code, where);
  assert.equal(typeof e.message, 'string', where);
  assert.ok(e.message.length > 0, where);
  assert.equal(typeof e.fields, 'object', where);
  assert.ok(e.fields !== null && !Array.isArray(e.fields), where);
  if (fields) assert.deepEqual(Object.keys(e.fields).sort(), [...fields].sort(), where);
  // Every field error: a machine code, its parameters and the English message (decision 0013).
  for (const f of Object.values(e.fields)) {
    assert.match(f.code, /^[a-z][a-z0-9_]*$/, where);
    assert.ok(f.params && typeof f.params === 'object' && !Array.isArray(f.params), where);
    assert.equal(typeof f.message, 'string', where);
  }
  return e;
}

// Asserts a success status and returns the parsed body.
export function expectStatus(res, status) {
  assert.equal(res.status, status, `${res.status} ${res.text.slice(0, 300)}`);
  return res.json;
}

// Logs in; returns the raw response.
export function tryLogin(email, password, address = randomAddress()) {
  return api('POST', '/auth/login', { body: { email, password }, address });
}

// Logs in and returns a session: {cookie, csrf, user, address, email, password}.
export async function login(email, password, address = randomAddress()) {
  const res = await tryLogin(email, password, address);
  assert.equal(res.status, 200, `login ${email}: ${res.status} ${res.text}`);
  const cookie = sessionCookie(res);
  assert.ok(cookie, 'login sets the session cookie');
  return { cookie, csrf: res.json.csrf_token, user: res.json.user, address, email, password };
}

// The innet_session value from a response's Set-Cookie, or null.
export function sessionCookie(res) {
  for (const c of res.headers.getSetCookie()) {
    const m = /^innet_session=([^;]*)/.exec(c);
    if (m) return m[1];
  }
  return null;
}

export const loginDemo = (role) => login(demoEmail(role), DEMO_PASSWORD);

// Logs every demo role in (the server hashes two at a time); returns {role: session}.
export async function loginAllDemo() {
  const sessions = await Promise.all(ROLES.map((r) => loginDemo(r)));
  return Object.fromEntries(ROLES.map((r, i) => [r, sessions[i]]));
}

// The first organisation whose name is exactly `name` (as any signed-in user sees it).
export async function findOrganization(session, name) {
  const res = await api('GET', `/organizations?q=${encodeURIComponent(name)}&per_page=100`, { session });
  expectStatus(res, 200);
  const org = res.json.items.find((o) => o.name === name);
  assert.ok(org, `organisation ${name} exists`);
  return org;
}

// Creates an organisation as admin; returns it.
export async function createOrganization(admin, fields = {}) {
  const body = { name: `Test org ${uniqueSuffix()}`, type: 'ngo', ...fields };
  return expectStatus(await api('POST', '/organizations', { session: admin, body }), 201);
}

// Creates a user as admin; returns {user, email, password}.
export async function createUser(admin, { organizationId, role = 'analyst', password, name } = {}) {
  const suffix = uniqueSuffix();
  const email = `user-${suffix}@test.innet.example`;
  const pw = password ?? `Pw-${suffix}-long`;
  const body = {
    email,
    display_name: name ?? `Test User ${suffix}`,
    role,
    organization_id: organizationId ?? admin.user.organization.id,
    password: pw,
  };
  const user = expectStatus(await api('POST', '/users', { session: admin, body }), 201);
  return { user, email, password: pw };
}

export { poll } from './poll.mjs';

// Every item of a paged list (per_page=100).
export async function listAll(session, path, opts = {}) {
  const items = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let page = 1; ; page++) {
    const res = await api('GET', `${path}${sep}per_page=100&page=${page}`, { session, ...opts });
    const body = expectStatus(res, 200);
    items.push(...body.items);
    if (body.items.length < 100 || items.length >= body.total) return { items, total: body.total };
  }
}
