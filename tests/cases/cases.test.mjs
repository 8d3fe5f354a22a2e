// Case records over HTTP (decision 0025): the demo case worker opens the case of a guest of its
// organisation and records documents, the asylum procedure, notes and status changes; a second
// case is refused 409. Field-level protection: the prefecture officer reads the case without the
// sensitive notes' narratives; an analyst gets 403 on every case route and never a name; a case
// worker of another organisation gets exactly the answer for a missing case. Bad input is 4xx
// naming the field and stores nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { pdfBytes, uploaded } from '../documents/fixture.mjs';
import { api, createUser, expectError, expectStatus, findOrganization, login, loginDemo } from '../support/client.mjs';
import { addDays, daysAgo } from '../support/days.mjs';
import { openCase } from './fixture.mjs';

let admin, officer, worker, analyst, otherWorker;
const MISSING = 999999999;

before(async () => {
  [admin, officer, worker, analyst] = await Promise.all(
    ['admin', 'prefecture_officer', 'case_worker', 'analyst'].map((r) => loginDemo(r)),
  );
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  const made = await createUser(admin, { organizationId: ponte.id, role: 'case_worker' });
  otherWorker = await login(made.email, made.password);
});

const sessions = () => ({ admin, officer, worker });

test('a case worker opens a case once, records its parts, and every change is in the timeline', async () => {
  const { person, case: c } = await openCase(sessions());
  assert.equal(c.status, 'open');
  assert.equal(c.person.id, person.id);
  assert.equal(c.organization_name, 'Cooperativa Sociale Approdo (demo)');
  assert.ok(c.timeline.some((e) => e.kind === 'arrival'), 'the placement is in the timeline');
  const again = await api('POST', '/cases', { session: worker, body: { person_id: person.id } });
  expectError(again, 409, 'case_exists', ['person_id']);

  const expiry = addDays(daysAgo(0), 40);
  let d = expectStatus(
    await api('POST', `/cases/${c.id}/documents`, {
      session: worker,
      body: { type: 'permit_of_stay', number: 'I123456', issuer: 'Questura di Palermo', issued_on: daysAgo(300), expires_on: expiry },
    }),
    201,
  );
  assert.equal(d.documents.length, 1);
  assert.equal(d.documents[0].expires_on, expiry);
  d = expectStatus(
    await api('PATCH', `/cases/${c.id}/procedure`, {
      session: worker,
      body: { c3_reference: 'PA1', application_date: daysAgo(200), hearing_date: daysAgo(20), decision_date: daysAgo(5), outcome: 'special_protection' },
    }),
    200,
  );
  assert.equal(d.procedure.outcome, 'special_protection');
  d = expectStatus(
    await api('PATCH', `/cases/${c.id}`, { session: worker, body: { legal_status: 'special_protection', interpreter_needed: true, interpreter_language: 'ar' } }),
    200,
  );
  assert.equal(d.legal_status, 'special_protection');
  assert.equal(d.interpreter_language, 'ar');
  d = expectStatus(await api('POST', `/cases/${c.id}/workers`, { session: worker, body: { user_id: worker.user.id } }), 201);
  assert.deepEqual(d.workers.map((w) => w.user_id), [worker.user.id]);
  d = expectStatus(await api('DELETE', `/cases/${c.id}/workers/${worker.user.id}`, { session: worker }), 200);
  assert.equal(d.workers.length, 0);

  d = expectStatus(await api('POST', `/cases/${c.id}/status-changes`, { session: worker, body: { status: 'active' } }), 201);
  d = expectStatus(
    await api('POST', `/cases/${c.id}/status-changes`, { session: worker, body: { status: 'closed', reason: 'autonomy_reached' } }),
    201,
  );
  assert.equal(d.status, 'closed');
  expectError(await api('POST', `/cases/${c.id}/status-changes`, { session: worker, body: { status: 'reopened' } }), 422, 'note_required', ['note']);
  d = expectStatus(
    await api('POST', `/cases/${c.id}/status-changes`, { session: worker, body: { status: 'reopened', note: 'rientrato' } }),
    201,
  );
  assert.deepEqual(d.history.map((h) => h.status), ['open', 'active', 'closed', 'reopened']);
  assert.equal(d.history[2].reason, 'autonomy_reached');
  expectError(await api('POST', `/cases/${c.id}/status-changes`, { session: worker, body: { status: 'reopened', note: 'x' } }), 409, 'wrong_status', ['status']);
  const kinds = new Set(d.timeline.map((e) => e.kind));
  for (const k of ['status', 'document', 'application', 'hearing', 'decision', 'arrival']) assert.ok(kinds.has(k), k);
});

