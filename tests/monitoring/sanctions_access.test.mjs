// The operator's view of the sanction ladder and a termination ending the contract
// (docs/decisions/0023-findings-and-sanctions.md): an operator's staff read the decisions on
// their own centres and where their contracts stand against the penalties' cap, never another
// operator's nor the Prefettura's termination proposals (404 like a missing one); a termination
// decision sets the contract's terminated_on, once.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createCentre } from '../centres/fixture.mjs';
import { daysAgo } from '../support/days.mjs';
import { api, expectError, expectStatus, findOrganization, loginDemo, uniqueSuffix } from '../support/client.mjs';

let admin, officer, inspector, worker;
let centre, otherCentre;
const MISSING = 999999999;

before(async () => {
  [admin, officer, inspector, worker] = await Promise.all(['admin', 'prefecture_officer', 'inspector', 'case_worker'].map((r) => loginDemo(r)));
  const approdo = await findOrganization(admin, 'Cooperativa Sociale Approdo (demo)');
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  centre = await createCentre(officer, { operator_id: approdo.id });
  otherCentre = await createCentre(officer, { operator_id: ponte.id });
});

const cig = () => uniqueSuffix().toUpperCase().replace(/[^A-Z0-9]/g, '').slice(-10).padStart(10, '0');
const contractOf = async (c, period = { start_date: daysAgo(300), end_date: daysAgo(-65) }, places = 20, price_cents = 3000) =>
  expectStatus(await api('POST', `/centres/${c.id}/contracts`, { session: officer, body: { cig: cig(), ...period, places, price_cents } }), 201);

const decide = (body) => api('POST', '/sanctions', { session: inspector, body: { decided_on: daysAgo(1), protocol: `prot. ${uniqueSuffix()}`, ...body } });

test("the operator reads its own centres' decisions and penalties, not another's", async () => {
  const notice = expectStatus(await decide({ centre_id: centre.id, kind: 'formal_notice' }), 201).sanction;
  const theirs = expectStatus(await decide({ centre_id: otherCentre.id, kind: 'formal_notice' }), 201).sanction;
  expectStatus(await api('GET', `/sanctions/${notice.id}`, { session: worker }), 200);
  const missing = await api('GET', `/sanctions/${MISSING}`, { session: worker });
  const hidden = await api('GET', `/sanctions/${theirs.id}`, { session: worker });
  expectError(hidden, 404, 'not_found');
  assert.deepEqual(hidden.json, missing.json, 'the same answer as a missing decision');
  const list = expectStatus(await api('GET', '/sanctions', { session: worker }), 200);
  const ids = list.items.map((s) => s.id);
  assert.ok(ids.includes(notice.id));
  assert.ok(!ids.includes(theirs.id));
  const filtered = expectStatus(await api('GET', `/sanctions?centre_id=${otherCentre.id}`, { session: worker }), 200);
  assert.deepEqual(filtered, expectStatus(await api('GET', `/sanctions?centre_id=${MISSING}`, { session: worker }), 200));
  expectStatus(await api('GET', `/centres/${centre.id}/penalties`, { session: worker }), 200);
  const otherPenalties = await api('GET', `/centres/${otherCentre.id}/penalties`, { session: worker });
  assert.deepEqual(otherPenalties.json, (await api('GET', `/centres/${MISSING}/penalties`, { session: worker })).json);
  expectError(await api('POST', '/sanctions', { session: worker, body: { centre_id: centre.id, kind: 'formal_notice', decided_on: daysAgo(1), protocol: 'x' } }), 403, 'forbidden');
});

test('a penalty reaching the cap raises a proposal the operator does not see', async () => {
  // Net 59,130,000 cents, cap 5,913,000: 100 days at 1 per mille reach it exactly.
  const contract = await contractOf(centre, { start_date: '2025-01-01', end_date: '2025-12-31' }, 60, 2700);
  const reached = expectStatus(await decide({ centre_id: centre.id, contract_id: contract.id, kind: 'penalty', days_late: 100, rate_per_mille: 1 }), 201);
  assert.ok(reached.termination_proposal, 'the proposal is raised');
  const all = expectStatus(await api('GET', `/sanctions?contract_id=${contract.id}`, { session: inspector }), 200).items;
  const mine = expectStatus(await api('GET', `/sanctions?contract_id=${contract.id}`, { session: worker }), 200).items;
  assert.ok(mine.every((s) => s.kind !== 'termination_proposal'));
  assert.equal(mine.length, all.filter((s) => s.kind !== 'termination_proposal').length);
  expectError(await api('GET', `/sanctions/${reached.termination_proposal.id}`, { session: worker }), 404, 'not_found');
});

test('a termination ends the contract on its day, once; a day outside the contract is refused', async () => {
  const contract = await contractOf(centre);
  expectError(
    await decide({ centre_id: centre.id, contract_id: contract.id, kind: 'termination', decided_on: daysAgo(400) }),
    422,
    'validation_failed',
    ['decided_on'],
  );
  let contracts = expectStatus(await api('GET', `/centres/${centre.id}/contracts`, { session: officer }), 200).items;
  assert.equal(contracts.find((c) => c.id === contract.id).terminated_on, null, 'a refused decision changes nothing');
  expectStatus(await decide({ centre_id: centre.id, contract_id: contract.id, kind: 'termination', decided_on: daysAgo(2) }), 201);
  contracts = expectStatus(await api('GET', `/centres/${centre.id}/contracts`, { session: officer }), 200).items;
  const ended = contracts.find((c) => c.id === contract.id);
  assert.equal(ended.terminated_on, daysAgo(2));
  assert.equal(ended.end_date, contract.end_date, 'the end date agreed stays');
  expectError(await decide({ centre_id: centre.id, contract_id: contract.id, kind: 'termination' }), 409, 'contract_terminated', ['contract_id']);
  // The rest of its period is free for a new contract from the termination day.
  await contractOf(centre, { start_date: daysAgo(2), end_date: daysAgo(-30) });
});
