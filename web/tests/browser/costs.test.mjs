// The monthly costs of a centre: the Prefettura opens a demo centre with guests, its costs for
// last month (totals, the day by day table), downloads the CSV, and opens the reconciliation of
// a demo invoice that bills days its guests were absent; the operator's case worker prepares an
// invoice from the register, leaves one line out, submits it, then withdraws it with a reason;
// a month spanning two contracts gives two invoices, one per contract; axe clean in Italian and
// Arabic (the withdrawal and the two-contract form also at 360 px).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysInMonth, monthsAgo } from '../../../tests/support/days.mjs';
import { apiCreate, apiGet, checkBothLanguages, checkConfirmDialog, closeChecked, createCentre, createPerson, me, signedIn, tr, uniqueSuffix } from './helpers.mjs';

let browser;
let workerBrowser; // a browser of its own: a browser's pages share one session
let page; // the prefecture officer's
let workerPage; // the case worker's, of the cooperative that runs the demo registers

before(async () => {
  ({ browser, page } = await signedIn('prefecture_officer'));
  ({ browser: workerBrowser, page: workerPage } = await signedIn('case_worker'));
});

after(async () => {
  await closeChecked({ browser, page });
  await closeChecked({ browser: workerBrowser, page: workerPage });
});

/** A demo centre whose invoice for `month` bills days the register records as absences. */
async function centreWithDisputedInvoice(month) {
  const centres = await apiGet(page, '/centres?per_page=100');
  assert.equal(centres.status, 200);
  for (const c of centres.body.items) {
    const invoices = await apiGet(page, `/centres/${c.id}/invoices`);
    const invoice = invoices.body.items.find((i) => i.month === month);
    if (!invoice) continue;
    const rec = await apiGet(page, `/invoices/${invoice.id}/reconciliation`);
    if (rec.body.declared_not_present > 0) {
      const costs = await apiGet(page, `/centres/${c.id}/costs/${month}`);
      return { centre: c, invoice, rec: rec.body, costs: costs.body };
    }
  }
  assert.fail(`no demo invoice for ${month} bills absent days`);
}

