// Closed-loop referrals with consent over HTTP (decision 0032): sending needs the person's valid
// consent to that organisation covering every item shared, or an override by the Prefettura;
// the state machine and its 409s; what the recipient reads (only the items shared, nothing once
// the consent is withdrawn, 404 on the case); the mails the SMTP sink receives (a reference and a
// link, no personal data); escalation in both lists and the tasks inbox; the aggregates.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { openCase } from '../cases/fixture.mjs';
import { api, createUser, expectError, expectStatus, findOrganization, login, loginDemo, poll } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';
import { MAIL_DIR, mailsTo } from '../support/mail.mjs';
import { NGO, recordConsent, referralBody, sendReferral } from './fixture.mjs';

let admin, officer, worker, provider, analyst, ngo, asp;
const PROVIDER_MAIL = 'service_provider@demo.innet.example';
const WORKER_MAIL = 'case_worker@demo.innet.example';

before(async () => {
  assert.ok(MAIL_DIR, 'INNET_MAIL_DIR is set: the SMTP sink runs (scripts/run-tests.sh)');
  [admin, officer, worker, provider, analyst] = await Promise.all(
    ['admin', 'prefecture_officer', 'case_worker', 'service_provider', 'analyst'].map((r) => loginDemo(r)),
  );
  ngo = await findOrganization(admin, NGO);
  asp = await findOrganization(admin, 'ASP Palermo');
});

const sessions = () => ({ admin, officer, worker });
const outboxOf = async (caseId) =>
  expectStatus(await api('GET', `/referrals?box=outbox&case_id=${caseId}`, { session: worker }), 200);
const act = (session, id, what, body = {}) => api('POST', `/referrals/${id}/${what}`, { session, body });

test('sending needs a valid consent to that organisation for every item shared, or the Prefettura’s override', async () => {
  const { case: c } = await openCase(sessions());
  const send = (session, fields) => api('POST', '/referrals', { session, body: referralBody(c.id, ngo.id, { send: true, ...fields }) });

  let e = expectError(await send(worker, {}), 422, 'consent_required', ['consent_id']);
  assert.equal(e.fields.consent_id.params.why, 'missing');
  assert.equal((await outboxOf(c.id)).total, 0, 'a refused send stores nothing, not even the draft');

  const forNgo = await recordConsent(worker, c.id, ngo.id, ['identity', 'languages']);
  assert.equal(forNgo.valid, true);
  e = expectError(await send(worker, { consent_id: forNgo.id, data_items: ['identity', 'legal_status'] }), 422, 'consent_required', ['consent_id']);
  assert.equal(e.fields.consent_id.params.why, 'fewer_items');
  assert.deepEqual(e.fields.consent_id.params.missing, ['legal_status']);

  const forAsp = await recordConsent(worker, c.id, asp.id, ['identity']);
  e = expectError(await send(worker, { consent_id: forAsp.id }), 422, 'consent_required', ['consent_id']);
  assert.equal(e.fields.consent_id.params.why, 'other_organization');

  const withdrawn = await recordConsent(worker, c.id, ngo.id, ['identity']);
  const after = expectStatus(
    await api('POST', `/consents/${withdrawn.id}/withdrawal`, { session: worker, body: { withdrawn_on: daysAgo(0), reason: 'Ci ha ripensato' } }),
    201,
  );
  assert.equal(after.items.find((x) => x.id === withdrawn.id).valid, false);
  expectError(
    await api('POST', `/consents/${withdrawn.id}/withdrawal`, { session: worker, body: { withdrawn_on: daysAgo(0), reason: 'Di nuovo' } }),
    409,
    'consent_withdrawn',
    ['withdrawn_on'],
  );
  e = expectError(await send(worker, { consent_id: withdrawn.id }), 422, 'consent_required', ['consent_id']);
  assert.equal(e.fields.consent_id.params.why, 'withdrawn');
  assert.equal((await outboxOf(c.id)).total, 0);

  // The override: refused to a case worker, recorded for the prefecture officer.
  expectError(await send(worker, { override_reason: 'Urgente' }), 422, 'override_not_allowed', ['override_reason']);
  const overridden = expectStatus(await send(officer, { override_reason: 'Rischio imminente' }), 201);
  assert.equal(overridden.state, 'sent');
  assert.equal(overridden.overridden, true);
  assert.equal(overridden.consent_state, null);
  assert.equal(overridden.override_reason, 'Rischio imminente');

  // The consents stay, withdrawn ones included, with who recorded them.
  const consents = expectStatus(await api('GET', `/cases/${c.id}/consents`, { session: officer }), 200);
  assert.equal(consents.items.length, 3);
  assert.ok(consents.items.every((x) => x.recorded_by_name.length > 0));
  expectError(await api('GET', `/cases/${c.id}/consents`, { session: provider }), 403, 'forbidden');
});