test('sensitive narratives: sealed for the officer, open for the case workers who keep the case', async () => {
  const { case: c } = await openCase(sessions());
  const secret = 'Riferisce violenze subite durante il viaggio';
  expectStatus(await api('POST', `/cases/${c.id}/notes`, { session: worker, body: { sensitivity: 'sensitive', text: secret } }), 201);
  expectStatus(await api('POST', `/cases/${c.id}/notes`, { session: worker, body: { sensitivity: 'normal', text: 'colloquio svolto' } }), 201);
  const own = expectStatus(await api('GET', `/cases/${c.id}`, { session: worker }), 200);
  assert.deepEqual(own.notes.map((n) => [n.sensitivity, n.text, n.redacted]), [
    ['sensitive', secret, false],
    ['normal', 'colloquio svolto', false],
  ]);
  const res = await api('GET', `/cases/${c.id}`, { session: officer });
  const seen = expectStatus(res, 200);
  assert.deepEqual(seen.notes.map((n) => [n.sensitivity, n.text, n.redacted]), [
    ['sensitive', null, true],
    ['normal', 'colloquio svolto', false],
  ]);
  assert.ok(!res.text.includes(secret), 'the narrative is nowhere in the officer\'s answer');
});

test('an analyst never receives a name: 403 on the list and on a case', async () => {
  const { case: c } = await openCase(sessions());
  for (const path of ['/cases', `/cases/${c.id}`, '/cases?format=csv']) {
    const res = await api('GET', path, { session: analyst });
    expectError(res, 403, 'forbidden');
    assert.ok(!res.text.includes(c.person.family_name));
  }
});

test("another organisation's case answers like a missing one, in every read and write", async () => {
  const { case: c } = await openCase(sessions());
  const calls = [
    ['GET', (id) => `/cases/${id}`, undefined],
    ['PATCH', (id) => `/cases/${id}`, { interpreter_needed: true }],
    ['PATCH', (id) => `/cases/${id}/procedure`, { c3_reference: 'X' }],
    ['POST', (id) => `/cases/${id}/status-changes`, { status: 'active' }],
    ['POST', (id) => `/cases/${id}/documents`, { type: 'passport', number: 'P1' }],
    ['POST', (id) => `/cases/${id}/notes`, { sensitivity: 'normal', text: 'x' }],
    ['POST', (id) => `/cases/${id}/workers`, { user_id: otherWorker.user.id }],
    ['POST', (id) => `/cases/${id}/attachments`, { document_ids: [1] }],
  ];
  for (const [method, path, body] of calls) {
    const theirs = await api(method, path(c.id), { session: otherWorker, body });
    const missing = await api(method, path(MISSING), { session: otherWorker, body });
    assert.equal(theirs.status, 404, `${method} ${path(c.id)}`);
    assert.deepEqual(theirs.json, missing.json, `${method} ${path(c.id)}`);
  }
  const list = expectStatus(await api('GET', '/cases?per_page=100', { session: otherWorker }), 200);
  assert.ok(!list.items.some((i) => i.id === c.id));
  // Nor may a case worker open the case of someone its organisation does not host.
  const res = await api('POST', '/cases', { session: otherWorker, body: { person_id: c.person.id } });
  expectError(res, 422, 'validation_failed', ['person_id']);
  // A case worker of another organisation cannot be assigned.
  expectError(
    await api('POST', `/cases/${c.id}/workers`, { session: worker, body: { user_id: otherWorker.user.id } }),
    422,
    'validation_failed',
    ['user_id'],
  );
});

