// The law settings page in the browser (issue 13, decision 0042): the admin reaches it from the
// menu, corrects an Annex C loss band (the form's check at its field, then the confirmation that
// says balances are recomputed from today and recorded outcomes stay), adds a temporary protection
// setting from a day to come (the server's refusal of a day too early at its field, in words) and
// withdraws it again; the SUI officer reads the same page with nothing to change and no menu entry.
// Axe clean, at 360 px, in Italian and Arabic, with screenshots. Each test puts back what it changed:
// the other browser tests share the server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addDays, daysAgo } from '../../../tests/support/days.mjs';
import { apiCall, apiGet, at360, checkBothLanguages, checkConfirmDialog, closeChecked, navPaths, openFromNav, settled, signedIn, tr } from './helpers.mjs';

let admin;
let sui;

before(async () => {
  [admin, sui] = await Promise.all(['admin', 'sui_officer'].map(signedIn));
});

after(async () => {
  for (const s of [admin, sui]) await closeChecked(s);
});

const field = (page, id) => page.locator(`[id="${id}"]`);
const itDay = (day) => new Intl.DateTimeFormat('it', { dateStyle: 'medium' }).format(new Date(`${day}T12:00:00`));
const itEuro = (cents) => new Intl.NumberFormat('it', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const credits = (n) => tr('it', 'agreements.creditCount', { count: n, n });
const settingsOf = async (page) => (await apiGet(page, '/temporary-protection/settings')).body.items;

// A band the demo's agreements do not name, so that no other test's balance moves with it.
const BAND = 'custodial_under_3m';

test('the admin corrects a loss band after a confirmation that says what follows', async () => {
  const { page } = admin;
  const band = (await apiGet(page, '/integration-agreements/loss-bands')).body.items.find((b) => b.code === BAND);
  assert.ok(band, `the demo has the band ${BAND}`);
  await page.goto('/home');
  await openFromNav(page, '/procedures/law');
  await settled(page);
  const row = page.locator(`[data-testid=loss-bands-table] tr[data-band=${BAND}]`);
  assert.equal((await row.locator('[data-testid=loss-band-credits]').innerText()).trim(), credits(band.credits));
  assert.equal((await page.locator('[data-testid=setting-in-force]').count()), 1, 'the setting in force today is shown');
  await checkBothLanguages(page, 'law-settings');
  await at360(page, 'law-settings-360-it');
  try {
    await row.locator('[data-testid=loss-band-correct]').click();
    await page.locator('[data-testid=loss-band-form]').waitFor();
    // Above Annex C's largest band: the form's own check, at the field; nothing asked, nothing sent.
    await field(page, 'credits').fill('26');
    await page.locator('[data-testid=loss-band-save]').click();
    await field(page, 'credits-error').getByText(tr('it', 'fieldErrors.above_maximum', { max: 25 })).waitFor();
    assert.equal(await field(page, 'reason-error').innerText(), tr('it', 'fieldErrors.required'));
    const after = band.credits - 1;
    await field(page, 'credits').fill(String(after));
    await field(page, 'reason').fill('Allegato C riletto sulla Gazzetta (prova)');
    await checkConfirmDialog(page, 'law-band-confirm', () => page.locator('[data-testid=loss-band-save]').click());
    await page.locator('[data-testid=loss-band-save]').click();
    const said = await page.locator('[data-testid=confirm-consequences]').innerText();
    assert.ok(said.includes(tr('it', 'procedures.law.bands.confirm.recomputed', { day: itDay(daysAgo(0)), credits: credits(after) })), said);
    assert.ok(said.includes(tr('it', 'procedures.law.bands.confirm.outcomesStay')), said);
    await page.locator('[data-testid=confirm-ok]').click();
    await page.locator('#loss-bands-done').getByText(tr('it', 'procedures.law.bands.done', { credits: credits(after) })).waitFor();
    await row.locator('[data-testid=loss-band-credits]').getByText(credits(after)).waitFor();
    assert.equal((await apiGet(page, '/integration-agreements/loss-bands')).body.items.find((b) => b.code === BAND).credits, after);
  } finally {
    const back = await apiCall(page, 'PUT', `/integration-agreements/loss-bands/${BAND}`, { description: band.description, credits: band.credits, reason: 'test: back as it was' });
    assert.equal(back.status, 200);
  }
});

test('the admin adds a setting from a day to come, refused first for a day too early, then withdraws it', async () => {
  const { page } = admin;
  const settings = await settingsOf(page);
  const latest = settings.at(-1);
  const from = addDays(latest.applies_from > daysAgo(0) ? latest.applies_from : daysAgo(0), 30);
  const cleanUp = async () => {
    if ((await settingsOf(page)).some((s) => s.applies_from === from)) await apiCall(page, 'POST', `/temporary-protection/settings/${from}/withdrawal`, { reason: 'test: back as it was' });
  };
  try {
    await page.goto('/procedures/law');
    await settled(page);
    await page.locator('[data-testid=setting-add]').click();
    await page.locator('[data-testid=setting-form]').waitFor();
    // The latest setting's figures are offered, in euro the Italian way.
    assert.equal(await field(page, 'adult_cents_per_month').inputValue(), (latest.adult_cents_per_month / 100).toFixed(2).replace('.', ','));
    // The latest setting's own day: the server refuses it, naming the first day it takes, in words.
    await field(page, 'applies_from').fill(latest.applies_from);
    await field(page, 'adult_cents_per_month').fill('320,50');
    await field(page, 'protection_ends').fill(addDays(from, 365));
    await field(page, 'legal_reference').fill('OCDPC di prova');
    await page.locator('[data-testid=setting-save]').click();
    await page.locator('[data-testid=confirm-dialog]').waitFor();
    await page.locator('[data-testid=confirm-ok]').click();
    await field(page, 'applies_from-error').getByText(tr('it', 'fieldErrors.date_from', { from: itDay(addDays(latest.applies_from, 1)) })).waitFor();
    assert.equal(await field(page, 'applies_from').getAttribute('aria-invalid'), 'true');
    assert.equal((await settingsOf(page)).length, settings.length, 'nothing stored');
    await at360(page, 'law-setting-refused-360-it');

    await field(page, 'applies_from').fill(from);
    await checkConfirmDialog(page, 'law-setting-confirm', () => page.locator('[data-testid=setting-save]').click());
    await page.locator('[data-testid=setting-save]').click();
    const said = await page.locator('[data-testid=confirm-consequences]').innerText();
    assert.ok(said.includes(tr('it', 'procedures.law.contribution.confirmAdd.withdrawable', { last: itDay(addDays(from, -1)), day: itDay(from) })), said);
    assert.ok(said.includes(itEuro(32050)), said);
    await page.locator('[data-testid=confirm-ok]').click();
    await page.locator('#contribution-settings-done').getByText(tr('it', 'procedures.law.contribution.added', { day: itDay(from) })).waitFor();
    const scheduled = page.locator(`[data-testid=settings-scheduled] li[data-setting="${from}"]`);
    await scheduled.waitFor();
    assert.ok((await scheduled.innerText()).includes(tr('it', 'procedures.law.contribution.perMonth', { amount: itEuro(32050) })));
    const made = (await settingsOf(page)).at(-1);
    assert.deepEqual(made, { ...made, applies_from: from, adult_cents_per_month: 32050, in_force: false });
    await checkBothLanguages(page, 'law-settings-scheduled', () => scheduled.waitFor());
    await at360(page, 'law-settings-scheduled-360-it');

    // Withdrawn, with a reason, after a confirmation naming the setting applications go back to.
    await scheduled.locator('[data-testid=setting-withdraw]').click();
    await page.locator('[data-testid=setting-withdraw-form]').waitFor();
    await page.locator('[data-testid=setting-withdraw-save]').click();
    await field(page, 'reason-error').getByText(tr('it', 'fieldErrors.required')).waitFor();
    await field(page, 'reason').fill('importi errati (prova)');
    await page.locator('[data-testid=setting-withdraw-save]').click();
    const consequences = await page.locator('[data-testid=confirm-consequences]').innerText();
    assert.ok(consequences.includes(tr('it', 'procedures.law.contribution.confirmWithdraw.previous', { day: itDay(from), previous: itDay(latest.applies_from) })), consequences);
    await page.locator('[data-testid=confirm-ok]').click();
    await page.locator('#contribution-settings-done').getByText(tr('it', 'procedures.law.contribution.withdrawn', { day: itDay(from) })).waitFor();
    await scheduled.waitFor({ state: 'detached' });
    assert.equal((await settingsOf(page)).length, settings.length);
  } finally {
    await cleanUp();
  }
});

test('the SUI officer reads the law settings with nothing to change, and no menu entry leads there', async () => {
  const { page } = sui;
  assert.ok(!(await navPaths(page)).includes('/procedures/law'), 'the menu offers the page to those who keep it');
  await page.goto('/procedures/law');
  await page.locator('[data-testid=loss-bands-table]').waitFor();
  await page.locator('[data-testid=setting-in-force]').waitFor();
  for (const button of ['loss-band-correct', 'setting-add', 'setting-withdraw']) assert.equal(await page.locator(`[data-testid=${button}]`).count(), 0, button);
  const inForce = (await settingsOf(page)).filter((s) => s.in_force).at(-1);
  assert.ok((await page.locator('[data-testid=setting-in-force]').innerText()).includes(itEuro(inForce.adult_cents_per_month)));
  await at360(page, 'law-settings-read-360-it');
});
