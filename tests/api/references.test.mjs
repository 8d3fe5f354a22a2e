// A reference is a read. Every id a request names, in its path or its body, must be one the caller
// could read; when it is not, the answer is exactly the answer for an id that exists nowhere, so
// that no request tells a caller which records exist beyond its scope.
//
// The caller is the demo case worker (organisation A). Another operator, B, runs other centres:
// one of them, a guest in a family there, that guest's placement and family group, an absence B's
// own case worker records and an invoice the Prefettura submits for it are each named in turn,
// and each answer is compared with the answer for a missing id.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, createUser, expectStatus, login, loginDemo, uniqueSuffix } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';

const MISSING = 999999999;
const yesterday = daysAgo(1);
const month = yesterday.slice(0, 7);

let officer, worker, admin, otherWorker;
let ownCentre, ownGuest; // A's centre and one of its guests yesterday
let theirCentre, theirGuest, theirPlacement, theirGroup, theirAbsence, theirInvoice, theirUser, theirLot;

// The error part of an answer with the numbers taken out: a message may repeat the id it was sent.
function answer(res) {
  const e = res.json?.error;
  const plain = (text) => text.replace(/\d+/g, 'N');
  const fields = e && Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, plain(JSON.stringify(v))]));
  return { status: res.status, error: e && { code: e.code, message: plain(e.message), fields } };
}

// The answer for the other operator's record equals the answer for a missing one, and is a refusal.
async function sameAsMissing(what, call) {
  const theirs = answer(await call('theirs'));
  const missing = answer(await call('missing'));
  assert.ok(theirs.status >= 400 && theirs.status < 500, `${what}: ${JSON.stringify(theirs)}`);
  assert.deepEqual(theirs, missing, what);
}

before(async () => {
  [officer, worker, admin] = await Promise.all(['prefecture_officer', 'case_worker', 'admin'].map(loginDemo));
  const ownOrg = worker.user.organization.id;
  const centres = expectStatus(await api('GET', '/centres?per_page=100', { session: officer }), 200).items;
  const guestsOf = async (centre) =>
    expectStatus(await api('GET', `/centres/${centre.id}/guests?date=${yesterday}`, { session: officer }), 200).items;

  for (const c of centres) {
    const guests = await guestsOf(c);
    if (c.operator_id === ownOrg) {
      if (guests.length && !ownGuest) [ownCentre, ownGuest] = [c, guests[0]];
      continue;
    }
    // Another operator's centre with a guest in a family, for the family group too.
    const inFamily = guests.find((g) => g.person.family_group_id);
    if (inFamily && !theirGuest && c.type !== 'sai') [theirCentre, theirGuest] = [c, inFamily];
  }
  assert.ok(ownGuest && theirGuest, 'the demo data has guests in both operators\' centres');
  theirPlacement = theirGuest.id;
  theirGroup = theirGuest.person.family_group_id;

  const b = await createUser(admin, { organizationId: theirCentre.operator_id, role: 'case_worker' });
  theirUser = b.user;
  otherWorker = await login(b.email, b.password);
  theirAbsence = expectStatus(
    await api('POST', `/centres/${theirCentre.id}/register/${yesterday}/absences`, {
      session: otherWorker,
      body: { person_id: theirGuest.person_id, reason: 'unauthorised' },
    }),
    201,
  ).id;
  // A tender lot whose only contract is at their centre (far in the future: no overlap).
  theirLot = expectStatus(
    await api('POST', '/lots', {
      session: officer,
      body: { cig: `R${uniqueSuffix().toUpperCase().replace(/[^A-Z0-9]/g, '')}`.padEnd(10, '0').slice(0, 10), tender: 'Gara di prova', start_date: '2098-01-01', end_date: '2098-12-31' },
    }),
    201,
  ).id;
  expectStatus(
    await api('POST', `/centres/${theirCentre.id}/contracts`, {
      session: officer,
      body: { lot_id: theirLot, start_date: '2098-01-01', end_date: '2098-12-31', places: 1, price_cents: 100 },
    }),
    201,
  );
  theirInvoice = expectStatus(
    await api('POST', `/centres/${theirCentre.id}/invoices`, {
      session: officer,
      body: await (async () => {
        // The register's own invoice: its amount is its declared days at the contract price.
        const draft = expectStatus(await api('GET', `/centres/${theirCentre.id}/invoices/draft/${month}`, { session: officer }), 200);
        const lines = draft.lines.map(({ person_id, from, to }) => ({ person_id, from, to }));
        return { month, number: 'REF-1', amount_cents: draft.amount_cents, presence_days: draft.presence_days, lines };
      })(),
    }),
    201,
  ).id;
});

