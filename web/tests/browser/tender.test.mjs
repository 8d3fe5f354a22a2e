// Tender lots, contracts with VAT, credit notes and SAI budgets in the browser. The Prefettura
// finds the lots from the menu, searches, sorts and saves them as CSV, records a lot and corrects
// it, gives a new centre a contract under it (the form shows the price with its VAT) and follows
// the contract's CIG back to the lot; records and replaces a SAI project's budget. The operator's
// case worker issues a credit note on a demo invoice after its confirm step. axe clean in Italian
// and Arabic, screenshots at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiCreate,
  apiGet,
  assertAccessible,
  at360,
  checkBothLanguages,
  checkConfirmDialog,
  closeChecked,
  createCentre,
  downloaded,
  openFromNav,
  signedIn,
  tr,
  uniqueSuffix,
} from './helpers.mjs';

let officer;
let worker;

before(async () => {
  officer = await signedIn('prefecture_officer');
  worker = await signedIn('case_worker');
});

after(async () => {
  await closeChecked(officer);
  await closeChecked(worker);
});

const euro = (cents) => new Intl.NumberFormat('it', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const newCig = () => `W${uniqueSuffix().toUpperCase().replace(/[^A-Z0-9]/g, '')}`.padEnd(10, '0').slice(0, 10);

test('prefecture officer: tender lots from the menu, searched, sorted, saved as CSV; a lot recorded and corrected', async () => {
  const { page } = officer;
  await page.goto('/home');
  await openFromNav(page, '/lots');
  await page.locator('[data-testid=lots-table]').waitFor();
  const all = (await apiGet(page, '/lots')).body.items;
  assert.equal(await page.locator('[data-testid=lots-table] tbody tr').count(), all.length);

  // Sorted by the number of contracts, fewest first, then most first.
  const header = page.locator('[data-testid=lots-table] th button[data-sort=contracts]');
  await header.click();
  assert.equal(await page.locator('[data-testid=lots-table] th[aria-sort=ascending] [data-sort=contracts]').count(), 1);
  const counts = async () => page.locator('[data-testid=lots-table] tbody tr td:nth-child(5)').evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
  const up = await counts();
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  await header.click();
  const down = await counts();
  assert.deepEqual(down, [...down].sort((a, b) => b - a));

  // The CSV: ';' separated, Italian headers, one line per lot shown.
  const csv = await downloaded(page, page.locator('[data-testid=lots-csv]'));
  assert.equal(csv.name, 'lotti-di-gara.csv');
  assert.ok(csv.text.startsWith('\uFEFF'), 'a byte order mark for Excel');
  const lines = csv.text.slice(1).trimEnd().split('\r\n');
  assert.equal(lines[0], 'CIG;Gara;Lotto;Data di inizio;Data di fine;Centri coperti;Convenzioni');
  assert.equal(lines.length, all.length + 1);

  // A new lot, then its correction.
  const cig = newCig();
  await page.locator('[data-testid=lot-new]').click();
  await page.locator('[data-testid=lot-form]').waitFor();
  await page.locator('[data-testid=lot-save]').click();
  await page.locator('#cig-error').waitFor();
  await checkBothLanguages(page, 'lot-form-errors');
  await at360(page, 'lot-form-360', { axe: false });
  await page.locator('#cig').fill(cig);
  await page.locator('#tender').fill('Gara accoglienza test');
  await page.locator('#lot').fill('Lotto 9');
  await page.locator('#start_date').fill('2026-01-01');
  await page.locator('#end_date').fill('2027-12-31');
  await page.locator('[data-testid=lot-save]').click();
  await page.locator(`[data-testid=lots-table] tr[data-cig="${cig}"]`).waitFor();
  assert.equal(await page.locator('#lot-filter').inputValue(), cig);
  assert.equal(await page.locator('[data-testid=lots-table] tbody tr').count(), 1);
  assert.match(await page.locator('main').textContent(), new RegExp(tr('it', 'lots.created', { cig })));

  await page.locator(`tr[data-cig="${cig}"] [data-testid=lot-edit]`).click();
  await page.locator('[data-testid=lot-form]').waitFor();
  assert.equal(await page.locator('#cig').getAttribute('readonly'), '');
  assert.equal(await page.locator('#tender').inputValue(), 'Gara accoglienza test');
  await page.locator('#tender').fill('Gara accoglienza corretta');
  await page.locator('[data-testid=lot-save]').click();
  await page.locator(`tr[data-cig="${cig}"]`).waitFor();
  assert.match(await page.locator(`tr[data-cig="${cig}"]`).textContent(), /Gara accoglienza corretta · Lotto 9/);
  await checkBothLanguages(page, 'lots', () => page.locator('[data-testid=lots-table]').waitFor());
  await at360(page, 'lots-360', { axe: false });
});

test('prefecture officer: a contract under a lot shows its VAT and gross, and its CIG leads to the lot', async () => {
  const { page } = officer;
  const lot = await apiCreate(page, '/lots', { cig: newCig(), tender: 'Gara contratti test', start_date: '2026-01-01', end_date: '2027-12-31' });
  const orgs = (await apiGet(page, '/organizations?per_page=100')).body.items;
  const operator = orgs.find((o) => o.type === 'centre_operator') ?? orgs[0];
  const centre = await createCentre(page, `Centro IVA ${uniqueSuffix()}`, operator.id, { single_men: 10 });

  await page.goto(`/centres/${centre.id}`);
  await page.locator('[data-testid=contract-open]').click();
  await page.locator('#lot_id').selectOption(String(lot.id));
  assert.equal(await page.locator('#cig').count(), 0, 'a chosen lot gives the CIG');
  await page.locator('#places').fill('10');
  await page.locator('#start_date').fill('2026-01-01');
  await page.locator('#end_date').fill('2026-12-31');
  await page.locator('#price_cents').fill('30,00');
  await page.locator('#vat_rate_percent').selectOption('5');
  const gross = page.locator('[data-testid=contract-gross]');
  assert.equal(
    (await gross.textContent()).trim(),
    tr('it', 'contracts.grossValue', { net: euro(3000), vat: euro(150), gross: euro(3150) }),
  );
  // The tender's own phone card and kit prices (decision 0027): EUR 5 and 0 unless changed.
  assert.equal(await page.locator('#phone_card_cents').inputValue(), '5,00');
  assert.equal(await page.locator('#kit_cents').inputValue(), '0,00');
  await page.locator('#kit_cents').fill('abc');
  await page.locator('[data-testid=contract-save]').click();
  await page.locator('#kit_cents-error').waitFor();
  await page.locator('#phone_card_cents').fill('8,00');
  await page.locator('#kit_cents').fill('35,00');
  await checkBothLanguages(page, 'contract-form-vat', () => gross.waitFor());
  await at360(page, 'contract-form-vat-360', { axe: false });
  await page.locator('[data-testid=contract-save]').click();
  const row = page.locator('[data-testid=contract-table] tbody tr').first();
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(euro(3150).replace(/\s/g, '\\s')));
  const money = (cents) => new RegExp(euro(cents).replace(/\s/g, '\\s'));
  assert.match(await row.locator('[data-testid=contract-phone-card]').textContent(), money(800));
  assert.match(await row.locator('[data-testid=contract-kit]').textContent(), money(3500));

  await row.locator('[data-testid=contract-lot]').click();
  await page.locator(`[data-testid=lots-table] tr[data-cig="${lot.cig}"]`).waitFor();
  assert.match(await page.locator(`tr[data-cig="${lot.cig}"]`).textContent(), new RegExp(centre.name));
});

