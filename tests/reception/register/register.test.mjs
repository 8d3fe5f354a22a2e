// The daily presence register over HTTP: the operator's case worker records absences, withdraws
// one recorded in error and confirms days; the Prefettura and the inspectors read the register;
// bad input is refused with the problem named and nothing stored; the CLI's `register verify`
// finds the live registers intact and a tampered copy not.
//
// The Prefettura (prefecture_officer) makes what the test needs: two centres, one run by the
// demo case worker's organisation and one by another operator, three persons and their
// placements. Dates are days before the server's today with a margin, so that a different time
// zone between this process and the server cannot matter.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createCentre } from '../../centres/fixture.mjs';
import { createPerson } from '../../people/fixture.mjs';
import { api, expectError, expectStatus, loginDemo, findOrganization } from '../../support/client.mjs';
import { addDays, daysAgo } from '../../support/days.mjs';
import { place } from '../placements/fixture.mjs';

let officer, worker, inspector, analyst, admin;
let centre, otherCentre; // run by the case worker's organisation / by another operator
let guest1, guest2, outsider; // guests of `centre`; `outsider` is placed in `otherCentre`

const today = daysAgo(0);
const arrival = addDays(today, -20);
const day = addDays(today, -10); // the day most tests record on
const future = addDays(today, 3);

const registerPath = (c, d = day) => `/centres/${c.id}/register/${d}`;
const report = async (session = worker, d = day, c = centre) =>
  expectStatus(await api('GET', registerPath(c, d), { session }), 200);
const recordAbsence = (body, d = day, c = centre) =>
  api('POST', `${registerPath(c, d)}/absences`, { session: worker, body });

before(async () => {
  [officer, worker, inspector, analyst, admin] = await Promise.all(
    ['prefecture_officer', 'case_worker', 'inspector', 'analyst', 'admin'].map((r) => loginDemo(r)),
  );
  const other = await findOrganization(officer, 'Cooperativa Il Ponte (demo)');
  const places = { places_single_men: 10, places_single_women: 0, places_families: 0 };
  centre = await createCentre(officer, { operator_id: worker.user.organization.id, ...places });
  otherCentre = await createCentre(officer, { operator_id: other.id, ...places });
  const man = (family_name) => createPerson(officer, { family_name, given_names: 'Test', sex: 'male', nationality: 'GM' });
  [guest1, guest2, outsider] = await Promise.all(['Ceesay', 'Jallow', 'Touray'].map(man));
  await place(officer, [guest1, guest2], centre, 'single_men', arrival);
  await place(officer, [outsider], otherCentre, 'single_men', arrival);
});

test('an absence shows in the daily report, with the guest, the reason and who recorded it', async () => {
  const before = await report();
  assert.equal(before.status, 'unconfirmed');
  assert.deepEqual(before.counts, { guests: 2, present: 2, absent: 0 });

  const absence = expectStatus(await recordAbsence({ person_id: guest1.id, reason: 'hospitalised', note: 'Ospedale Civico' }), 201);
  assert.equal(absence.person_id, guest1.id);
  assert.equal(absence.reason, 'hospitalised');
  assert.equal(absence.withdraws_id, null);

  const r = await report(inspector);
  assert.equal(r.centre.id, centre.id);
  assert.equal(r.day, day);
  assert.deepEqual(r.counts, { guests: 2, present: 1, absent: 1 });
  const g = r.guests.find((x) => x.person_id === guest1.id);
  assert.equal(g.family_name, 'Ceesay');
  assert.equal(g.nationality, 'GM');
  assert.equal(g.arrival_date, arrival);
  assert.equal(g.days_of_stay, 11);
  assert.equal(g.present, false);
  assert.equal(g.absence.reason, 'hospitalised');
  assert.equal(g.absence.recorded_by.display_name, worker.user.display_name);
  assert.equal(r.guests.find((x) => x.person_id === guest2.id).present, true);
  assert.equal(r.entries.length, 1);
});

