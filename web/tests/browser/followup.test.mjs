// The follow-up of inspections in the browser (issue 10, points 3, 4 and 7): the cooperative's case
// worker replies to a finding of an issued report in one browser, the inspector verifies and closes
// it in another (each act confirmed first, the note required); the inspector escalates another
// finding and records the sanction that follows, a penalty whose computation shows before it is
// recorded; the centres ranked by risk with their reasons in words; the findings list paged and
// sorted by the server; and the menu's groups, by keyboard, on a phone and in Arabic. Screenshots at 360 px
// and in Arabic; axe clean in Italian and Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiGet,
  assertAccessible,
  at360,
  checkBothLanguages,
  checkConfirmDialog,
  closeChecked,
  downloaded,
  screenshot,
  settled,
  signedIn,
  switchLanguage,
  tr,
} from './helpers.mjs';

let inspector;
let worker;
let officer;
let replied;
let escalated;

before(async () => {
  [inspector, worker, officer] = await Promise.all([signedIn('inspector'), signedIn('case_worker'), signedIn('prefecture_officer')]);
});

after(async () => {
  await closeChecked(inspector);
  await closeChecked(worker);
  await closeChecked(officer);
});

const euro = (cents) => new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(cents / 100);

test('case worker: lists its findings, filters the overdue ones and saves them as CSV', async () => {
  const page = worker.page;
  await page.goto('/findings');
  await page.locator('[data-testid=findings-table] tbody tr').first().waitFor();
  // Only the centres of its cooperative: every row is one of them.
  // (Every page of them: the other test files make centres of this cooperative too.)
  const theirs = new Set();
  for (let n = 1; ; n += 1) {
    const { items } = (await apiGet(page, `/centres?per_page=100&page=${n}`)).body;
    for (const c of items) theirs.add(c.id);
    if (items.length < 100) break;
  }
  const listed = (await apiGet(page, '/findings')).body.items;
  assert.ok(listed.length > 0 && listed.every((f) => theirs.has(f.centre_id)), 'its own centres only');

  await page.locator('label[for=findings-overdue]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('overdue') === 'true');
  await page.locator('[data-testid=findings-table] tbody tr').first().waitFor();
  await settled(page);
  const statuses = await page.locator('[data-testid=findings-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.status));
  assert.ok(statuses.length && statuses.every((s) => s === 'open'), 'overdue findings are open ones');
  assert.equal(await page.locator('[data-testid=findings-table] [data-overdue=true]').count(), statuses.length);
  await checkBothLanguages(page, 'findings-list-operator', () => page.locator('[data-testid=findings-table]').waitFor());
  await at360(page, 'findings-list-operator-360-it', { axe: false });
  // On a phone: a card per finding and a sort choice, accessible in both directions.
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    await page.locator('[data-testid=findings-cards] li').first().waitFor();
    // Sorted by the server: the first card is the gravest of all the overdue ones, not of one page.
    // Other test files add findings beside this one: the gravest known before sorting is the floor.
    const [gravest] = (await apiGet(page, '/findings?overdue=true&sort=-severity&per_page=1')).body.items;
    await page.locator('#findings-sort').selectOption('-severity');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === '-severity');
    await settled(page);
    const first = await page.locator('[data-testid=findings-cards] li').first().locator('[data-severity]').getAttribute('data-severity');
    const rank = ['minor', 'major', 'critical'];
    assert.ok(rank.indexOf(first) >= rank.indexOf(gravest.severity), `the gravest first: ${first}, at least ${gravest.severity}`);
    await assertAccessible(page, 'findings cards (it)');
    await switchLanguage(page, 'ar');
    await assertAccessible(page, 'findings cards (ar)');
    await screenshot(page, 'findings-list-operator-360-ar', { fullPage: false });
    await switchLanguage(page, 'it');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  // The server's CSV: the office's separator and Italian headers, the filters applied.
  const file = await downloaded(page, page.locator('[data-testid=findings-csv]'));
  assert.match(file.name, /^rilievi-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = file.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0].split(';')[0], 'Centro');
  assert.ok(lines[0].includes('Azione correttiva'));
  const total = Number(await page.locator('[data-testid=findings-count]').getAttribute('data-total'));
  assert.ok(total >= statuses.length);
  assert.equal(lines.length - 1, total, 'a line per finding of the filters, every page of them');
  assert.ok(lines.slice(1).every((l) => l.split(';')[7] === 'Sì'), 'every line is overdue');
});

