// Handing a case to another organisation over HTTP (decision 0025, point 9): after the guest is
// transferred to a centre of Il Ponte, the case workers of Approdo (who keep the case) or a
// prefecture officer hand the case to Il Ponte. Approdo's case workers come off it and lose it
// (404, as missing); Il Ponte's read it whole, sensitive narratives included, with the handover
// in its timeline and a task until one of them takes it. Only an organisation hosting the person
// today may receive it; a closed case, the same organisation, an unknown one and another
// organisation's case are refused, storing nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createCentre } from '../centres/fixture.mjs';
import { api, createUser, expectError, expectStatus, findOrganization, login, loginDemo } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';
import { openCase } from './fixture.mjs';

let admin, officer, worker, analyst, ponteWorker, ponte, approdo, mare, ponteCentre;
const MISSING = 999999999;

before(async () => {
  [admin, officer, worker, analyst] = await Promise.all(['admin', 'prefecture_officer', 'case_worker', 'analyst'].map((r) => loginDemo(r)));
  [ponte, approdo, mare] = await Promise.all(
    ['Cooperativa Il Ponte (demo)', 'Cooperativa Sociale Approdo (demo)', 'Cooperativa Mare Aperto (demo)'].map((n) => findOrganization(admin, n)),
  );
  const made = await createUser(admin, { organizationId: ponte.id, role: 'case_worker' });
  ponteWorker = await login(made.email, made.password);
  ponteCentre = await createCentre(officer, { operator_id: ponte.id, places_single_women: 50 });
});

const sessions = () => ({ admin, officer, worker });

// A case of Approdo's, with its case worker assigned and a sensitive note, whose guest the
// Prefettura has transferred today to a centre of Il Ponte.
async function transferredCase(secret = 'Riferisce violenze subite durante il viaggio') {
  const opened = await openCase(sessions());
  const c = opened.case;
  expectStatus(await api('POST', `/cases/${c.id}/workers`, { session: worker, body: { user_id: worker.user.id } }), 201);
  expectStatus(await api('POST', `/cases/${c.id}/notes`, { session: worker, body: { sensitivity: 'sensitive', text: secret } }), 201);
  expectStatus(
    await api('POST', '/placements/transfers', { session: officer, body: { person_ids: [opened.person.id], to_centre_id: ponteCentre.id, date: daysAgo(0) } }),
    201,
  );
  return c;
}

const handOver = (session, id, body) => api('POST', `/cases/${id}/handovers`, { session, body });

test('the keeping organisation hands the case over: its case workers come off it and lose it, the new one reads it whole', async () => {
  const secret = 'Vittima di tratta: non rivelare il nome del trafficante';
  const c = await transferredCase(secret);
  const before = expectStatus(await api('GET', `/cases/${c.id}`, { session: worker }), 200);
  assert.deepEqual(before.handover_to, [{ id: ponte.id, name: ponte.name }], 'the organisations hosting the person today, but the keeper');

  const h = expectStatus(await handOver(worker, c.id, { organization_id: ponte.id, reason: 'transfer', note: 'trasferita al centro di Il Ponte' }), 201);
  assert.equal(h.case_id, c.id);
  assert.equal(h.from_organization_id, approdo.id);
  assert.equal(h.to_organization_id, ponte.id);
  assert.equal(h.reason, 'transfer');

  // Approdo's case worker no longer reaches the case: exactly the answer for a missing one.
  const gone = await api('GET', `/cases/${c.id}`, { session: worker });
  assert.equal(gone.status, 404);
  assert.deepEqual(gone.json, (await api('GET', `/cases/${MISSING}`, { session: worker })).json);
  const list = expectStatus(await api('GET', `/cases?q=${c.person.family_name}`, { session: worker }), 200);
  assert.ok(!list.items.some((i) => i.id === c.id), "the case left Approdo's list");

  const theirs = expectStatus(await api('GET', `/cases/${c.id}`, { session: ponteWorker }), 200);
  assert.equal(theirs.organization_id, ponte.id);
  assert.equal(theirs.organization_name, ponte.name);
  assert.deepEqual(theirs.workers, [], "Approdo's case worker came off the case");
  assert.deepEqual(theirs.handover_to, [], 'nowhere else hosts the person');
  // Continuity of care: the sensitive narrative follows the case to the organisation keeping it.
  assert.deepEqual(theirs.notes.map((n) => [n.sensitivity, n.text, n.redacted]), [['sensitive', secret, false]]);
  const entry = theirs.timeline.find((e) => e.kind === 'handover');
  assert.ok(entry, 'the handover is in the timeline');
  assert.equal(entry.value, 'transfer');
  assert.equal(entry.detail, 'trasferita al centro di Il Ponte');
  assert.equal(entry.from_organization, approdo.name);
  assert.equal(entry.to_organization, ponte.name);
  assert.equal(entry.by, worker.user.display_name);
  assert.equal(entry.at.slice(0, 10), daysAgo(0));
  // The ended assignment stays in the history.
  assert.ok(theirs.timeline.some((e) => e.kind === 'worker' && e.detail === worker.user.display_name), 'who kept the case before stays');

  // The receiving organisation's case workers have a task until one of them takes the case.
  const task = async () => expectStatus(await api('GET', '/tasks?kind=case_handed_over&per_page=100', { session: ponteWorker }), 200).items.find((t) => t.link === `/cases/${c.id}`);
  const t = await task();
  assert.ok(t, 'a task for the receiving organisation');
  assert.deepEqual(t.params, { case: String(c.id), handed_on: daysAgo(0) });
  expectStatus(await api('POST', `/cases/${c.id}/workers`, { session: ponteWorker, body: { user_id: ponteWorker.user.id } }), 201);
  assert.equal(await task(), undefined, 'taken: the task is gone');

  const audit = expectStatus(await api('GET', `/audit?action=cases.handover&entity_id=${c.id}`, { session: admin }), 200);
  assert.equal(audit.items.length, 1);
  const details = audit.items[0].details;
  assert.deepEqual(
    [details.from_organization_id, details.to_organization_id, details.reason, details.ended_workers],
    [approdo.id, ponte.id, 'transfer', [worker.user.id]],
  );
  assert.ok(!JSON.stringify(details).includes('trasferita'), 'the audit names the reason, never the words of the note');
});