test('reads: another operator\'s person, placement, family group, centre, invoice and user are missing', async () => {
  const pick = (theirs) => (which) => (which === 'theirs' ? theirs() : MISSING);
  const reads = {
    person: [pick(() => theirGuest.person_id), (id) => `/persons/${id}`],
    'person placements': [pick(() => theirGuest.person_id), (id) => `/persons/${id}/placements`],
    placement: [pick(() => theirPlacement), (id) => `/placements/${id}`],
    'family group': [pick(() => theirGroup), (id) => `/family-groups/${id}`],
    centre: [pick(() => theirCentre.id), (id) => `/centres/${id}`],
    contracts: [pick(() => theirCentre.id), (id) => `/centres/${id}/contracts`],
    guests: [pick(() => theirCentre.id), (id) => `/centres/${id}/guests`],
    occupancy: [pick(() => theirCentre.id), (id) => `/centres/${id}/occupancy`],
    register: [pick(() => theirCentre.id), (id) => `/centres/${id}/register`],
    'register day': [pick(() => theirCentre.id), (id) => `/centres/${id}/register/${yesterday}`],
    costs: [pick(() => theirCentre.id), (id) => `/centres/${id}/costs/${month}`],
    invoices: [pick(() => theirCentre.id), (id) => `/centres/${id}/invoices`],
    'invoice draft': [pick(() => theirCentre.id), (id) => `/centres/${id}/invoices/draft/${month}`],
    invoice: [pick(() => theirInvoice), (id) => `/invoices/${id}`],
    'tender lot': [pick(() => theirLot), (id) => `/lots/${id}`],
    'credit notes': [pick(() => theirInvoice), (id) => `/invoices/${id}/credit-notes`],
    'SAI budgets': [pick(() => theirCentre.id), (id) => `/centres/${id}/sai-budgets`],
    reconciliation: [pick(() => theirInvoice), (id) => `/invoices/${id}/reconciliation`],
    user: [pick(() => theirUser.id), (id) => `/users/${id}`],
  };
  for (const [what, [id, path]] of Object.entries(reads))
    await sameAsMissing(what, (which) => api('GET', path(id(which)), { session: worker }));
});

// A filter that names another operator's record lists what a filter on a missing id lists: nothing
// (a list is not refused, but it must not tell the records apart either).
test("filters: another operator's family group or organisation named in a list query is missing", async () => {
  const listed = async (path) => {
    const res = await api('GET', path, { session: worker });
    return { status: res.status, items: res.json?.items, total: res.json?.total };
  };
  const filters = {
    'persons of their family group': (id) => `/persons?family_group_id=${id}`,
    'users of their organisation': (id) => `/users?organization_id=${id}`,
  };
  const ids = { 'persons of their family group': theirGroup, 'users of their organisation': theirCentre.operator_id };
  for (const [what, path] of Object.entries(filters)) {
    const theirs = await listed(path(ids[what]));
    assert.equal(theirs.status, 200, what);
    assert.deepEqual(theirs, await listed(path(MISSING)), what);
  }
});