test('inspector: the centres ranked by risk, each reason in words with its points', async () => {
  const page = inspector.page;
  await page.goto('/inspection-risk');
  await page.locator('[data-testid=risk-table] tbody tr').first().waitFor();
  const ranking = (await apiGet(page, '/inspection-risk')).body.items;
  const first = page.locator('[data-testid=risk-table] tbody tr').first();
  assert.equal(await first.getAttribute('data-centre'), String(ranking[0].centre_id), 'the riskiest first');
  assert.equal(await first.locator('[data-score]').getAttribute('data-score'), String(ranking[0].score));
  const factors = await first.locator('[data-factor]').evaluateAll((els) => els.map((e) => e.dataset.factor));
  assert.deepEqual(factors, ranking[0].reasons.map((r) => r.factor), 'the reasons, largest first');
  const text = await first.locator('[data-factor]').first().textContent();
  assert.ok(text.startsWith(tr('it', `risk.factors.${factors[0]}`)), `a label, not a code: ${text}`);
  assert.ok(await page.locator('[data-testid=risk-table] tbody tr').count() <= 50, 'the top of the ranking first');
  await checkBothLanguages(page, 'inspection-risk', () => page.locator('[data-testid=risk-table]').waitFor());
  await at360(page, 'inspection-risk-360-it', { axe: false });
});

