// Integration agreements in the browser (issue 13 point 4, decision 0042): the SUI officer lists
// the agreements and those whose verification is open, reads one agreement's balance explained
// line by line, records a certificate and sees the balance move, voids it with a correction and
// its reason, is asked before the verification, and is told next to the field why a second
// running agreement for one person is refused. Axe clean, at 360 px, in Italian and Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiGet, assertAccessible, at360, checkBothLanguages, checkConfirmDialog, closeChecked, settled, signedIn, tr } from './helpers.mjs';

let officer;
let running;

before(async () => {
  officer = await signedIn('sui_officer');
  const due = (await apiGet(officer.page, '/integration-agreements?verification_due=true&per_page=100')).body.items;
  // An agreement in its verification window, not fulfilled yet: the verification would extend it.
  running = due.find((a) => a.recorded_outcome === null && a.outcome === 'extension');
  assert.ok(running, 'the demo data has an agreement heading for an extension');
});

after(async () => {
  await closeChecked(officer);
});

const credits = async (page) => Number((await page.locator('[data-testid=agreement-credits]').innerText()).replace(/\D/g, ''));

test('the list shows every agreement with its outcome; the filter keeps those whose verification is open', async () => {
  const { page } = officer;
  await page.goto('/integration-agreements');
  await page.locator('[data-testid=agreement-table]').waitFor();
  await checkBothLanguages(page, 'agreements', () => page.locator('[data-testid=agreement-table]').waitFor());
  await page.locator('#agreement-verification-due').selectOption('true');
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('verification_due') === 'true');
  const due = (await apiGet(page, '/integration-agreements?verification_due=true&per_page=100')).body;
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=agreement-table] tbody tr').length === n, Math.min(due.total, 20));
  assert.ok(await page.locator(`tr[data-agreement="${running.id}"]`).count(), 'the agreement in its window is listed');
  await at360(page, 'agreements-due-360-it');
});

test('an agreement explains its balance line by line, down to why it would be extended', async () => {
  const { page } = officer;
  await page.goto(`/integration-agreements/${running.id}`);
  await page.locator('[data-testid=agreement-explanation]').waitFor();
  assert.equal(await credits(page), running.credits);
  const codes = await page.locator('[data-testid=agreement-explanation] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line')));
  assert.deepEqual(codes, running.explanation.map((l) => l.code));
  assert.equal(codes.at(-1), 'outcome_extension');
  assert.equal((await page.locator('[data-testid=agreement-explanation] tbody tr').last().locator('td').first().innerText()).trim(), tr('it', 'agreements.lines.outcome_extension'));
  await checkBothLanguages(page, 'agreement', () => page.locator('[data-testid=agreement-explanation]').waitFor());
  await at360(page, 'agreement-360-it');
});

test('a course recorded moves the balance; a correction with its reason voids it and the balance comes back', async () => {
  const { page } = officer;
  await page.goto(`/integration-agreements/${running.id}`);
  await page.locator('[data-testid=agreement-balance]').waitFor();
  const before = await credits(page);
  await page.locator('[data-testid=agreement-action-entry]').click();
  await page.locator('#kind').selectOption('course');
  await page.locator('#level').selectOption('hours80');
  await page.locator('#note').fill('Attestato CPIA Palermo 1, n. 2231');
  await page.locator('[data-testid=agreement-entry-save]').click();
  await page.locator('#agreement-done .alert').waitFor();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=agreement-credits]').textContent.replace(/\D/g, '')) === n, before + 4);
  const course = (await apiGet(page, `/integration-agreements/${running.id}`)).body.entries.at(-1);
  assert.equal(course.kind, 'course');

  // The correction needs its reason: refused next to the field before anything is sent.
  await page.locator('[data-testid=agreement-action-entry]').click();
  await page.locator('#kind').selectOption('correction');
  await page.locator('#corrects').selectOption(String(course.id));
  await page.locator('[data-testid=agreement-entry-save]').click();
  await page.locator('#note-error').waitFor();
  await assertAccessible(page, 'agreement correction refused');
  await page.locator('#note').fill('Attestato registrato sull\'accordo sbagliato');
  await page.locator('[data-testid=agreement-entry-save]').click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=agreement-credits]').textContent.replace(/\D/g, '')) === n, before);
  assert.equal(await page.locator(`[data-entry="${course.id}"] .badge`).innerText(), tr('it', 'agreements.voided'));
  assert.equal(await page.locator('[data-testid=agreement-explanation] tr[data-line=voided]').count(), 1);
});

test('the verification says what it will record and asks first', async () => {
  const { page } = officer;
  await page.goto(`/integration-agreements/${running.id}`);
  await page.locator('[data-testid=agreement-action-verify]').click();
  await page.locator('[data-testid=agreement-verify-form]').waitFor();
  await checkConfirmDialog(page, 'agreement-verify-confirm', async () => {
    if (!(await page.locator('[data-testid=agreement-verify-form]').count())) await page.locator('[data-testid=agreement-action-verify]').click();
    await page.locator('[data-testid=agreement-verify-save]').click();
  });
  if (!(await page.locator('[data-testid=agreement-verify-form]').count())) await page.locator('[data-testid=agreement-action-verify]').click();
  const expiry = running.expires_on;
  await page.locator('[data-testid=agreement-verify-save]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('#agreement-done .alert').waitFor();
  const after = (await apiGet(page, `/integration-agreements/${running.id}`)).body;
  assert.equal(after.entries.at(-1).kind, 'extension', 'extended by a year');
  assert.equal(after.expires_on.slice(0, 4), String(Number(expiry.slice(0, 4)) + 1));
  await settled(page);
});

test('a second running agreement for the same person is refused next to the person', async () => {
  const { page } = officer;
  await page.goto(`/integration-agreements?new=1&person_id=${running.person_id}`);
  await page.locator('[data-testid=agreement-form]').waitFor();
  await page.locator('[data-testid=agreement-save]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('#person_id-error').waitFor();
  assert.equal((await page.locator('#person_id-error').innerText()).trim(), tr('it', 'fieldErrors.agreement_running'));
  await assertAccessible(page, 'agreement refused');
  await at360(page, 'agreement-new-refused-360-it');
});

test('a Ukrainian family that left a centre mid-period: the days in reception are not paid, month by month', async () => {
  const { page } = officer;
  const catalogue = (await apiGet(page, '/procedures')).body.items;
  const tp = catalogue.find((p) => p.code === 'temporary_protection_ukraine');
  const files = (await apiGet(page, `/procedure-files?procedure_id=${tp.id}&per_page=100`)).body.items;
  let chosen;
  for (const f of files) {
    const c = (await apiGet(page, `/persons/${f.person.id}/temporary-protection-contribution`)).body;
    if (c.lines.some((l) => l.reception_days > 0) && c.total_cents > 0) {
      chosen = { file: f, contribution: c };
      break;
    }
  }
  assert.ok(chosen, 'the demo data has a family paid for part of the period only');
  await page.goto(`/procedure-files/${chosen.file.id}`);
  await page.locator('[data-testid=contribution-lines]').waitFor();
  assert.equal(await page.locator('[data-testid=contribution-lines] tbody tr').count(), chosen.contribution.lines.length);
  const total = (await page.locator('[data-testid=contribution-total]').innerText()).replace(/\s/g, '');
  assert.equal(total, new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(chosen.contribution.total_cents / 100).replace(/\s/g, ''));
  await checkBothLanguages(page, 'contribution', () => page.locator('[data-testid=contribution-lines]').waitFor());
  await at360(page, 'contribution-360-it');
});
