// The monthly costs of a centre: the Prefettura opens a demo centre with guests, its costs for
// last month (totals, the day by day table), downloads the CSV, and opens an invoice's
// reconciliation when the month has one; axe clean in Italian and Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiGet, checkBothLanguages, demoEmail, launch, login, tr } from './helpers.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await browser.newPage();
  await login(page, demoEmail('prefecture_officer'));
});

after(async () => {
  if (page) assert.deepEqual(page.jsErrors, [], 'JavaScript or CSP errors in the page');
  await browser?.close();
});

function lastMonth() {
  const d = new Date();
  const m = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}`;
}

/** A demo centre with presence-days last month. */
async function pickCentre(month) {
  const centres = await apiGet(page, '/centres?per_page=100');
  assert.equal(centres.status, 200);
  for (const c of centres.body.items) {
    const costs = await apiGet(page, `/centres/${c.id}/costs/${month}`);
    if (costs.status === 200 && costs.body.totals.presence_days > 0) return { centre: c, costs: costs.body };
  }
  assert.fail('no demo centre has presence-days last month');
}

test('prefecture officer: costs of last month, day table, CSV download, reconciliation', async () => {
  const month = lastMonth();
  const { centre, costs } = await pickCentre(month);

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

  // The CSV link answers with the month as CSV.
  const href = await page.locator(`[data-testid="costs-${month}-csv"]`).getAttribute('href');
  assert.equal(href, `/api/v1/centres/${centre.id}/costs/${month}?format=csv`);
  assert.ok(await page.locator(`[data-testid="costs-${month}-csv"]`).getAttribute('download'));
  const csv = await page.evaluate(async (href) => {
    const r = await fetch(href, { credentials: 'same-origin' });
    return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
  }, href);
  assert.equal(csv.status, 200);
  assert.match(csv.type, /^text\/csv/);
  assert.ok(csv.text.length > 0);

  await checkBothLanguages(page, 'costs-month', () => page.locator('[data-testid=costs-days]').waitFor());

  // The month's invoices: the first one's reconciliation, on the same page.
  await page.locator('[data-testid=invoices] [data-testid=no-invoices], [data-testid=invoices] [data-invoice]').first().waitFor();
  if (await page.locator('[data-testid=reconciliation-open]').count()) {
    await page.locator('[data-testid=reconciliation-open]').first().click();
    await page.locator('[data-testid=reconciliation-summary]').waitFor();
    await page.locator('[data-testid=differences], [data-testid=no-differences]').first().waitFor();
    assert.ok(await page.locator('[data-testid=difference-amount]').isVisible());
    await checkBothLanguages(page, 'costs-reconciliation', () => page.locator('[data-testid=reconciliation-summary]').waitFor());
  } else {
    assert.equal((await page.locator('[data-testid=no-invoices]').textContent()).trim(), tr('it', 'costs.noInvoices'));
  }
});
