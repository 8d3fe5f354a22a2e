// Absences without notice over HTTP: three days "unauthorised" recorded in the register (72 h,
// the default threshold) draft a notice; the register shows the run and the notice; the
// operator's case worker sends it; the Prefettura lists it and decides (a reduction with its
// period; a revocation, first as a dry run showing the register consequences, ending the
// placement on the decree date). Justified absences draft nothing. Another operator's case
// worker gets the 404 of a missing notice; bad input is refused with the field named, nothing
// stored.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createCentre } from '../../centres/fixture.mjs';
import { createPerson } from '../../people/fixture.mjs';
import { api, createUser, expectError, expectStatus, loginDemo, findOrganization, login } from '../../support/client.mjs';
import { addDays, daysAgo } from '../../support/days.mjs';
import { place } from '../placements/fixture.mjs';

let officer, worker, inspector, otherWorker;
let centre, runaway, onLeave, revoked;

const today = daysAgo(0);
const arrival = addDays(today, -30);
const days = [-12, -11, -10].map((d) => addDays(today, d));

const absent = (person, day, reason = 'unauthorised') =>
  api('POST', `/centres/${centre.id}/register/${day}/absences`, {
    session: worker,
    body: { person_id: person.id, reason, ...(reason === 'other' ? { note: 'x' } : {}) },
  });
const notices = async (session, status = '') =>
  expectStatus(await api('GET', `/absence-notices${status ? `?status=${status}` : ''}`, { session }), 200).items;
const noticeOf = async (person) => (await notices(officer)).find((n) => n.person_id === person.id);

before(async () => {
  [officer, worker, inspector] = await Promise.all(
    ['prefecture_officer', 'case_worker', 'inspector'].map((r) => loginDemo(r)),
  );
  const places = { places_single_men: 10, places_single_women: 0, places_families: 0 };
  centre = await createCentre(officer, { operator_id: worker.user.organization.id, ...places });
  const man = (family_name) => createPerson(officer, { family_name, given_names: 'Test', sex: 'male', nationality: 'GM' });
  [runaway, onLeave, revoked] = await Promise.all(['Bah', 'Sowe', 'Jobe'].map(man));
  await place(officer, [runaway, onLeave, revoked], centre, 'single_men', arrival);
  // A case worker of another operator, made by the administrator.
  const admin = await loginDemo('admin');
  const other = await findOrganization(officer, 'Cooperativa Il Ponte (demo)');
  const b = await createUser(admin, { organizationId: other.id, role: 'case_worker' });
  otherWorker = await login(b.email, b.password);
});

test('three days without notice draft a notice; the register shows the run', async () => {
  for (const [i, day] of days.entries()) {
    expectStatus(await absent(runaway, day), 201);
    if (i < 2) assert.equal(await noticeOf(runaway), undefined, `no notice after ${i + 1} days`);
  }
  const notice = await noticeOf(runaway);
  assert.ok(notice);
  assert.equal(notice.status, 'draft');
  assert.equal(notice.first_day, days[0]);
  assert.equal(notice.last_day, days[2]);
  assert.equal(notice.hours, 72);
  assert.equal(notice.centre_name, centre.name);

  const report = expectStatus(await api('GET', `/centres/${centre.id}/register/${days[2]}`, { session: worker }), 200);
  assert.equal(report.absence_notice_hours, 72);
  const guest = report.guests.find((g) => g.person_id === runaway.id);
  assert.deepEqual(guest.absence_run, { first_day: days[0], last_day: days[2], days: 3, hours: 72, over_threshold: true });
  assert.deepEqual(guest.notice, { id: notice.id, status: 'draft', first_day: days[0], hours: 72 });
  assert.equal(report.guests.find((g) => g.person_id === onLeave.id).absence_run, null);
});

test('justified absences draft nothing', async () => {
  for (const day of days) expectStatus(await absent(onLeave, day, 'authorised_leave'), 201);
  assert.equal(await noticeOf(onLeave), undefined);
});

test("another operator's case worker gets the 404 of a missing notice", async () => {
  const notice = await noticeOf(runaway);
  expectError(await api('GET', `/absence-notices/${notice.id}`, { session: otherWorker }), 404, 'not_found');
  expectError(await api('GET', '/absence-notices/999999999', { session: otherWorker }), 404, 'not_found');
  expectError(await api('POST', `/absence-notices/${notice.id}/sending`, { session: otherWorker, body: {} }), 404, 'not_found');
  expectError(await api('POST', '/absence-notices/999999999/sending', { session: otherWorker, body: {} }), 404, 'not_found');
  assert.equal((await notices(otherWorker)).some((n) => n.id === notice.id), false);
  // The inspector reads, the case worker of the centre's operator too.
  expectStatus(await api('GET', `/absence-notices/${notice.id}`, { session: inspector }), 200);
  expectStatus(await api('GET', `/absence-notices/${notice.id}`, { session: worker }), 200);
});

