// The audit trail: what writes and sign-ins record, the filters, the hash chain, no secrets in
// it; and the CLI's `audit verify` on a separate database that is then tampered with.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  api,
  expectError,
  expectStatus,
  loginDemo,
  login,
  tryLogin,
  createUser,
  listAll,
  poll,
  randomAddress,
  uniqueSuffix,
} from '../support/client.mjs';

let admin;
let user; // {user, email, password}: made for this file
const secrets = []; // every password and token secret this file uses
const done = {}; // what the first test did, for the later ones

before(async () => {
  admin = await loginDemo('admin');
  user = await createUser(admin, { role: 'analyst', password: `Audit-secret-${uniqueSuffix()}` });
  secrets.push(user.password);
});

const audit = async (query) => expectStatus(await api('GET', `/audit?${query}`, { session: admin }), 200);

test('writes and sign-ins are recorded with actor, action, outcome and client address', async () => {
  // A write, with a request id of our own.
  const writeAddress = randomAddress();
  const requestId = `audit-test-${uniqueSuffix()}`;
  const body = { name: `Ente audit ${uniqueSuffix()}`, type: 'school', istat_code: '082053' };
  const res = await api('POST', '/organizations', {
    session: admin,
    body,
    address: writeAddress,
    headers: { 'x-request-id': requestId },
  });
  const org = expectStatus(res, 201);
  assert.equal(res.headers.get('x-request-id'), requestId);

  // A failed and a successful sign-in, each from its own address.
  const failAddress = randomAddress();
  const wrong = `Wrong-secret-${uniqueSuffix()}`;
  secrets.push(wrong);
  expectError(await tryLogin(user.email.toUpperCase(), wrong, failAddress), 401, 'invalid_credentials');
  const okAddress = randomAddress();
  const session = await login(user.email, user.password, okAddress);
  Object.assign(done, { org, writeAddress, requestId, failAddress, okAddress, session, body });

  const created = await audit(`action=organizations.create&entity_type=organization&entity_id=${org.id}`);
  assert.equal(created.total, 1);
  const e = created.items[0];
  assert.equal(e.action, 'organizations.create');
  assert.equal(e.outcome, 'success');
  assert.equal(e.actor_user_id, admin.user.id);
  assert.equal(e.actor_email, 'admin@demo.innet.example');
  assert.equal(e.client_address, writeAddress);
  assert.equal(e.entity_type, 'organization');
  assert.equal(e.entity_id, String(org.id));
  assert.equal(e.request_id, requestId);
  assert.deepEqual(e.details, body);
  assert.match(e.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.ok(Math.abs(Date.parse(e.at) - Date.now()) < 5 * 60e3, `at ${e.at} is now`);

  const logins = (await audit('action=auth.login&per_page=50')).items;
  const failed = logins.find((x) => x.client_address === failAddress);
  assert.ok(failed, 'the failed sign-in is recorded');
  assert.equal(failed.outcome, 'failure');
  assert.equal(failed.actor_user_id, null);
  assert.equal(failed.actor_email, user.email, 'the e-mail as normalised, lower-case');
  const ok = logins.find((x) => x.client_address === okAddress);
  assert.ok(ok, 'the sign-in is recorded');
  assert.equal(ok.outcome, 'success');
  assert.equal(ok.actor_user_id, user.user.id);
  assert.equal(ok.actor_email, user.email);
  assert.equal(ok.entity_type, 'user');
  assert.equal(ok.entity_id, String(user.user.id));
  assert.ok(logins.indexOf(ok) < logins.indexOf(failed), 'newest first');
});

// Behind one trusted proxy, X-Forwarded-For is "what the client claimed, ..., what the proxy saw":
// only the last entry, appended by the proxy itself, can be believed.
test(
  'the client address is the one the trusted proxy appended, not one the client made up',
  async () => {
    const claimed = randomAddress();
    const seen = randomAddress();
    const email = `nobody-${uniqueSuffix()}@test.innet.example`;
    const res = await api('POST', '/auth/login', {
      body: { email, password: 'whatever-password' },
      headers: { 'x-forwarded-for': `${claimed}, ${seen}` },
    });
    expectError(res, 401, 'invalid_credentials');
    const entry = (await audit('action=auth.login&per_page=20')).items.find((e) => e.actor_email === email);
    assert.equal(entry.client_address, seen);
  },
);

test('filters: action, actor, entity, from/to; bad values answer 400', async () => {
  const { org } = done;
  let page = await audit(`actor_user_id=${user.user.id}&per_page=100`);
  assert.ok(page.total >= 1);
  assert.ok(page.items.every((x) => x.actor_user_id === user.user.id));
  page = await audit(`actor_user_id=${admin.user.id}&action=organizations.create&per_page=100`);
  assert.ok(page.items.some((x) => x.entity_id === String(org.id)));
  assert.ok(page.items.every((x) => x.actor_user_id === admin.user.id && x.action === 'organizations.create'));
  page = await audit('entity_type=user&per_page=100');
  assert.ok(page.total >= 2);
  assert.ok(page.items.every((x) => x.entity_type === 'user'));
  assert.equal((await audit('action=no.such.action')).total, 0);
  assert.equal((await audit('actor_user_id=999999999')).total, 0);

  // Time bounds: a date covers its whole day (UTC), a timestamp is exact to the second.
  const one = `entity_type=organization&entity_id=${org.id}`;
  const at = (await audit(one)).items[0].at;
  const day = at.slice(0, 10);
  const shift = (s) => new Date(Date.parse(at) + s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const count = async (q) => (await audit(`${one}&${q}`)).total;
  assert.equal(await count(`from=${day}&to=${day}`), 1);
  assert.equal(await count(`from=${day}`), 1);
  assert.equal(await count(`to=${day}`), 1);
  assert.equal(await count(`from=${at}&to=${at}`), 1);
  assert.equal(await count(`from=${shift(-1)}&to=${shift(1)}`), 1);
  assert.equal(await count(`from=${shift(1)}`), 0);
  assert.equal(await count(`to=${shift(-1)}`), 0);
  assert.equal(await count('to=2000-01-01'), 0);
  assert.equal(await count('from=2099-12-31'), 0);
  const yesterday = new Date(Date.parse(at) - 86400e3).toISOString().slice(0, 10);
  assert.equal(await count(`to=${yesterday}`), 0);

  for (const [q, field] of [
    ['from=yesterday', 'from'],
    ['from=2026-13-01', 'from'],
    ['from=2026-02-30', 'from'],
    ['from=2026-1-1', 'from'],
    ['from=2999-01-01', 'from'],
    ['to=26-01-01', 'to'],
    ['from=2026-01-01Tx', 'from'],
    ['from=2026-01-01T1:2:3Z', 'from'],
    ['to=2026-01-01T25:00:00Z', 'to'],
    ['to=2026-01-01T10:00:60Z', 'to'],
    ['from=2026-01-01T10:00:00', 'from'],
    ['from=2026-01-01 10:00:00Z', 'from'],
    ['to=2026-01-01T10:00:00+02:00', 'to'],
    ['from=1767225600', 'from'],
  ]) {
    const res = await api('GET', `/audit?${q.replace(' ', '%20').replace('+', '%2B')}`, { session: admin });
    try {
      expectError(res, 400, 'validation_failed', [field]);
    } catch (e) {
      e.message = `${q}: ${e.message}`;
      throw e;
    }
  }
});

test('entries are chained (seq) within about a second, in order', async () => {
  const { org } = done;
  const latest = await poll(
    async () => {
      const p = await audit('per_page=20');
      return p.items.every((x) => Number.isInteger(x.seq)) && p;
    },
    { timeoutMs: 2000, what: 'the newest entries to get a seq' },
  );
  const seqs = latest.items.map((x) => x.seq);
  assert.equal(new Set(seqs).size, seqs.length, 'no two entries share a seq');
  assert.ok(seqs.every((s) => s >= 1));
  const orgEntry = (await audit(`entity_type=organization&entity_id=${org.id}`)).items[0];
  const loginEntry = (await audit(`action=auth.login&actor_user_id=${user.user.id}`)).items.at(-1);
  assert.ok(Number.isInteger(orgEntry.seq) && Number.isInteger(loginEntry.seq));
  assert.ok(loginEntry.seq > orgEntry.seq, 'a later entry comes later in the chain');

  // A new write is chained within about a second (the chainer runs every 50 ms).
  const o = expectStatus(
    await api('POST', '/organizations', { session: admin, body: { name: `Catena ${uniqueSuffix()}`, type: 'other' } }),
    201,
  );
  const entry = await poll(
    async () => {
      const e = (await audit(`entity_type=organization&entity_id=${o.id}`)).items[0];
      return Number.isInteger(e?.seq) && e;
    },
    { timeoutMs: 2000, what: 'the new entry to get a seq' },
  );
  assert.ok(entry.seq > loginEntry.seq);
});

test('the live audit trail verifies with the CLI', (t) => {
  const bin = process.env.INNET_BIN;
  const db = process.env.INNET_DB_URL;
  if (!bin || !db || !process.env.INNET_SECRETS_FILE) return t.skip('INNET_BIN, INNET_DB_URL or INNET_SECRETS_FILE not set');
  const r = spawnSync(bin, ['audit', 'verify', '--db', db], { encoding: 'utf8', timeout: 60e3 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /audit trail intact: \d+ entries chained/);
});

test('no password or token secret appears anywhere in the audit trail', async () => {
  // Reset by the admin, changed by the user, a token made: every path that handles a secret.
  const reset = `Reset-secret-${uniqueSuffix()}`;
  const changed = `Changed-secret-${uniqueSuffix()}`;
  secrets.push(reset, changed);
  let res = await api('POST', `/users/${user.user.id}/password`, { session: admin, body: { new_password: reset } });
  assert.equal(res.status, 204, res.text);
  const s = await login(user.email, reset);
  res = await api('POST', '/auth/password', { session: s, body: { current_password: reset, new_password: changed } });
  assert.equal(res.status, 204, res.text);
  const token = expectStatus(await api('POST', '/auth/tokens', { session: s, body: { name: 'audit', expires_in_days: 1 } }), 201);
  secrets.push(token.token, s.cookie, s.csrf, admin.cookie, admin.csrf, done.session.cookie);
  // A user created with a password: the entry keeps the other fields only.
  const other = await createUser(admin, { password: `Create-secret-${uniqueSuffix()}` });
  secrets.push(other.password);

  const created = (await audit(`action=users.create&entity_id=${other.user.id}`)).items[0];
  assert.deepEqual(Object.keys(created.details).sort(), ['display_name', 'email', 'organization_id', 'role']);
  const actions = new Set((await audit(`entity_type=user&entity_id=${user.user.id}&per_page=100`)).items.map((x) => x.action));
  for (const a of ['users.create', 'users.password_reset', 'auth.password_change', 'auth.login']) assert.ok(actions.has(a), a);

  const { items } = await listAll(admin, '/audit');
  const text = JSON.stringify(items);
  for (const secret of secrets) assert.ok(!text.includes(secret), `a secret (${secret.slice(0, 6)}...) is in the audit trail`);
  assert.ok(!/argon2/.test(text), 'no password hash in the audit trail');
  assert.equal((await api('DELETE', `/auth/tokens/${token.id}`, { session: s })).status, 204);
});

test('CLI: audit verify detects tampering; bad input exits 2', (t) => {
  const bin = process.env.INNET_BIN;
  if (!bin) return t.skip('INNET_BIN not set');
  const sqlite = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  assert.equal(sqlite.status, 0, 'the sqlite3 command-line shell is needed (apt-get install sqlite3)');

  const dir = mkdtempSync(join(tmpdir(), 'innet-audit-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 't.db');
  const db = `sqlite://${file}`;
  const env = { ...process.env, INNET_SECRETS_FILE: join(dir, 'secrets.key') };
  delete env.INNET_CONFIG;
  const run = (args, opts = {}) => spawnSync(bin, args, { env, encoding: 'utf8', timeout: 60e3, ...opts });
  const ok = (r) => assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const sql = (target, statements) => ok(spawnSync('sqlite3', [target, statements], { encoding: 'utf8' }));

  ok(run(['seed', '--demo', '--db', db]));
  let r = run(['org', 'add', '--name', 'Ente CLI', '--type', 'ngo', '--istat', '082053', '--db', db]);
  ok(r);
  assert.match(r.stdout, /organisation \d+ created: Ente CLI/);
  r = run(['user', 'add', '--email', 'cli@test.innet.example', '--name', 'Utente CLI', '--role', 'analyst', '--org', 'Ente CLI', '--password-stdin', '--db', db], {
    input: 'a-long-enough-password\n',
  });
  ok(r);
  r = run(['audit', 'verify', '--db', db]);
  ok(r);
  const intact = /audit trail intact: (\d+) entries chained, 0 pending/.exec(r.stdout);
  assert.ok(intact, r.stdout);
  assert.equal(Number(intact[1]), 3, 'seed, organisation, user');

  // Bad input: exit 2, a message, nothing written.
  const bad = [
    [['user', 'add', '--email', 'x@test.innet.example', '--name', 'X', '--role', 'analyst', '--org', 'Ente CLI', '--password', 'short'], /password/],
    [['user', 'add', '--email', 'x@test.innet.example', '--name', 'X', '--role', 'wizard', '--org', 'Ente CLI', '--password', 'a-long-enough-password'], /role/],
    [['user', 'add', '--email', 'not-an-email', '--name', 'X', '--role', 'analyst', '--org', 'Ente CLI', '--password', 'a-long-enough-password'], /e-?mail/],
    [['user', 'add', '--email', 'y@test.innet.example', '--name', 'X', '--role', 'analyst', '--org', 'No such org', '--password', 'a-long-enough-password'], /organi[sz]ation/],
    [['user', 'add', '--email', 'cli@test.innet.example', '--name', 'X', '--role', 'analyst', '--org', 'Ente CLI', '--password', 'a-long-enough-password'], /.+/],
    [['org', 'add', '--name', 'Ente Strano', '--type', 'nonsense'], /type/],
    [['org', 'add', '--name', 'Ente Strano', '--type', 'ngo', '--istat', '12345'], /istat|6 digits/i],
    [['org', 'add', '--name', 'Ente CLI', '--type', 'ngo'], /.+/],
    [['org', 'add', '--type', 'ngo'], /name/],
    [['org', 'add', '--name', 'Ente Strano', '--type', 'ngo', '--bogus'], /bogus/],
    [['audit', 'verify', '--bogus'], /bogus/],
    [['frobnicate'], /subcommand/],
    [['seed', '--demo'], /already has organisations/],
  ];
  for (const [args, message] of bad) {
    r = run([...args, '--db', db]);
    assert.equal(r.status, 2, `${args.join(' ')}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    assert.match(r.stderr, message, `${args.join(' ')}: ${r.stderr}`);
  }
  r = run(['audit', 'verify', '--db', db]);
  ok(r);
  assert.match(r.stdout, /intact: 3 entries chained/);

  // Another key: every entry looks altered.
  r = run(['audit', 'verify', '--db', db], { env: { ...env, INNET_SECRETS_FILE: join(dir, 'other.key') } });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /TAMPERED/);

  // Edit an entry (after dropping the append-only triggers, as someone with file access could).
  const copy = join(dir, 'copy.db');
  sql(file, `.backup '${copy}'`);
  sql(file, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; UPDATE audit_log SET details = '{\"tampered\":true}' WHERE seq = 2;");
  r = run(['audit', 'verify', '--db', db]);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /audit trail TAMPERED: entry 2 was altered/);

  // The triggers refuse the same edit while they exist.
  const refused = spawnSync('sqlite3', [copy, "UPDATE audit_log SET details = '{}' WHERE seq = 2;"], { encoding: 'utf8' });
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /append-only/);
  ok(run(['audit', 'verify', '--db', `sqlite://${copy}`]));
  // Removing the newest entry: the chain's head no longer matches.
  sql(copy, 'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 3;');
  r = run(['audit', 'verify', '--db', `sqlite://${copy}`]);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /TAMPERED: the chain was truncated/);
});
