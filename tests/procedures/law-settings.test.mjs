// The law's figures that the admin keeps besides the catalogue (decision 0042): the integration
// agreement's loss bands (Annex C) and the temporary protection contribution's dated settings.
// Every staff role reads them; only the admin corrects a band or adds a setting, each audited with
// its reason; what was recorded before keeps its figures. Each test puts back what it changed:
// the other files of this suite run on the same server.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { api, expectError, expectStatus, loginDemo } from '../support/client.mjs';
import { createPerson } from '../people/fixture.mjs';
import { addDays, daysAgo } from '../support/days.mjs';

let admin, officer, sui;

before(async () => {
  [admin, officer, sui] = await Promise.all(['admin', 'prefecture_officer', 'sui_officer'].map(loginDemo));
});

const audited = async (action, entityId) =>
  expectStatus(await api('GET', `/audit?action=${action}&per_page=100`, { session: admin }), 200).items.find((e) => e.entity_id === entityId);

test('the admin corrects a loss band with a reason; balances follow it, a recorded outcome stays', async () => {
  const bands = expectStatus(await api('GET', '/integration-agreements/loss-bands', { session: admin }), 200).items;
  const band = bands.find((b) => b.code === 'custodial_3y');
  assert.ok(band, 'the Annex C band of a custodial sentence of 3 years');
  const person = await createPerson(officer);
  const agreement = expectStatus(await api('POST', '/integration-agreements', { session: sui, body: { person_id: person.id, signed_on: daysAgo(200) } }), 201);
  const before = expectStatus(await api('POST', `/integration-agreements/${agreement.id}/entries`, { session: sui, body: { kind: 'loss', on: daysAgo(20), level: 'custodial_3y' } }), 201);
  const corrected = { description: `${band.description} (rettifica)`, credits: band.credits - 1, reason: 'Allegato C riletto sulla Gazzetta' };
  try {
    const answer = expectStatus(await api('PUT', '/integration-agreements/loss-bands/custodial_3y', { session: admin, body: corrected }), 200);
    assert.deepEqual(answer, { code: 'custodial_3y', description: corrected.description, credits: corrected.credits });
    const entry = await audited('integration_loss_bands.update', 'custodial_3y');
    assert.equal(entry.details.reason, corrected.reason);
    // A misread figure corrected: the balance follows it; the termination recorded stays.
    const now = expectStatus(await api('GET', `/integration-agreements/${agreement.id}`, { session: sui }), 200);
    assert.equal(now.credits, before.credits + 1);
    assert.equal(now.recorded_outcome, before.recorded_outcome);
    // Bad input names the field and changes nothing; an unknown band is 404; the SUI may not.
    expectError(await api('PUT', '/integration-agreements/loss-bands/custodial_3y', { session: admin, body: { ...corrected, credits: 26 } }), 400, 'validation_failed', ['credits']);
    expectError(await api('PUT', '/integration-agreements/loss-bands/custodial_3y', { session: admin, body: { ...corrected, reason: '' } }), 400, 'validation_failed', ['reason']);
    expectError(await api('PUT', '/integration-agreements/loss-bands/no_such_band', { session: admin, body: corrected }), 404, 'not_found');
    expectError(await api('PUT', '/integration-agreements/loss-bands/custodial_3y', { session: sui, body: corrected }), 403, 'forbidden');
    const kept = expectStatus(await api('GET', '/integration-agreements/loss-bands', { session: sui }), 200).items.find((b) => b.code === 'custodial_3y');
    assert.equal(kept.credits, corrected.credits);
  } finally {
    expectStatus(await api('PUT', '/integration-agreements/loss-bands/custodial_3y', { session: admin, body: { description: band.description, credits: band.credits, reason: 'test: back as it was' } }), 200);
  }
});

test('a new act is a new dated setting after the others; one not in force yet can be taken back, one in force cannot', async () => {
  const list = async () => expectStatus(await api('GET', '/temporary-protection/settings', { session: sui }), 200).items;
  const settings = await list();
  assert.ok(settings.length >= 1 && settings.every((s) => s.legal_reference));
  const latest = settings.at(-1);
  assert.equal(latest.in_force, latest.applies_from <= daysAgo(0));
  const from = addDays(latest.applies_from > daysAgo(0) ? latest.applies_from : daysAgo(0), 30);
  const body = { applies_from: from, adult_cents_per_month: 32000, child_cents_per_month: 16000, max_months: 4, protection_ends: addDays(from, 400), legal_reference: 'OCDPC di prova' };
  // Not after the latest: refused, naming the first day allowed; protection ending before it starts.
  const early = expectError(await api('POST', '/temporary-protection/settings', { session: admin, body: { ...body, applies_from: latest.applies_from } }), 422, 'validation_failed', ['applies_from']);
  assert.equal(early.fields.applies_from.params.from, addDays(latest.applies_from, 1));
  expectError(await api('POST', '/temporary-protection/settings', { session: admin, body: { ...body, protection_ends: addDays(from, -1) } }), 422, 'validation_failed', ['protection_ends']);
  expectError(await api('POST', '/temporary-protection/settings', { session: admin, body: { ...body, max_months: 0 } }), 400, 'validation_failed', ['max_months']);
  expectError(await api('POST', '/temporary-protection/settings', { session: sui, body }), 403, 'forbidden');
  assert.equal((await list()).length, settings.length, 'nothing stored by a refusal');

  const made = expectStatus(await api('POST', '/temporary-protection/settings', { session: admin, body }), 201);
  assert.deepEqual(made, { ...body, in_force: false });
  assert.deepEqual((await list()).at(-1), made);
  assert.ok(await audited('temporary_protection_settings.create', from));
  // Taken back (not in force yet), with the reason in the audit trail.
  expectError(await api('POST', `/temporary-protection/settings/${from}/withdrawal`, { session: admin, body: {} }), 400, 'validation_failed', ['reason']);
  expectStatus(await api('POST', `/temporary-protection/settings/${from}/withdrawal`, { session: admin, body: { reason: 'importi errati' } }), 204);
  assert.equal((await list()).length, settings.length);
  assert.equal((await audited('temporary_protection_settings.delete', from)).details.reason, 'importi errati');
  expectError(await api('POST', `/temporary-protection/settings/${from}/withdrawal`, { session: admin, body: { reason: 'again' } }), 404, 'not_found');
  // The one applications follow stays.
  const inForce = settings.filter((s) => s.in_force).at(-1);
  expectError(await api('POST', `/temporary-protection/settings/${inForce.applies_from}/withdrawal`, { session: admin, body: { reason: 'no' } }), 409, 'already_in_force');
  expectError(await api('POST', '/temporary-protection/settings/2026-13-45/withdrawal', { session: admin, body: { reason: 'no' } }), 400, 'validation_failed', ['applies_from']);
});