test('prefecture officer: costs of last month, day table, CSV download, reconciliation', async () => {
  const month = monthsAgo(1);
  const { centre, invoice, rec, costs } = await centreWithDisputedInvoice(month);

  // From the centre page to the costs, which open on last month.
  await page.goto(`/centres/${centre.id}`);
  await page.locator('[data-testid=costs-section]').waitFor();
  await page.locator('[data-testid=costs-open]').click();
  await page.locator(`[data-testid=costs-page][data-month="${month}"]`).waitFor();
  await page.locator('[data-testid=costs-days]').waitFor();
  assert.equal(await page.locator('#costs-month').inputValue(), month);

  // Totals as the API computes them, money in euros.
  assert.equal((await page.locator('[data-testid=total-presence-days]').textContent()).trim(), String(costs.totals.presence_days));
  const euros = new Intl.NumberFormat('it', { style: 'currency', currency: 'EUR' }).format(costs.totals.amount_due_cents / 100);
  assert.equal((await page.locator('[data-testid=total-amount]').textContent()).trim(), euros);
  assert.equal(await page.locator('[data-testid=costs-days] tbody tr').count(), costs.days.length);
  assert.equal(await page.locator('[data-testid=costs-days] caption').count(), 1);

  // The CSV link answers with the month as CSV, in the page's language (Italian here).
  const href = await page.locator(`[data-testid="costs-${month}-csv"]`).getAttribute('href');
  assert.equal(href, `/api/v1/centres/${centre.id}/costs/${month}?format=csv&lang=it`);
  assert.ok(await page.locator(`[data-testid="costs-${month}-csv"]`).getAttribute('download'));
  const csv = await page.evaluate(async (href) => {
    const r = await fetch(href, { credentials: 'same-origin' });
    return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
  }, href);
  assert.equal(csv.status, 200);
  assert.match(csv.type, /^text\/csv/);
  assert.ok(csv.text.startsWith('Giorno;Presenti;Assenti;'), csv.text.slice(0, 80));

  await checkBothLanguages(page, 'costs-month', () => page.locator('[data-testid=costs-days]').waitFor());

  // The month's invoice and its reconciliation, on the same page: the absent days it bills,
  // each with the absence reason from the register.
  await page.locator(`[data-invoice="${invoice.id}"] [data-testid=reconciliation-open]`).click();
  await page.locator('[data-testid=reconciliation-summary]').waitFor();
  const rows = page.locator('[data-testid=differences] tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), rec.differences.length);
  assert.equal(rec.declared_not_present, rec.differences.length, 'the demo invoice only adds absent days');
  const first = rec.differences[0];
  const reason = tr('it', 'costs.reasons.absentWith', { reason: tr('it', `register.reasons.${first.absence_reason}`) });
  assert.equal((await rows.first().locator('td').nth(2).textContent()).trim(), reason);
  assert.ok((await page.locator('[data-testid=difference-days]').textContent()).includes(`+${rec.difference.presence_days}`));
  // The Prefettura reads invoices; only the operator prepares them, and this month has one.
  assert.equal(await page.locator('[data-testid=invoice-prepare]').count(), 0);
  await checkBothLanguages(page, 'costs-reconciliation', () => page.locator('[data-testid=reconciliation-summary]').waitFor());
});

test('case worker: prepares an invoice from the register, leaves a guest out, and sees the difference', async () => {
  // One of the cooperative's centres with presences in a month it has not invoiced yet.
  const centres = await apiGet(workerPage, '/centres?per_page=100');
  let target = null;
  for (let back = 2; back <= 11 && !target; ++back) {
    const month = monthsAgo(back);
    for (const c of centres.body.items) {
      const invoices = await apiGet(workerPage, `/centres/${c.id}/invoices`);
      if (invoices.body.items.some((i) => i.month === month)) continue;
      const draft = await apiGet(workerPage, `/centres/${c.id}/invoices/draft/${month}`);
      // One contract all month, every presence payable: the amount is the days at its price.
      const [only, ...others] = draft.body.contracts ?? [];
      if (draft.body.lines.length >= 2 && only && !others.length && draft.body.amount_cents === draft.body.presence_days * only.price_cents) {
        target = { centre: c, month, draft: draft.body };
        break;
      }
    }
  }
  assert.ok(target, 'a month to invoice');
  const { centre, month, draft } = target;
  const [contract] = draft.contracts;
  const euro = (cents) => new Intl.NumberFormat('it', { style: 'currency', currency: 'EUR' }).format(cents / 100);
  const typed = (cents) => (cents / 100).toFixed(2).replace('.', ',');

  await workerPage.goto(`/centres/${centre.id}/costs?month=${month}`);
  await workerPage.locator('[data-testid=invoice-prepare]').click();
  await workerPage.locator('[data-testid=invoice-lines]').waitFor();
  assert.equal(await workerPage.locator('[data-testid=invoice-lines] tbody tr').count(), draft.lines.length);
  assert.equal((await workerPage.locator('[data-testid=invoice-declared-days]').textContent()).trim(), String(draft.presence_days));
  assert.equal(await workerPage.locator('#amount_cents').inputValue(), (draft.amount_cents / 100).toFixed(2).replace('.', ','));
  await checkBothLanguages(workerPage, 'invoice-form', () => workerPage.locator('[data-testid=invoice-lines]').waitFor());

  // Without a number: the field is named and nothing is sent.
  await workerPage.locator('[data-testid=invoice-submit]').click();
  await workerPage.locator('[data-testid=form-error]').waitFor();
  assert.ok((await workerPage.locator('[data-testid=form-error]').textContent()).includes(tr('it', 'invoiceForm.number')));
  assert.equal((await apiGet(workerPage, `/centres/${centre.id}/invoices`)).body.items.filter((i) => i.month === month).length, 0);

  // The first guest's first run of days left out: the declared days drop by its length.
  const left = draft.lines[0];
  const leftDays = Math.round((Date.parse(left.to) - Date.parse(left.from)) / 86_400_000) + 1;
  await workerPage.locator('#line-0-kept').uncheck();
  assert.equal((await workerPage.locator('[data-testid=invoice-declared-days]').textContent()).trim(), String(draft.presence_days - leftDays));
  // Point 8: the amount follows the days (it is not typed), with its VAT and the gross.
  const net = (draft.presence_days - leftDays) * contract.price_cents;
  const vat = Math.floor((net * contract.vat_rate_percent + 50) / 100);
  assert.equal(await workerPage.locator('#amount_cents').inputValue(), typed(net));
  assert.ok((await workerPage.locator('[data-testid=invoice-gross]').textContent()).includes(euro(net + vat)));
  // Ticked again and unticked: days and amount move together both ways.
  await workerPage.locator('#line-0-kept').check();
  assert.equal(await workerPage.locator('#amount_cents').inputValue(), typed(draft.amount_cents));
  await workerPage.locator('#line-0-kept').uncheck();
  assert.equal(await workerPage.locator('#amount_cents').inputValue(), typed(net));
  // Days the register has not confirmed are pointed out when a kept line declares them.
  const keptLines = draft.lines.slice(1);
  const unconfirmedKept = draft.unconfirmed_days.filter((d) => keptLines.some((l) => l.from <= d && d <= l.to));
  assert.equal(await workerPage.locator('[data-testid=invoice-unconfirmed]').count(), unconfirmedKept.length ? 1 : 0);
  await workerPage.setViewportSize({ width: 360, height: 800 });
  await checkBothLanguages(workerPage, 'invoice-form-consistent-360', () => workerPage.locator('[data-testid=invoice-lines]').waitFor());
  await workerPage.setViewportSize({ width: 1280, height: 900 });
  const number = `FT-${Date.now()}`;
  await workerPage.locator('#number').fill(number);
  // Submitting asks first: the month, the days, the amount, and that it goes to the Prefettura.
  await checkConfirmDialog(workerPage, 'invoice-confirm-dialog', () => workerPage.locator('[data-testid=invoice-submit]').click());
  await workerPage.locator('[data-testid=invoice-submit]').click();
  const dialog = workerPage.locator('[data-testid=confirm-dialog]');
  assert.equal((await dialog.locator('[data-testid=confirm-ok]').textContent()).trim(), tr('it', 'invoiceForm.confirm.button', { number }));
  const facts = (await dialog.locator('[data-testid=invoice-confirm-facts] dd').allTextContents()).map((x) => x.trim());
  const monthName = new Intl.DateTimeFormat('it', { month: 'long', year: 'numeric' }).format(new Date(`${month}-15T12:00:00`));
  assert.equal(facts[0].toLowerCase(), monthName.toLowerCase());
  assert.equal(facts[1], String(draft.presence_days - leftDays));
  assert.equal(facts[2], euro(net));
  assert.equal(facts[4], euro(net + vat));
  assert.equal(facts[5], contract.cig);
  assert.ok((await dialog.textContent()).includes(tr('it', 'invoiceForm.confirm.review')));
  // Cancelled: nothing is sent.
  await dialog.locator('[data-testid=confirm-cancel]').click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await apiGet(workerPage, `/centres/${centre.id}/invoices`)).body.items.filter((i) => i.month === month).length, 0);
  await workerPage.locator('[data-testid=invoice-submit]').click();
  await dialog.locator('[data-testid=confirm-ok]').click();

  // Submitted: the reconciliation opens, with the days left out as present but not declared.
  await workerPage.locator('[data-testid=reconciliation-summary]').waitFor();
  assert.match(workerPage.url(), /invoice=\d+/);
  const rows = workerPage.locator('[data-testid=differences] tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), leftDays);
  assert.equal((await rows.first().locator('td').nth(1).textContent()).trim(), tr('it', 'costs.kinds.present_not_declared'));
  const stored = (await apiGet(workerPage, `/centres/${centre.id}/invoices`)).body.items.find((i) => i.month === month);
  assert.equal(stored.number, number);
  assert.equal(stored.presence_days, draft.presence_days - leftDays);
  assert.equal(stored.amount_cents, net, 'days and amount went in together');
  assert.equal(stored.contract_id, contract.contract_id);
  assert.equal(stored.cig, contract.cig);
  assert.equal(await workerPage.locator('[data-testid=invoice-prepare]').count(), 0, 'one invoice per month');

  // A mistake: the invoice is withdrawn with a reason, after the page says what will happen.
  const item = workerPage.locator(`[data-invoice="${stored.id}"]`);
  await item.locator('[data-testid=invoice-withdraw-open]').click();
  const panel = workerPage.locator('[data-testid=invoice-withdraw]');
  await panel.waitFor();
  assert.ok((await panel.textContent()).includes(tr('it', 'costs.withdrawTitle', { number })));
  await panel.locator('[data-testid=invoice-withdraw-submit]').click();
  await panel.locator('[data-testid=form-error]').waitFor();
  assert.equal((await apiGet(workerPage, `/invoices/${stored.id}`)).body.status, 'submitted', 'nothing sent without a reason');
  await workerPage.locator('#withdraw-reason').fill('Numero di fattura sbagliato');
  await workerPage.setViewportSize({ width: 360, height: 800 });
  await checkBothLanguages(workerPage, 'invoice-withdraw-360', () => panel.waitFor());
  await workerPage.setViewportSize({ width: 1280, height: 900 });
  await panel.locator('[data-testid=invoice-withdraw-submit]').click();
  await item.locator('[data-testid=invoice-withdrawn]').waitFor();
  assert.equal(await item.getAttribute('data-status'), 'withdrawn');
  assert.ok((await item.textContent()).includes('Numero di fattura sbagliato'));
  const after = (await apiGet(workerPage, `/invoices/${stored.id}`)).body;
  assert.equal(after.status, 'withdrawn');
  assert.equal(after.withdrawal_reason, 'Numero di fattura sbagliato');
  // Its month can be invoiced again: the new invoice will replace it.
  await workerPage.locator('[data-testid=invoice-prepare]').waitFor();
});