test('the state machine: every act in its state, 409 naming the state otherwise, each step in the history', async () => {
  const { case: c } = await openCase(sessions());
  const consent = await recordConsent(worker, c.id, ngo.id, ['identity']);
  const draft = expectStatus(await api('POST', '/referrals', { session: worker, body: referralBody(c.id, ngo.id) }), 201);
  assert.equal(draft.state, 'draft');
  assert.deepEqual(draft.actions, ['send', 'cancel']);
  // A draft is the sender's alone.
  expectError(await api('GET', `/referrals/${draft.id}`, { session: provider }), 404, 'not_found');

  let r = expectStatus(await act(worker, draft.id, 'send', { consent_id: consent.id }), 201);
  assert.equal(r.state, 'sent');
  assert.ok(r.answer_due_at > r.sent_at);
  let e = expectError(await act(provider, r.id, 'start'), 409, 'wrong_state', ['state']);
  assert.equal(e.fields.state.params.state, 'sent');
  assert.deepEqual(e.fields.state.params.expected, ['accepted']);
  expectError(await act(worker, r.id, 'accept'), 404, 'not_found', []);
  expectError(await act(provider, r.id, 'cancel', { note: 'no' }), 403, 'forbidden');

  r = expectStatus(await act(provider, r.id, 'accept', { note: 'Appuntamento lunedì' }), 201);
  assert.equal(r.state, 'accepted');
  assert.deepEqual(r.actions, ['start']);
  r = expectStatus(await act(provider, r.id, 'start'), 201);
  expectError(await act(provider, r.id, 'complete', { outcome: 'unsuccessful' }), 422, 'validation_failed', ['outcome_reason']);
  r = expectStatus(await act(provider, r.id, 'complete', { outcome: 'successful' }), 201);
  assert.equal(r.state, 'completed');
  assert.deepEqual(r.history.map((h) => h.state), ['draft', 'sent', 'accepted', 'in_progress', 'completed']);
  assert.equal(r.history[2].note, 'Appuntamento lunedì');
  e = expectError(await act(worker, r.id, 'cancel', { note: 'tardi' }), 409, 'wrong_state', ['state']);
  assert.equal(e.fields.state.params.state, 'completed');

  const declined = await sendReferral(worker, c.id, ngo.id, consent.id);
  expectError(await act(provider, declined.id, 'decline'), 400, 'validation_failed', ['reason']);
  r = expectStatus(await act(provider, declined.id, 'decline', { reason: 'Servizio al completo' }), 201);
  assert.equal(r.decline_reason, 'Servizio al completo');

  const cancelled = await sendReferral(worker, c.id, ngo.id, consent.id);
  r = expectStatus(await act(worker, cancelled.id, 'cancel', { note: 'Trasferito' }), 201);
  assert.equal(r.state, 'cancelled');
  expectError(await act(provider, cancelled.id, 'accept'), 409, 'wrong_state', ['state']);
});

