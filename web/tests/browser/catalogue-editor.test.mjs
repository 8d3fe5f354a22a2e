// The catalogue editor and the SUI's identity lookup in the browser (decision 0043): the admin adds
// a procedure (the form's own checks, then the server's, each at its field), names it in Ukrainian,
// then records a change of law, which the form asks about before saving, saying that files filed
// before keep the old rule; the SUI officer, who reads no person's record, finds the applicant by
// name and birth date and registers the sponsor nobody had recorded. Axe clean, at 360 px, in
// Italian and Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import { apiCreate, apiGet, assertAccessible, at360, checkConfirmDialog, closeChecked, settled, signedIn, switchLanguage, tr, uniqueSuffix } from './helpers.mjs';

let admin;
let sui;
let officer;

before(async () => {
  [admin, sui, officer] = await Promise.all(['admin', 'sui_officer', 'prefecture_officer'].map(signedIn));
});

after(async () => {
  for (const s of [admin, sui, officer]) await closeChecked(s);
});

const field = (page, id) => page.locator(`[id="${id}"]`);

test('the admin adds a procedure: each error at its field, names in six languages', async () => {
  const { page } = admin;
  await page.goto('/procedures');
  await page.locator('[data-testid=procedure-new]').click();
  await page.locator('[data-testid=catalogue-form]').waitFor();
  await page.locator('[data-testid=editor-law-change]').waitFor();
  // Nothing typed: the form's own checks, beside each field and in the summary.
  await page.locator('[data-testid=catalogue-save]').click();
  await page.locator('[data-testid=form-error]').waitFor();
  for (const id of ['code', 'name', 'legal_basis', 'steps[0].name', 'steps[0].office', 'terms[0].legal_reference', 'guides-it'])
    assert.equal((await field(page, `${id}-error`).innerText()).trim(), tr('it', 'fieldErrors.required'), id);
  await at360(page, 'catalogue-editor-errors-360-it');

  const code = `test_${uniqueSuffix()}`.toLowerCase();
  await field(page, 'code').fill(code);
  await field(page, 'name').fill('Rinnovo del permesso di prova');
  await page.locator('[data-testid=procedure-names] summary').click();
  await field(page, 'names-uk').fill('Поновлення пробного дозволу');
  await field(page, 'legal_basis').fill('art. 5 d.lgs. 286/1998');
  await field(page, 'steps[0].name').fill('Domanda presentata');
  await field(page, 'steps[0].office').fill('Questura di Palermo');
  await page.locator('[data-testid=editor-add-step]').click();
  // The second step takes the first one's code: the server's check, shown at the code's field.
  await field(page, 'steps[1].code').fill('filed');
  await field(page, 'steps[1].name').fill('Decisione');
  await field(page, 'steps[1].office').fill('Questura di Palermo');
  await field(page, 'terms[0].amount').fill('60');
  await field(page, 'terms[0].start_event').selectOption('filed');
  await field(page, 'terms[0].legal_reference').fill('art. 5 c.9 d.lgs. 286/1998');
  await field(page, 'guides-it').fill('Per rinnovare il permesso. Serve il passaporto.');
  await page.locator('[data-testid=catalogue-save]').click();
  await field(page, 'steps[1].code-error').getByText(tr('it', 'fieldErrors.taken')).waitFor();
  assert.equal(await field(page, 'steps[1].code').getAttribute('aria-invalid'), 'true');
  assert.equal((await apiGet(page, '/procedures')).body.items.some((p) => p.code === code), false, 'nothing stored');

  await field(page, 'steps[1].code').fill('decision');
  await page.locator('[data-testid=catalogue-save]').click();
  await page.waitForURL(/\/procedures#procedure-/);
  await page.locator(`section[data-procedure="${code}"]`).waitFor();
  const saved = (await apiGet(page, '/procedures?lang=uk')).body.items.find((p) => p.code === code);
  assert.equal(saved.label, 'Поновлення пробного дозволу');
  assert.deepEqual(saved.names, [{ language: 'uk', name: 'Поновлення пробного дозволу' }]);
  assert.equal(saved.steps.length, 2);

  // In Arabic, right to left: the editor of that procedure at 360 px.
  await switchLanguage(page, 'ar');
  await page.goto(`/procedures?edit=${saved.id}`);
  await page.locator('[data-testid=catalogue-form]').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await at360(page, 'catalogue-editor-360-ar');
  await switchLanguage(page, 'it');
});

test('a change of law is a new rule, asked about before saving; the old rule stays for earlier files', async () => {
  const { page } = admin;
  const p = (await apiGet(page, '/procedures')).body.items.find((x) => x.code === 'permit_conversion');
  await page.goto('/procedures');
  await page.locator(`section[data-procedure=permit_conversion] [data-testid=procedure-edit]`).click();
  await page.locator('[data-testid=catalogue-form]').waitFor();
  assert.equal(await field(page, 'name').inputValue(), p.name);
  await assertAccessible(page, 'catalogue editor');
  const rules = page.locator('[data-testid=editor-term]');
  assert.equal(await rules.count(), p.terms.length);
  await rules.first().locator('[data-testid=editor-law-change-add]').click();
  const added = p.terms.length;
  assert.equal(await field(page, `terms[${added}].applies_from`).inputValue(), daysAgo(0));
  await field(page, `terms[${added}].amount`).fill('45');
  await field(page, `terms[${added}].legal_reference`).fill('legge di prova');
  // Asked first: in Italian and Arabic, at 360 px; cancelled, nothing changes.
  await checkConfirmDialog(page, 'catalogue-law-change', () => page.locator('[data-testid=catalogue-save]').click());
  assert.equal((await apiGet(page, `/procedures/${p.id}`)).body.terms.length, p.terms.length);
  await page.locator('[data-testid=catalogue-save]').click();
  const dialog = page.locator('[data-testid=confirm-dialog]');
  await dialog.waitFor();
  const said = await page.locator('[data-testid=confirm-consequences]').innerText();
  const opening = tr('it', 'procedures.editor.confirm.added', { term: p.terms[0].term, day: '@' }).split('@')[0];
  assert.ok(said.includes(opening), `the dialog says a new rule applies from its day: ${said}`);
  await page.locator('[data-testid=confirm-ok]').click();
  await page.waitForURL(/\/procedures#procedure-permit_conversion/);
  const after = (await apiGet(page, `/procedures/${p.id}`)).body;
  assert.equal(after.terms.length, p.terms.length + 1);
  assert.ok(after.terms.some((r) => r.amount === 60), 'the old rule is kept for the files filed before');
  assert.ok(after.terms.some((r) => r.amount === 45 && r.applies_from === daysAgo(0)));
  // Back as it was, for the other tests: the new rule removed (asked again).
  await page.goto(`/procedures?edit=${p.id}`);
  await page.locator('[data-testid=catalogue-form]').waitFor();
  const last = page.locator('[data-testid=editor-term]').last();
  await last.locator('button.btn-outline-danger').click();
  await page.locator('[data-testid=catalogue-save]').click();
  await dialog.waitFor();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.waitForURL(/\/procedures#procedure-permit_conversion/);
  assert.equal((await apiGet(page, `/procedures/${p.id}`)).body.terms.length, p.terms.length);
});

test('the SUI officer finds the applicant by name and birth date and registers the sponsor', async () => {
  const family = `Iden${uniqueSuffix()}`;
  const applicant = await apiCreate(officer.page, '/persons', { family_name: family, given_names: 'Mariam', sex: 'female', nationality: 'TN', birth_date: '1992-04-05' });
  const { page } = sui;
  await page.goto('/procedure-files?new=1');
  await page.locator('[data-testid=procedure-file-form]').waitFor();
  const reunification = (await apiGet(page, '/procedures')).body.items.find((p) => p.code === 'family_reunification');
  await page.locator('#procedure_id').selectOption(String(reunification.id));
  // The applicant: found, identity only.
  await field(page, 'person_id-name').fill(`mariam ${family}`);
  await field(page, 'person_id-birth').fill('1992-04-05');
  await page.locator('[data-testid=procedure-file-identity-search]').click();
  const found = page.locator('[data-testid=procedure-file-identity-results] li');
  await found.first().waitFor();
  assert.equal(await found.count(), 1);
  await at360(page, 'procedure-file-identity-360-it');
  await found.locator('[data-testid=procedure-file-identity-pick]').click();
  await page.locator('[data-testid=procedure-file-person]').waitFor();
  // The sponsor: nobody of that name born that day, so registered here.
  const sponsorFamily = `Spon${uniqueSuffix()}`;
  await field(page, 'sponsor_person_id-name').fill(`Karim ${sponsorFamily}`);
  await field(page, 'sponsor_person_id-birth').fill('1980-11-20');
  await page.locator('[data-testid=procedure-file-sponsor-identity-search]').click();
  await page.locator('[data-testid=procedure-file-sponsor-identity-none]').waitFor();
  await page.locator('[data-testid=procedure-file-sponsor-identity-register]').click();
  await page.locator('[data-testid=procedure-file-sponsor-identity-new]').waitFor();
  assert.equal(await field(page, 'sponsor_person_id-new-family_name').inputValue(), sponsorFamily);
  assert.equal(await field(page, 'sponsor_person_id-new-given_names').inputValue(), 'Karim');
  await page.locator('[data-testid=procedure-file-sponsor-identity-register-save]').click();
  await field(page, 'sponsor_person_id-new-sex-error').waitFor();
  await field(page, 'sponsor_person_id-new-sex').selectOption('male');
  await field(page, 'sponsor_person_id-new-nationality').selectOption('TN');
  await assertAccessible(page, 'sponsor registration');
  await page.locator('[data-testid=procedure-file-sponsor-identity-register-save]').click();
  await page.locator('[data-testid=procedure-file-sponsor]').waitFor();
  const protocol = `PA/ID/${uniqueSuffix()}`;
  await page.locator('#protocol_number').fill(protocol);
  await page.locator('[data-testid=procedure-file-save]').click();
  await page.getByText(tr('it', 'procedures.files.created', { protocol })).waitFor();
  const file = (await apiGet(page, `/procedure-files?protocol_number=${encodeURIComponent(protocol)}`)).body.items[0];
  assert.equal(file.person.id, applicant.id);
  assert.equal(file.sponsor.family_name, sponsorFamily);
  // In Arabic: the form with its lookup, right to left, at 360 px.
  await switchLanguage(page, 'ar');
  await page.goto('/procedure-files?new=1');
  await page.locator('[data-testid=procedure-file-form]').waitFor();
  await settled(page);
  await at360(page, 'procedure-file-identity-360-ar');
  await switchLanguage(page, 'it');
});
