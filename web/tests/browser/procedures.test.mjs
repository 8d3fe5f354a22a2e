// Procedures in the browser (issue 13, decision 0040): the SUI officer reads the deadline view,
// filters the overdue files, opens one by its protocol number, reads its clock, advances it one
// step after the confirmation and sees a refused decision's reason next to the outcome; a case
// worker sees only the files of the people whose cases they keep; the catalogue shows the dated
// term rules; a new file refuses a protocol number already used. Axe clean, at 360 px in Italian and
// Arabic, with screenshots.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiGet, assertAccessible, at360, checkConfirmDialog, closeChecked, settled, signedIn, switchLanguage, tr, uniqueSuffix, withSignedIn } from './helpers.mjs';

let officer;
let worker;
let catalogue;
let chosen;

before(async () => {
  officer = await signedIn('sui_officer');
  worker = await signedIn('case_worker');
  catalogue = (await apiGet(officer.page, '/procedures')).body.items;
  // An overdue file that, once advanced one step, is still before its last step: a decision on it
  // is refused (not_last_step) whatever its documents.
  const overdue = (await apiGet(officer.page, '/procedure-files?overdue=true&per_page=100')).body.items;
  chosen = overdue.find((f) => {
    const steps = catalogue.find((p) => p.id === f.procedure.id).steps.map((s) => s.code);
    return f.next_step && steps.indexOf(f.next_step) < steps.length - 1;
  });
  assert.ok(chosen, 'the demo data has an overdue file two steps or more from its decision');
});

after(async () => {
  await closeChecked(officer);
  await closeChecked(worker);
});

const stepNameOf = (file, code) => catalogue.find((p) => p.id === file.procedure.id).steps.find((s) => s.code === code).name;
const rowStates = (page) => page.locator('[data-testid=procedure-file-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-clock-state')));

test('the deadline view counts the overdue and due-soon files of each procedure', async () => {
  const { page } = officer;
  await page.goto('/procedure-files');
  await page.locator('[data-testid=procedure-deadlines] table').waitFor();
  await settled(page);
  const p = chosen.procedure;
  const api = (await apiGet(page, `/procedure-files?procedure_id=${p.id}&state=overdue&per_page=1`)).body.total;
  const row = page.locator(`[data-testid=procedure-deadlines] tr[data-procedure="${catalogue.find((c) => c.id === p.id).code}"]`);
  assert.equal((await row.locator('[data-count=overdue]').innerText()).split('\n')[0].trim(), String(api));
  // Every count is the server's (one request, GET /procedure-files/counts), the same as the list's.
  const counts = (await apiGet(page, '/procedure-files/counts')).body;
  const mine = counts.items.find((c) => c.procedure.id === p.id);
  for (const state of ['open', 'due_soon', 'suspended']) {
    assert.equal((await row.locator(`[data-count=${state}]`).innerText()).split('\n')[0].trim().replace(/\D/g, ''), String(mine[state]), state);
  }
  const summary = await page.locator('[data-testid=procedure-deadlines-summary]').innerText();
  assert.ok(summary.includes(tr('it', 'procedures.deadlines.overdueCount', { count: counts.overdue, n: counts.overdue.toLocaleString('it') })), summary);
  assert.ok(summary.includes(tr('it', 'procedures.deadlines.dueSoonCount', { count: counts.due_soon, n: counts.due_soon.toLocaleString('it') })), summary);
  // The list sorts by a column (the server's order) and offers the files of the filters.
  await page.locator('[data-testid=procedure-file-table] th button[data-sort=filed_on]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'filed_on');
  await settled(page);
  const firstPage = (await apiGet(page, '/procedure-files?sort=filed_on&per_page=5')).body.items.map((f) => f.id);
  const shown = await page.locator('[data-testid=procedure-file-table] tbody tr').evaluateAll((rows) => rows.slice(0, 5).map((r) => Number(r.getAttribute('data-file'))));
  assert.deepEqual(shown, firstPage);
  assert.match(await page.locator('[data-testid=procedure-files-xlsx]').getAttribute('href'), /format=xlsx.*sort=filed_on|sort=filed_on.*format=xlsx/);
  await assertAccessible(page, 'procedure files');
});

test('the SUI officer filters the overdue files and opens one by its protocol number', async () => {
  const { page } = officer;
  await page.goto('/procedure-files');
  await page.locator('[data-testid=procedure-file-table]').waitFor();
  await page.locator('#procedure-file-overdue').selectOption('true');
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('overdue') === 'true');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=procedure-file-table] tbody tr')].every((r) => r.getAttribute('data-clock-state') === 'overdue'));
  const states = await rowStates(page);
  assert.ok(states.length > 0 && states.every((s) => s === 'overdue'), `only overdue files: ${states}`);
  // Every badge says its state in words, not by colour alone.
  assert.equal(await page.locator('[data-testid=procedure-file-table] tbody tr').first().locator('.badge').innerText(), tr('it', 'procedures.states.overdue'));
  await at360(page, 'procedure-files-overdue-360-it');
  await page.locator('#procedure-file-protocol').fill(chosen.protocol_number);
  await page.locator('form[role=search] button[type=submit]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=procedure-file-table] tbody tr').length === 1);
  await page.locator(`[data-procedure-file="${chosen.id}"]`).click();
  await page.locator('[data-testid=procedure-clock]').waitFor();
  assert.equal((await page.locator('[data-testid=procedure-days]').innerText()).trim(), tr('it', 'procedures.overdueBy', { count: -chosen.clock.days_left, n: -chosen.clock.days_left }));
  assert.equal((await page.locator('[data-testid=procedure-current-step]').innerText()).trim(), chosen.current_step.name);
  // The documents against the procedure's list: each missing required one is marked.
  const missing = chosen.documents.filter((d) => d.required && !d.received_on).length;
  assert.equal(await page.locator('[data-testid=procedure-documents] .badge.bg-danger').count(), missing);
  await at360(page, 'procedure-file-360-it');
});