test('writes: a centre, person, absence or invoice of another operator named in a write is missing', async () => {
  const centre = (which) => (which === 'theirs' ? theirCentre.id : MISSING);
  const registerDay = (which) => `/centres/${centre(which)}/register/${yesterday}`;
  const post = (path, body) => api('POST', path, { session: worker, body });

  await sameAsMissing('absence at their centre', (which) =>
    post(`${registerDay(which)}/absences`, { person_id: theirGuest.person_id, reason: 'unauthorised' }),
  );
  await sameAsMissing('absence of their guest at our centre', (which) =>
    post(`/centres/${ownCentre.id}/register/${yesterday}/absences`, {
      person_id: which === 'theirs' ? theirGuest.person_id : MISSING,
      reason: 'unauthorised',
    }),
  );
  await sameAsMissing('withdrawal of their absence at their centre', (which) =>
    post(`${registerDay(which)}/absences/${which === 'theirs' ? theirAbsence : MISSING}/withdrawal`, {
      note: 'not ours to withdraw',
    }),
  );
  await sameAsMissing('withdrawal of their absence through our centre', (which) =>
    post(`/centres/${ownCentre.id}/register/${yesterday}/absences/${which === 'theirs' ? theirAbsence : MISSING}/withdrawal`, {
      note: 'not ours to withdraw',
    }),
  );
  await sameAsMissing('confirmation of their register', (which) => post(`${registerDay(which)}/confirmation`, {}));
  const invoice = { month, number: 'X-1', amount_cents: 100, presence_days: 1 };
  await sameAsMissing('invoice for their centre', (which) =>
    post(`/centres/${centre(which)}/invoices`, { ...invoice, presence_days: 0, lines: [] }),
  );
  await sameAsMissing('invoice line naming their guest', (which) =>
    post(`/centres/${ownCentre.id}/invoices`, {
      ...invoice,
      lines: [{ person_id: which === 'theirs' ? theirGuest.person_id : MISSING, from: yesterday, to: yesterday }],
    }),
  );
  await sameAsMissing('withdrawal of their invoice', (which) =>
    post(`/invoices/${which === 'theirs' ? theirInvoice : MISSING}/withdrawal`, { reason: 'not ours to withdraw' }),
  );
  await sameAsMissing('credit note on their invoice', (which) =>
    post(`/invoices/${which === 'theirs' ? theirInvoice : MISSING}/credit-notes`, {
      number: 'NC-X',
      reason: 'not ours to credit',
      presence_days: -1,
      amount_cents: -100,
    }),
  );

  // Nothing was written by any of these: B's absence and invoice are as they were.
  const day = expectStatus(await api('GET', `/centres/${theirCentre.id}/register/${yesterday}`, { session: officer }), 200);
  assert.equal(day.entries.filter((e) => e.id === theirAbsence).length, 1);
  assert.equal(day.entries.filter((e) => e.withdraws_id === theirAbsence).length, 0);
  const inv = expectStatus(await api('GET', `/invoices/${theirInvoice}`, { session: officer }), 200);
  assert.equal(inv.status, 'submitted');
});

test('the Prefettura\'s writes name records through the same checks', async () => {
  // The officer sees every record, so only missing ones are refused; each by the field it came in.
  const post = (path, body, session = officer) => api('POST', path, { session, body });
  const refusal = async (res, status, code, field) => {
    const a = answer(res);
    assert.equal(a.status, status, JSON.stringify(a));
    assert.equal(a.error.code, code, JSON.stringify(a));
    assert.deepEqual(Object.keys(a.error.fields), [field]);
  };
  await refusal(
    await post('/placements', { person_ids: [MISSING], centre_id: ownCentre.id, category: 'single_men', date: yesterday, arrival_from: 'direct' }),
    422, 'no_such_person', 'person_ids',
  );
  await refusal(
    await post('/placements/transfers', { person_ids: [ownGuest.person_id], to_centre_id: MISSING, date: yesterday }),
    422, 'no_such_centre', 'to_centre_id',
  );
  await refusal(await post('/placements/exits', { person_ids: [MISSING], date: yesterday, reason: 'left_voluntarily' }), 422, 'no_such_person', 'person_ids');
  await refusal(
    await post('/persons', { family_name: 'Rossi', given_names: 'Anna', sex: 'female', nationality: 'NG', family_of: MISSING }),
    422, 'validation_failed', 'family_of',
  );
  await refusal(
    await post(`/centres/${ownCentre.id}/contracts`, {
      cig: 'ZZZZZZZZZZ', start_date: '2099-01-01', end_date: '2099-12-31', places: 1, price_cents: 100, manager_user_id: MISSING,
    }),
    422, 'validation_failed', 'manager_user_id',
  );
  await refusal(
    await post('/users', { email: 'x@example.org', display_name: 'X Y', role: 'analyst', organization_id: MISSING, password: 'long-enough-password-1' }, admin),
    422, 'validation_failed', 'organization_id',
  );
});