test('a prefecture officer hands a case over; the analyst may not', async () => {
  const c = await transferredCase();
  expectError(await handOver(analyst, c.id, { organization_id: ponte.id, reason: 'transfer' }), 403, 'forbidden');
  expectStatus(await handOver(officer, c.id, { organization_id: ponte.id, reason: 'transfer' }), 201);
  const seen = expectStatus(await api('GET', `/cases/${c.id}`, { session: officer }), 200);
  assert.equal(seen.organization_id, ponte.id);
  assert.equal(seen.timeline.find((e) => e.kind === 'handover').by, officer.user.display_name);
  // The officer still does not read the narratives.
  assert.ok(seen.notes.every((n) => n.redacted && n.text === null));
});

test('bad input is refused naming the field, and nothing is stored', async () => {
  const c = await transferredCase();
  const refuse = async (session, body, status, code, fields) => expectError(await handOver(session, c.id, body), status, code, fields);
  await refuse(worker, { organization_id: MISSING, reason: 'transfer' }, 422, 'validation_failed', ['organization_id']);
  await refuse(worker, { organization_id: approdo.id, reason: 'transfer' }, 422, 'validation_failed', ['organization_id']);
  const notHosting = await refuse(worker, { organization_id: mare.id, reason: 'transfer' }, 422, 'validation_failed', ['organization_id']);
  assert.equal(notHosting.fields.organization_id.code, 'not_hosting');
  await refuse(worker, { organization_id: ponte.id }, 400, 'validation_failed', ['reason']);
  await refuse(worker, { organization_id: ponte.id, reason: 'moved' }, 400, 'validation_failed', ['reason']);
  await refuse(worker, { organization_id: ponte.id, reason: 'other' }, 422, 'note_required', ['note']);
  // Another organisation's case (Il Ponte's worker, before the handover): as missing.
  const theirs = await handOver(ponteWorker, c.id, { organization_id: ponte.id, reason: 'transfer' });
  assert.equal(theirs.status, 404);
  assert.deepEqual(theirs.json, (await handOver(ponteWorker, MISSING, { organization_id: ponte.id, reason: 'transfer' })).json);

  const after = expectStatus(await api('GET', `/cases/${c.id}`, { session: worker }), 200);
  assert.equal(after.organization_id, approdo.id);
  assert.deepEqual(after.workers.map((w) => w.user_id), [worker.user.id]);
  assert.ok(!after.timeline.some((e) => e.kind === 'handover'));
  const audit = expectStatus(await api('GET', `/audit?action=cases.handover&entity_id=${c.id}`, { session: admin }), 200);
  assert.equal(audit.items.length, 0);
});

test('a closed case is not handed over', async () => {
  const c = await transferredCase();
  expectStatus(await api('POST', `/cases/${c.id}/status-changes`, { session: worker, body: { status: 'closed', reason: 'transferred_elsewhere' } }), 201);
  const closed = expectStatus(await api('GET', `/cases/${c.id}`, { session: worker }), 200);
  assert.deepEqual(closed.handover_to, [], 'a closed case offers nowhere to hand it');
  expectError(await handOver(worker, c.id, { organization_id: ponte.id, reason: 'transfer' }), 409, 'case_closed', ['status']);
  const after = expectStatus(await api('GET', `/cases/${c.id}`, { session: worker }), 200);
  assert.equal(after.organization_id, approdo.id);
  assert.equal(after.workers.length, 1);
});
