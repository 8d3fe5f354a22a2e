// The review of referrals as a privacy officer would make it (issue 11 point 6): what each side
// reads beyond the items a referral shares. The Prefettura reads categories, never a sensitive
// note's words; once sharing stops (the consent withdrawn, the referral declined or cancelled)
// the recipient reads no narrative of the sender's (the reason, the history's notes), and an
// override's reason is the Prefettura's, never the recipient's; an inbox is never searched by
// case (a recipient never learns a case id); analysts read no count small enough to point at a
// person; escalation mails come from the server's job, never from somebody's read.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { openCase } from '../cases/fixture.mjs';
import { api, createOrganization, expectError, expectStatus, findOrganization, loginDemo, poll } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';
import { MAIL_DIR, mailsTo } from '../support/mail.mjs';
import { NGO, recordConsent, sendReferral } from './fixture.mjs';

let admin, officer, worker, provider, analyst, ngo;
const PROVIDER_MAIL = 'service_provider@demo.innet.example';

before(async () => {
  [admin, officer, worker, provider, analyst] = await Promise.all(
    ['admin', 'prefecture_officer', 'case_worker', 'service_provider', 'analyst'].map((r) => loginDemo(r)),
  );
  ngo = await findOrganization(admin, NGO);
});

const sessions = () => ({ admin, officer, worker });
const act = (session, id, what, body = {}) => api('POST', `/referrals/${id}/${what}`, { session, body });
const read = async (session, id) => expectStatus(await api('GET', `/referrals/${id}`, { session }), 200);

test("the Prefettura reads a shared note's sensitivity, never a sensitive note's words", async () => {
  const { case: c } = await openCase(sessions());
  const written = expectStatus(
    await api('POST', `/cases/${c.id}/notes`, { session: worker, body: { sensitivity: 'sensitive', text: 'Riferisce torture in Libia' } }),
    201,
  );
  const noteId = written.notes.at(-1).id;
  const consent = await recordConsent(worker, c.id, ngo.id, ['identity', 'notes']);
  const r = await sendReferral(worker, c.id, ngo.id, consent.id, { data_items: ['identity', 'notes'], note_ids: [noteId] });

  assert.deepEqual((await read(worker, r.id)).shared.notes.map((n) => n.text), ['Riferisce torture in Libia']);
  assert.deepEqual((await read(provider, r.id)).shared.notes.map((n) => n.text), ['Riferisce torture in Libia']);
  const seen = await read(officer, r.id);
  assert.deepEqual(seen.shared.notes.map((n) => [n.sensitivity, n.text]), [['sensitive', null]]);
  assert.ok(!JSON.stringify(seen).includes('torture'), 'no trace of the words in the officer’s answer');
  // The case page agrees: the same officer reads the note without its words there too.
  const onCase = expectStatus(await api('GET', `/cases/${c.id}`, { session: officer }), 200);
  assert.equal(onCase.notes.find((n) => n.id === noteId).text, null);
});

test('once sharing stops the recipient reads no narrative of the sender: withdrawal, decline, cancellation', async () => {
  // The sender's words: the reason and the notes of its own acts. The recipient's notes of its own
  // acts are its own record and stay (referrals.test.mjs reads them after a withdrawal too).
  const senderActs = new Set(['draft', 'sent', 'cancelled']);
  const narrative = (r) => [r.reason, ...r.history.filter((e) => senderActs.has(e.state)).map((e) => e.note)].filter((x) => x !== null);
  const stop = {
    withdrawal: async (r, consent) => {
      expectStatus(await act(provider, r.id, 'accept', { note: 'Presa visione' }), 201);
      expectStatus(
        await api('POST', `/consents/${consent.id}/withdrawal`, { session: worker, body: { withdrawn_on: daysAgo(0), reason: 'Revoca' } }),
        201,
      );
    },
    decline: async (r) => expectStatus(await act(provider, r.id, 'decline', { reason: 'Fuori competenza' }), 201),
    cancellation: async (r) => expectStatus(await act(worker, r.id, 'cancel', { note: 'Trasferita: non serve più' }), 201),
  };
  for (const [what, stopIt] of Object.entries(stop)) {
    const { case: c } = await openCase(sessions());
    const consent = await recordConsent(worker, c.id, ngo.id, ['identity']);
    const r = await sendReferral(worker, c.id, ngo.id, consent.id, { reason: 'Segni di grave sofferenza psichica', note: 'Urgente' });
    assert.equal((await read(provider, r.id)).reason, 'Segni di grave sofferenza psichica', `${what}: shared while it lasts`);
    await stopIt(r, consent);
    const after = await read(provider, r.id);
    assert.ok(after.shared.stopped, what);
    assert.deepEqual(narrative(after), [], `${what}: the recipient reads ${JSON.stringify(narrative(after))}`);
    assert.ok(!JSON.stringify(after).includes('sofferenza'), what);
    assert.ok(!JSON.stringify(after).includes('Urgente'), what);
    // The sender keeps its own record whole.
    assert.equal((await read(worker, r.id)).reason, 'Segni di grave sofferenza psichica', what);
  }
});

