// Organisations and user accounts: administration by the admin, what the changes do to sessions
// and sign-in, what other roles may see, and the list envelope.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import {
  api,
  expectError,
  expectStatus,
  loginDemo,
  login,
  tryLogin,
  createOrganization,
  createUser,
  listAll,
  uniqueSuffix,
} from '../support/client.mjs';

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

let admin;
let caseWorker;
let officer;
let org; // made by the first test
let newUser; // {user, email, password}: made by the users test

before(async () => {
  [admin, caseWorker, officer] = await Promise.all(
    ['admin', 'case_worker', 'prefecture_officer'].map((r) => loginDemo(r)),
  );
});

const total = async (path, session = admin) => expectStatus(await api('GET', path, { session }), 200).total;

test('admin creates an organisation; it is listed and found by search', async () => {
  const suffix = uniqueSuffix();
  const countBefore = await total('/organizations');
  const name = `Cooperativa Prova ${suffix}`;
  const res = await api('POST', '/organizations', {
    session: admin,
    body: { name, type: 'centre_operator', istat_code: '082053' },
  });
  org = expectStatus(res, 201);
  assert.equal(typeof org.id, 'number');
  assert.equal(org.name, name);
  assert.equal(org.type, 'centre_operator');
  assert.equal(org.istat_code, '082053');
  assert.match(org.created_at, ISO_SECONDS);
  assert.deepEqual(Object.keys(org).sort(), ['created_at', 'id', 'istat_code', 'name', 'type']);

  assert.equal(await total('/organizations'), countBefore + 1);
  assert.deepEqual(expectStatus(await api('GET', `/organizations/${org.id}`, { session: admin }), 200), org);
  // Every role reads the directory.
  assert.deepEqual(expectStatus(await api('GET', `/organizations/${org.id}`, { session: caseWorker }), 200), org);

  // Search: part of the name, case-insensitive; with the type filter.
  const found = expectStatus(await api('GET', `/organizations?q=${suffix.toUpperCase()}`, { session: caseWorker }), 200);
  assert.equal(found.total, 1);
  assert.deepEqual(found.items, [org]);
  assert.equal(await total(`/organizations?q=prova%20${suffix}&type=centre_operator`), 1);
  assert.equal(await total(`/organizations?q=${suffix}&type=ngo`), 0);
  // LIKE wildcards in the query are literal characters.
  assert.equal(await total(`/organizations?q=${suffix}%25`), 0);
  assert.equal(await total(`/organizations?q=Prova_${suffix}`), 0);
  assert.equal(await total('/organizations?q=%25%25%25'), 0);
  // The type filter alone.
  const ngos = expectStatus(await api('GET', '/organizations?type=municipality&per_page=100', { session: admin }), 200);
  assert.ok(ngos.total >= 7);
  assert.ok(ngos.items.every((o) => o.type === 'municipality'));
});

test('a duplicate organisation name answers 409 naming the field', async () => {
  const countBefore = await total('/organizations');
  for (const name of [org.name, 'Prefettura di Palermo']) {
    const res = await api('POST', '/organizations', { session: admin, body: { name, type: 'ngo' } });
    expectError(res, 409, 'unique_violation', ['name']);
    assert.equal(res.json.error.fields.name.code, 'taken');
  }
  assert.equal(await total('/organizations'), countBefore);
});

