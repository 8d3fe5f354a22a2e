// Findings and sanctions over HTTP (docs/decisions/0023-findings-and-sanctions.md): completing
// an inspection opens a finding per failed item; the inspector sets its action before the report;
// the operator reads it once the report is issued and replies; closing without a verification
// note is refused 422 naming the field, nothing changed; overdue findings are tasks; a penalty
// past the 10% cap is refused and the one reaching it raises a termination proposal; another
// operator's finding answers 404 like a missing one.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { createCentre } from '../centres/fixture.mjs';
import { download, pdfBytes, uploaded } from '../documents/fixture.mjs';
import { api, expectError, expectStatus, findOrganization, loginDemo, uniqueSuffix } from '../support/client.mjs';

let admin, officer, inspector, worker;
let centre, otherCentre, standard;
const MISSING = 999999999;

before(async () => {
  [admin, officer, inspector, worker] = await Promise.all(
    ['admin', 'prefecture_officer', 'inspector', 'case_worker'].map((r) => loginDemo(r)),
  );
  const approdo = await findOrganization(admin, 'Cooperativa Sociale Approdo (demo)');
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  centre = await createCentre(officer, { operator_id: approdo.id, places_single_men: 60, places_single_women: 0, places_families: 0 });
  otherCentre = await createCentre(officer, { operator_id: ponte.id });
  const list = expectStatus(await api('GET', '/checklists?code=standard', { session: inspector }), 200);
  standard = expectStatus(await api('GET', `/checklists/${list.items[0].id}`, { session: inspector }), 200);
});

const itemId = (code) => standard.items.find((i) => i.code === code).id;

// An inspection of `c` completed with building.no_pests failed: one finding.
async function completedWithAFinding(c = centre) {
  const i = expectStatus(
    await api('POST', '/inspections', {
      session: inspector,
      body: { centre_id: c.id, planned_date: '2026-10-01', team: [inspector.user.id] },
    }),
    201,
  );
  expectStatus(await api('POST', `/inspections/${i.id}/start`, { session: inspector }), 201);
  const body = { item_id: itemId('building.no_pests'), yes: false, note: 'topi in cucina', idempotency_key: randomUUID() };
  expectStatus(await api('POST', `/inspections/${i.id}/answers`, { session: inspector, body }), 201);
  expectStatus(await api('POST', `/inspections/${i.id}/completion`, { session: inspector }), 201);
  const findings = expectStatus(await api('GET', `/findings?inspection_id=${i.id}`, { session: inspector }), 200);
  assert.equal(findings.items.length, 1);
  return { inspection: i, finding: findings.items[0] };
}

test('a failed item becomes a finding the operator answers once the report is issued', async () => {
  const { inspection, finding } = await completedWithAFinding();
  assert.equal(finding.item_code, 'building.no_pests');
  assert.equal(finding.status, 'open');
  assert.equal(finding.observation, 'topi in cucina');
  assert.equal(finding.corrective_action, null);
  expectStatus(await api('GET', `/findings/${finding.id}`, { session: worker }), 404);
  const changed = expectStatus(
    await api('PATCH', `/findings/${finding.id}`, {
      session: inspector,
      body: { severity: 'critical', corrective_action: 'Derattizzazione certificata', deadline: '2026-10-08' },
    }),
    200,
  );
  assert.equal(changed.severity, 'critical');
  assert.equal(changed.deadline, '2026-10-08');
  expectStatus(await api('POST', `/inspections/${inspection.id}/report`, { session: inspector }), 201);
  expectError(
    await api('PATCH', `/findings/${finding.id}`, { session: inspector, body: { severity: 'minor' } }),
    409,
    'report_issued',
  );

  // Past its deadline and open: a task for the operator and for the inspector.
  const overdueHere = `/findings?overdue=true&centre_id=${centre.id}&per_page=100`;
  const mine = expectStatus(await api('GET', overdueHere, { session: worker }), 200);
  assert.ok(mine.items.some((f) => f.id === finding.id && f.overdue));
  const all = expectStatus(await api('GET', overdueHere, { session: inspector }), 200);
  assert.ok(all.items.some((f) => f.id === finding.id));

  const certificate = await uploaded(worker, pdfBytes('certificato di derattizzazione'));
  const replied = expectStatus(
    await api('POST', `/findings/${finding.id}/reply`, {
      session: worker,
      body: { reply: 'Derattizzazione eseguita il 6/10', document_ids: [certificate.id] },
    }),
    201,
  );
  assert.equal(replied.status, 'replied');
  assert.equal(replied.overdue, false);
  assert.deepEqual(
    replied.documents.map((d) => d.id),
    [certificate.id],
  );
  assert.equal((await download(inspector, certificate.id)).status, 200, 'whoever reads the finding reads its documents');

  expectError(await api('POST', `/findings/${finding.id}/closure`, { session: inspector, body: {} }), 422, 'validation_failed', [
    'verification_note',
  ]);
  const unchanged = expectStatus(await api('GET', `/findings/${finding.id}`, { session: inspector }), 200);
  assert.equal(unchanged.status, 'replied', 'nothing changed');
  const closed = expectStatus(
    await api('POST', `/findings/${finding.id}/closure`, { session: inspector, body: { verification_note: 'Verificato il 10/10' } }),
    201,
  );
  assert.equal(closed.status, 'verified_closed');
  expectError(
    await api('POST', `/findings/${finding.id}/escalation`, { session: inspector, body: { verification_note: 'troppo tardi' } }),
    409,
    'wrong_status',
  );
});