test('advancing a step asks first, saying from which step to which; the decision is refused before the last step', async () => {
  const { page } = officer;
  await page.goto(`/procedure-files/${chosen.id}`);
  await page.locator('[data-testid=procedure-clock]').waitFor();
  const next = stepNameOf(chosen, chosen.next_step);
  await page.locator('[data-testid=procedure-action-advance]').click();
  await page.locator('[data-testid=procedure-advance-form]').waitFor();
  await checkConfirmDialog(page, 'procedure-advance', () => page.locator('[data-testid=procedure-advance-save]').click());
  // Cancelled: nothing was recorded.
  assert.equal((await apiGet(page, `/procedure-files/${chosen.id}`)).body.current_step.code, chosen.current_step.code);
  await page.locator('[data-testid=procedure-advance-save]').click();
  const dialog = page.locator('[data-testid=confirm-dialog]');
  await dialog.waitFor();
  const said = await dialog.innerText();
  assert.ok(said.includes(chosen.current_step.name) && said.includes(next), `the dialog names both steps: ${said}`);
  await page.locator('[data-testid=confirm-ok]').click();
  await page.getByText(tr('it', 'procedures.done.advanced', { step: next })).waitFor();
  assert.equal((await page.locator('[data-testid=procedure-current-step]').innerText()).trim(), next);
  const saved = (await apiGet(page, `/procedure-files/${chosen.id}`)).body;
  assert.equal(saved.current_step.code, chosen.next_step);

  // A decision before the last step: asked first, then refused, the reason beside the outcome.
  await page.locator('[data-testid=procedure-action-decide]').click();
  await page.locator('#outcome').selectOption('granted');
  await page.locator('[data-testid=procedure-decide-save]').click();
  await dialog.waitFor();
  await page.locator('[data-testid=confirm-ok]').click();
  const last = catalogue.find((p) => p.id === chosen.procedure.id).steps.at(-1);
  const reason = tr('it', 'fieldErrors.not_last_step', { step: last.name });
  await page.locator('#outcome-error').getByText(reason).waitFor();
  await page.locator('[data-testid=form-error]').waitFor();
  assert.equal((await apiGet(page, `/procedure-files/${chosen.id}`)).body.status, 'open');
  await assertAccessible(page, 'refused decision');
  await at360(page, 'procedure-decision-refused-360-it');

  // In Arabic: the same page, its clock and the refused reason's form, right to left.
  await switchLanguage(page, 'ar');
  await page.locator('#outcome-error').getByText(tr('ar', 'fieldErrors.not_last_step', { step: last.name })).waitFor();
  await at360(page, 'procedure-decision-refused-360-ar');
  // The file's names follow the page's language (decision 0043): the current step in Arabic.
  const inArabic = (await apiGet(page, `/procedure-files/${chosen.id}?lang=ar`)).body.current_step;
  assert.equal(inArabic.label_lang, 'ar');
  await page.locator('[data-testid=procedure-current-step] bdi[lang=ar]').getByText(inArabic.label, { exact: true }).waitFor();
  await page.goto('/procedure-files?overdue=true');
  await page.locator('[data-testid=procedure-file-table]').waitFor();
  await page.locator('[data-testid=procedure-deadlines] table').waitFor();
  await at360(page, 'procedure-files-overdue-360-ar');
  await switchLanguage(page, 'it');
});

