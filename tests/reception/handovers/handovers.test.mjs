// Money beside the daily price over HTTP (decision 0019): the case worker records handovers with a
// signed receipt for the guests of its centre, the Prefettura reads them and suspends pocket money;
// what is due against what was handed over, per guest and in the monthly costs; refusals that store
// nothing; another operator's staff, the inspector and the analyst see nothing.
//
// The month is the previous calendar month (N days). Centre A (the case worker's organisation):
//   family F (2 persons, a family group) from day 1: min(2 x 250, 750) = 500 a day, 250 each,
//   250 N each; S1 from day 10: 250 (N - 9); from day 20 S1's pocket money is suspended: due
//   250 x 10 (days 10-19).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createCentre } from '../../centres/fixture.mjs';
import { uploaded } from '../../documents/fixture.mjs';
import { createFamilyGroup, createPerson } from '../../people/fixture.mjs';
import { api, createUser, expectError, expectStatus, loginDemo, login, uniqueSuffix } from '../../support/client.mjs';
import { addDays, daysInMonth, monthsAgo } from '../../support/days.mjs';
import { place } from '../placements/fixture.mjs';

let officer, worker, inspector, analyst, otherWorker;
let centreA, centreB;
let family, s1, elsewhere;

const pad = (n) => String(n).padStart(2, '0');
const MONTH = monthsAgo(1);
const N = daysInMonth(MONTH);
const day = (k) => `${MONTH}-${pad(k)}`;
const MISSING = 999999999;

const record = async (body, session = worker, centre = centreA) => {
  const receipt = await uploaded(session);
  return api('POST', `/centres/${centre.id}/handovers`, {
    session,
    body: { receipt_kind: 'signature', document_id: receipt.id, ...body },
  });
};
const money = async (session = officer) => expectStatus(await api('GET', `/centres/${centreA.id}/handovers/${MONTH}`, { session }), 200);

before(async () => {
  [officer, worker, inspector, analyst] = await Promise.all(['prefecture_officer', 'case_worker', 'inspector', 'analyst'].map((r) => loginDemo(r)));
  const admin = await loginDemo('admin');
  const orgs = expectStatus(await api('GET', '/organizations?q=Conca&per_page=100', { session: officer }), 200);
  const otherOrg = orgs.items.find((o) => o.name === "Consorzio Accoglienza Conca d'Oro (demo)");
  const password = `pw-${uniqueSuffix()}-long-enough`;
  const other = await createUser(admin, { organizationId: otherOrg.id, role: 'case_worker', password });
  otherWorker = await login(other.email, password);

  const places = { places_single_men: 10, places_single_women: 0, places_families: 10 };
  centreA = await createCentre(officer, { operator_id: worker.user.organization.id, ...places });
  centreB = await createCentre(officer, { operator_id: otherOrg.id, ...places });
  for (const centre of [centreA, centreB]) {
    const body = {
      cig: uniqueSuffix().slice(-10).padStart(10, 'Z').toUpperCase(),
      start_date: addDays(day(1), -90),
      end_date: addDays(day(N), 365),
      places: 20,
      price_cents: 3000,
    };
    expectStatus(await api('POST', `/centres/${centre.id}/contracts`, { session: officer, body }), 201);
  }
  const group = await createFamilyGroup(officer);
  const guest = (family_name, given_names, fields = {}) => createPerson(officer, { family_name, given_names, sex: 'male', nationality: 'SN', ...fields });
  family = [await guest('Ndiaye', 'Moussa', { family_group_id: group.id }), await guest('Ndiaye', 'Awa', { family_group_id: group.id, sex: 'female' })];
  s1 = await guest('Sow', 'Ibrahima');
  elsewhere = await guest('Ba', 'Oumar');
  await place(officer, family, centreA, 'families', day(1));
  await place(officer, [s1], centreA, 'single_men', day(10));
  await place(officer, [elsewhere], centreB, 'single_men', day(1));
});

test('a handover with its receipt: recorded, readable by the Prefettura, the receipt by both', async () => {
  const receipt = await uploaded(worker);
  const h = expectStatus(
    await api('POST', `/centres/${centreA.id}/handovers`, {
      session: worker,
      body: { person_id: family[0].id, item: 'pocket_money', handed_on: day(N), amount_cents: 250 * N, receipt_kind: 'upload', document_id: receipt.id },
    }),
    201,
  );
  assert.equal(h.month, MONTH);
  assert.equal(h.status, 'recorded');
  assert.equal(h.amount_cents, 250 * N);
  // The receipt is the handover's now: the Prefettura reads it, another operator does not.
  expectStatus(await api('GET', `/documents/${receipt.id}`, { session: officer }), 200);
  expectError(await api('GET', `/documents/${receipt.id}`, { session: otherWorker }), 404, 'not_found');
  const m = await money();
  const g = m.guests.find((x) => x.person_id === family[0].id);
  assert.equal(g.pocket_money_due_cents, 250 * N);
  assert.equal(g.pocket_money_handed_over_cents, 250 * N);
  assert.equal(g.phone_card, 'missing');
  assert.ok(m.handovers.some((x) => x.id === h.id));
});