test('the case worker sends the notice once; the Prefettura sees it pending', async () => {
  const notice = await noticeOf(runaway);
  expectError(await api('POST', `/absence-notices/${notice.id}/decision`, { session: officer, body: { outcome: 'no_measure' } }), 409, 'not_sent');
  const sent = expectStatus(
    await api('POST', `/absence-notices/${notice.id}/sending`, { session: worker, body: { note: 'Non rientrato dal 3° giorno' } }),
    201,
  );
  assert.equal(sent.status, 'sent');
  assert.equal(sent.sent_note, 'Non rientrato dal 3° giorno');
  expectError(await api('POST', `/absence-notices/${notice.id}/sending`, { session: worker, body: {} }), 409, 'already_sent');
  assert.ok((await notices(officer, 'sent')).some((n) => n.id === notice.id));
  assert.equal((await notices(officer, 'draft')).some((n) => n.id === notice.id), false);
});

test('a reduction needs its period, 30 days to 6 months; refusals store nothing', async () => {
  const notice = await noticeOf(runaway);
  const decide = (body) => api('POST', `/absence-notices/${notice.id}/decision`, { session: officer, body });
  expectError(await decide({ outcome: 'reduction' }), 400, 'validation_failed', ['measure_from']);
  expectError(await decide({ outcome: 'reduction', measure_from: today, measure_until: addDays(today, 29) }), 422, 'measure_period', ['measure_until']);
  expectError(await decide({ outcome: 'warning' }), 400, 'validation_failed', ['outcome']);
  assert.equal((await noticeOf(runaway)).status, 'sent');
  const done = expectStatus(await decide({ outcome: 'reduction', measure_from: today, measure_until: addDays(today, 30) }), 201);
  assert.equal(done.notice.status, 'decided');
  assert.equal(done.notice.decision.outcome, 'reduction');
  assert.equal(done.notice.decision.measure_from, today);
  assert.equal(done.notice.decision.measure_until, addDays(today, 30));
  expectError(await decide({ outcome: 'no_measure' }), 409, 'already_decided');
});

test('a revocation: a dry run shows the register days that change, then ends the placement', async () => {
  for (const day of days) expectStatus(await absent(revoked, day), 201);
  const notice = await noticeOf(revoked);
  expectStatus(await api('POST', `/absence-notices/${notice.id}/sending`, { session: worker, body: {} }), 201);
  const decreeDate = addDays(today, -5);
  // A day confirmed after the decree date: it changes and awaits a new confirmation.
  const confirmedDay = addDays(today, -4);
  expectStatus(await api('POST', `/centres/${centre.id}/register/${confirmedDay}/confirmation`, { session: worker, body: {} }), 201);
  // Write times are to the second: a change in the confirmation's own second counts as known to it
  // (register_verify.cc), so `innet register verify` (register.test.mjs) would call it tampering.
  await new Promise((r) => setTimeout(r, 1100));
  const decide = (body) => api('POST', `/absence-notices/${notice.id}/decision`, { session: officer, body });
  expectError(await decide({ outcome: 'revocation', decree_date: decreeDate }), 400, 'validation_failed', ['decree_number']);
  const body = { outcome: 'revocation', decree_number: '45/2025', decree_date: decreeDate };
  const preview = expectStatus(await decide({ ...body, dry_run: true }), 201);
  assert.equal(preview.dry_run, true);
  assert.deepEqual(preview.register_consequences, { centre_id: centre.id, from: decreeDate, to: today, confirmed_days: [confirmedDay] });
  assert.equal((await noticeOf(revoked)).status, 'sent', 'a dry run stores nothing');

  const done = expectStatus(await decide(body), 201);
  assert.equal(done.notice.decision.decree_number, '45/2025');
  const placement = expectStatus(await api('GET', `/placements/${notice.placement_id}`, { session: officer }), 200);
  assert.equal(placement.end_date, decreeDate);
  assert.equal(placement.exit_reason, 'removed');
  const day = expectStatus(await api('GET', `/centres/${centre.id}/register/${confirmedDay}`, { session: worker }), 200);
  assert.equal(day.status, 'changed_since_confirmation');
  assert.equal(day.guests.some((g) => g.person_id === revoked.id), false);
});