test('bad input is refused with the problem named, and nothing is stored', async () => {
  const d = addDays(day, -1);
  const entries = async () => (await report(worker, d)).entries.length;
  const before = await entries();
  const cases = [
    [{ person_id: outsider.id, reason: 'unauthorised' }, 422, 'not_placed', ['person_id']],
    [{ person_id: 99999999, reason: 'unauthorised' }, 422, 'not_placed', ['person_id']],
    [{ person_id: guest1.id, reason: 'other' }, 400, 'validation_failed', ['note']],
    [{ person_id: guest1.id, reason: 'holiday' }, 400, 'validation_failed', ['reason']],
    [{ person_id: 'x', reason: 'unauthorised', extra: 1 }, 400, 'validation_failed', ['person_id', 'extra']],
    [{}, 400, 'validation_failed', ['person_id', 'reason']],
  ];
  for (const [body, status, code, fields] of cases) expectError(await recordAbsence(body, d), status, code, fields);
  // Before the guest's arrival, after today, and a day that is not a date.
  expectError(await recordAbsence({ person_id: guest1.id, reason: 'unauthorised' }, addDays(arrival, -1)), 422, 'not_placed', ['person_id']);
  expectError(await recordAbsence({ person_id: guest1.id, reason: 'unauthorised' }, future), 422, 'future_date', ['day']);
  for (const bad of ['2025-02-30', 'yesterday', '20250101'])
    expectError(await recordAbsence({ person_id: guest1.id, reason: 'unauthorised' }, bad), 400, 'validation_failed', ['day']);
  expectError(await api('GET', registerPath(centre, '2025-13-01'), { session: worker }), 400, 'validation_failed', ['day']);
  expectError(await api('POST', `${registerPath(centre, future)}/confirmation`, { session: worker, body: {} }), 422, 'future_date', ['day']);
  assert.equal(await entries(), before);
  assert.equal((await report(worker, d)).status, 'unconfirmed');

  // The same person twice on a day: a conflict naming the person.
  expectStatus(await recordAbsence({ person_id: guest2.id, reason: 'authorised_leave' }, d), 201);
  expectError(await recordAbsence({ person_id: guest2.id, reason: 'unauthorised' }, d), 409, 'already_absent', ['person_id']);
  assert.equal(await entries(), before + 1);
});

test('another operator’s centre is not found, and only the case worker records', async () => {
  expectError(await api('GET', registerPath(otherCentre), { session: worker }), 404, 'not_found');
  expectError(await api('GET', `/centres/${otherCentre.id}/register`, { session: worker }), 404, 'not_found');
  expectError(await recordAbsence({ person_id: outsider.id, reason: 'unauthorised' }, day, otherCentre), 404, 'not_found');
  // The Prefettura and the inspectors read every centre's register but keep none.
  expectStatus(await api('GET', registerPath(otherCentre), { session: officer }), 200);
  for (const s of [officer, inspector])
    expectError(await api('POST', `${registerPath(centre)}/absences`, { session: s, body: { person_id: guest2.id, reason: 'unauthorised' } }), 403, 'forbidden');
  expectError(await api('GET', registerPath(centre), { session: analyst }), 403, 'forbidden');
});

test('confirming a day, a change after it, and the re-confirmation that corrects it', async () => {
  const d = addDays(day, -2);
  const path = `${registerPath(centre, d)}/confirmation`;
  const first = expectStatus(await api('POST', path, { session: worker, body: {} }), 201);
  assert.equal(first.day, d);
  assert.equal(first.present, 2);
  assert.equal(first.corrects_id, null);
  assert.match(first.hash, /^[0-9a-f]{64}$/);
  assert.equal((await report(officer, d)).status, 'confirmed');
  expectError(await api('POST', path, { session: worker, body: {} }), 409, 'already_confirmed');

  expectStatus(await recordAbsence({ person_id: guest2.id, reason: 'unauthorised' }, d), 201);
  assert.equal((await report(officer, d)).status, 'changed_since_confirmation');
  const second = expectStatus(await api('POST', path, { session: worker, body: { note: 'absence recorded late' } }), 201);
  assert.equal(second.corrects_id, first.id);
  assert.equal(second.seq, first.seq + 1);
  assert.equal(second.absent, 1);
  assert.equal(second.note, 'absence recorded late');

  const r = await report(inspector, d);
  assert.equal(r.status, 'confirmed');
  assert.deepEqual(r.confirmations.map((c) => c.id), [first.id, second.id]);
  assert.equal(r.confirmations[1].confirmed_by.display_name, worker.user.display_name);
  assert.ok(r.confirmations[1].confirmed_at >= r.confirmations[0].confirmed_at);
});

test('an absence recorded in error is withdrawn by a new entry', async () => {
  const d = addDays(day, -3);
  const absence = expectStatus(await recordAbsence({ person_id: guest1.id, reason: 'unauthorised' }, d), 201);
  const path = `${registerPath(centre, d)}/absences/${absence.id}/withdrawal`;
  expectError(await api('POST', path, { session: worker, body: {} }), 400, 'validation_failed', ['note']);
  const withdrawal = expectStatus(await api('POST', path, { session: worker, body: { note: 'he was at school' } }), 201);
  assert.equal(withdrawal.withdraws_id, absence.id);
  assert.equal(withdrawal.person_id, guest1.id);
  expectError(await api('POST', path, { session: worker, body: { note: 'again' } }), 409, 'already_withdrawn');
  expectError(
    await api('POST', `${registerPath(centre, d)}/absences/${withdrawal.id}/withdrawal`, { session: worker, body: { note: 'undo' } }),
    409,
    'not_an_absence',
  );
  // The absence belongs to its day: under another day it is not found.
  expectError(
    await api('POST', `${registerPath(centre, day)}/absences/${absence.id}/withdrawal`, { session: worker, body: { note: 'x' } }),
    404,
    'not_found',
  );
  const r = await report(worker, d);
  assert.deepEqual(r.counts, { guests: 2, present: 2, absent: 0 });
  assert.deepEqual(r.entries.map((e) => e.id), [absence.id, withdrawal.id]);
  // Recorded again with the right reason.
  expectStatus(await recordAbsence({ person_id: guest1.id, reason: 'authorised_leave' }, d), 201);
  assert.equal((await report(worker, d)).counts.absent, 1);
});