test('admin patches an organisation', async () => {
  const name = `Cooperativa Rinominata ${uniqueSuffix()}`;
  let res = await api('PATCH', `/organizations/${org.id}`, { session: admin, body: { name, type: 'ngo' } });
  const patched = expectStatus(res, 200);
  assert.deepEqual(patched, { ...org, name, type: 'ngo' });
  // Clearing the ISTAT code with null; an absent field stays as it was.
  res = await api('PATCH', `/organizations/${org.id}`, { session: admin, body: { istat_code: null } });
  assert.deepEqual(expectStatus(res, 200), { ...patched, istat_code: null });
  res = await api('PATCH', `/organizations/${org.id}`, { session: admin, body: { istat_code: '082006' } });
  assert.deepEqual(expectStatus(res, 200), { ...patched, istat_code: '082006' });
  org = expectStatus(await api('GET', `/organizations/${org.id}`, { session: admin }), 200);
  assert.deepEqual(org, { ...patched, istat_code: '082006' });

  // Renaming onto another organisation's name: 409, nothing changes.
  res = await api('PATCH', `/organizations/${org.id}`, { session: admin, body: { name: 'Questura di Palermo', type: 'other' } });
  expectError(res, 409, 'unique_violation', ['name']);
  assert.deepEqual(expectStatus(await api('GET', `/organizations/${org.id}`, { session: admin }), 200), org);
  // Keeping its own name is no conflict.
  expectStatus(await api('PATCH', `/organizations/${org.id}`, { session: admin, body: { name: org.name } }), 200);
  expectError(await api('PATCH', '/organizations/999999999', { session: admin, body: { name: 'Nobody at all' } }), 404, 'not_found');
});

test('admin creates a user: password, e-mail and organisation rules', async () => {
  const suffix = uniqueSuffix();
  const countBefore = await total('/users');
  const body = {
    email: `Nuovo.Utente-${suffix}@Test.Innet.Example`,
    display_name: `Nuovo Utente ${suffix}`,
    role: 'case_worker',
    organization_id: org.id,
    password: `Una-password-${suffix}`,
  };
  let res = await api('POST', '/users', { session: admin, body: { ...body, password: 'corta' } });
  expectError(res, 422, 'validation_failed', ['password']);
  assert.deepEqual(res.json.error.fields.password, { code: 'too_short', params: { min: 10 }, message: 'at least 10 characters' });
  res = await api('POST', '/users', { session: admin, body: { ...body, password: '123456789' } });
  expectError(res, 422, 'validation_failed', ['password']);
  res = await api('POST', '/users', { session: admin, body: { ...body, organization_id: 2147483647 } });
  expectError(res, 422, 'validation_failed', ['organization_id']);
  assert.equal(await total('/users'), countBefore);

  res = await api('POST', '/users', { session: admin, body });
  const user = expectStatus(res, 201);
  assert.equal(user.email, body.email.toLowerCase(), 'e-mail addresses are stored lower-case');
  assert.equal(user.display_name, body.display_name);
  assert.equal(user.role, 'case_worker');
  assert.equal(user.active, true);
  assert.equal(user.last_login_at, null);
  assert.equal(user.organization.id, org.id);
  assert.equal(user.organization.name, org.name);
  assert.match(user.created_at, ISO_SECONDS);
  assert.ok(!('password' in user) && !('password_hash' in user), 'no password in the answer');
  newUser = { user, email: user.email, password: body.password };
  assert.equal(await total('/users'), countBefore + 1);

  // The same address in other capitals, and a demo account's address: 409 naming email.
  for (const email of [body.email, body.email.toUpperCase(), 'admin@demo.innet.example']) {
    res = await api('POST', '/users', { session: admin, body: { ...body, email } });
    expectError(res, 409, 'unique_violation', ['email']);
  }
  assert.equal(await total('/users'), countBefore + 1);
  assert.deepEqual(expectStatus(await api('GET', `/users/${user.id}`, { session: admin }), 200), user);
});