test('bad input is refused naming the field, and nothing is stored', async () => {
  const { case: c } = await openCase(sessions());
  const refuse = async (method, path, body, status, code, fields) =>
    expectError(await api(method, `/cases/${c.id}${path}`, { session: worker, body }), status, code, fields);
  await refuse('POST', '/documents', { type: 'visa', number: '1' }, 400, 'validation_failed', ['type']);
  await refuse('POST', '/documents', { type: 'passport' }, 400, 'validation_failed', ['number']);
  await refuse('POST', '/documents', { type: 'other', number: '1' }, 422, 'validation_failed', ['description']);
  await refuse('POST', '/documents', { type: 'passport', number: '1', issued_on: daysAgo(10), expires_on: daysAgo(20) }, 422, 'validation_failed', ['expires_on']);
  await refuse('PATCH', '/procedure', { decision_date: daysAgo(3) }, 422, 'validation_failed', ['decision_date']);
  await refuse('PATCH', '/procedure', { application_date: daysAgo(30), decision_date: daysAgo(3) }, 422, 'validation_failed', ['outcome']);
  await refuse('PATCH', '/procedure', { application_date: addDays(daysAgo(0), 3) }, 422, 'validation_failed', ['application_date']);
  await refuse('PATCH', '', { legal_status: 'other' }, 422, 'validation_failed', ['legal_status_note']);
  await refuse('PATCH', '', { interpreter_language: 'zz' }, 400, 'validation_failed', ['interpreter_language']);
  await refuse('POST', '/status-changes', { status: 'closed' }, 422, 'reason_required', ['reason']);
  await refuse('POST', '/status-changes', { status: 'closed', reason: 'other' }, 422, 'note_required', ['note']);
  await refuse('POST', '/notes', { sensitivity: 'secret', text: 'x' }, 400, 'validation_failed', ['sensitivity']);
  const after = expectStatus(await api('GET', `/cases/${c.id}`, { session: worker }), 200);
  assert.equal(after.documents.length, 0);
  assert.equal(after.procedure.application_date, null);
  assert.equal(after.legal_status, null);
  assert.equal(after.status, 'open');
  assert.equal(after.notes.length, 0);
});

test('the list filters, searches, sorts and exports for an office', async () => {
  const { case: c, person, centre } = await openCase(sessions(), { nationality: 'ER' });
  expectStatus(await api('PATCH', `/cases/${c.id}`, { session: worker, body: { legal_status: 'asylum_applicant' } }), 200);
  const found = expectStatus(
    await api('GET', `/cases?q=${person.family_name}&centre_id=${centre.id}&nationality=ER&legal_status=asylum_applicant&status=open`, { session: worker }),
    200,
  );
  assert.deepEqual(found.items.map((i) => i.id), [c.id]);
  assert.equal(found.items[0].current_centre.id, centre.id);
  const none = expectStatus(await api('GET', `/cases?q=${person.family_name}&status=closed`, { session: worker }), 200);
  assert.equal(none.total, 0);
  const demo = expectStatus(await api('GET', '/cases?sort=next_expiry&per_page=5', { session: officer }), 200);
  assert.ok(demo.total > 100, 'the demo has cases');
  const days = demo.items.map((i) => i.next_expiry).filter(Boolean);
  assert.deepEqual(days, [...days].sort());
  const csv = await api('GET', `/cases?format=csv&lang=en&q=${person.family_name}`, { session: worker });
  assert.equal(csv.status, 200);
  assert.match(csv.text, /Family name;Given names;Nationality;Centre;Status;Legal status/);
  assert.match(csv.text, new RegExp(`${person.family_name};Amina;ER;.*;Open;Asylum seeker`));
  const xlsx = await api('GET', `/cases?format=xlsx&q=${person.family_name}`, { session: worker });
  assert.equal(xlsx.status, 200);
});

test('attachments are read by whoever reads the case', async () => {
  const { case: c } = await openCase(sessions());
  const doc = await uploaded(worker, pdfBytes(), { filename: 'decreto.pdf' });
  const d = expectStatus(await api('POST', `/cases/${c.id}/attachments`, { session: worker, body: { document_ids: [doc.id] } }), 201);
  assert.deepEqual(d.attachments.map((a) => a.id), [doc.id]);
  expectStatus(await api('GET', `/documents/${doc.id}`, { session: officer }), 200);
  assert.equal((await api('GET', `/documents/${doc.id}`, { session: otherWorker })).status, 404);
});
