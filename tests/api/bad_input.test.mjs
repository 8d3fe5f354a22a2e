// Malformed and invalid input on every write route and on list queries: each is refused with the
// right 4xx and the error envelope naming the field, and nothing changes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import {
  api,
  request,
  expectError,
  expectStatus,
  loginDemo,
  createOrganization,
  createUser,
  uniqueSuffix,
  randomAddress,
  demoEmail,
  DEMO_PASSWORD,
} from '../support/client.mjs';

let admin;
let org; // an organisation made for this file: PATCH target
let user; // a user made for this file: PATCH and password targets

before(async () => {
  admin = await loginDemo('admin');
  org = await createOrganization(admin, { type: 'ngo', istat_code: '082053' });
  ({ user } = await createUser(admin, { organizationId: org.id }));
});

// What must not change: counts and the two records made for this file.
async function snapshot() {
  const orgs = expectStatus(await api('GET', '/organizations?per_page=1', { session: admin }), 200);
  const users = expectStatus(await api('GET', '/users?per_page=1', { session: admin }), 200);
  const tokens = expectStatus(await api('GET', '/auth/tokens?per_page=1', { session: admin }), 200);
  const o = expectStatus(await api('GET', `/organizations/${org.id}`, { session: admin }), 200);
  const u = expectStatus(await api('GET', `/users/${user.id}`, { session: admin }), 200);
  return { orgs: orgs.total, users: users.total, tokens: tokens.total, org: o, user: u };
}

// Sends each case and checks status, code and named fields, then that nothing changed.
async function refuseAll(method, path, cases) {
  const before = await snapshot();
  for (const c of cases) {
    const res = await api(method, path, { session: admin, body: c.body });
    try {
      expectError(res, c.status ?? 400, c.code ?? 'validation_failed', c.fields ?? []);
      if (c.reason) {
        const [field, pattern] = c.reason;
        assert.match(res.json.error.fields[field].message, pattern);
      }
    } catch (e) {
      e.message = `${method} ${path} ${c.name}: ${e.message}`;
      throw e;
    }
  }
  assert.deepEqual(await snapshot(), before, `${method} ${path}: something changed`);
}