test('case worker replies to a finding; the inspector, in another browser, verifies and closes it', async () => {
  const page = worker.page;
  const open = (await apiGet(page, '/findings?status=open')).body.items;
  replied = open[0];
  await page.goto(`/findings/${replied.id}`);
  await page.locator('[data-testid=reply-form]').waitFor();
  await settled(page);
  await checkBothLanguages(page, 'finding-operator', () => page.locator('[data-testid=reply-form]').waitFor());

  // Nothing written: refused on the page, nothing sent.
  await page.locator('[data-testid=reply-submit]').click();
  await page.locator('#finding-reply-error').waitFor();
  assert.equal(await page.locator('[data-testid=confirm-dialog]').count(), 0);

  const reply = 'Disinfestazione eseguita il 2 dicembre; allegata la fattura della ditta.';
  await page.locator('#finding-reply').fill(reply);
  await page.locator('[data-testid=reply-files]').setInputFiles({ name: 'fattura.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
  await checkConfirmDialog(page, 'finding-reply-confirm', () => page.locator('[data-testid=reply-submit]').click());
  await page.locator('[data-testid=reply-submit]').click();
  await page.locator('[data-testid=confirm-dialog]').waitFor();
  assert.ok((await page.locator('[data-testid=confirm-consequences]').textContent()).includes(tr('it', 'findings.replyOnce')));
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=finding-done]').waitFor();
  await page.locator('[data-testid=finding][data-status=replied]').waitFor();
  assert.equal((await page.locator('[data-testid=finding-reply] .preserve-lines').textContent()).trim(), reply);
  assert.equal(await page.locator('[data-testid=finding-documents] a').count(), 1);
  assert.equal(await page.locator('[data-testid=reply-form]').count(), 0, 'one reply only');
  assert.equal(await page.locator('[data-testid=verify-form]').count(), 0, 'the operator does not verify');

  // The inspector, in a browser of its own, sees the reply and its document.
  const ip = inspector.page;
  await ip.goto(`/findings/${replied.id}`);
  await ip.locator('[data-testid=finding][data-status=replied]').waitFor();
  assert.equal((await ip.locator('[data-testid=finding-reply] .preserve-lines').textContent()).trim(), reply);
  await ip.locator('[data-testid=verify-form]').waitFor();
  await checkBothLanguages(ip, 'finding-inspector', () => ip.locator('[data-testid=verify-form]').waitFor());
  await at360(ip, 'finding-inspector-360-it', { axe: false });

  // Closing without a note is refused before anything is sent.
  await ip.locator('[data-testid=verify-close]').click();
  await ip.locator('#finding-note-error').waitFor();
  assert.equal(await ip.locator('[data-testid=confirm-dialog]').count(), 0);
  const note = 'Verificato in sopralluogo il 3 dicembre: nessuna traccia di roditori.';
  await ip.locator('#finding-note').fill(note);
  await checkConfirmDialog(ip, 'finding-close-confirm', () => ip.locator('[data-testid=verify-close]').click());
  await ip.locator('[data-testid=verify-close]').click();
  await ip.locator('[data-testid=confirm-dialog]').waitFor();
  assert.equal((await ip.locator('[data-testid=confirm-ok]').textContent()).trim(), tr('it', 'findings.close.confirm'));
  await ip.locator('[data-testid=confirm-ok]').click();
  await ip.locator('[data-testid=finding][data-status=verified_closed]').waitFor();
  assert.equal((await ip.locator('[data-testid=finding-verification] .preserve-lines').textContent()).trim(), note);
  assert.equal(await ip.locator('[data-testid=verify-form]').count(), 0, 'a closed finding is final');

  // The report links to its findings, and the finding back to its inspection.
  await ip.locator('[data-testid=finding-inspection]').click();
  await ip.locator('[data-testid=inspection-findings]').click();
  await ip.waitForFunction((id) => new URL(location.href).searchParams.get('inspection_id') === String(id), replied.inspection_id);
  await ip.locator('[data-testid=findings-table] tbody tr').first().waitFor();
  await settled(ip);
  const ofInspection = (await apiGet(ip, `/findings?inspection_id=${replied.inspection_id}`)).body.items.map((f) => String(f.id));
  const rows = await ip.locator('[data-testid=findings-table] tbody tr').evaluateAll((trs) => trs.map((r) => r.dataset.finding));
  assert.deepEqual([...rows].sort(), [...ofInspection].sort(), 'the findings of that inspection only');

  // The case worker's page, reloaded, shows the verification.
  await page.reload();
  await page.locator('[data-testid=finding][data-status=verified_closed]').waitFor();
  assert.equal((await page.locator('[data-testid=finding-verification] .preserve-lines').textContent()).trim(), note);
});

test('inspector escalates a finding and records a penalty, its computation shown before', async () => {
  const page = inspector.page;
  const open = (await apiGet(page, '/findings?status=open&per_page=100')).body.items;
  // A finding on a centre with a contract in force, so that a penalty can be applied.
  for (const f of open) {
    const contracts = (await apiGet(page, `/centres/${f.centre_id}/penalties`)).body.items;
    if (contracts.some((c) => c.remaining_cents > 0)) {
      escalated = f;
      break;
    }
  }
  assert.ok(escalated, 'an open finding on a centre with room under the cap');
  await page.goto(`/findings/${escalated.id}`);
  await page.locator('[data-testid=verify-form]').waitFor();
  await page.locator('#finding-note').fill('Nessuna risposta entro la scadenza; al sopralluogo il problema persiste.');
  await page.locator('[data-testid=verify-escalate]').click();
  await page.locator('[data-testid=confirm-dialog]').waitFor();
  assert.equal((await page.locator('[data-testid=confirm-ok]').textContent()).trim(), tr('it', 'findings.escalate.confirm'));
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=finding][data-status=escalated]').waitFor();

  await page.locator('[data-testid=finding-sanction]').click();
  await page.waitForFunction(() => location.pathname === '/sanctions');
  await page.locator('[data-testid=sanction-form]').waitFor();
  await page.locator('[data-testid=penalty-status]').waitFor();
  assert.ok((await page.locator('[data-testid=sanction-finding]').textContent()).includes(String(escalated.id)));

  const contracts = (await apiGet(page, `/centres/${escalated.centre_id}/penalties`)).body.items;
  await page.locator('#sanction-kind').selectOption('penalty');
  const contractId = await page.locator('#sanction-contract').inputValue();
  const contract = contracts.find((c) => String(c.contract_id) === contractId);
  assert.ok(contract, 'a contract is chosen');
  await page.locator('#sanction-days').fill('3');
  await page.locator('#sanction-rate').fill(String(contract.min_rate_per_mille).replace('.', ','));
  await page.locator('[data-testid=penalty-preview]').waitFor();
  // days × rate (millionths) × net, rounded half up to the cent, as the server computes it.
  const millionths = BigInt(Math.round(contract.min_rate_per_mille * 1000));
  const amount = Number((BigInt(contract.net_cents) * 3n * millionths + 500000n) / 1000000n);
  const formula = await page.locator('[data-testid=penalty-formula]').textContent();
  assert.ok(formula.includes(euro(contract.net_cents)) && formula.includes(euro(amount)), `the computation: ${formula}`);
  assert.ok((await page.locator('[data-testid=penalty-cap]').textContent()).includes(euro(contract.remaining_cents - amount)), 'what remains after it');

  // Too many days: the page says the cap would be passed and how many days are left.
  await page.locator('#sanction-days').fill('3650');
  await page.locator('[data-testid=penalty-over-cap]').waitFor();
  // A rate outside the contract's bounds is said too.
  await page.locator('#sanction-rate').fill(String(contract.max_rate_per_mille + 1));
  await page.locator('[data-testid=penalty-bounds]').waitFor();
  // Sent all the same, the server refuses it and the form says why, in words; nothing is stored.
  await page.locator('#sanction-rate').fill(String(contract.min_rate_per_mille).replace('.', ','));
  await page.locator('#sanction-protocol').fill('Prot. 12345/2026');
  await page.locator('[data-testid=sanction-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.getByText(tr('it', 'fieldErrors.penalty_cap')).first().waitFor();
  const penalties = (await apiGet(page, `/sanctions?centre_id=${escalated.centre_id}&kind=penalty`)).body.items;
  assert.ok(!penalties.some((s) => s.protocol === 'Prot. 12345/2026'), 'nothing stored');
  await page.locator('#sanction-days').fill('3');
  await page.locator('[data-testid=penalty-over-cap]').waitFor({ state: 'detached' });
  await settled(page);
  await checkBothLanguages(page, 'sanction-penalty', () => page.locator('[data-testid=penalty-preview]').waitFor());
  await at360(page, 'sanction-penalty-360-it', { axe: false });
  await checkConfirmDialog(page, 'sanction-penalty-confirm', () => page.locator('[data-testid=sanction-submit]').click());

  await page.locator('[data-testid=sanction-submit]').click();
  await page.locator('[data-testid=confirm-dialog]').waitFor();
  const facts = await page.locator('[data-testid=sanction-facts]').textContent();
  assert.ok(facts.includes(euro(amount)) && facts.includes('Prot. 12345/2026'), `the facts: ${facts}`);
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=sanction-recorded]').waitFor();
  const row = page.locator('[data-testid=sanctions-table] tbody tr[data-kind=penalty]', { hasText: 'Prot. 12345/2026' });
  await row.waitFor();
  assert.ok((await row.textContent()).includes(euro(amount)));
  const stored = (await apiGet(page, `/sanctions?centre_id=${escalated.centre_id}&kind=penalty`)).body.items.find((s) => s.protocol === 'Prot. 12345/2026');
  assert.equal(stored.amount_cents, amount);
  assert.equal(stored.finding_id, escalated.id);
  const after = (await apiGet(page, `/centres/${escalated.centre_id}/penalties`)).body.items.find((c) => c.contract_id === contract.contract_id);
  assert.equal(after.remaining_cents, contract.remaining_cents - amount);
});