test('the new user signs in; a role change signs it out and the next login shows the new role', async () => {
  const s = await login(newUser.email.toUpperCase(), newUser.password);
  assert.equal(s.user.id, newUser.user.id);
  assert.equal(s.user.role, 'case_worker');
  assert.match(s.user.last_login_at, ISO_SECONDS);
  assert.ok(s.user.permissions.includes('users.read'));
  assert.ok(!s.user.permissions.includes('users.manage'));
  expectStatus(await api('GET', '/users', { session: s }), 200);

  // A new display name, or an empty change, keeps the user signed in.
  let res = await api('PATCH', `/users/${newUser.user.id}`, { session: admin, body: { display_name: 'Nome Cambiato' } });
  assert.equal(expectStatus(res, 200).display_name, 'Nome Cambiato');
  expectStatus(await api('PATCH', `/users/${newUser.user.id}`, { session: admin, body: {} }), 200);
  expectStatus(await api('PATCH', `/users/${newUser.user.id}`, { session: admin, body: { role: 'case_worker' } }), 200);
  assert.equal(expectStatus(await api('GET', '/auth/me', { session: s }), 200).user.display_name, 'Nome Cambiato');

  res = await api('PATCH', `/users/${newUser.user.id}`, { session: admin, body: { role: 'analyst' } });
  const changed = expectStatus(res, 200);
  assert.equal(changed.role, 'analyst');
  assert.equal(changed.email, newUser.email);
  expectError(await api('GET', '/auth/me', { session: s }), 401, 'unauthenticated');
  expectError(await api('GET', '/users', { session: s }), 401, 'unauthenticated');

  const again = await login(newUser.email, newUser.password);
  assert.equal(again.user.role, 'analyst');
  assert.ok(!again.user.permissions.includes('users.read'));
  expectError(await api('GET', '/users', { session: again }), 403, 'forbidden');
  newUser.session = again;
});

test('deactivation: sessions and tokens stop, sign-in fails as for a wrong password', async () => {
  const token = expectStatus(
    await api('POST', '/auth/tokens', { session: newUser.session, body: { name: 'before deactivation', expires_in_days: 1 } }),
    201,
  ).token;
  expectStatus(await api('GET', '/auth/me', { token }), 200);

  let res = await api('PATCH', `/users/${newUser.user.id}`, { session: admin, body: { active: false } });
  assert.equal(expectStatus(res, 200).active, false);
  expectError(await api('GET', '/auth/me', { session: newUser.session }), 401, 'unauthenticated');
  expectError(await api('GET', '/auth/me', { token }), 401, 'invalid_token');
  res = await tryLogin(newUser.email, newUser.password);
  const e = expectError(res, 401, 'invalid_credentials', []);
  const wrong = await tryLogin(newUser.email, 'certainly-not-the-password');
  assert.deepEqual(wrong.json, res.json, 'same answer as a wrong password');
  assert.equal(e.message, wrong.json.error.message);
  // Still listed, as inactive.
  assert.equal(expectStatus(await api('GET', `/users/${newUser.user.id}`, { session: admin }), 200).active, false);

  res = await api('PATCH', `/users/${newUser.user.id}`, { session: admin, body: { active: true } });
  assert.equal(expectStatus(res, 200).active, true);
  // Reactivation revives nothing: the old session and token were revoked, not merely suspended.
  expectError(await api('GET', '/auth/me', { session: newUser.session }), 401, 'unauthenticated');
  expectError(await api('GET', '/auth/me', { token }), 401, 'invalid_token');
  newUser.session = await login(newUser.email, newUser.password);
  expectError(await api('GET', '/auth/me', { token }), 401, 'invalid_token');
  const listed = expectStatus(await api('GET', '/auth/tokens', { session: newUser.session }), 200).items;
  assert.match(listed.find((t) => t.name === 'before deactivation').revoked_at ?? '', ISO_SECONDS);
});

test('a promotion revokes sessions and tokens: they never act with the new role', async () => {
  const made = await createUser(admin, { role: 'analyst' });
  const session = await login(made.email, made.password);
  const token = expectStatus(
    await api('POST', '/auth/tokens', { session, body: { name: 'before promotion', expires_in_days: 1 } }),
    201,
  ).token;
  expectError(await api('GET', '/users', { token }), 403, 'forbidden');
  const res = await api('PATCH', `/users/${made.user.id}`, { session: admin, body: { role: 'inspector' } });
  assert.equal(expectStatus(res, 200).role, 'inspector');
  expectError(await api('GET', '/users', { token }), 401, 'invalid_token');
  expectError(await api('GET', '/users', { session }), 401, 'unauthenticated');
  // Back to the old role: still revoked.
  expectStatus(await api('PATCH', `/users/${made.user.id}`, { session: admin, body: { role: 'analyst' } }), 200);
  expectError(await api('GET', '/auth/me', { token }), 401, 'invalid_token');
  expectError(await api('GET', '/auth/me', { session }), 401, 'unauthenticated');
  const again = await login(made.email, made.password);
  assert.equal(again.user.role, 'analyst');
});