// Last month (N days) at a new centre of the case worker's cooperative, with two contracts
// splitting it: K1 until day 15 at EUR 28.50, VAT-exempt; K2 from day 16 at EUR 30.00 + 5% VAT.
// Two single men present all month. Two invoices, each of one contract and its days:
//   K1's: 2 guests x 15 days = 30 presence-days x 2,850 = 85,500 cents (EUR 855,00), no VAT.
//   K2's: 2 x (N - 15) days x 3,000; for a 30-day month 30 x 3,000 = 90,000 (EUR 900,00), VAT
//   5% = 4,500, gross 94,500 (EUR 945,00).
test('case worker: a month spanning two contracts gives two invoices, one per contract, each with its days and price', async () => {
  const month = monthsAgo(1);
  const [y, m] = month.split('-').map(Number);
  const N = daysInMonth(month);
  const day = (k) => `${month}-${String(k).padStart(2, '0')}`;
  const before = new Date(Date.UTC(y, m - 1, 1) - 10 * 86_400_000).toISOString().slice(0, 10);
  const cig = (p) => `${p}${uniqueSuffix().toUpperCase().replace(/[^A-Z0-9]/g, '')}`.padEnd(10, '0').slice(0, 10);
  const worker = await me(workerPage);
  const centre = await createCentre(page, `CAS Due convenzioni ${uniqueSuffix()}`, worker.user.organization.id, { single_men: 4 });
  const k1 = await apiCreate(page, `/centres/${centre.id}/contracts`, { cig: cig('K'), start_date: before, end_date: day(15), places: 4, price_cents: 2850 });
  const k2 = await apiCreate(page, `/centres/${centre.id}/contracts`, {
    cig: cig('Q'),
    start_date: day(16),
    end_date: `${y + 1}-12-31`,
    places: 4,
    price_cents: 3000,
    vat_rate_percent: 5,
  });
  const guests = [await createPerson(page, 'Bah', 'Alpha'), await createPerson(page, 'Sow', 'Oumar')];
  await apiCreate(page, '/placements', { person_ids: guests.map((g) => g.id), centre_id: centre.id, category: 'single_men', date: before, arrival_from: 'landing' });
  const k2Days = 2 * (N - 15);
  const k2Net = k2Days * 3000;
  const k2Vat = Math.floor((k2Net * 5 + 50) / 100);
  const euro = (cents) => new Intl.NumberFormat('it', { style: 'currency', currency: 'EUR' }).format(cents / 100);
  const typed = (cents) => (cents / 100).toFixed(2).replace('.', ',');
  const days = async () => (await workerPage.locator('[data-testid=invoice-declared-days]').textContent()).trim();

  await workerPage.goto(`/centres/${centre.id}/costs?month=${month}`);
  await workerPage.locator('[data-testid=invoice-prepare]').click();
  await workerPage.locator('[data-testid=invoice-two-contracts]').waitFor();
  // Both contracts still to invoice: the form chooses, K1 first, with its days only.
  assert.deepEqual(await workerPage.locator('#contract_id option').evaluateAll((os) => os.map((o) => o.value)), [String(k1.id), String(k2.id)]);
  await workerPage.locator('[data-testid=invoice-lines]').waitFor();
  assert.equal(await days(), '30');
  assert.equal(await workerPage.locator('#amount_cents').inputValue(), '855,00');
  // Switching to K2 drafts K2's days at K2's price, then back.
  await workerPage.locator('#contract_id').selectOption(String(k2.id));
  await workerPage.waitForFunction((n) => document.querySelector('[data-testid=invoice-declared-days]')?.textContent?.trim() === String(n), k2Days);
  assert.equal(await workerPage.locator('#amount_cents').inputValue(), typed(k2Net));
  for (const from of await workerPage.locator('[data-testid=invoice-lines] input[type=date][id$=-from]').evaluateAll((els) => els.map((e) => e.value)))
    assert.ok(from >= day(16), `${from} is within K2`);
  await workerPage.locator('#contract_id').selectOption(String(k1.id));
  await workerPage.waitForFunction(() => document.querySelector('[data-testid=invoice-declared-days]')?.textContent?.trim() === '30');
  await workerPage.setViewportSize({ width: 360, height: 800 });
  await checkBothLanguages(workerPage, 'invoice-form-two-contracts-360', () => workerPage.locator('[data-testid=invoice-two-contracts]').waitFor());
  await workerPage.setViewportSize({ width: 1280, height: 900 });

  // K1's invoice: the confirm step names the contract.
  await workerPage.locator('#number').fill('FT-K1');
  await workerPage.locator('[data-testid=invoice-submit]').click();
  const dialog = workerPage.locator('[data-testid=confirm-dialog]');
  const facts = (await dialog.locator('[data-testid=invoice-confirm-facts] dd').allTextContents()).map((x) => x.trim());
  assert.equal(facts[1], '30');
  assert.equal(facts[2], euro(85500));
  assert.equal(facts[5], k1.cig);
  assert.ok(facts[6].includes('15'), facts[6]);
  await dialog.locator('[data-testid=confirm-ok]').click();
  await workerPage.locator('[data-testid=reconciliation-summary]').waitFor();

  // K2 is still to invoice: the form offers it alone, named, with its VAT.
  await workerPage.locator('[data-testid=invoice-prepare]').click();
  await workerPage.locator('[data-testid=invoice-contract]').waitFor();
  assert.ok((await workerPage.locator('[data-testid=invoice-contract]').textContent()).includes(k2.cig));
  assert.equal(await workerPage.locator('#contract_id').count(), 0, 'nothing to choose');
  assert.equal(await days(), String(k2Days));
  assert.equal(await workerPage.locator('#amount_cents').inputValue(), typed(k2Net));
  assert.ok((await workerPage.locator('[data-testid=invoice-gross]').textContent()).includes(euro(k2Net + k2Vat)));
  await workerPage.locator('#number').fill('FT-K2');
  await workerPage.locator('[data-testid=invoice-submit]').click();
  await dialog.locator('[data-testid=confirm-ok]').click();
  await workerPage.locator('[data-testid=reconciliation-summary]').waitFor();
  await workerPage.waitForFunction(() => document.querySelectorAll('[data-invoice]').length === 2);
  assert.equal(await workerPage.locator('[data-testid=invoice-prepare]').count(), 0, 'every contract of the month invoiced');
  await checkBothLanguages(workerPage, 'invoices-two-contracts', () => workerPage.locator('[data-testid=invoice-cig]').first().waitFor());

  const stored = (await apiGet(workerPage, `/centres/${centre.id}/invoices`)).body.items.filter((i) => i.month === month);
  assert.deepEqual(
    stored.map((i) => [i.number, i.contract_id, i.cig, i.presence_days, i.amount_cents, i.vat_cents]).sort(),
    [
      ['FT-K1', k1.id, k1.cig, 30, 85500, 0],
      ['FT-K2', k2.id, k2.cig, k2Days, k2Net, k2Vat],
    ],
  );
});