test('the phone card once per path; a cancellation with its reason; due against handed over in the costs', async () => {
  const card = expectStatus(await record({ person_id: s1.id, item: 'phone_card', handed_on: day(10) }), 201);
  assert.equal(card.amount_cents, 500);
  expectError(await record({ person_id: s1.id, item: 'phone_card', handed_on: day(11) }), 409, 'already_handed_over', ['item']);
  // A wrong handover is cancelled, never deleted; the card can then be given again.
  expectError(await api('POST', `/handovers/${card.id}/cancellation`, { session: worker, body: { reason: 'short' } }), 400, 'validation_failed', ['reason']);
  expectError(await api('POST', `/handovers/${card.id}/cancellation`, { session: otherWorker, body: { reason: 'not my guest at all' } }), 404, 'not_found');
  const cancelled = expectStatus(await api('POST', `/handovers/${card.id}/cancellation`, { session: worker, body: { reason: 'given to the wrong guest' } }), 200);
  assert.equal(cancelled.status, 'cancelled');
  assert.equal(cancelled.cancel_reason, 'given to the wrong guest');
  expectError(await api('POST', `/handovers/${card.id}/cancellation`, { session: worker, body: { reason: 'given to the wrong guest' } }), 409, 'already_cancelled');
  expectStatus(await record({ person_id: s1.id, item: 'phone_card', handed_on: day(12) }), 201);

  const costs = expectStatus(await api('GET', `/centres/${centreA.id}/costs/${MONTH}`, { session: officer }), 200);
  const line = (item) => costs.money.find((l) => l.item === item);
  assert.equal(line('phone_card').due_count, 3); // three paths began at A in the month
  assert.equal(line('phone_card').handed_over_count, 1);
  assert.equal(line('phone_card').difference_cents, -1000);
  assert.equal(line('pocket_money').due_cents, costs.totals.pocket_money_due_cents);
  assert.equal(line('pocket_money').handed_over_cents, 250 * N);
});

test('a suspension of pocket money: nothing due in its period; outside a placement refused', async () => {
  const before = (await money()).guests.find((g) => g.person_id === s1.id);
  assert.equal(before.pocket_money_due_cents, 250 * (N - 9));
  const path = `/centres/${centreA.id}/pocket-money-suspensions`;
  const body = { person_id: s1.id, from: day(20), until: addDays(day(N), 40), reason: 'breach of the centre rules' };
  expectError(await api('POST', path, { session: worker, body }), 403, 'forbidden');
  // Before the arrival: outside the placement, nothing stored.
  expectError(await api('POST', path, { session: officer, body: { ...body, from: day(5) } }), 422, 'not_placed_on', ['person_id']);
  expectError(await api('POST', path, { session: officer, body: { ...body, until: day(20) } }), 400, 'validation_failed', ['until']);
  // 30 days to 6 months, as a reduction decided on a notice of absence.
  expectError(await api('POST', path, { session: officer, body: { ...body, until: addDays(day(20), 29) } }), 422, 'measure_period', ['until']);
  expectError(await api('POST', path, { session: officer, body: { ...body, until: addDays(day(20), 200) } }), 422, 'measure_period', ['until']);
  assert.equal((await money()).suspensions.length, 0);
  const s = expectStatus(await api('POST', path, { session: officer, body }), 201);
  assert.equal(s.from, day(20));
  const after = await money();
  const g = after.guests.find((x) => x.person_id === s1.id);
  assert.equal(g.suspended_days, N - 19);
  assert.equal(g.pocket_money_due_cents, 250 * 10);
  assert.equal(after.suspensions.length, 1);
});

test('bad input: outside a placement, another operator\'s guest, amounts on the wrong item; nothing stored', async () => {
  const count = async () => (await money()).handovers.length;
  const before = await count();
  expectError(await record({ person_id: s1.id, item: 'pocket_money', handed_on: day(5), amount_cents: 100 }), 422, 'not_placed_on', ['person_id']);
  // Another operator's guest answers as a person that exists nowhere.
  const theirs = await record({ person_id: elsewhere.id, item: 'pocket_money', handed_on: day(5), amount_cents: 100 });
  const missing = await record({ person_id: MISSING, item: 'pocket_money', handed_on: day(5), amount_cents: 100 });
  expectError(theirs, 422, 'not_placed_on', ['person_id']);
  expectError(missing, 422, 'not_placed_on', ['person_id']);
  expectError(await record({ person_id: s1.id, item: 'pocket_money', handed_on: day(15) }), 422, 'validation_failed', ['amount_cents']);
  expectError(await record({ person_id: s1.id, item: 'first_entry_kit', handed_on: day(15), amount_cents: 100 }), 422, 'validation_failed', ['amount_cents']);
  expectError(await record({ person_id: s1.id, item: 'pocket_money', handed_on: day(15), amount_cents: 100, month: monthsAgo(2) }), 422, 'not_placed', ['month']);
  expectError(await record({ person_id: s1.id, item: 'cash', handed_on: day(15) }), 400, 'validation_failed', ['item']);
  expectError(await record({ person_id: s1.id, item: 'first_entry_kit', handed_on: day(15), document_id: MISSING }), 422, 'no_such_document', ['document_id']);
  assert.equal(await count(), before);
  // Another operator's centre is missing for the case worker.
  expectError(await record({ person_id: elsewhere.id, item: 'first_entry_kit', handed_on: day(5) }, worker, centreB), 404, 'not_found');
});

test('who sees: the Prefettura and the operator\'s staff; no one else', async () => {
  await money(worker);
  expectError(await api('GET', `/centres/${centreA.id}/handovers/${MONTH}`, { session: otherWorker }), 404, 'not_found');
  expectError(await api('GET', `/centres/${centreA.id}/handovers/${MONTH}`, { session: inspector }), 403, 'forbidden');
  expectError(await api('GET', `/centres/${centreA.id}/handovers/${MONTH}`, { session: analyst }), 403, 'forbidden');
  expectError(await record({ person_id: s1.id, item: 'first_entry_kit', handed_on: day(15) }, officer), 403, 'forbidden');
});