test('a case worker sees only the files of the people whose cases they keep', async () => {
  const { page } = worker;
  const theirs = (await apiGet(page, '/procedure-files?per_page=100')).body;
  const all = (await apiGet(officer.page, '/procedure-files?per_page=1')).body.total;
  assert.ok(theirs.total > 0 && theirs.total < all, `some files, not all: ${theirs.total} of ${all}`);
  await page.goto('/procedure-files');
  await page.locator('[data-testid=procedure-file-table]').waitFor();
  await settled(page);
  const shown = await page.locator('[data-testid=procedure-file-table] tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-file'))));
  const ids = new Set(theirs.items.map((f) => f.id));
  assert.ok(shown.length > 0 && shown.every((id) => ids.has(id)), 'only their files are listed');
  // No new file and no acts: the case worker reads.
  assert.equal(await page.locator('[data-testid=procedure-file-new]').count(), 0);
  await page.locator(`[data-procedure-file="${shown[0]}"]`).click();
  await page.locator('[data-testid=procedure-clock]').waitFor();
  assert.equal(await page.locator('[data-testid^=procedure-action-]').count(), 0);
  await assertAccessible(page, 'procedure file (case worker)');
  // Another person's file answers as a missing one.
  const other = (await apiGet(officer.page, '/procedure-files?per_page=100')).body.items.find((f) => !ids.has(f.id));
  await page.goto(`/procedure-files/${other.id}`);
  await page.locator('main .alert-danger').waitFor();
  assert.equal(await page.locator('[data-testid=procedure-clock]').count(), 0);
});

test('the catalogue shows each procedure with its dated term rules', async () => {
  const { page } = worker;
  await page.goto('/procedures');
  const reunification = page.locator('section[data-procedure=family_reunification]');
  await reunification.waitFor();
  // Two rules for the decision: 90 days, and 150 for applications from 11 December 2024.
  const terms = await reunification.locator('tr[data-term=decision]').allInnerTexts();
  assert.equal(terms.length, 2);
  assert.ok(terms.some((r) => /11 dic 2024/.test(r) && r.includes(tr('it', 'procedures.term.calendar', { count: 150, n: 150 }))), terms.join(' | '));
  await at360(page, 'procedures-catalogue-360-it');
});

test('the SUI officer opens a new file; a protocol number already used is refused beside its field', async () => {
  const { page } = officer;
  await page.goto('/procedure-files');
  await page.locator('[data-testid=procedure-file-new]').click();
  await page.locator('[data-testid=procedure-file-form]').waitFor();
  await page.locator('[data-testid=procedure-file-save]').click();
  await page.locator('[data-testid=form-error]').waitFor();
  const conversion = catalogue.find((p) => p.code === 'permit_conversion');
  await page.locator('#procedure_id').selectOption(String(conversion.id));
  // The SUI officer reads no person's record: the person is found by name and birth date
  // (decision 0043), which the applicant's passport gives.
  let birth = null;
  await withSignedIn('prefecture_officer', async (p) => {
    birth = (await apiGet(p, `/persons/${chosen.person.id}`)).body.birth_date;
  });
  await page.locator('[id="person_id-name"]').fill(`${chosen.person.given_names} ${chosen.person.family_name}`);
  await page.locator('[id="person_id-birth"]').fill(birth);
  await page.locator('[data-testid=procedure-file-identity-search]').click();
  const found = page.locator('[data-testid=procedure-file-identity-results] li');
  await found.first().waitFor();
  assert.equal(await found.count(), 1, 'one person of that name born that day');
  assert.ok((await found.innerText()).includes(tr('it', 'procedures.identity.record', { id: chosen.person.id })));
  await found.locator('[data-testid=procedure-file-identity-pick]').click();
  await page.locator('[data-testid=procedure-file-person]').waitFor();
  await page.locator('#protocol_number').fill(chosen.protocol_number);
  await page.locator('[data-testid=procedure-file-save]').click();
  await page.locator('#protocol_number-error').getByText(tr('it', 'fieldErrors.taken')).waitFor();
  await at360(page, 'procedure-file-new-refused-360-it');
  const protocol = `PA/TEST/${uniqueSuffix()}`;
  await page.locator('#protocol_number').fill(protocol);
  await page.locator('[data-testid=procedure-file-save]').click();
  await page.getByText(tr('it', 'procedures.files.created', { protocol })).waitFor();
  assert.match(page.url(), /\/procedure-files\/\d+$/);
  const created = (await apiGet(page, `/procedure-files?protocol_number=${encodeURIComponent(protocol)}`)).body.items;
  assert.equal(created.length, 1);
  assert.equal(created[0].person.id, chosen.person.id);
  assert.equal((await page.locator('[data-testid=procedure-current-step]').innerText()).trim(), conversion.steps[0].name);
});
