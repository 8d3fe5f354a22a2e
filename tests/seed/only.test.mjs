// `innet seed --scale national --only` (bench only): some modules' national steps on a new
// database, refused with exit 2 when a module is unknown, has no step, or needs a module left out;
// one module alone on a database a demo seed filled. Its own SQLite databases, whatever the
// engine of the run (the CLI's choice of steps does not depend on it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('CLI: seed --only runs the modules named, refuses a need left out with exit 2', (t) => {
  const bin = process.env.INNET_BIN;
  if (!bin) return t.skip('INNET_BIN not set');
  const dir = mkdtempSync(join(tmpdir(), 'innet-seed-only-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const env = { ...process.env, INNET_SECRETS_FILE: join(dir, 'secrets.key') };
  delete env.INNET_CONFIG;
  const run = (db, ...args) => spawnSync(bin, ['seed', ...args, '--db', `sqlite://${join(dir, db)}`], { env, encoding: 'utf8', timeout: 120e3 });
  const refused = (r, message) => {
    assert.equal(r.status, 2, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    assert.match(r.stderr, message);
  };

  // A new database: what is refused writes nothing, so the first good list still runs on it.
  refused(run('new.db', '--scale', 'national', '--only', 'cases'), /'cases' needs the data of 'accounts'/);
  refused(run('new.db', '--scale', 'national', '--only', 'screening,accounts,cases'), /'cases' needs the data of 'reception'/);
  refused(run('new.db', '--scale', 'national', '--only', 'accounts,nosuch'), /'nosuch' is not a module with a seed step; must be one of: accounts, reception, /);
  // People and centres have no step of their own: reception's writes the persons and centres.
  refused(run('new.db', '--scale', 'national', '--only', 'accounts,people'), /'people' is not a module with a seed step/);
  refused(run('new.db', '--demo', '--only', 'accounts'), /only/);
  const r = run('new.db', '--scale', 'national', '--only', 'accounts');
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /^seeded national scale: \d+ organisations, 10001 users$/m);
  refused(run('new.db', '--scale', 'national', '--only', 'accounts'), /already has organisations/);

  // A database a demo seed filled: one module's step alone (as bench/procedures-dashboard.sh runs
  // procedures'), never a list.
  assert.equal(run('demo.db', '--demo').status, 0);
  refused(run('demo.db', '--scale', 'national', '--only', 'cases,screening'), /one module's step alone/);
  const alone = run('demo.db', '--scale', 'national', '--only', 'guidance');
  assert.equal(alone.status, 0, `${alone.stdout}\n${alone.stderr}`);
  assert.match(alone.stdout, /^seeded national scale: $/m);
});