const long = (n, ch = 'a') => ch.repeat(n);
// {"name":"<ff fe>ab","type":"ngo"}: not UTF-8.
const invalidUtf8 = Buffer.concat([
  Buffer.from('{"name":"'),
  Buffer.from([0xff, 0xfe, 0x61, 0x62]),
  Buffer.from('","type":"ngo"}'),
]);
// The same with an over-long encoding of '/' (C0 AF) and a lone surrogate (ED A0 80).
const overlongUtf8 = Buffer.concat([Buffer.from('{"name":"x'), Buffer.from([0xc0, 0xaf]), Buffer.from('yz","type":"ngo"}')]);
const surrogateUtf8 = Buffer.concat([Buffer.from('{"name":"x'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('yz","type":"ngo"}')]);

// Cases every JSON-body route refuses before looking at fields.
const malformed = [
  { name: 'malformed JSON', body: '{"name": "x",', code: 'invalid_json' },
  { name: 'trailing garbage', body: '{} {}', code: 'invalid_json' },
  { name: 'empty body', body: '', code: 'invalid_json' },
  { name: 'JSON array', body: '[]', code: 'invalid_json' },
  { name: 'array of an object', body: '[{"name":"x"}]', code: 'invalid_json' },
  { name: 'JSON string', body: '"x"', code: 'invalid_json' },
  { name: 'JSON null', body: 'null', code: 'invalid_json' },
  { name: 'JSON number', body: '42', code: 'invalid_json' },
  { name: 'invalid UTF-8', body: invalidUtf8, code: 'invalid_json' },
  { name: 'over-long UTF-8', body: overlongUtf8, code: 'invalid_json' },
  { name: 'UTF-8 surrogate', body: surrogateUtf8, code: 'invalid_json' },
];

test('POST /organizations: bad bodies are refused and nothing is created', async () => {
  const ok = { name: `Bad input ${uniqueSuffix()}`, type: 'ngo' };
  await refuseAll('POST', '/organizations', [
    ...malformed,
    { name: 'empty object', body: {}, fields: ['name', 'type'], reason: ['name', /^required$/] },
    { name: 'missing name', body: { type: 'ngo' }, fields: ['name'], reason: ['name', /^required$/] },
    { name: 'missing type', body: { name: ok.name }, fields: ['type'] },
    { name: 'name a number', body: { ...ok, name: 42 }, fields: ['name'], reason: ['name', /string/] },
    { name: 'name an object', body: { ...ok, name: { x: 1 } }, fields: ['name'] },
    { name: 'name null', body: { ...ok, name: null }, fields: ['name'], reason: ['name', /null/] },
    { name: 'type a boolean', body: { ...ok, type: true }, fields: ['type'] },
    { name: 'type an array', body: { ...ok, type: ['ngo'] }, fields: ['type'] },
    { name: 'unknown field', body: { ...ok, colour: 'red' }, fields: ['colour'], reason: ['colour', /unknown/] },
    { name: 'id is not writable', body: { ...ok, id: 5 }, fields: ['id'] },
    { name: 'name 201 characters', body: { ...ok, name: long(201) }, fields: ['name'], reason: ['name', /200/] },
    { name: 'name 1 character', body: { ...ok, name: 'A' }, fields: ['name'], reason: ['name', /2/] },
    { name: 'invalid type', body: { ...ok, type: 'nonsense' }, fields: ['type'], reason: ['type', /one of/] },
    { name: 'type in capitals', body: { ...ok, type: 'NGO' }, fields: ['type'] },
    { name: 'ISTAT 5 digits', body: { ...ok, istat_code: '82053' }, fields: ['istat_code'], reason: ['istat_code', /6 digits/] },
    { name: 'ISTAT 7 digits', body: { ...ok, istat_code: '0820530' }, fields: ['istat_code'] },
    { name: 'ISTAT with a letter', body: { ...ok, istat_code: '08205a' }, fields: ['istat_code'] },
    { name: 'ISTAT with a space', body: { ...ok, istat_code: '082 53' }, fields: ['istat_code'] },
    { name: 'ISTAT empty', body: { ...ok, istat_code: '' }, fields: ['istat_code'] },
    { name: 'ISTAT a number', body: { ...ok, istat_code: 82053 }, fields: ['istat_code'] },
    {
      name: 'several problems at once',
      body: { name: 5, type: 'nonsense', istat_code: 'x', extra: 1 },
      fields: ['name', 'type', 'istat_code', 'extra'],
    },
  ]);
});

test('POST /organizations: the limits themselves are accepted', async () => {
  const name = `${uniqueSuffix()} `.padEnd(200, 'z');
  const created = expectStatus(
    await api('POST', '/organizations', { session: admin, body: { name, type: 'school', istat_code: null } }),
    201,
  );
  assert.equal(created.name, name);
  assert.equal(created.istat_code, null);
  // Two characters (a fresh pair: the name must be unique).
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const pick = () => chars[Math.floor(Math.random() * chars.length)];
  let res;
  for (let i = 0; i < 20; i++) {
    res = await api('POST', '/organizations', { session: admin, body: { name: pick() + pick(), type: 'other' } });
    if (res.status !== 409) break;
  }
  assert.equal(expectStatus(res, 201).name.length, 2);
});

test('PATCH /organizations/{id}: bad bodies are refused and the record is unchanged', async () => {
  await refuseAll('PATCH', `/organizations/${org.id}`, [
    ...malformed,
    { name: 'name a number', body: { name: 7 }, fields: ['name'] },
    { name: 'name null', body: { name: null }, fields: ['name'] },
    { name: 'type null', body: { type: null }, fields: ['type'] },
    { name: 'name 201 characters', body: { name: long(201) }, fields: ['name'] },
    { name: 'invalid type', body: { type: 'embassy' }, fields: ['type'] },
    { name: 'bad ISTAT', body: { istat_code: '1234567' }, fields: ['istat_code'] },
    { name: 'unknown field', body: { name: 'Fine name', created_at: '2020-01-01' }, fields: ['created_at'] },
    // One bad field refuses the whole change: the good one is not applied either.
    { name: 'good and bad field', body: { name: 'Renamed anyway', type: 'embassy' }, fields: ['type'] },
  ]);
});

test('PATCH /organizations/{id}: ids that are not records answer 404', async () => {
  for (const id of ['0', '-1', 'abc', '1.5', '99999999999', '9223372036854775808', '%20']) {
    const res = await api('PATCH', `/organizations/${id}`, { session: admin, body: { name: 'Whatever name' } });
    expectError(res, 404, 'not_found', []);
  }
  expectError(await api('GET', '/organizations/999999999', { session: admin }), 404, 'not_found', []);
});

test('POST /users: bad bodies are refused and nothing is created', async () => {
  const ok = {
    email: `bad-${uniqueSuffix()}@test.innet.example`,
    display_name: 'Bad Input',
    role: 'analyst',
    organization_id: org.id,
    password: 'a-long-enough-password',
  };
  const without = (k) => Object.fromEntries(Object.entries(ok).filter(([key]) => key !== k));
  await refuseAll('POST', '/users', [
    ...malformed,
    { name: 'empty object', body: {}, fields: ['email', 'display_name', 'role', 'organization_id', 'password'] },
    { name: 'missing email', body: without('email'), fields: ['email'] },
    { name: 'missing password', body: without('password'), fields: ['password'] },
    { name: 'missing organization', body: without('organization_id'), fields: ['organization_id'] },
    { name: 'not an e-mail', body: { ...ok, email: 'not-an-email' }, fields: ['email'], reason: ['email', /e-mail/] },
    { name: 'e-mail with a space', body: { ...ok, email: 'a b@example.org' }, fields: ['email'] },
    { name: 'e-mail with two @', body: { ...ok, email: 'a@b@example.org' }, fields: ['email'] },
    { name: 'e-mail 255 bytes', body: { ...ok, email: `${long(243)}@example.org` }, fields: ['email'] },
    { name: 'invalid role', body: { ...ok, role: 'superuser' }, fields: ['role'], reason: ['role', /one of/] },
    { name: 'organization as a string', body: { ...ok, organization_id: String(org.id) }, fields: ['organization_id'] },
    { name: 'organization as a float', body: { ...ok, organization_id: 1.5 }, fields: ['organization_id'] },
    { name: 'organization 0', body: { ...ok, organization_id: 0 }, fields: ['organization_id'] },
    { name: 'organization negative', body: { ...ok, organization_id: -3 }, fields: ['organization_id'] },
    { name: 'empty display name', body: { ...ok, display_name: '' }, fields: ['display_name'] },
    { name: 'display name 201 characters', body: { ...ok, display_name: long(201) }, fields: ['display_name'] },
    { name: 'password 201 characters', body: { ...ok, password: long(201) }, fields: ['password'] },
    { name: 'password a number', body: { ...ok, password: 1234567890123 }, fields: ['password'] },
    { name: 'active is not accepted on create', body: { ...ok, active: true }, fields: ['active'] },
    // Business rules (well-formed, refused by the handler): 422.
    { name: 'weak password', body: { ...ok, password: 'short' }, status: 422, fields: ['password'] },
    { name: 'unknown organization', body: { ...ok, organization_id: 2147483647 }, status: 422, fields: ['organization_id'] },
  ]);
});

test('PATCH /users/{id}: bad bodies are refused and the record is unchanged', async () => {
  await refuseAll('PATCH', `/users/${user.id}`, [
    ...malformed,
    { name: 'active as a string', body: { active: 'false' }, fields: ['active'] },
    { name: 'active as a number', body: { active: 0 }, fields: ['active'] },
    { name: 'active null', body: { active: null }, fields: ['active'] },
    { name: 'invalid role', body: { role: 'root' }, fields: ['role'] },
    { name: 'organization negative', body: { organization_id: -1 }, fields: ['organization_id'] },
    { name: 'email is not changeable here', body: { email: 'x@example.org' }, fields: ['email'] },
    { name: 'password is not changeable here', body: { password: 'a-long-enough-password' }, fields: ['password'] },
    { name: 'display name 201 characters', body: { display_name: long(201) }, fields: ['display_name'] },
    { name: 'unknown organization', body: { organization_id: 2147483647 }, status: 422, fields: ['organization_id'] },
  ]);
  expectError(
    await api('PATCH', '/users/999999999', { session: admin, body: { display_name: 'Nobody' } }),
    404,
    'not_found',
    [],
  );
});

test('POST /users/{id}/password: bad bodies are refused and the password is unchanged', async () => {
  await refuseAll('POST', `/users/${user.id}/password`, [
    ...malformed,
    { name: 'empty object', body: {}, fields: ['new_password'] },
    { name: 'a number', body: { new_password: 12345678901 }, fields: ['new_password'] },
    { name: '201 characters', body: { new_password: long(201) }, fields: ['new_password'] },
    { name: 'unknown field', body: { new_password: 'a-long-enough-password', notify: true }, fields: ['notify'] },
    { name: 'weak', body: { new_password: 'short' }, status: 422, fields: ['new_password'] },
  ]);
  expectError(
    await api('POST', '/users/999999999/password', { session: admin, body: { new_password: 'a-long-enough-password' } }),
    404,
    'not_found',
    [],
  );
});

test('POST /auth/login: bad bodies are refused without counting as failed logins', async () => {
  const address = randomAddress();
  const cases = [
    ...malformed.map((c) => [c.body, 'invalid_json', []]),
    [{}, 'validation_failed', ['email', 'password']],
    [{ email: 'admin@demo.innet.example' }, 'validation_failed', ['password']],
    [{ email: 'not-an-email', password: 'x' }, 'validation_failed', ['email']],
    [{ email: 'admin@demo.innet.example', password: 5 }, 'validation_failed', ['password']],
    [{ email: 'admin@demo.innet.example', password: 'x', remember: true }, 'validation_failed', ['remember']],
    [{ email: 'admin@demo.innet.example', password: long(201) }, 'validation_failed', ['password']],
  ];
  for (const [body, code, fields] of cases) {
    expectError(await api('POST', '/auth/login', { body, address }), 400, code, fields);
  }
  // More than 20 refusals from one address, yet it is not throttled.
  const ok = await api('POST', '/auth/login', { body: { email: 'analyst@demo.innet.example', password: 'demo' }, address });
  assert.equal(ok.status, 200, ok.text);
});

test('POST /auth/tokens and POST /auth/password: bad bodies are refused', async () => {
  await refuseAll('POST', '/auth/tokens', [
    ...malformed,
    { name: 'empty object', body: {}, fields: ['name', 'expires_in_days'] },
    { name: 'empty name', body: { name: '', expires_in_days: 30 }, fields: ['name'] },
    { name: 'name 101 characters', body: { name: long(101), expires_in_days: 30 }, fields: ['name'] },
    { name: '0 days', body: { name: 'x', expires_in_days: 0 }, fields: ['expires_in_days'], reason: ['expires_in_days', /1/] },
    { name: '366 days', body: { name: 'x', expires_in_days: 366 }, fields: ['expires_in_days'] },
    { name: 'days as a string', body: { name: 'x', expires_in_days: '30' }, fields: ['expires_in_days'] },
    { name: 'days as a float', body: { name: 'x', expires_in_days: 1.5 }, fields: ['expires_in_days'] },
    { name: 'scopes are not a thing', body: { name: 'x', expires_in_days: 1, scopes: [] }, fields: ['scopes'] },
  ]);
  // Own password: refused before the current password is even checked; the demo password stays.
  await refuseAll('POST', '/auth/password', [
    ...malformed,
    { name: 'empty object', body: {}, fields: ['current_password', 'new_password'] },
    { name: 'numbers', body: { current_password: 1, new_password: 2 }, fields: ['current_password', 'new_password'] },
    // (With a wrong current password: even a validation bug could not change the demo password.)
    { name: 'unknown field', body: { current_password: 'wrong', new_password: 'x'.repeat(12), confirm: 'x' }, fields: ['confirm'] },
    { name: 'new password 201 characters', body: { current_password: 'wrong', new_password: long(201) }, fields: ['new_password'] },
  ]);
  expectStatus(await api('GET', '/auth/me', { session: admin }), 200);
});

test('DELETE and logout take no body', async () => {
  const t = expectStatus(await api('POST', '/auth/tokens', { session: admin, body: { name: 'body test', expires_in_days: 1 } }), 201);
  expectError(await api('DELETE', `/auth/tokens/${t.id}`, { session: admin, body: { reason: 'x' } }), 400, 'unexpected_body', []);
  expectError(await api('POST', '/auth/logout', { session: admin, body: {} }), 400, 'unexpected_body', []);
  expectStatus(await api('GET', '/auth/me', { token: t.token }), 200);
  assert.equal((await api('DELETE', `/auth/tokens/${t.id}`, { session: admin })).status, 204);
  expectStatus(await api('GET', '/auth/me', { session: admin }), 200);
});

test('a body over 1 MiB answers 413 and creates nothing', async () => {
  const before = await snapshot();
  const name = 'x'.repeat(1024 * 1024 + 16);
  for (const [method, path] of [
    ['POST', '/organizations'],
    ['PATCH', `/organizations/${org.id}`],
    ['POST', '/auth/login'],
  ]) {
    const res = await api(method, path, { session: admin, body: { name, type: 'ngo' } });
    expectError(res, 413, 'body_too_large', []);
  }
  // Exactly at the limit the body is read (and then refused for its content).
  const atLimit = Buffer.alloc(1024 * 1024, 0x20);
  atLimit.write('{"name":"xy"}');
  const res = await api('POST', '/organizations', { session: admin, body: atLimit });
  expectError(res, 400, 'validation_failed', ['type']);
  assert.deepEqual(await snapshot(), before);
});

test('list queries: unknown parameters and bad paging answer 400', async () => {
  const cases = [
    ['/organizations?colour=red', ['colour']],
    ['/organizations?per_page=1000', ['per_page']],
    ['/organizations?per_page=0', ['per_page']],
    ['/organizations?per_page=abc', ['per_page']],
    ['/organizations?page=0', ['page']],
    ['/organizations?page=-1', ['page']],
    ['/organizations?page=1.5', ['page']],
    ['/organizations?page=', ['page']],
    ['/organizations?page=0&per_page=1000', ['page', 'per_page']],
    ['/organizations?type=nonsense', ['type']],
    [`/organizations?q=${'a'.repeat(101)}`, ['q']],
    ['/users?organization_id=abc', ['organization_id']],
    ['/users?role=superuser', ['role']],
    ['/users?sort=name', ['sort']],
    ['/users?per_page=101', ['per_page']],
    ['/audit?actor_user_id=me', ['actor_user_id']],
    ['/audit?from=yesterday', ['from']],
    ['/audit?to=2026-02-30', ['to']],
    ['/audit?order=asc', ['order']],
    ['/auth/tokens?per_page=1000', ['per_page']],
    ['/auth/tokens?all=true', ['all']],
    ['/auth/me?verbose=1', ['verbose']],
    ['/organizations/1?expand=users', ['expand']],
  ];
  for (const [path, fields] of cases) {
    const res = await api('GET', path, { session: admin });
    try {
      expectError(res, 400, 'validation_failed', fields);
    } catch (e) {
      e.message = `GET ${path}: ${e.message}`;
      throw e;
    }
  }
  // The limits themselves are fine.
  const page = expectStatus(await api('GET', '/organizations?per_page=100&page=1', { session: admin }), 200);
  assert.equal(page.per_page, 100);
  const far = expectStatus(await api('GET', '/organizations?per_page=1&page=1000000', { session: admin }), 200);
  assert.deepEqual(far.items, []);
});

test('unknown /api/ paths answer 404 JSON, wrong methods 405 with Allow', async () => {
  for (const path of ['/api/v1/nope', '/api/v1/organizations/1/members', '/api/v2/organizations', '/api/', '/api/v1/users/1/password/x']) {
    for (const auth of [{}, { session: admin }]) {
      const res = await request('GET', path, auth);
      expectError(res, 404, 'not_found', []);
      assert.match(res.headers.get('content-type'), /^application\/json/);
    }
  }
  const wrong = [
    ['PUT', '/api/v1/organizations', 'GET, POST'],
    ['DELETE', '/api/v1/organizations/1', 'GET, PATCH'],
    ['PUT', '/api/v1/users/1', 'GET, PATCH'],
    ['GET', '/api/v1/auth/login', 'POST'],
    ['GET', '/api/v1/users/1/password', 'POST'],
    ['POST', '/api/v1/audit', 'GET'],
    ['PATCH', '/api/v1/auth/tokens/1', 'DELETE'],
  ];
  for (const [method, path, allow] of wrong) {
    const res = await request(method, path, { session: admin, body: method === 'GET' ? undefined : {} });
    expectError(res, 405, 'method_not_allowed', []);
    const allowed = res.headers.get('allow').split(',').map((m) => m.trim()).sort();
    assert.deepEqual(allowed, allow.split(', ').sort(), `${method} ${path}`);
  }
});

test('bodies must be application/json: a cross-site form cannot post JSON (415, nothing stored)', async () => {
  const before = await snapshot();
  const body = JSON.stringify({ name: `Form post ${uniqueSuffix()}`, type: 'ngo' });
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const res = await api('POST', '/organizations', { session: admin, body, headers: { 'content-type': type } });
    expectError(res, 415, 'unsupported_media_type', []);
  }
  // Login too: no session exists yet, so the content type is what stops a login CSRF.
  const login = await api('POST', '/auth/login', {
    body: JSON.stringify({ email: demoEmail('admin'), password: DEMO_PASSWORD }),
    headers: { 'content-type': 'text/plain' },
  });
  expectError(login, 415, 'unsupported_media_type', []);
  assert.equal(login.headers.get('set-cookie'), null);
  assert.deepEqual(await snapshot(), before);
});

test('lengths count characters, not bytes', async () => {
  // 200 accented letters are 400 bytes of UTF-8 and still 200 characters.
  const name = `${uniqueSuffix()}`.padEnd(200, 'à');
  const created = expectStatus(await api('POST', '/organizations', { session: admin, body: { name, type: 'other' } }), 201);
  assert.equal(created.name, name);
  const res = await api('POST', '/organizations', { session: admin, body: { name: name + 'è', type: 'other' } });
  expectError(res, 400, 'validation_failed', ['name']);
});
