// A draft referral is its sender's to edit until it is sent (PATCH /referrals/{id}): what the body
// names changes, the rest stays; the shape is checked as when the referral is made; once sent it
// is 409, and on no side of the caller it is missing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { openCase } from '../cases/fixture.mjs';
import { api, createUser, expectError, expectStatus, findOrganization, login, loginDemo } from '../support/client.mjs';
import { NGO, recordConsent, referralBody } from './fixture.mjs';

let admin, officer, worker, provider, ngo, asp;

before(async () => {
  [admin, officer, worker, provider] = await Promise.all(['admin', 'prefecture_officer', 'case_worker', 'service_provider'].map((r) => loginDemo(r)));
  ngo = await findOrganization(admin, NGO);
  asp = await findOrganization(admin, 'ASP Palermo');
});

const edit = (session, id, body) => api('PATCH', `/referrals/${id}`, { session, body });

test('a draft is edited by its sender, then sent under the consent that covers the edit', async () => {
  const { case: c } = await openCase({ admin, officer, worker });
  const noted = expectStatus(await api('POST', `/cases/${c.id}/notes`, { session: worker, body: { sensitivity: 'normal', text: 'Nota' } }), 201);
  const noteId = noted.notes.at(-1).id;
  const draft = expectStatus(await api('POST', '/referrals', { session: worker, body: referralBody(c.id, ngo.id) }), 201);
  assert.equal(draft.state, 'draft');

  const edited = expectStatus(
    await edit(worker, draft.id, {
      organization_id: asp.id,
      reason: 'Visita medica',
      urgency: 'urgent',
      data_items: ['identity', 'notes', 'vulnerability_categories'],
      category: 'serious_illness',
      note_ids: [noteId],
    }),
    200,
  );
  assert.equal(edited.to_organization_id, asp.id);
  assert.equal(edited.reason, 'Visita medica');
  assert.equal(edited.urgency, 'urgent');
  assert.deepEqual(edited.note_ids, [noteId]);
  assert.equal(edited.category, 'serious_illness');
  assert.deepEqual(edited.history.map((e) => e.state), ['draft'], 'an edit is not a change of state');
  // What the body leaves out stays.
  const again = expectStatus(await edit(worker, draft.id, { reason: 'Visita medica urgente' }), 200);
  assert.equal(again.to_organization_id, asp.id);
  assert.equal(again.category, 'serious_illness');
  assert.equal(again.reason, 'Visita medica urgente');

  // Bad edits store nothing and name the field.
  expectError(await edit(worker, draft.id, { data_items: ['identity'] }), 422, 'validation_failed', ['category']);
  const prefettura = await findOrganization(admin, 'Prefettura di Palermo');
  expectError(await edit(worker, draft.id, { organization_id: prefettura.id }), 422, 'validation_failed', ['organization_id']);
  expectError(await edit(worker, draft.id, { note_ids: [999999999] }), 422, 'validation_failed', ['note_ids']);
  assert.equal(expectStatus(await api('GET', `/referrals/${draft.id}`, { session: worker }), 200).to_organization_id, asp.id);

  // Not the recipient's, nor anyone's on no side of it.
  expectError(await edit(provider, draft.id, { reason: 'x' }), 403, 'forbidden');

  const consent = await recordConsent(worker, c.id, asp.id, ['identity', 'notes', 'vulnerability_categories']);
  const sent = expectStatus(await api('POST', `/referrals/${draft.id}/send`, { session: worker, body: { consent_id: consent.id } }), 201);
  assert.equal(sent.state, 'sent');
  const e = expectError(await edit(worker, draft.id, { reason: 'Dopo' }), 409, 'wrong_state', ['state']);
  assert.deepEqual(e.fields.state.params.expected, ['draft']);
  const audit = expectStatus(await api('GET', `/audit?action=referrals.edit&entity_id=${draft.id}`, { session: admin }), 200);
  assert.equal(audit.items.length, 2);
  assert.ok(!JSON.stringify(audit.items).includes('Visita'), 'the audit names what changed, never the words');
});

test("another operator's case worker edits nothing: the draft is missing to it", async () => {
  const { case: c } = await openCase({ admin, officer, worker });
  const draft = expectStatus(await api('POST', '/referrals', { session: worker, body: referralBody(c.id, ngo.id) }), 201);
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  const made = await createUser(admin, { organizationId: ponte.id, role: 'case_worker' });
  const stranger = await login(made.email, made.password);
  const theirs = await edit(stranger, draft.id, { reason: 'x' });
  const missing = await edit(stranger, 999999999, { reason: 'x' });
  expectError(theirs, 404, 'not_found');
  assert.deepEqual(theirs.json, missing.json);
  assert.equal(expectStatus(await api('GET', `/referrals/${draft.id}`, { session: worker }), 200).reason, 'Valutazione psicologica');
});