test("another operator's finding answers 404 like a missing one", async () => {
  const { inspection, finding } = await completedWithAFinding(otherCentre);
  expectStatus(await api('POST', `/inspections/${inspection.id}/report`, { session: inspector }), 201);
  const theirs = await api('POST', `/findings/${finding.id}/reply`, { session: worker, body: { reply: 'fatto' } });
  const missing = await api('POST', `/findings/${MISSING}/reply`, { session: worker, body: { reply: 'fatto' } });
  expectStatus(theirs, 404);
  expectStatus(missing, 404);
  assert.deepEqual(theirs.body, missing.body);
  const list = expectStatus(await api('GET', `/findings?centre_id=${otherCentre.id}`, { session: worker }), 200);
  assert.equal(list.items.length, 0);
});

test('penalties are capped at 10% of the net amount; reaching it proposes termination', async () => {
  const cig = `Z${uniqueSuffix().toUpperCase().replace(/[^A-Z0-9]/g, '')}`.padEnd(10, '0').slice(0, 10);
  const contract = expectStatus(
    await api('POST', `/centres/${centre.id}/contracts`, {
      session: officer,
      body: { cig, start_date: '2025-01-01', end_date: '2025-12-31', places: 60, price_cents: 2700 },
    }),
    201,
  );
  const status = expectStatus(await api('GET', `/centres/${centre.id}/penalties`, { session: officer }), 200).items.find(
    (p) => p.contract_id === contract.id,
  );
  assert.equal(status.net_cents, 59_130_000);
  assert.equal(status.cap_cents, 5_913_000);
  assert.equal(status.min_rate_per_mille, 0.5);
  const penalty = (days_late, rate_per_mille = 1) =>
    api('POST', '/sanctions', {
      session: officer,
      body: {
        centre_id: centre.id,
        contract_id: contract.id,
        kind: 'penalty',
        decided_on: '2026-11-30',
        protocol: 'prot. 1/2026',
        days_late,
        rate_per_mille,
      },
    });
  expectError(await penalty(10, 0.3), 422, 'rate_out_of_bounds', ['rate_per_mille']);
  const first = expectStatus(await penalty(90), 201);
  assert.equal(first.sanction.amount_cents, 5_321_700);
  assert.equal(first.termination_proposal, null);
  expectError(await penalty(11), 422, 'penalty_cap', ['days_late']);
  const reaching = expectStatus(await penalty(10), 201);
  assert.equal(reaching.sanction.amount_cents, 591_300);
  assert.equal(reaching.termination_proposal.kind, 'termination_proposal');
  const list = expectStatus(await api('GET', `/sanctions?contract_id=${contract.id}`, { session: inspector }), 200);
  assert.equal(list.items.length, 3, 'two penalties and the proposal; the refused ones stored nothing');
  // The operator reads the decisions on its own centres (sanctions_access.test.mjs).
  expectStatus(await api('GET', `/sanctions/${first.sanction.id}`, { session: worker }), 200);
  expectError(
    await api('POST', '/sanctions', {
      session: officer,
      body: { centre_id: otherCentre.id, contract_id: contract.id, kind: 'formal_notice', decided_on: '2026-11-30', protocol: 'p' },
    }),
    422,
    'validation_failed',
    ['contract_id'],
  );
});