test("an override's reason is the Prefettura's: the recipient reads that it was overridden, not why", async () => {
  const { case: c } = await openCase(sessions());
  const r = expectStatus(
    await api('POST', '/referrals', {
      session: officer,
      body: { case_id: c.id, organization_id: ngo.id, reason: 'Tutela', urgency: 'urgent', data_items: ['identity'], send: true, override_reason: 'Vittima di tratta a rischio' },
    }),
    201,
  );
  assert.equal(r.override_reason, 'Vittima di tratta a rischio');
  const seen = await read(provider, r.id);
  assert.equal(seen.overridden, true);
  assert.equal(seen.override_reason, null);
  assert.ok(!JSON.stringify(seen).includes('tratta'));
});

test('an inbox is never filtered by case: a recipient would learn which referrals are of one person', async () => {
  const { case: c } = await openCase(sessions());
  const consent = await recordConsent(worker, c.id, ngo.id, ['identity']);
  await sendReferral(worker, c.id, ngo.id, consent.id);
  expectError(await api('GET', `/referrals?box=inbox&case_id=${c.id}`, { session: provider }), 400, 'validation_failed', ['case_id']);
  // The outbox is the sender's own: its filter stays.
  assert.equal(expectStatus(await api('GET', `/referrals?box=outbox&case_id=${c.id}`, { session: worker }), 200).total, 1);
});

test('analysts read no group of fewer than 5 referrals; the Prefettura, which reads them all anyway, does', async () => {
  // An organisation that has received exactly one referral: its row would say what happened to
  // that one person's referral.
  const small = await createOrganization(admin, { type: 'ngo' });
  const { case: c } = await openCase(sessions());
  const consent = await recordConsent(worker, c.id, small.id, ['identity', 'vulnerability_categories']);
  await sendReferral(worker, c.id, small.id, consent.id, { category: 'lgbtiq', data_items: ['identity', 'vulnerability_categories'] });

  const forOfficer = expectStatus(await api('GET', `/referral-metrics?from=${daysAgo(0)}&to=${daysAgo(0)}`, { session: officer }), 200);
  assert.equal(forOfficer.by_organization.find((o) => o.organization_id === small.id)?.sent, 1);
  assert.equal(forOfficer.min_group, null);

  const m = expectStatus(await api('GET', `/referral-metrics?from=${daysAgo(0)}&to=${daysAgo(0)}`, { session: analyst }), 200);
  assert.equal(m.min_group, 5);
  assert.ok(!m.by_organization.some((o) => o.organization_id === small.id), 'the small organisation is left out');
  for (const row of [...m.by_organization, ...m.by_category]) assert.ok(row.sent >= 5, JSON.stringify(row));
  assert.ok(m.left_out.by_organization >= 1);
  const sent = m.by_state.filter((s) => s.state !== 'draft').reduce((n, s) => n + s.count, 0);
  assert.equal(m.by_organization.reduce((n, o) => n + o.sent, 0) + m.left_out.by_organization, sent);
  assert.equal(m.by_category.reduce((n, o) => n + o.sent, 0) + m.left_out.by_category, sent);
});

test('escalation mails come from the server’s job, recorded once, by no user', async () => {
  assert.ok(MAIL_DIR, 'INNET_MAIL_DIR is set: the SMTP sink runs (scripts/run-tests.sh)');
  // The demo's referral 12 days past its term waits in the demo provider's inbox. Nobody reads a
  // list here: the job mails it on its own (every second in the tests).
  await poll(async () => mailsTo(PROVIDER_MAIL).some((m) => /oltre il termine/.test(m.body)), {
    timeoutMs: 10000,
    what: 'an escalation mail without any read',
  });
  const entries = expectStatus(await api('GET', '/audit?action=referrals.escalate&per_page=100', { session: admin }), 200).items;
  assert.ok(entries.length >= 1);
  assert.ok(entries.every((e) => e.actor_user_id === null), JSON.stringify(entries.map((e) => e.actor_email)));
  // Every referral escalated once, whatever reads or instances came by.
  const ids = entries.flatMap((e) => e.details.referral_ids);
  assert.equal(new Set(ids).size, ids.length);
});
