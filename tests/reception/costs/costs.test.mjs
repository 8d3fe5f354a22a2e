// Costs and invoices over HTTP: a centre's month worked out by hand (as in
// tests/reception/costs/costs_test.cc, for a month of any length), the CSV and XLSX downloads, invoice
// submission and its refusals, the reconciliation by day and person, the operator scope and the
// audit trail.
//
// The Prefettura (prefecture_officer) makes the centres, contracts, persons and placements; the
// demo case worker, whose organisation runs centre A, records the absence and submits the invoice.
// The month is the previous calendar month (N days), entirely past whatever the time zone.
//   Contracts: C1 until day 15 at EUR 28.50, C2 from day 16 at EUR 30.00; pocket money EUR 2.50
//   per person per day, EUR 7.50 per family.
//   Family F (4 persons): present all month. S1 arrives on day 10. S2, present from before the
//   month, is absent on day 12 (authorised leave) and transferred to centre B on day 21.
//   Presence-days: F 4N + S1 (N - 9) + S2 19 = 5N + 10.
//   Amount: days 1-15 have 80 presence-days at 2,850 = 228,000; days 16..N have
//   F 4(N - 15) + S1 (N - 15) + S2 5 = 5(N - 15) + 5 at 3,000.
//   Pocket money: F 750 N + S1 250 (N - 9) + S2 250 x 19.
// The month spans two contracts, so it gives two invoices, each of one contract and its days:
//   C1's (days 1-15): F1-F4 days 1-15 (60), S1 days 8-15 (8: two days before arrival), S2 days
//     1-15 (15: the absence counted) = 83 days x 2,850 = 236,550. Computed on C1's days: F 60 +
//     S1 6 + S2 14 = 80 days, 228,000; differences S1 days 8 and 9 not placed, S2 day 12 absent:
//     +3 days, +3 x 2,850 = +8,550.
//   C2's (days 16..N): F1-F3 3(N - 15), F4 days 16..N-1 (N - 16), S1 N - 15, S2 days 16-20 (5) =
//     5N - 71 days x 3,000. Computed: F 4(N - 15) + S1 (N - 15) + S2 5 = 5N - 70 days; difference
//     F4 day N not declared: -1 day, -3,000.
//   Together 5N + 12 days, 236,550 + (5N - 71) x 3,000: what a single whole-month invoice used to
//   declare, now refused (422 contract_required naming contract_id).
// Pocket money due on C1's days: F 15 x 750 + S1 6 x 250 + S2 14 x 250 = 16,250; on C2's the rest.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createCentre } from '../../centres/fixture.mjs';
import { createFamilyGroup, createPerson } from '../../people/fixture.mjs';
import { api, BASE_URL, API, expectError, expectStatus, loginDemo, uniqueSuffix } from '../../support/client.mjs';
import { addDays, daysInMonth, monthsAgo } from '../../support/days.mjs';
import { place } from '../placements/fixture.mjs';

let officer, worker, analyst, inspector, admin;
let ownOrgId, otherOrgId;
let centreA, centreB; // A: run by the case worker's organisation; B: by another operator
let family, s1, s2; // persons
let elsewhere; // a person placed only at centre B, which another operator runs
let c1, c2; // contracts of A

const pad = (n) => String(n).padStart(2, '0');
const MONTH = monthsAgo(1);
const EARLIER = monthsAgo(2); // no invoice: the refusals are tried on it
const LATER = monthsAgo(-2); // in the future in every time zone
const N = daysInMonth(MONTH);
const day = (k) => `${MONTH}-${pad(k)}`;

const PRESENCE = 5 * N + 10;
const AMOUNT = 80 * 2850 + (5 * (N - 15) + 5) * 3000;
const POCKET = 750 * N + 250 * (N - 9) + 250 * 19;
const DECLARED_DAYS = 5 * N + 12;
const DECLARED_AMOUNT = 83 * 2850 + (5 * N - 71) * 3000;
// Per contract: [declared days, declared amount, computed days, computed amount, pocket money].
const PART = {
  1: { days: 83, amount: 236550, computedDays: 80, computedAmount: 228000, pocket: 16250 },
  2: { days: 5 * N - 71, amount: (5 * N - 71) * 3000, computedDays: 5 * N - 70, computedAmount: (5 * N - 70) * 3000, pocket: POCKET - 16250 },
};

async function createContract(centre, start, end, price) {
  const body = { cig: uniqueSuffix().slice(-10).padStart(10, 'Z').toUpperCase(), start_date: start, end_date: end, places: 20, price_cents: price };
  return expectStatus(await api('POST', `/centres/${centre.id}/contracts`, { session: officer, body }), 201);
}

// The hand-made invoices of the header: part 1 of C1, part 2 of C2 (lines on MONTH's days unless
// changed).
function invoiceBody(part = 1, fields = {}) {
  const lines =
    part === 1
      ? [
          ...family.map((p) => ({ person_id: p.id, from: day(1), to: day(15) })),
          { person_id: s1.id, from: day(8), to: day(15) },
          { person_id: s2.id, from: day(1), to: day(15) },
        ]
      : [
          ...family.slice(0, 3).map((p) => ({ person_id: p.id, from: day(16), to: day(N) })),
          { person_id: family[3].id, from: day(16), to: day(N - 1) },
          { person_id: s1.id, from: day(16), to: day(N) },
          { person_id: s2.id, from: day(16), to: day(20) },
        ];
  return {
    month: MONTH,
    number: `FT-${uniqueSuffix()}`,
    contract_id: (part === 1 ? c1 : c2).id,
    amount_cents: PART[part].amount,
    presence_days: PART[part].days,
    note: 'fattura mensile',
    lines,
    ...fields,
  };
}