test('a move to another organisation revokes sessions and tokens', async () => {
  const made = await createUser(admin, { role: 'case_worker' });
  const session = await login(made.email, made.password);
  const token = expectStatus(
    await api('POST', '/auth/tokens', { session, body: { name: 'before the move', expires_in_days: 1 } }),
    201,
  ).token;
  expectStatus(await api('GET', '/auth/me', { token }), 200);
  const res = await api('PATCH', `/users/${made.user.id}`, { session: admin, body: { organization_id: org.id } });
  assert.equal(expectStatus(res, 200).organization.id, org.id);
  expectError(await api('GET', '/auth/me', { token }), 401, 'invalid_token');
  expectError(await api('GET', '/users', { token }), 401, 'invalid_token');
  expectError(await api('GET', '/auth/me', { session }), 401, 'unauthenticated');
  const again = await login(made.email, made.password);
  assert.equal(again.user.organization.id, org.id);
});

test('admin resets a password: sessions end, only the new password works', async () => {
  const next = `Nuova-password-${uniqueSuffix()}`;
  let res = await api('POST', `/users/${newUser.user.id}/password`, { session: admin, body: { new_password: 'short' } });
  expectError(res, 422, 'validation_failed', ['new_password']);
  expectStatus(await api('GET', '/auth/me', { session: newUser.session }), 200);

  res = await api('POST', `/users/${newUser.user.id}/password`, { session: admin, body: { new_password: next } });
  assert.equal(res.status, 204, res.text);
  assert.equal(res.text, '');
  expectError(await api('GET', '/auth/me', { session: newUser.session }), 401, 'unauthenticated');
  expectError(await tryLogin(newUser.email, newUser.password), 401, 'invalid_credentials');
  newUser.password = next;
  newUser.session = await login(newUser.email, next);
  // The admin's own session is untouched.
  expectStatus(await api('GET', '/auth/me', { session: admin }), 200);
});

test('a case worker sees only its own organisation, without other people’s e-mail', async () => {
  const cwOrg = caseWorker.user.organization.id;
  const suffix = uniqueSuffix();
  const colleague = await createUser(admin, {
    organizationId: cwOrg,
    role: 'service_provider',
    name: `Collega ${suffix}`,
  });

  const { items, total: n } = await listAll(caseWorker, '/users');
  assert.equal(items.length, n);
  assert.ok(n >= 2);
  for (const u of items) {
    assert.equal(u.organization.id, cwOrg, `user ${u.id} is of another organisation`);
    if (u.id === caseWorker.user.id) {
      assert.equal(u.email, 'case_worker@demo.innet.example', 'one sees one’s own e-mail');
    } else {
      assert.ok(!('email' in u), `e-mail of user ${u.id} shown to a case worker`);
      assert.ok(!('last_login_at' in u), `last sign-in of user ${u.id} shown to a case worker`);
    }
  }
  assert.ok(items.some((u) => u.id === colleague.user.id));
  // Asking for another organisation finds nobody; a user of it is "not found".
  assert.equal(await total(`/users?organization_id=${admin.user.organization.id}`, caseWorker), 0);
  expectError(await api('GET', `/users/${admin.user.id}`, { session: caseWorker }), 404, 'not_found', []);
  expectError(await api('GET', `/users/${newUser.user.id}`, { session: caseWorker }), 404, 'not_found', []);
  const seen = expectStatus(await api('GET', `/users/${colleague.user.id}`, { session: caseWorker }), 200);
  assert.equal(seen.display_name, `Collega ${suffix}`);
  assert.ok(!('email' in seen));
  assert.equal(expectStatus(await api('GET', `/users/${caseWorker.user.id}`, { session: caseWorker }), 200).email, caseWorker.email);

  // Search by name works; by e-mail only for whoever may see e-mail addresses.
  assert.equal(await total(`/users?q=collega%20${suffix}`, caseWorker), 1);
  const local = colleague.email.split('@')[0];
  assert.equal(await total(`/users?q=${local}`, caseWorker), 0, 'a case worker can probe e-mail addresses by search');
  assert.equal(await total(`/users?q=${local}`, admin), 1);

  // The Prefecture officer sees every organisation, still without e-mail; the admin sees it.
  const byOfficer = expectStatus(await api('GET', `/users/${colleague.user.id}`, { session: officer }), 200);
  assert.ok(!('email' in byOfficer));
  assert.equal(expectStatus(await api('GET', `/users/${colleague.user.id}`, { session: admin }), 200).email, colleague.email);
  const all = await listAll(officer, '/users');
  assert.ok(new Set(all.items.map((u) => u.organization.id)).size > 1);
  assert.equal(all.total, await total('/users'));
  assert.ok(all.items.every((u) => u.id === officer.user.id || !('email' in u)));
  // Filters: organisation and role.
  const cw = expectStatus(await api('GET', `/users?organization_id=${cwOrg}&role=service_provider`, { session: admin }), 200);
  assert.ok(cw.items.some((u) => u.id === colleague.user.id));
  assert.ok(cw.items.every((u) => u.organization.id === cwOrg && u.role === 'service_provider'));
});