test('the officer\'s menu: groups on one line at 1280 px, by keyboard, on a phone and in Arabic', async () => {
  const page = officer.page;
  await page.goto('/home');
  await page.locator('[data-testid=home]').waitFor();
  const tops = () => page.locator('[data-testid=main-nav] > li').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  // In every language (Ukrainian has the longest labels).
  for (const lang of ['it', 'en', 'fr', 'uk', 'bn', 'ar']) {
    if (lang !== 'it') await switchLanguage(page, lang);
    assert.equal(new Set(await tops()).size, 1, `one line at 1280 px in ${lang}`);
  }
  await switchLanguage(page, 'it');

  // By keyboard: Enter opens a group, the arrows move in it, Escape closes it and returns.
  const toggle = page.locator('[data-nav-group=monitoring]');
  const list = page.locator('#nav-group-monitoring');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await list.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-nav'));
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '/inspections');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '/findings');
  await page.keyboard.press('End');
  assert.equal(await focused(), '/sanctions');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '/inspections', 'wraps to the first');
  await assertAccessible(page, 'menu group open (it)');
  await screenshot(page, 'menu-group-it', { fullPage: false });
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-nav-group')), 'monitoring');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  // Down arrow on the button opens it on its first link; Enter follows the link.
  await page.keyboard.press('ArrowDown');
  await list.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-nav') === '/inspections');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '/findings');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname === '/findings');
  await list.waitFor({ state: 'hidden' });
  assert.ok((await toggle.getAttribute('class')).includes('active'), 'the group of the current page is marked');
  assert.equal(await page.locator('[data-nav="/findings"]').getAttribute('aria-current'), 'page');
  // Leaving a group with Tab closes it.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await list.waitFor();
  await page.locator('[data-nav-group=administration]').focus();
  await list.waitFor({ state: 'hidden' });

  // Arabic: the dropdown opens under its button, from the right.
  await switchLanguage(page, 'ar');
  await toggle.click();
  await list.waitFor();
  const [button, menu] = await Promise.all([toggle.boundingBox(), list.boundingBox()]);
  assert.ok(Math.abs(button.x + button.width - (menu.x + menu.width)) < 2, 'aligned to the button\'s right edge in RTL');
  await assertAccessible(page, 'menu group open (ar)');
  await screenshot(page, 'menu-group-ar', { fullPage: false });
  await page.keyboard.press('Escape');

  // A phone: the groups open inside the navigation panel.
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    for (const lang of ['ar', 'it']) {
      if (lang === 'it') await switchLanguage(page, 'it');
      await page.locator('.custom-navbar-toggler').click();
      await page.waitForFunction(() => document.activeElement?.classList.contains('close-menu'));
      await toggle.click();
      await list.waitFor();
      assert.ok(await page.locator('[data-nav="/sanctions"]').isVisible());
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'fits 360 px');
      await assertAccessible(page, `menu panel (${lang})`);
      await screenshot(page, `menu-360-${lang}`, { fullPage: false });
      // Escape closes the group first, then the panel.
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'hidden' });
      assert.equal(await page.locator('.custom-navbar-toggler').getAttribute('aria-expanded'), 'true');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('.custom-navbar-toggler')?.getAttribute('aria-expanded') === 'false');
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});