/** A submitted demo invoice of one of the case worker's centres, of one contract, with days to credit. */
async function creditableInvoice(page) {
  const centres = (await apiGet(page, '/centres?per_page=100')).body.items;
  for (const c of centres) {
    const invoices = (await apiGet(page, `/centres/${c.id}/invoices`)).body?.items ?? [];
    const invoice = invoices.find((i) => i.status === 'submitted' && i.contract_id && i.presence_days > 2);
    if (invoice) {
      const contract = (await apiGet(page, `/centres/${c.id}/contracts`)).body.items.find((k) => k.id === invoice.contract_id);
      return { centre: c, invoice, contract };
    }
  }
  assert.fail('no submitted demo invoice of one contract at the case worker\'s centres');
}

test('case worker: a credit note on an invoice, with what it credits shown before it is issued', async () => {
  const { page } = worker;
  const { centre, invoice, contract } = await creditableInvoice(page);
  await page.goto(`/centres/${centre.id}/costs?month=${invoice.month}&invoice=${invoice.id}`);
  await page.locator('[data-testid=credit-notes]').waitFor();
  await page.locator('[data-testid=credit-note-open]').click();
  await page.locator('#credit-number').fill(`NC-${uniqueSuffix()}`);
  await page.locator('#credit-days').fill('2');
  const amount = 2 * contract.price_cents;
  const vat = Math.round((amount * contract.vat_rate_percent) / 100);
  assert.match(await page.locator('[data-testid=credit-note-amount]').textContent(), new RegExp(euro(amount).replace(/\s/g, '\\s')));
  await page.locator('#credit-reason').fill('Due giorni dichiarati per errore');
  await checkBothLanguages(page, 'credit-note-form', () => page.locator('#credit-days').waitFor());
  await at360(page, 'credit-note-form-360', { axe: false });

  // The confirm step: screenshots and axe in both languages, cancelled each time.
  await checkConfirmDialog(page, 'credit-note-confirm', () => page.locator('[data-testid=credit-note-submit]').click());
  await page.locator('[data-testid=credit-note-submit]').click();
  const facts = await page.locator('[data-testid=credit-note-facts]').textContent();
  assert.match(facts, new RegExp(euro(-amount).replace(/\s/g, '\\s')));
  assert.match(facts, new RegExp(euro(-(amount + vat)).replace(/\s/g, '\\s')));
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=credit-note-table] tbody tr').first().waitFor();
  const notes = (await apiGet(page, `/invoices/${invoice.id}/credit-notes`)).body.items;
  const credited = notes.reduce((s, n) => s + n.amount_cents, 0);
  const days = notes.reduce((s, n) => s + n.presence_days, 0);
  assert.equal(notes.at(-1).amount_cents, -amount);
  assert.match(
    await page.locator('[data-testid=invoice-net]').textContent(),
    new RegExp(`${invoice.presence_days + days} `),
  );
  assert.match(await page.locator('[data-testid=invoice-net]').textContent(), new RegExp(euro(invoice.amount_cents + credited).replace(/\s/g, '\\s')));
  await checkBothLanguages(page, 'credit-notes', () => page.locator('[data-testid=credit-note-table]').waitFor());
  await at360(page, 'credit-notes-360', { axe: false });
});