test('the recipient reads only what is shared, nothing after the withdrawal, and never the case', async () => {
  const { person, case: c } = await openCase(sessions(), { languages: ['ar'] });
  await api('PATCH', `/cases/${c.id}`, { session: worker, body: { legal_status: 'asylum_applicant' } });
  const withNotes = expectStatus(
    await api('POST', `/cases/${c.id}/notes`, { session: worker, body: { sensitivity: 'sensitive', text: 'Riferisce violenze subite' } }),
    201,
  );
  const noteId = withNotes.notes.at(-1).id;
  expectStatus(await api('POST', `/cases/${c.id}/notes`, { session: worker, body: { sensitivity: 'normal', text: 'Non condivisa' } }), 201);
  const consent = await recordConsent(worker, c.id, ngo.id, ['identity', 'languages', 'notes', 'vulnerability_categories']);
  const sent = await sendReferral(worker, c.id, ngo.id, consent.id, {
    data_items: ['identity', 'notes', 'vulnerability_categories'],
    note_ids: [noteId],
    category: 'torture_violence',
  });

  const inbox = expectStatus(await api('GET', '/referrals?box=inbox&state=sent', { session: provider }), 200);
  const row = inbox.items.find((x) => x.id === sent.id);
  assert.ok(row, 'in the recipient’s inbox');
  assert.equal(row.unread, true);
  assert.equal(row.case_id, null);
  assert.equal(row.person_name, `${person.family_name} ${person.given_names}`);

  const seen = expectStatus(await api('GET', `/referrals/${sent.id}`, { session: provider }), 200);
  assert.equal(seen.side, 'recipient');
  assert.deepEqual(seen.actions, ['accept', 'decline']);
  assert.equal(seen.shared.identity.family_name, person.family_name);
  assert.equal(seen.shared.category, 'torture_violence');
  assert.equal(seen.shared.languages, null, 'consented but not shared by this referral');
  assert.equal(seen.shared.legal_status, null);
  assert.deepEqual(seen.shared.notes.map((n) => n.text), ['Riferisce violenze subite']);
  assert.deepEqual(seen.shared.documents, []);
  const again = expectStatus(await api('GET', '/referrals?box=inbox&state=sent', { session: provider }), 200);
  assert.equal(again.items.find((x) => x.id === sent.id).unread, false);

  // The case itself stays out of reach: service providers hold no action on cases, and the
  // sender's outbox is not theirs.
  expectError(await api('GET', `/cases/${c.id}`, { session: provider }), 403, 'forbidden');
  assert.equal(expectStatus(await api('GET', `/referrals?box=outbox&case_id=${c.id}`, { session: provider }), 200).total, 0);

  expectStatus(await act(provider, sent.id, 'accept', { note: 'Colloquio fissato' }), 201);
  expectStatus(
    await api('POST', `/consents/${consent.id}/withdrawal`, { session: worker, body: { withdrawn_on: daysAgo(0), reason: 'Revoca' } }),
    201,
  );
  const stopped = expectStatus(await api('GET', `/referrals/${sent.id}`, { session: provider }), 200);
  assert.equal(stopped.shared.stopped, 'consent_withdrawn');
  assert.equal(stopped.shared.identity, null);
  assert.deepEqual(stopped.shared.notes, []);
  assert.equal(stopped.person_name, null);
  assert.equal(stopped.category, null);
  assert.equal(stopped.consent_state, 'withdrawn');
  assert.ok(!JSON.stringify(stopped).includes(person.family_name), 'no trace of the person');
  // The sender's words speak of the person and stop with the rest; the recipient's own stay.
  assert.equal(stopped.reason, null);
  assert.deepEqual(stopped.history.map((h) => h.note), [null, null, 'Colloquio fissato']);
  assert.equal(expectStatus(await api('GET', `/referrals/${sent.id}`, { session: worker }), 200).reason, 'Valutazione psicologica');
  const list = expectStatus(await api('GET', '/referrals?box=inbox&state=accepted', { session: provider }), 200);
  assert.equal(list.items.find((x) => x.id === sent.id).person_name, null);
  // The work goes on: the referral is still the recipient's to complete.
  expectStatus(await act(provider, sent.id, 'start'), 201);

  expectError(await api('GET', '/referrals/999999999', { session: provider }), 404, 'not_found');
});

test('once the consent is withdrawn the recipient reads none of the sender’s words about the person: the reason, the notes of its acts', async () => {
  const { case: c } = await openCase(sessions());
  const consent = await recordConsent(worker, c.id, ngo.id, ['identity']);
  const draft = expectStatus(await api('POST', '/referrals', { session: worker, body: referralBody(c.id, ngo.id, { reason: 'Riferisce incubi e insonnia' }) }), 201);
  expectStatus(await act(worker, draft.id, 'send', { consent_id: consent.id, note: 'Parla solo arabo' }), 201);
  expectStatus(await act(provider, draft.id, 'accept', { note: 'Primo colloquio giovedì' }), 201);
  const before = expectStatus(await api('GET', `/referrals/${draft.id}`, { session: provider }), 200);
  assert.equal(before.reason, 'Riferisce incubi e insonnia', 'read while the consent holds');
  assert.deepEqual(before.history.map((h) => h.note), [null, 'Parla solo arabo', 'Primo colloquio giovedì']);
  expectStatus(await api('POST', `/consents/${consent.id}/withdrawal`, { session: worker, body: { withdrawn_on: daysAgo(0), reason: 'Revoca' } }), 201);
  const after = expectStatus(await api('GET', `/referrals/${draft.id}`, { session: provider }), 200);
  assert.equal(after.reason, null);
  assert.deepEqual(after.history.map((h) => h.note), [null, null, 'Primo colloquio giovedì'], 'the recipient’s own notes stay');
  const sender = expectStatus(await api('GET', `/referrals/${draft.id}`, { session: worker }), 200);
  assert.equal(sender.reason, 'Riferisce incubi e insonnia', 'the sender keeps its record');
  assert.equal(sender.history[1].note, 'Parla solo arabo');
});

