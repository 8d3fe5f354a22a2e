// The Prefettura corrects a mistaken exit and a mistaken transfer over HTTP: without a reason
// 422 naming the field and nothing stored; a dry run shows which register days of which centre
// change (the confirmed ones to confirm again); the correction reopens the placement; refused
// (409) when the place has been taken since; the case worker may not correct (403).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createCentre } from '../../centres/fixture.mjs';
import { createPerson } from '../../people/fixture.mjs';
import { api, expectError, expectStatus, loginDemo } from '../../support/client.mjs';
import { addDays, daysAgo } from '../../support/days.mjs';
import { place } from './fixture.mjs';

let officer, worker;
let centre, other;
const today = daysAgo(0);
const arrival = addDays(today, -20);
const exitDay = addDays(today, -10);
const confirmed = addDays(today, -8);

const correct = (placementId, body, session = officer) => api('POST', `/placements/${placementId}/correction`, { session, body });
const man = (family_name) => createPerson(officer, { family_name, given_names: 'Test', sex: 'male', nationality: 'GM' });

before(async () => {
  [officer, worker] = await Promise.all(['prefecture_officer', 'case_worker'].map((r) => loginDemo(r)));
  const places = { places_single_men: 2, places_single_women: 0, places_families: 0 };
  centre = await createCentre(officer, { operator_id: worker.user.organization.id, ...places });
  other = await createCentre(officer, { operator_id: worker.user.organization.id, ...places });
});

test('a mistaken exit: reason required, a dry run, then the placement is open again', async () => {
  const guest = await man('Camara');
  const [p] = (await place(officer, [guest], centre, 'single_men', arrival)).items;
  expectStatus(await api('POST', '/placements/exits', { session: officer, body: { person_ids: [guest.id], date: exitDay, reason: 'left_voluntarily' } }), 201);
  expectStatus(await api('POST', `/centres/${centre.id}/register/${confirmed}/confirmation`, { session: worker, body: {} }), 201);
  // Write times are to the second: a change in the confirmation's own second counts as known to it
  // (register_verify.cc), so `innet register verify` (register.test.mjs) would call it tampering.
  await new Promise((r) => setTimeout(r, 1100));

  expectError(await correct(p.id, {}), 422, 'reason_required', ['reason']);
  expectError(await correct(p.id, { reason: 'uscita registrata per errore' }, worker), 403, 'forbidden');
  assert.equal(expectStatus(await api('GET', `/placements/${p.id}`, { session: officer }), 200).end_date, exitDay);

  const preview = expectStatus(await correct(p.id, { reason: 'uscita registrata per errore', dry_run: true }), 201);
  assert.equal(preview.dry_run, true);
  assert.deepEqual(preview.register_consequences, [
    { centre_id: centre.id, from: exitDay, to: today, effect: 'guest_again', confirmed_days: [confirmed] },
  ]);
  assert.equal(expectStatus(await api('GET', `/placements/${p.id}`, { session: officer }), 200).end_date, exitDay, 'a dry run stores nothing');

  const done = expectStatus(await correct(p.id, { reason: 'uscita registrata per errore' }), 201);
  assert.equal(done.correction.kind, 'exit');
  assert.equal(done.correction.original_end_date, exitDay);
  assert.equal(done.correction.original_exit_reason, 'left_voluntarily');
  assert.equal(expectStatus(await api('GET', `/placements/${p.id}`, { session: officer }), 200).end_date, null);
  const day = expectStatus(await api('GET', `/centres/${centre.id}/register/${confirmed}`, { session: worker }), 200);
  assert.equal(day.status, 'changed_since_confirmation');
  assert.ok(day.guests.some((g) => g.person_id === guest.id));
});

test('a mistaken transfer goes back to the origin centre', async () => {
  const guest = await man('Sanneh');
  const [p] = (await place(officer, [guest], other, 'single_men', arrival)).items;
  const moved = expectStatus(await api('POST', '/placements/transfers', { session: officer, body: { person_ids: [guest.id], to_centre_id: centre.id, date: exitDay } }), 201);
  const done = expectStatus(await correct(p.id, { reason: 'trasferimento registrato per errore' }), 201);
  assert.equal(done.correction.kind, 'transfer');
  assert.equal(done.correction.annulled_placement_id, moved.items[0].id);
  assert.deepEqual(
    done.register_consequences.map((c) => [c.centre_id, c.effect]),
    [
      [other.id, 'guest_again'],
      [centre.id, 'guest_no_more'],
    ],
  );
  assert.equal(expectStatus(await api('GET', `/placements/${p.id}`, { session: officer }), 200).end_date, null);
});

test('refused with 409 when the place has been taken since; nothing stored', async () => {
  const [leaver, a, b] = await Promise.all(['Ceesay', 'Drammeh', 'Fofana'].map(man));
  const full = await createCentre(officer, { operator_id: worker.user.organization.id, places_single_men: 2, places_single_women: 0, places_families: 0 });
  const [p] = (await place(officer, [leaver], full, 'single_men', arrival)).items;
  expectStatus(await api('POST', '/placements/exits', { session: officer, body: { person_ids: [leaver.id], date: exitDay, reason: 'left_voluntarily' } }), 201);
  await place(officer, [a, b], full, 'single_men', addDays(exitDay, 1));
  expectError(await correct(p.id, { reason: 'uscita registrata per errore' }), 409, 'centre_full');
  assert.equal(expectStatus(await api('GET', `/placements/${p.id}`, { session: officer }), 200).end_date, exitDay);
});