test('prefecture officer: a SAI project shows its budgets instead of daily costs; a year recorded, then replaced after a confirm', async () => {
  const { page } = officer;
  const orgs = (await apiGet(page, '/organizations?per_page=100')).body.items;
  const operator = orgs.find((o) => o.type === 'centre_operator') ?? orgs[0];
  const sai = await apiCreate(page, '/centres', {
    name: `Progetto SAI ${uniqueSuffix()}`,
    type: 'sai',
    operator_id: operator.id,
    address: 'Via dei Test 2, Palermo',
    istat_code: '082053',
    places_single_men: 5,
    places_single_women: 0,
    places_families: 0,
    places_minors: 0,
    status: 'active',
  });
  await page.goto(`/centres/${sai.id}/costs`);
  await page.locator('[data-testid=sai-budgets]').waitFor();
  assert.equal(await page.locator('[data-testid=invoices]').count(), 0, 'no invoices for a SAI project');
  assert.equal(await page.locator('[data-testid=costs-month-picker]').count(), 0, 'no month to choose');
  assert.equal((await page.locator('#main-heading').textContent()).trim(), tr('it', 'costs.saiTitle'));
  await page.locator('[data-testid=sai-budget-new]').click();
  await page.locator('#sai-year').fill('2026');
  await page.locator('#sai-amount').fill('120.000,00');
  await page.locator('#sai-report').selectOption('pending');
  await checkBothLanguages(page, 'sai-budget-form', () => page.locator('#sai-year').waitFor());
  await at360(page, 'sai-budget-form-360', { axe: false });
  await page.locator('[data-testid=sai-budget-save]').click();
  const row = page.locator('[data-testid=sai-budget-table] tr[data-year="2026"]');
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(euro(12_000_000).replace(/\s/g, '\\s')));

  // Replacing the year's budget says what changes first.
  await row.locator('[data-testid=sai-budget-edit]').click();
  await page.locator('#sai-amount').fill('125.000,00');
  await page.locator('#sai-report').selectOption('submitted');
  await checkConfirmDialog(page, 'sai-budget-replace', () => page.locator('[data-testid=sai-budget-save]').click());
  await page.locator('[data-testid=sai-budget-save]').click();
  assert.match(await page.locator('[data-testid=sai-budget-facts]').textContent(), new RegExp(euro(12_500_000).replace(/\s/g, '\\s')));
  await page.locator('[data-testid=confirm-ok]').click();
  await page.waitForFunction(() => /Presentata/.test(document.querySelector('[data-testid=sai-budget-table] tr[data-year="2026"]')?.textContent ?? ''));
  const budgets = (await apiGet(page, `/centres/${sai.id}/sai-budgets`)).body.items;
  assert.deepEqual(budgets.map((b) => [b.year, b.amount_cents, b.report_status]), [[2026, 12_500_000, 'submitted']]);
  await checkBothLanguages(page, 'sai-budgets', () => row.waitFor());
  await assertAccessible(page, 'sai budgets');
});