test('a case worker of another operator receiving a referral reads it, and its case answers 404 like a missing one', async () => {
  const { person, case: c } = await openCase(sessions());
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  const made = await createUser(admin, { organizationId: ponte.id, role: 'case_worker' });
  const ponteWorker = await login(made.email, made.password);
  const consent = await recordConsent(worker, c.id, ponte.id, ['identity']);
  const r = await sendReferral(worker, c.id, ponte.id, consent.id);
  const seen = expectStatus(await api('GET', `/referrals/${r.id}`, { session: ponteWorker }), 200);
  assert.equal(seen.shared.identity.family_name, person.family_name);
  const caseAnswer = await api('GET', `/cases/${c.id}`, { session: ponteWorker });
  const missingAnswer = await api('GET', '/cases/999999999', { session: ponteWorker });
  expectError(caseAnswer, 404, 'not_found');
  assert.deepEqual(caseAnswer.json, missingAnswer.json);
  // Another operator's case worker who is not the recipient sees nothing of it.
  const other = await createUser(admin, { organizationId: (await findOrganization(admin, 'Cooperativa Mare Aperto (demo)')).id, role: 'case_worker' });
  const stranger = await login(other.email, other.password);
  const same = async (what, call) => {
    const theirs = await call(r.id);
    const missing = await call(999999999);
    expectError(theirs, 404, 'not_found');
    assert.deepEqual(theirs.json, missing.json, what);
  };
  await same('a referral', (id) => api('GET', `/referrals/${id}`, { session: stranger }));
  await same('an act', (id) => act(stranger, id, 'accept'));
  // Another operator's case worker names this case's consent: as if it did not exist.
  await same('a withdrawal', (id) =>
    api('POST', `/consents/${id === r.id ? consent.id : id}/withdrawal`, { session: stranger, body: { withdrawn_on: daysAgo(0), reason: 'x' } }),
  );
  await same('a consent list', (id) => api('GET', `/cases/${id === r.id ? c.id : id}/consents`, { session: stranger }));
});

test('mails name the reference and link to it, never the person', async () => {
  const { person, case: c } = await openCase(sessions());
  const consent = await recordConsent(worker, c.id, ngo.id, ['identity']);
  const r = await sendReferral(worker, c.id, ngo.id, consent.id);
  // Other mails to the provider (an escalation noticed by a list read) may come first.
  const about = () => mailsTo(PROVIDER_MAIL).find((m) => m.body.includes(r.reference));
  await poll(async () => about() !== undefined, { timeoutMs: 10000, what: `a mail about ${r.reference}` });
  const mail = about();
  assert.match(mail.subject, new RegExp(r.reference));
  assert.ok(mail.body.includes(`https://innet.test/referrals/${r.id}`));
  for (const word of [person.family_name, person.given_names, 'Valutazione'])
    assert.ok(!mail.body.includes(word) && !mail.subject.includes(word), `no "${word}" in the mail`);

  expectStatus(await act(provider, r.id, 'accept'), 201);
  // Other mails to the sender (an escalation noticed by a list read) may come first.
  const acceptance = () => mailsTo(WORKER_MAIL).find((m) => m.body.includes(r.reference) && /accettato/.test(m.body));
  await poll(async () => acceptance() !== undefined, { timeoutMs: 10000, what: 'the sender hears of the acceptance' });
  const accepted = acceptance();
  assert.ok(!accepted.body.includes(person.family_name));
});