// Both as one whole-month invoice naming no contract, as older clients sent it.
function wholeMonthBody() {
  return {
    month: MONTH,
    number: `FT-${uniqueSuffix()}`,
    amount_cents: DECLARED_AMOUNT,
    presence_days: DECLARED_DAYS,
    lines: [
      ...family.slice(0, 3).map((p) => ({ person_id: p.id, from: day(1), to: day(N) })),
      { person_id: family[3].id, from: day(1), to: day(N - 1) },
      { person_id: s1.id, from: day(8), to: day(N) },
      { person_id: s2.id, from: day(1), to: day(20) },
    ],
  };
}

const costsPath = (centre, month = MONTH, q = '') => `/centres/${centre.id}/costs/${month}${q}`;
const submit = (body, session = worker, centre = centreA) =>
  api('POST', `/centres/${centre.id}/invoices`, { session, body });

// A download as bytes (client.mjs reads bodies as text, which would mangle a zip).
async function download(path, session) {
  const res = await fetch(BASE_URL + API + path, {
    headers: { cookie: `innet_session=${session.cookie}`, 'x-forwarded-for': session.address },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

function expectXlsx(file, name) {
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(file.headers.get('content-disposition'), `attachment; filename="${name}"`);
  assert.equal(file.bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip archive');
  const text = file.bytes.toString('latin1');
  assert.ok(text.includes('xl/worksheets/sheet1.xml'));
  assert.ok(text.includes('xl/workbook.xml'));
}

before(async () => {
  [officer, worker, analyst, inspector, admin] = await Promise.all(
    ['prefecture_officer', 'case_worker', 'analyst', 'inspector', 'admin'].map((r) => loginDemo(r)),
  );
  ownOrgId = worker.user.organization.id;
  const orgs = expectStatus(await api('GET', '/organizations?q=Conca&per_page=100', { session: officer }), 200);
  otherOrgId = orgs.items.find((o) => o.name === "Consorzio Accoglienza Conca d'Oro (demo)").id;
  assert.notEqual(otherOrgId, ownOrgId);

  // Ten places for single men and ten for families in each.
  const places = { places_single_men: 10, places_single_women: 0, places_families: 10 };
  centreA = await createCentre(officer, { operator_id: ownOrgId, ...places });
  centreB = await createCentre(officer, { operator_id: otherOrgId, ...places });
  c1 = await createContract(centreA, addDays(day(1), -90), day(15), 2850);
  c2 = await createContract(centreA, day(16), addDays(day(N), 365), 3000);
  await createContract(centreB, addDays(day(1), -90), addDays(day(N), 365), 3000);

  const group = await createFamilyGroup(officer);
  const guest = (family_name, given_names, fields = {}) =>
    createPerson(officer, { family_name, given_names, sex: 'male', nationality: 'AF', ...fields });
  family = [];
  for (const given of ['Farid', 'Zahra', 'Omid', 'Leila']) family.push(await guest('Ahmadi', given, { family_group_id: group.id }));
  s1 = await guest('Diallo, "Junior"', 'Mamadou');
  s2 = await guest('Haque', 'Rahim');
  elsewhere = await guest('Bangura', 'Ibrahim');

  await place(officer, family, centreA, 'families', addDays(day(1), -12));
  await place(officer, [s2], centreA, 'single_men', addDays(day(1), -30));
  await place(officer, [s1], centreA, 'single_men', day(10));
  await place(officer, [elsewhere], centreB, 'single_men', addDays(day(1), -30));
  expectStatus(
    await api('POST', `/centres/${centreA.id}/register/${day(12)}/absences`, {
      session: worker,
      body: { person_id: s2.id, reason: 'authorised_leave' },
    }),
    201,
  );
  expectStatus(
    await api('POST', '/placements/transfers', {
      session: officer,
      body: { person_ids: [s2.id], to_centre_id: centreB.id, date: day(21) },
    }),
    201,
  );
});

test('costs: the month worked out by hand', async () => {
  const c = expectStatus(await api('GET', costsPath(centreA), { session: officer }), 200);
  assert.equal(c.month, MONTH);
  assert.equal(c.from, day(1));
  assert.equal(c.to, day(N));
  assert.equal(c.complete, true);
  assert.equal(c.days.length, N);
  assert.deepEqual(c.totals, {
    presence_days: PRESENCE,
    amount_due_cents: AMOUNT,
    vat_cents: 0,
    gross_due_cents: AMOUNT,
    pocket_money_due_cents: POCKET,
    days_without_contract: 0,
    presence_days_without_contract: 0,
  });
  assert.deepEqual(c.days[11], {
    day: day(12),
    present: 5,
    absent: 1,
    contract_id: c1.id,
    no_contract: false,
    cig: c1.cig,
    price_cents: 2850,
    vat_rate_percent: 0,
    amount_cents: 14250,
    pocket_money_cents: 1000,
  });
  assert.equal(c.days[15].contract_id, c2.id);
  assert.equal(c.days[15].amount_cents, 18000);
  assert.equal(c.days[15].pocket_money_cents, 1250);
  assert.equal(c.days[20].present, 5, 'S2 transferred out on day 21');

  const byId = Object.fromEntries(c.persons.map((p) => [p.person_id, p]));
  for (const [i, f] of family.entries()) {
    assert.equal(byId[f.id].presence_days, N);
    assert.equal(byId[f.id].amount_cents, 15 * 2850 + (N - 15) * 3000);
    // The family's 750 a day, split 188/188/187/187 (the odd cents to the lowest ids).
    assert.equal(byId[f.id].pocket_money_cents, (i < 2 ? 188 : 187) * N);
  }
  assert.equal(byId[s1.id].presence_days, N - 9);
  assert.equal(byId[s2.id].presence_days, 19);
  assert.equal(byId[s2.id].absent_days, 1);
  assert.equal(byId[s2.id].amount_cents, 14 * 2850 + 5 * 3000);
});

test('costs: the case worker sees the centres its organisation runs; others are 404 or 403', async () => {
  const mine = expectStatus(await api('GET', costsPath(centreA), { session: worker }), 200);
  assert.equal(mine.totals.presence_days, PRESENCE);
  expectError(await api('GET', costsPath(centreB), { session: worker }), 404, 'not_found');
  expectError(await api('GET', costsPath(centreA), { session: analyst }), 403, 'forbidden');
  expectError(await api('GET', costsPath(centreA), { session: inspector }), 403, 'forbidden');
  expectError(await api('GET', '/centres/999999999/costs/' + MONTH, { session: officer }), 404, 'not_found');
});

test('costs: a future or malformed month is refused', async () => {
  expectError(await api('GET', costsPath(centreA, LATER), { session: officer }), 422, 'future_date', ['month']);
  expectError(await api('GET', costsPath(centreA, '2025-13'), { session: officer }), 400, 'validation_failed', ['month']);
  expectError(await api('GET', costsPath(centreA, '2025-1'), { session: officer }), 400, 'validation_failed', ['month']);
  expectError(await api('GET', costsPath(centreA, MONTH, '?format=pdf'), { session: officer }), 400, 'validation_failed', ['format']);
});

// The files go to an Italian office (issue 9 point 15): ';' separated, headers in the caller's
// language (Italian by default), euros with a decimal comma, dates dd/mm/yyyy. fetch's text()
// drops the byte order mark (tests/reporting checks it).
const itDay = (k) => `${pad(k)}/${MONTH.slice(5)}/${MONTH.slice(0, 4)}`;

test("costs: CSV (days or persons) and XLSX downloads, in the caller's language", async () => {
  const csv = await api('GET', costsPath(centreA, MONTH, '?format=csv'), { session: officer });
  assert.equal(csv.status, 200, csv.text.slice(0, 200));
  assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(csv.headers.get('content-disposition'), `attachment; filename="costs-centre-${centreA.id}-${MONTH}.csv"`);
  const lines = csv.text.split('\r\n');
  assert.equal(
    lines[0],
    'Giorno;Presenti;Assenti;ID convenzione;Senza convenzione;Prezzo giornaliero (EUR);Importo (EUR);Pocket money (EUR);CIG;Aliquota IVA (%)',
  );
  assert.equal(lines[12], `${itDay(12)};5;1;${c1.id};No;28,50;142,50;10,00;${c1.cig};0`);
  assert.equal(lines.length, N + 2, 'header, N days, and the empty string after the last CRLF');

  const en = await api('GET', costsPath(centreA, MONTH, '?format=csv&lang=en'), { session: officer });
  assert.ok(en.text.startsWith('Day;Present;Absent;Contract ID (convenzione);'), en.text.slice(0, 100));
  assert.equal(en.text.split('\r\n')[12], lines[12], 'only the words change with the language');
  const fr = await api('GET', costsPath(centreA, MONTH, '?format=csv'), {
    session: officer,
    headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
  });
  assert.ok(fr.text.startsWith('Jour;Présents;'), fr.text.slice(0, 100));

  const persons = await api('GET', costsPath(centreA, MONTH, '?format=csv&table=persons'), { session: officer });
  assert.equal(persons.status, 200);
  assert.ok(persons.text.startsWith('ID persona;Cognome;Nomi;ID nucleo familiare;'), persons.text.slice(0, 100));
  assert.ok(persons.text.includes(`${s1.id};"Diallo, ""Junior""";Mamadou;;${N - 9};0;`), 'quoted, quotes doubled');

  expectXlsx(await download(costsPath(centreA, MONTH, '?format=xlsx'), officer), `costs-centre-${centreA.id}-${MONTH}.xlsx`);
});

test('invoices: refusals name the field and store nothing', async () => {
  const bad = async (fields, status, code, names) =>
    expectError(await submit(invoiceBody(1, { month: EARLIER, ...fields })), status, code, names);
  // The default lines lie in MONTH, not EARLIER: outside the month.
  const e = await bad({}, 422, 'invalid_lines');
  assert.ok(Object.keys(e.fields).every((f) => /^lines\[\d\]\.(from|to)$/.test(f)), JSON.stringify(e.fields));
  const inEarlier = (k) => `${EARLIER}-${pad(k)}`;
  const one = [{ person_id: family[0].id, from: inEarlier(1), to: inEarlier(3) }];
  await bad({ lines: one, presence_days: 2 }, 422, 'presence_days_mismatch', ['presence_days']);
  // Only guests of the centre in that month: S1 arrived in MONTH; an unknown id is refused alike.
  const notPlaced = (person_id) => ({ lines: [{ person_id, from: inEarlier(1), to: inEarlier(1) }], presence_days: 1 });
  await bad(notPlaced(s1.id), 422, 'not_placed', ['lines[0].person_id']);
  await bad(notPlaced(999999999), 422, 'not_placed', ['lines[0].person_id']);
  // Months: within the centre's contracts, and no typing-mistake years.
  await bad({ lines: [], presence_days: 0, month: '2001-01' }, 422, 'no_contract', ['month']);
  await bad({ lines: [], presence_days: 0, month: '1900-01' }, 400, 'validation_failed', ['month']);
  await bad({ lines: [{ ...one[0], from: '0000-01-01' }], presence_days: 3 }, 400, 'validation_failed', ['lines[0].from']);
  await bad({ lines: [{ ...one[0], from: inEarlier(4) }], presence_days: 0 }, 422, 'invalid_lines', ['lines[0].to']);
  await bad({ lines: [...one, { ...one[0], from: inEarlier(3), to: inEarlier(5) }], presence_days: 6 }, 422, 'invalid_lines', ['lines[1].from']);
  await bad({ lines: one, presence_days: 3, month: LATER }, 422, 'future_date', ['month']);
  await bad({ lines: one, presence_days: 3, month: '2025/01' }, 400, 'validation_failed', ['month']);
  await bad({ lines: one, presence_days: 3, amount_cents: 0 }, 400, 'validation_failed', ['amount_cents']);
  await bad({ lines: [{ person_id: family[0].id, from: 'tomorrow', to: inEarlier(1) }], presence_days: 1 }, 400, 'validation_failed', ['lines[0].from']);
  await bad({ lines: one, presence_days: 3, extra: 1 }, 400, 'validation_failed', ['extra']);
  await bad({ lines: one, presence_days: 3, contract_id: 0 }, 400, 'validation_failed', ['contract_id']);
  await bad({ lines: one, presence_days: 3, amount_cents: 3 * 2850, contract_id: 999999999 }, 422, 'validation_failed', ['contract_id']);
  // MONTH spans C1 and C2: the whole month in one invoice, even priced right, would span both.
  const whole = expectError(await submit(wholeMonthBody()), 422, 'contract_required', ['contract_id']);
  assert.equal(whole.fields.contract_id.code, 'contract_required');
  // A line of C1's invoice reaching into C2's days.
  const spills = invoiceBody(1);
  spills.lines[0].to = day(16);
  const spilled = { ...spills, presence_days: spills.presence_days + 1, amount_cents: spills.amount_cents + 3000 };
  expectError(await submit(spilled), 422, 'outside_contract', ['lines[0].to']);

  const list = expectStatus(await api('GET', `/centres/${centreA.id}/invoices`, { session: officer }), 200);
  assert.equal(list.total, 0);
});

test('invoices: one per contract, submitted by the case worker, listed, read, and only one per contract and month', async () => {
  const body = invoiceBody(1);
  const created = expectStatus(await submit(body), 201);
  assert.equal(created.centre_id, centreA.id);
  assert.equal(created.month, MONTH);
  assert.equal(created.contract_id, c1.id);
  assert.equal(created.cig, c1.cig);
  assert.equal(created.presence_days, 83);
  assert.equal(created.amount_cents, 236550);
  assert.equal(created.submitted_by, worker.user.id);
  assert.equal(created.lines.length, 6);

  const again = expectError(await submit(invoiceBody(1)), 409, 'invoice_exists', ['month']);
  assert.match(again.message, new RegExp(MONTH));
  const second = expectStatus(await submit(invoiceBody(2)), 201);
  assert.equal(second.contract_id, c2.id);
  assert.equal(second.presence_days, 5 * N - 71);
  assert.equal(second.amount_cents, (5 * N - 71) * 3000);
  assert.equal(created.presence_days + second.presence_days, DECLARED_DAYS, 'the two together: the whole month');
  assert.equal(created.amount_cents + second.amount_cents, DECLARED_AMOUNT);

  const list = expectStatus(await api('GET', `/centres/${centreA.id}/invoices`, { session: officer }), 200);
  assert.equal(list.total, 2);
  assert.deepEqual(list.items.map((i) => i.id).sort(), [created.id, second.id].sort());
  assert.equal(list.items[0].lines, undefined, 'lists leave the lines out');
  const got = expectStatus(await api('GET', `/invoices/${created.id}`, { session: worker }), 200);
  assert.deepEqual(
    got.lines.map((l) => [l.person_id, l.from, l.to]).sort(),
    body.lines.map((l) => [l.person_id, l.from, l.to]).sort(),
  );

  // Another operator's case worker would not see it; here: the demo case worker and centre B.
  expectError(await submit(invoiceBody(1), worker, centreB), 404, 'not_found');
  expectError(await submit(invoiceBody(1), analyst), 403, 'forbidden');

  const audit = expectStatus(
    await api('GET', `/audit?action=invoices.submit&entity_id=${created.id}&per_page=100`, { session: admin }),
    200,
  ).items;
  assert.equal(audit.length, 1);
  assert.equal(audit[0].actor_user_id, worker.user.id);
  assert.doesNotMatch(JSON.stringify(audit[0].details), /Ahmadi|Diallo|Haque|fattura/);
});

test('reconciliation: the differences by day and person, as JSON, CSV and XLSX', async () => {
  // The operator confirms day 1 in the register; the other days stay unconfirmed.
  expectStatus(
    await api('POST', `/centres/${centreA.id}/register/${day(1)}/confirmation`, { session: worker, body: {} }),
    201,
  );
  const list = expectStatus(await api('GET', `/centres/${centreA.id}/invoices`, { session: worker }), 200);
  const of = (contract) => list.items.find((i) => i.contract_id === contract.id).id;
  const id = of(c1);
  const r = expectStatus(await api('GET', `/invoices/${id}/reconciliation`, { session: officer }), 200);
  assert.equal(r.invoice.id, id);
  // C1's invoice on C1's days (figures in the header).
  assert.deepEqual(r.computed, { presence_days: 80, amount_cents: 228000, vat_cents: 0, gross_cents: 228000, pocket_money_cents: 16250 });
  assert.deepEqual(r.declared, { presence_days: 83, amount_cents: 236550, vat_cents: 0, gross_cents: 236550, days_value_cents: 236550 });
  // The declared amount is its own days at the contract price, and of one contract: no flag.
  assert.equal(r.amount_not_matching_days, false);
  assert.equal(r.spans_contracts, false);
  assert.equal(r.expected_amount_cents, 236550);
  assert.deepEqual(r.difference, { presence_days: 3, amount_cents: 8550 });
  assert.equal(r.declared_not_present, 3);
  assert.equal(r.present_not_declared, 0);
  assert.deepEqual(
    r.differences.map((d) => [d.day, d.person_id, d.kind, d.reason, d.absence_reason, d.price_cents]),
    [
      [day(8), s1.id, 'declared_not_present', 'not_placed', null, 2850],
      [day(9), s1.id, 'declared_not_present', 'not_placed', null, 2850],
      [day(12), s2.id, 'declared_not_present', 'absent', 'authorised_leave', 2850],
    ],
  );
  assert.equal(r.differences[2].family_name, 'Haque');
  // Day 1 confirmed: C1's days 2-15 are not.
  assert.equal(r.unconfirmed_days.length, 14);
  assert.equal(r.unconfirmed_days[0].day, day(2));
  assert.equal(r.unconfirmed_days[0].status, 'unconfirmed');

  // C2's invoice on C2's days.
  const r2 = expectStatus(await api('GET', `/invoices/${of(c2)}/reconciliation`, { session: officer }), 200);
  const p2 = PART[2];
  assert.deepEqual(r2.computed, { presence_days: p2.computedDays, amount_cents: p2.computedAmount, vat_cents: 0, gross_cents: p2.computedAmount, pocket_money_cents: p2.pocket });
  assert.deepEqual(r2.difference, { presence_days: -1, amount_cents: -3000 });
  assert.equal(r2.spans_contracts, false);
  assert.deepEqual(
    r2.differences.map((d) => [d.day, d.person_id, d.kind, d.reason, d.price_cents]),
    [[day(N), family[3].id, 'present_not_declared', 'not_declared', 3000]],
  );
  assert.equal(r2.unconfirmed_days.length, N - 15);
  assert.equal(r.computed.pocket_money_cents + r2.computed.pocket_money_cents, POCKET);

  const csv = await api('GET', `/invoices/${id}/reconciliation?format=csv`, { session: worker });
  assert.equal(csv.status, 200);
  assert.equal(csv.headers.get('content-disposition'), `attachment; filename="reconciliation-invoice-${id}.csv"`);
  const notHere = 'Dichiarata ma non presente;Non ospite del centro quel giorno;';
  assert.deepEqual(csv.text.split('\r\n'), [
    "Giorno;ID persona;Cognome;Nomi;Differenza;Motivo;Motivo dell'assenza;Prezzo giornaliero (EUR)",
    `${itDay(8)};${s1.id};"Diallo, ""Junior""";Mamadou;${notHere};28,50`,
    `${itDay(9)};${s1.id};"Diallo, ""Junior""";Mamadou;${notHere};28,50`,
    `${itDay(12)};${s2.id};Haque;Rahim;Dichiarata ma non presente;Assente secondo il registro;Permesso autorizzato;28,50`,
    '',
  ]);
  const ar = await api('GET', `/invoices/${id}/reconciliation?format=csv&lang=ar`, { session: worker });
  assert.ok(ar.text.startsWith('اليوم;رقم الشخص;'), ar.text.slice(0, 100));
  expectXlsx(await download(`/invoices/${id}/reconciliation?format=xlsx`, officer), `reconciliation-invoice-${id}.xlsx`);
});

test('invoices of another operator\'s centre are 404 to the case worker', async () => {
  // The Prefettura may submit for any centre: an invoice for centre B.
  const body = {
    month: MONTH,
    number: `FT-${uniqueSuffix()}`,
    amount_cents: (N - 20) * 3000,
    presence_days: N - 20,
    lines: [{ person_id: s2.id, from: day(21), to: day(N) }],
  };
  const theirs = expectStatus(await submit(body, officer, centreB), 201);
  expectError(await api('GET', `/invoices/${theirs.id}`, { session: worker }), 404, 'not_found');
  expectError(await api('GET', `/invoices/${theirs.id}/reconciliation`, { session: worker }), 404, 'not_found');
  expectError(await api('GET', `/centres/${centreB.id}/invoices`, { session: worker }), 404, 'not_found');
  expectStatus(await api('GET', `/invoices/${theirs.id}/reconciliation`, { session: officer }), 200);
  expectError(await api('GET', '/invoices/999999999', { session: officer }), 404, 'not_found');
});

test('invoice draft: the register as lines; submitted unchanged it reconciles with no difference', async () => {
  const draftPath = (month, centre = centreA) => `/centres/${centre.id}/invoices/draft/${month}`;
  // One draft per contract: C1's by default (the month's first), C2's when named.
  const draft = expectStatus(await api('GET', draftPath(MONTH), { session: worker }), 200);
  assert.equal(draft.contract_id, c1.id);
  assert.deepEqual(draft.contracts.map((c) => [c.contract_id, c.from, c.to]), [[c1.id, day(1), day(15)], [c2.id, day(16), day(N)]]);
  assert.equal(draft.presence_days, 80);
  assert.equal(draft.amount_cents, 228000);
  const runs = draft.lines.map((l) => `${l.person_id}:${l.from}..${l.to}`).sort();
  const expected = [
    ...family.map((p) => `${p.id}:${day(1)}..${day(15)}`),
    `${s1.id}:${day(10)}..${day(15)}`,
    `${s2.id}:${day(1)}..${day(11)}`,
    `${s2.id}:${day(13)}..${day(15)}`,
  ].sort();
  assert.deepEqual(runs, expected);
  assert.equal(draft.lines.find((l) => l.person_id === s1.id).family_name, 'Diallo, "Junior"');
  const draft2 = expectStatus(await api('GET', `${draftPath(MONTH)}?contract_id=${c2.id}`, { session: worker }), 200);
  assert.equal(draft2.contract_id, c2.id);
  assert.equal(draft2.presence_days, 5 * N - 70);
  assert.equal(draft2.amount_cents, (5 * N - 70) * 3000);
  assert.ok(draft2.lines.every((l) => l.from >= day(16)));
  expectError(await api('GET', `${draftPath(MONTH)}?contract_id=abc`, { session: worker }), 400, 'validation_failed', ['contract_id']);
  expectError(await api('GET', `${draftPath(MONTH)}?contract_id=999999999`, { session: worker }), 422, 'validation_failed', ['contract_id']);
  expectError(await api('GET', `${draftPath(EARLIER)}?contract_id=${c2.id}`, { session: worker }), 422, 'outside_contract', ['contract_id']);

  // Read only: what the register says, for those who may submit.
  expectError(await api('GET', draftPath(MONTH, centreB), { session: worker }), 404, 'not_found');
  expectError(await api('GET', draftPath(MONTH), { session: analyst }), 403, 'forbidden');
  expectError(await api('GET', draftPath(LATER), { session: worker }), 422, 'future_date', ['month']);

  const earlier = expectStatus(await api('GET', draftPath(EARLIER), { session: worker }), 200);
  assert.ok(earlier.lines.length >= 4, 'the family was there before MONTH');
  const body = {
    month: EARLIER,
    number: `FT-${uniqueSuffix()}`,
    amount_cents: earlier.amount_cents,
    presence_days: earlier.presence_days,
    lines: earlier.lines.map(({ person_id, from, to }) => ({ person_id, from, to })),
  };
  const invoice = expectStatus(await submit(body), 201);
  const rec = expectStatus(await api('GET', `/invoices/${invoice.id}/reconciliation`, { session: officer }), 200);
  assert.deepEqual(rec.difference, { presence_days: 0, amount_cents: 0 });
  assert.deepEqual(rec.differences, []);
});

test('invoices: a line naming another operator\'s guest gets the answer of an id that exists nowhere', async () => {
  // The leak this closes: the reconciliation printed the names of whoever a line named.
  const line = (person_id) => ({
    ...invoiceBody(1, { month: EARLIER }),
    lines: [{ person_id, from: `${EARLIER}-01`, to: `${EARLIER}-01` }],
    presence_days: 1,
  });
  const count = async () =>
    expectStatus(await api('GET', `/centres/${centreA.id}/invoices`, { session: officer }), 200).total;
  const before = await count();
  const theirs = expectError(await submit(line(elsewhere.id)), 422, 'not_placed', ['lines[0].person_id']);
  const nobody = expectError(await submit(line(999999999)), 422, 'not_placed', ['lines[0].person_id']);
  assert.deepEqual(theirs, nobody);
  assert.equal(await count(), before, 'nothing stored');
});

test('invoices: withdrawn with a reason, kept with its lines, and replaced by the next one', async () => {
  const month = monthsAgo(3);
  // A centre of its own, with one guest on the 1st: an invoice's amount is its days at the price.
  const firstDay = `${month}-01`;
  const centreE = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 5, places_single_women: 0, places_families: 0 });
  await createContract(centreE, addDays(firstDay, -10), addDays(firstDay, 400), 3000);
  const guestE = await createPerson(officer, { family_name: 'Withdrawn', given_names: 'Test', sex: 'male', nationality: 'AF' });
  await place(officer, [guestE], centreE, 'single_men', firstDay);
  // One contract covers the month: the invoice may leave it out.
  const oneDay = () => ({ month, number: `FT-${uniqueSuffix()}`, lines: [{ person_id: guestE.id, from: firstDay, to: firstDay }], presence_days: 1, amount_cents: 3000 });
  const first = expectStatus(await submit(oneDay(), worker, centreE), 201);
  assert.equal(first.status, 'submitted');
  assert.equal(first.replaces_id, null);
  const withdraw = (id, body, session = worker) => api('POST', `/invoices/${id}/withdrawal`, { session, body });

  expectError(await withdraw(first.id, { reason: 'short' }), 400, 'validation_failed', ['reason']);
  expectError(await withdraw(first.id, { reason: 'wrong  number', extra: 1 }), 400, 'validation_failed', ['extra']);
  expectError(await withdraw(first.id, { reason: 'wrong invoice number' }, analyst), 403, 'forbidden');
  expectError(await withdraw(999999999, { reason: 'wrong invoice number' }), 404, 'not_found');
  expectError(await submit(oneDay(), worker, centreE), 409, 'invoice_exists', ['month']);

  const withdrawn = expectStatus(await withdraw(first.id, { reason: '  wrong invoice number  ' }), 200);
  assert.equal(withdrawn.status, 'withdrawn');
  assert.equal(withdrawn.withdrawn_by, worker.user.id);
  assert.equal(withdrawn.withdrawal_reason, 'wrong invoice number', 'trimmed');
  assert.ok(withdrawn.withdrawn_at);
  expectError(await withdraw(first.id, { reason: 'wrong invoice number' }), 409, 'invoice_already_withdrawn');

  const second = expectStatus(await submit(oneDay(), worker, centreE), 201);
  assert.equal(second.replaces_id, first.id);
  const old = expectStatus(await api('GET', `/invoices/${first.id}`, { session: officer }), 200);
  assert.equal(old.replaced_by_id, second.id);
  assert.equal(old.status, 'withdrawn');
  // History: both are listed, the current one first; the withdrawn one still reconciles.
  const list = expectStatus(await api('GET', `/centres/${centreE.id}/invoices?per_page=100`, { session: officer }), 200);
  const ofMonth = list.items.filter((i) => i.month === month);
  assert.deepEqual(ofMonth.map((i) => [i.id, i.status]), [[second.id, 'submitted'], [first.id, 'withdrawn']]);
  expectStatus(await api('GET', `/invoices/${first.id}/reconciliation`, { session: officer }), 200);

  const audit = expectStatus(
    await api('GET', `/audit?action=invoices.withdraw&entity_id=${first.id}`, { session: admin }),
    200,
  ).items;
  assert.equal(audit.length, 1);
  assert.equal(audit[0].actor_user_id, worker.user.id);
  assert.doesNotMatch(JSON.stringify(audit[0].details), /wrong invoice number/, 'free text stays out of the trail');
});

// Contracts as tendered. Centre C (the case worker's) has two contracts splitting MONTH: K1 until
// day 15 at EUR 28.50 + 5% VAT under lot L, which also covers centre D (another operator's), and
// K2 from day 16 at EUR 30.00, VAT-exempt. Two single men present all month: K1's invoice is
// 2 x 15 = 30 days x 2,850 = 85,500 net, VAT 4,275, gross 89,775; K2's 2(N - 15) days x 3,000.
test('tender lots and contracts: CIG checked, one lot for several centres, invoices per contract with VAT', async () => {
  const cig = () => `L${uniqueSuffix().toUpperCase().replace(/[^A-Z0-9]/g, '')}`.padEnd(10, '0').slice(0, 10);
  const lotBody = { tender: 'Gara CAS Palermo', lot: 'Lotto 1', start_date: addDays(day(1), -90), end_date: addDays(day(N), 365) };
  expectError(await api('POST', '/lots', { session: officer, body: { ...lotBody, cig: 'l123456789' } }), 422, 'cig_format', ['cig']);
  expectError(await api('POST', '/lots', { session: worker, body: { ...lotBody, cig: cig() } }), 403, 'forbidden');
  const lot = expectStatus(await api('POST', '/lots', { session: officer, body: { ...lotBody, cig: cig() } }), 201);
  expectError(await api('POST', '/lots', { session: officer, body: { ...lotBody, cig: lot.cig } }), 409, 'unique_violation', ['cig']);

  const places = { places_single_men: 10, places_single_women: 0, places_families: 0 };
  const centreC = await createCentre(officer, { operator_id: ownOrgId, ...places });
  const centreD = await createCentre(officer, { operator_id: otherOrgId, ...places });
  const contract = (centre, body) =>
    api('POST', `/centres/${centre.id}/contracts`, { session: officer, body: { places: 10, ...body } });
  const k1 = expectStatus(
    await contract(centreC, { lot_id: lot.id, vat_rate_percent: 5, start_date: addDays(day(1), -90), end_date: day(15), price_cents: 2850 }),
    201,
  );
  assert.equal(k1.cig, lot.cig);
  assert.equal(k1.vat_rate_percent, 5);
  const k2 = expectStatus(await contract(centreC, { cig: cig(), start_date: day(16), end_date: addDays(day(N), 365), price_cents: 3000 }), 201);
  expectStatus(await contract(centreD, { lot_id: lot.id, start_date: day(1), end_date: day(N), price_cents: 3100 }), 201);
  expectError(await contract(centreD, { cig: 'z12345678a', start_date: addDays(day(N), 1), end_date: addDays(day(N), 30), price_cents: 3100 }), 422, 'cig_format', ['cig']);
  expectError(await contract(centreD, { lot_id: lot.id, vat_rate_percent: 7, start_date: addDays(day(N), 1), end_date: addDays(day(N), 30), price_cents: 3100 }), 422, 'validation_failed', ['vat_rate_percent']);

  // The Prefettura sees both centres' contracts under the lot; the operator its own only.
  const all = expectStatus(await api('GET', `/lots/${lot.id}`, { session: officer }), 200);
  assert.equal(all.contracts.length, 2);
  const own = expectStatus(await api('GET', `/lots/${lot.id}`, { session: worker }), 200);
  assert.deepEqual(own.contracts.map((c) => c.id), [k1.id]);
  // The list names the centres a lot covers: the Prefettura both, the operator its own only.
  const listed = (items) => items.find((l) => l.id === lot.id);
  const forOfficer = listed(expectStatus(await api('GET', '/lots', { session: officer }), 200).items);
  assert.deepEqual(forOfficer.centres.map((c) => c.id).sort(), [centreC.id, centreD.id].sort());
  assert.equal(forOfficer.contracts, 2);
  const forWorker = listed(expectStatus(await api('GET', '/lots', { session: worker }), 200).items);
  assert.deepEqual(forWorker.centres, [{ id: centreC.id, name: centreC.name, contracts: 1 }]);
  assert.equal(forWorker.contracts, 1);

  // Correcting a lot: its tender, name and period; the CIG is not a field of the correction.
  expectError(await api('PATCH', `/lots/${lot.id}`, { session: worker, body: { tender: 'Altra gara' } }), 403, 'forbidden');
  expectError(await api('PATCH', `/lots/${lot.id}`, { session: officer, body: { cig: cig() } }), 400, 'validation_failed', ['cig']);
  expectError(
    await api('PATCH', `/lots/${lot.id}`, { session: officer, body: { end_date: addDays(lotBody.start_date, -1) } }),
    422,
    'validation_failed',
    ['end_date'],
  );
  const corrected = expectStatus(await api('PATCH', `/lots/${lot.id}`, { session: officer, body: { tender: 'Gara CAS Palermo 2026', lot: 'Lotto 2' } }), 200);
  assert.equal(corrected.tender, 'Gara CAS Palermo 2026');
  assert.equal(corrected.lot, 'Lotto 2');
  assert.equal(corrected.cig, lot.cig);
  assert.equal(corrected.start_date, lot.start_date);
  expectError(await api('PATCH', '/lots/999999999', { session: officer, body: { lot: 'x' } }), 404, 'not_found');

  const guests = [];
  for (const given of ['Karim', 'Sami']) guests.push(await createPerson(officer, { family_name: 'Tender', given_names: given, sex: 'male', nationality: 'TN' }));
  await place(officer, guests, centreC, 'single_men', addDays(day(1), -5));
  const lines = (from, to) => guests.map((g) => ({ person_id: g.id, from, to }));
  const body = (fields) => ({ month: MONTH, number: `FT-${uniqueSuffix()}`, ...fields });

  // A month outside the contract named, an amount not matching its days: 422, nothing stored.
  expectError(
    await submit(body({ month: EARLIER, contract_id: k2.id, amount_cents: 100, presence_days: 0, lines: [] }), worker, centreC),
    422,
    'outside_contract',
    ['month'],
  );
  const mismatch = await submit(
    body({ contract_id: k1.id, amount_cents: 85500, presence_days: 15, lines: lines(day(1), day(15)).slice(0, 1) }),
    worker,
    centreC,
  );
  expectError(mismatch, 422, 'amount_mismatch', ['amount_cents']);
  assert.deepEqual(mismatch.json.error.fields.amount_cents.params, { expected: 42750 });
  expectError(
    await submit(body({ contract_id: k1.id, amount_cents: 88500, presence_days: 32, lines: lines(day(1), day(16)) }), worker, centreC),
    422,
    'outside_contract',
    ['lines[0].to', 'lines[1].to'],
  );
  assert.equal(expectStatus(await api('GET', `/centres/${centreC.id}/invoices`, { session: worker }), 200).total, 0);

  const first = expectStatus(
    await submit(body({ contract_id: k1.id, amount_cents: 85500, presence_days: 30, lines: lines(day(1), day(15)) }), worker, centreC),
    201,
  );
  assert.equal(first.cig, lot.cig);
  assert.equal(first.vat_cents, 4275);
  assert.equal(first.gross_cents, 89775);
  const second = expectStatus(
    await submit(
      body({ contract_id: k2.id, amount_cents: 2 * (N - 15) * 3000, presence_days: 2 * (N - 15), lines: lines(day(16), day(N)) }),
      worker,
      centreC,
    ),
    201,
  );
  assert.equal(second.cig, k2.cig);
  assert.equal(second.vat_cents, 0);

  const rec = expectStatus(await api('GET', `/invoices/${first.id}/reconciliation`, { session: officer }), 200);
  assert.deepEqual(rec.computed, { presence_days: 30, amount_cents: 85500, vat_cents: 4275, gross_cents: 89775, pocket_money_cents: 30 * 250 });
  assert.equal(rec.amount_not_matching_days, false);
  assert.equal(rec.expected_amount_cents, 85500);
  assert.deepEqual(rec.difference, { presence_days: 0, amount_cents: 0 });
  // A credit note takes back two days of K1's invoice (2 x 2,850 = 5,700, VAT 5% = 285).
  const credit = (fields) =>
    api('POST', `/invoices/${first.id}/credit-notes`, { session: worker, body: { number: `NC-${uniqueSuffix()}`, reason: 'Giorni non dovuti', ...fields } });
  expectError(await credit({ presence_days: 2, amount_cents: 5700 }), 400, 'validation_failed', ['presence_days', 'amount_cents']);
  const note = expectStatus(await credit({ presence_days: -2, amount_cents: -5700 }), 201);
  assert.equal(note.vat_cents, -285);
  assert.equal(note.gross_cents, -5985);
  expectError(await credit({ presence_days: -29, amount_cents: -29 * 2850 }), 422, 'credit_exceeds_invoice', ['presence_days']);
  const notes = expectStatus(await api('GET', `/invoices/${first.id}/credit-notes`, { session: officer }), 200);
  assert.deepEqual(notes.items.map((n) => n.id), [note.id]);
  const netted = expectStatus(await api('GET', `/invoices/${first.id}/reconciliation`, { session: officer }), 200);
  assert.deepEqual(netted.credited, { presence_days: -2, amount_cents: -5700, vat_cents: -285 });
  assert.deepEqual(netted.difference, { presence_days: -2, amount_cents: -5700 });

  const costs = expectStatus(await api('GET', costsPath(centreC), { session: officer }), 200);
  assert.equal(costs.totals.vat_cents, 4275);
  assert.equal(costs.totals.gross_due_cents, costs.totals.amount_due_cents + 4275);
});

test('a SAI project is not billed per day: costs and invoices are refused', async () => {
  const sai = await createCentre(officer, { operator_id: ownOrgId, type: 'sai' });
  await createContract(sai, addDays(day(1), -90), addDays(day(N), 365), 3000);
  expectError(await api('GET', costsPath(sai), { session: officer }), 422, 'sai_not_per_day', ['id']);
  expectError(await api('GET', `/centres/${sai.id}/invoices/draft/${MONTH}`, { session: worker }), 422, 'sai_not_per_day', ['month']);
  expectError(
    await submit({ month: MONTH, number: 'SAI-1', amount_cents: 100, presence_days: 0, lines: [] }, worker, sai),
    422,
    'sai_not_per_day',
    ['month'],
  );
  // Its funding instead: the Prefettura records the year's budget and the final report's state.
  const budget = { year: 2026, amount_cents: 12000000, report_status: 'pending' };
  expectError(await api('POST', `/centres/${sai.id}/sai-budgets`, { session: worker, body: budget }), 403, 'forbidden');
  const stored = expectStatus(await api('POST', `/centres/${sai.id}/sai-budgets`, { session: officer, body: budget }), 200);
  assert.equal(stored.amount_cents, 12000000);
  expectStatus(await api('POST', `/centres/${sai.id}/sai-budgets`, { session: officer, body: { ...budget, report_status: 'submitted' } }), 200);
  const list = expectStatus(await api('GET', `/centres/${sai.id}/sai-budgets`, { session: worker }), 200);
  assert.deepEqual(list.items.map((b) => [b.year, b.amount_cents, b.report_status]), [[2026, 12000000, 'submitted']]);
  expectError(await api('POST', `/centres/${centreA.id}/sai-budgets`, { session: officer, body: budget }), 422, 'not_sai', ['id']);
});

// Decision 0027: a contract carries its phone card and kit prices (defaults EUR 5 and 0).
test('contracts: phone card and kit prices per contract, defaults, bad input stores nothing', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const body = (fields) => ({
    cig: uniqueSuffix().slice(-10).padStart(10, 'P').toUpperCase(),
    start_date: day(1),
    end_date: day(N),
    places: 10,
    price_cents: 2900,
    ...fields,
  });
  const post = (b) => api('POST', `/centres/${centre.id}/contracts`, { session: officer, body: b });
  expectError(await post(body({ phone_card_cents: -1 })), 400, 'validation_failed', ['phone_card_cents']);
  expectError(await post(body({ kit_cents: 'x' })), 400, 'validation_failed', ['kit_cents']);
  const listed = async () => expectStatus(await api('GET', `/centres/${centre.id}/contracts`, { session: officer }), 200).items;
  assert.deepEqual(await listed(), [], 'nothing stored');
  const priced = expectStatus(await post(body({ phone_card_cents: 800, kit_cents: 3500 })), 201);
  assert.equal(priced.phone_card_cents, 800);
  assert.equal(priced.kit_cents, 3500);
  const later = expectStatus(await post(body({ start_date: addDays(day(N), 1), end_date: addDays(day(N), 60) })), 201);
  assert.equal(later.phone_card_cents, 500, 'the 2024 scheme card by default');
  assert.equal(later.kit_cents, 0);
  assert.deepEqual((await listed()).map((c) => [c.phone_card_cents, c.kit_cents]).sort(), [[500, 0], [800, 3500]]);
});