test('admin cannot deactivate itself or give up its own admin role', async () => {
  const me = `/users/${admin.user.id}`;
  let res = await api('PATCH', me, { session: admin, body: { active: false } });
  expectError(res, 422, 'validation_failed', ['active']);
  res = await api('PATCH', me, { session: admin, body: { role: 'analyst' } });
  expectError(res, 422, 'validation_failed', ['role']);
  res = await api('PATCH', me, { session: admin, body: { role: 'prefecture_officer', display_name: 'Altro' } });
  expectError(res, 422, 'validation_failed', ['role']);
  const after = expectStatus(await api('GET', me, { session: admin }), 200);
  assert.equal(after.role, 'admin');
  assert.equal(after.active, true);
  assert.equal(after.display_name, admin.user.display_name);
  // Confirming what is already true is allowed and keeps the session.
  expectStatus(await api('PATCH', me, { session: admin, body: { role: 'admin', active: true } }), 200);
  assert.equal(expectStatus(await api('GET', '/auth/me', { session: admin }), 200).user.role, 'admin');
});

test('lists answer {items, total, page, per_page} and pages cover everything once', async () => {
  const first = expectStatus(await api('GET', '/organizations', { session: admin }), 200);
  assert.deepEqual(Object.keys(first).sort(), ['items', 'page', 'per_page', 'total']);
  assert.equal(first.page, 1);
  assert.equal(first.per_page, 25);
  assert.ok(first.total >= 17, `total ${first.total}`);
  assert.equal(first.items.length, Math.min(25, first.total));

  const all = await listAll(admin, '/organizations');
  assert.equal(all.items.length, all.total);
  const ids = [];
  const pages = Math.ceil(all.total / 5);
  for (let page = 1; page <= pages; page++) {
    const p = expectStatus(await api('GET', `/organizations?per_page=5&page=${page}`, { session: admin }), 200);
    assert.equal(p.page, page);
    assert.equal(p.per_page, 5);
    assert.equal(p.total, all.total);
    assert.equal(p.items.length, page < pages ? 5 : all.total - 5 * (pages - 1));
    ids.push(...p.items.map((o) => o.id));
  }
  assert.equal(new Set(ids).size, ids.length, 'no organisation on two pages');
  assert.deepEqual([...ids].sort((a, b) => a - b), all.items.map((o) => o.id).sort((a, b) => a - b));
  const beyond = expectStatus(await api('GET', `/organizations?per_page=5&page=${pages + 1}`, { session: admin }), 200);
  assert.deepEqual(beyond, { items: [], total: all.total, page: pages + 1, per_page: 5 });

  const users = expectStatus(await api('GET', '/users?per_page=3&page=2', { session: admin }), 200);
  assert.equal(users.page, 2);
  assert.equal(users.per_page, 3);
  assert.equal(users.items.length, 3);
  const tokens = expectStatus(await api('GET', '/auth/tokens?per_page=2', { session: admin }), 200);
  assert.deepEqual(Object.keys(tokens).sort(), ['items', 'page', 'per_page', 'total']);
});