test('a referral unanswered past its term escalates: flagged in both lists, a task on both sides, one mail', async () => {
  // The demo has referrals sent 12 days ago (normal: 10 days) and 5 days ago (urgent: 3 days).
  const outbox = expectStatus(await api('GET', '/referrals?box=outbox&escalated=true&per_page=100', { session: worker }), 200);
  assert.ok(outbox.total >= 1, 'escalated referrals in the outbox');
  assert.ok(outbox.items.every((x) => x.escalated && x.state === 'sent'));
  assert.equal(outbox.escalated, outbox.total);

  const inbox = expectStatus(await api('GET', '/referrals?box=inbox&per_page=100', { session: provider }), 200);
  const escalated = inbox.items.filter((x) => x.escalated);
  const ours = outbox.items.filter((x) => x.to_organization_id === ngo.id).map((x) => x.id);
  for (const id of ours) assert.ok(escalated.some((x) => x.id === id), `R ${id} flagged in the inbox`);

  // Of one kind: the case worker's inbox holds hundreds of screenings due as well.
  const tasks = expectStatus(await api('GET', '/tasks?kind=referral_escalated&per_page=100', { session: worker }), 200);
  const senderTasks = tasks.items;
  assert.ok(senderTasks.every((t) => t.kind === 'referral_escalated'));
  assert.equal(senderTasks.length, outbox.total);
  assert.ok(senderTasks.every((t) => t.overdue && /^\/referrals\/\d+$/.test(t.link) && /^R-\d{6}$/.test(t.params.reference)));
  const providerTasks = expectStatus(await api('GET', '/tasks?kind=referral_waiting&per_page=100', { session: provider }), 200);
  const waiting = providerTasks.items;
  assert.equal(waiting.length, inbox.items.filter((x) => x.state === 'sent').length);
  assert.ok(waiting.some((t) => t.overdue));

  // One escalation mail per referral and side, however often the lists are read.
  const reference = outbox.items[0].reference;
  const escalationTo = (address) => mailsTo(address).filter((m) => m.body.includes(reference) && /oltre il termine/.test(m.body));
  await poll(async () => escalationTo(WORKER_MAIL).length === 1, { timeoutMs: 10000, what: 'the escalation mail' });
  expectStatus(await api('GET', '/referrals?box=outbox', { session: worker }), 200);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(escalationTo(WORKER_MAIL).length, 1);
});

test('metrics are aggregates for officers and analysts, without a name', async () => {
  const { person } = await openCase(sessions());
  for (const session of [officer, analyst]) {
    const m = expectStatus(await api('GET', '/referral-metrics', { session }), 200);
    const total = m.by_state.reduce((n, s) => n + s.count, 0);
    assert.ok(total > 0);
    assert.ok(m.by_state.find((s) => s.state === 'draft').count === 0, 'drafts are not counted');
    assert.ok(m.time_to_accept.count > 0 && m.time_to_accept.median_hours <= m.time_to_accept.p90_hours);
    assert.ok(m.time_to_complete.count > 0);
    assert.ok(m.by_organization.some((o) => o.organization === NGO && o.sent > 0));
    assert.ok(m.by_category.length > 0);
    assert.ok(!JSON.stringify(m).includes(person.family_name));
  }
  const period = expectStatus(await api('GET', `/referral-metrics?from=${daysAgo(3)}&to=${daysAgo(0)}`, { session: analyst }), 200);
  assert.ok(period.by_state.every((s) => s.count >= 0));
  expectError(await api('GET', '/referral-metrics', { session: worker }), 403, 'forbidden');
  expectError(await api('GET', '/referral-metrics?from=yesterday', { session: analyst }), 400, 'validation_failed', ['from']);
});

test('bad input stores nothing and names the field', async () => {
  const { case: c } = await openCase(sessions());
  expectError(
    await api('POST', `/cases/${c.id}/consents`, { session: worker, body: { organization_id: ngo.id, data_items: ['dna'], purpose: 'x', given_on: daysAgo(0) } }),
    400,
    'validation_failed',
    ['data_items[0]'],
  );
  const prefettura = await findOrganization(admin, 'Prefettura di Palermo');
  expectError(
    await api('POST', `/cases/${c.id}/consents`, { session: worker, body: { organization_id: prefettura.id, data_items: ['identity'], purpose: 'x', given_on: daysAgo(0) } }),
    422,
    'validation_failed',
    ['organization_id'],
  );
  expectError(
    await api('POST', '/referrals', { session: worker, body: referralBody(c.id, ngo.id, { category: 'minor' }) }),
    422,
    'validation_failed',
    ['category'],
  );
  expectError(
    await api('POST', '/referrals', { session: worker, body: referralBody(999999999, ngo.id) }),
    422,
    'validation_failed',
    ['case_id'],
  );
  expectError(
    await api('POST', '/referrals', { session: worker, body: referralBody(c.id, ngo.id, { data_items: ['notes'], note_ids: [999999999] }) }),
    422,
    'validation_failed',
    ['note_ids'],
  );
  assert.equal((await outboxOf(c.id)).total, 0);
  expectStatus(await api('GET', `/referrals?box=outbox&format=csv&case_id=${c.id}`, { session: worker }), 200);
});