test('the overview gives each day of a period its status and counts', async () => {
  const from = addDays(day, -3);
  const body = expectStatus(await api('GET', `/centres/${centre.id}/register?from=${from}&to=${day}`, { session: officer }), 200);
  assert.equal(body.from, from);
  assert.equal(body.to, day);
  assert.deepEqual(body.items.map((i) => i.day), [from, addDays(day, -2), addDays(day, -1), day]);
  const byDay = Object.fromEntries(body.items.map((i) => [i.day, i]));
  assert.equal(byDay[addDays(day, -2)].status, 'confirmed');
  assert.equal(byDay[addDays(day, -2)].absent, 1);
  assert.equal(byDay[day].status, 'unconfirmed');
  assert.equal(byDay[day].present, 1);
  const presenceDays = body.items.reduce((n, i) => n + i.present, 0);
  assert.equal(body.totals.presence_days, presenceDays);
  assert.equal(body.totals.confirmed + body.totals.unconfirmed + body.totals.changed_since_confirmation, 4);

  // The default period: the last 30 days up to today.
  const recent = expectStatus(await api('GET', `/centres/${centre.id}/register`, { session: worker }), 200);
  assert.equal(recent.items.length, 30);

  const overview = (query) => api('GET', `/centres/${centre.id}/register?${query}`, { session: officer });
  expectError(await overview(`from=${addDays(day, -92)}&to=${day}`), 400, 'validation_failed', ['to']);
  expectError(await overview(`from=${day}&to=${addDays(day, -1)}`), 400, 'validation_failed', ['from']);
  expectError(await overview(`to=${future}`), 422, 'future_date', ['to']);
  expectError(await overview('from=2025-02-30'), 400, 'validation_failed', ['from']);
  expectError(await overview('month=3'), 400, 'validation_failed', ['month']);
  expectStatus(await overview(`from=${addDays(day, -91)}&to=${day}`), 200);
});

test('every register write is in the audit trail, without the reason or the note', async () => {
  const entries = expectStatus(
    await api('GET', `/audit?entity_type=centre&entity_id=${centre.id}&per_page=100`, { session: admin }),
    200,
  ).items;
  const actions = entries.map((e) => e.action);
  for (const a of ['register.absence', 'register.absence_withdrawal', 'register.confirm']) assert.ok(actions.includes(a), a);
  for (const e of entries.filter((x) => x.action.startsWith('register.'))) {
    assert.doesNotMatch(JSON.stringify(e.details), /hospitalised|Ospedale|school|reason|note/);
    assert.equal(e.actor_user_id, worker.user.id);
  }
});

test('CLI: register verify finds the live registers intact; bad input exits 2', (t) => {
  const bin = process.env.INNET_BIN;
  const db = process.env.INNET_DB_URL;
  if (!bin || !db || !process.env.INNET_SECRETS_FILE) return t.skip('INNET_BIN, INNET_DB_URL or INNET_SECRETS_FILE not set');
  const run = (args) => spawnSync(bin, ['register', 'verify', '--db', db, ...args], { encoding: 'utf8', timeout: 60e3 });
  let r = run([]);
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /presence registers intact: \d+ centres, \d+ confirmations/);
  r = run(['--centre', String(centre.id)]);
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /intact: 1 centres, 2 confirmations, 1 confirmed days/);
  assert.equal(run(['--centre', 'abc']).status, 2);
  assert.equal(run(['--centre', '0']).status, 2);
  assert.equal(run(['--centre', '999999999']).status, 2);
});

test('CLI: register verify reports a tampered copy of the database', (t) => {
  const bin = process.env.INNET_BIN;
  const db = process.env.INNET_DB_URL;
  if (!bin || !db?.startsWith('sqlite://') || !process.env.INNET_SECRETS_FILE) return t.skip('needs the SQLite server database');
  const dir = mkdtempSync(join(tmpdir(), 'innet-register-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const copy = join(dir, 'copy.db');
  const sql = (target, statements) => {
    const r = spawnSync('sqlite3', [target, statements], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  };
  sql(db.slice('sqlite://'.length), `.backup '${copy}'`);
  // An intruder lowers the absences of a confirmed day: one absence row goes.
  sql(
    copy,
    `DROP TRIGGER register_absences_no_delete;
     DELETE FROM register_absences WHERE centre_id = ${centre.id} AND day = '${addDays(day, -2)}';`,
  );
  const r = spawnSync(bin, ['register', 'verify', '--db', `sqlite://${copy}`, '--centre', String(centre.id)], { encoding: 'utf8', timeout: 60e3 });
  assert.equal(r.status, 1, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /changed_after_confirmation/);
  assert.match(r.stdout, /TAMPERED/);
});
