// Correcting a case note in the browser (decision 0025, point 11). The demo cooperative's case
// worker wrote a sensitive note with a mistake; on the case page "Correct" opens a form under the
// note (the text, the reason, which is required and which everyone reading the case will see), a
// confirm step says what changes and what is kept, and the confirmation shows in the note itself,
// focused. The history of versions opens on demand. The prefecture officer sees that the note was
// corrected and why, never its texts, and has no "Correct". Axe clean, in Italian and Arabic, and at
// 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import {
  apiCreate,
  apiGet,
  assertAccessible,
  at360,
  checkBothLanguages,
  checkConfirmDialog,
  closeChecked,
  createCentre,
  createPerson,
  settled,
  signedIn,
  tr,
  uniqueSuffix,
} from './helpers.mjs';

const APPRODO = 'Cooperativa Sociale Approdo (demo)';
const suffix = uniqueSuffix();
const WRONG = 'Colloquio con la sorella: riferisce violenze subite in Libia';
const RIGHT = 'Colloquio con la cugina: riferisce violenze subite in Libia';
const REASON = 'Parente indicato in modo errato';

let officer;
let worker;
let caseId;
let noteId;

before(async () => {
  [officer, worker] = await Promise.all([signedIn('prefecture_officer'), signedIn('case_worker')]);
  const orgs = (await apiGet(officer.page, '/organizations?per_page=100')).body.items;
  const centre = await createCentre(officer.page, `CAS Approdo note ${suffix}`, orgs.find((o) => o.name === APPRODO).id, { single_women: 2 });
  const person = await createPerson(officer.page, `Nota${suffix}`, 'Aisha');
  await apiCreate(officer.page, '/placements', { person_ids: [person.id], centre_id: centre.id, category: 'single_women', date: daysAgo(0), arrival_from: 'landing' });
  caseId = (await apiCreate(worker.page, '/cases', { person_id: person.id })).id;
  const d = await apiCreate(worker.page, `/cases/${caseId}/notes`, { sensitivity: 'sensitive', text: WRONG });
  noteId = d.notes.at(-1).id;
});

after(async () => {
  await Promise.all([closeChecked(officer), closeChecked(worker)]);
});

// The case page with the note's correction form open: {note, panel}.
async function openCorrection(page) {
  await page.goto(`/cases/${caseId}`);
  const note = page.locator(`[data-testid=case-note-${noteId}]`);
  await note.waitFor();
  await note.locator('[data-testid=case-note-correct]').click();
  const panel = page.locator(`[data-testid=case-correction-${noteId}]`);
  await panel.waitFor();
  return { note, panel };
}

test('case worker: corrects a note with a reason, after a confirm step; the history shows both texts', async () => {
  const page = worker.page;
  const { note, panel } = await openCorrection(page);
  assert.equal(await page.locator('#correction-text').inputValue(), WRONG, 'the form starts from the text as it is');

  // Unchanged and without a reason: both fields say so, nothing is sent.
  await page.locator('[data-testid=case-correction-submit]').click();
  await panel.locator('[data-testid=form-error]').waitFor();
  assert.equal(await page.locator('#correction-reason').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#correction-text').getAttribute('aria-invalid'), 'true');
  await page.locator('#correction-text').fill(RIGHT);
  await page.locator('#correction-reason').fill(REASON);
  await checkBothLanguages(page, 'case-note-correction-form', () => panel.waitFor());
  await at360(page, 'case-note-correction-form-360');

  await checkConfirmDialog(page, 'case-note-correction-confirm', async () => {
    await page.locator('[data-testid=case-correction-submit]').click();
    await page.locator('[data-testid=confirm-dialog]').waitFor();
  });
  await page.locator('[data-testid=case-correction-submit]').click();
  const dialog = page.locator('[data-testid=confirm-dialog]');
  await dialog.waitFor();
  const consequences = await dialog.locator('[data-testid=confirm-consequences]').textContent();
  assert.ok(consequences.includes(tr('it', 'cases.correction.kept')), consequences);
  assert.ok(consequences.includes(tr('it', 'cases.correction.shownSensitive')), consequences);
  await page.locator('[data-testid=confirm-ok]').click();

  // The confirmation is in the note, which has the focus; the new text replaced the old one.
  await note.locator('.alert', { hasText: tr('it', 'cases.saved.correction') }).waitFor();
  await panel.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), `case-note-${noteId}`);
  assert.ok((await note.textContent()).includes(RIGHT));
  assert.ok(!(await note.textContent()).includes(WRONG));

  const history = note.locator('[data-testid=case-note-history]');
  assert.equal(await history.getAttribute('aria-expanded'), 'false');
  await history.click();
  const versions = note.locator('[data-testid=case-note-versions] > li');
  await versions.nth(1).waitFor();
  assert.equal(await history.getAttribute('aria-expanded'), 'true');
  const texts = await versions.allTextContents();
  assert.ok(texts[0].includes(RIGHT) && texts[0].includes(REASON), texts[0]);
  assert.ok(texts[1].includes(WRONG), texts[1]);
  await checkBothLanguages(page, 'case-note-history', () => versions.nth(1).waitFor());
  await at360(page, 'case-note-history-360');

  const timeline = page.locator('[data-testid=case-timeline-list]');
  await timeline.locator('li', { hasText: REASON }).waitFor();
  assert.ok(!(await timeline.textContent()).includes('cugina'), 'the timeline tells the reason, not the text');
});

test('prefecture officer: sees that the sensitive note was corrected and why, never its texts, and cannot correct it', async () => {
  const page = officer.page;
  await page.goto(`/cases/${caseId}`);
  const note = page.locator(`[data-testid=case-note-${noteId}]`);
  await note.waitFor();
  assert.equal(await note.locator('[data-testid=case-note-correct]').count(), 0);
  await note.locator('[data-testid=case-note-history]').click();
  const versions = note.locator('[data-testid=case-note-versions] > li');
  await versions.nth(1).waitFor();
  await settled(page);
  const shown = await page.locator('main').textContent();
  assert.ok(!shown.includes('Libia'), 'no narrative on the page');
  assert.ok((await versions.nth(0).textContent()).includes(REASON));
  assert.ok((await versions.nth(1).textContent()).includes(tr('it', 'cases.redacted')));
  await page.locator('[data-testid=case-timeline-list] li', { hasText: REASON }).waitFor();
  await assertAccessible(page, 'case note history, officer');
  await at360(page, 'case-note-history-officer-360');
});

test('case worker: making the sensitive note normal is confirmed first, under a title that says it un-protects the text', async () => {
  const page = worker.page;
  const { note } = await openCorrection(page);
  assert.equal(await page.locator('#correction-sensitivity').inputValue(), 'sensitive', 'the form starts from the level as it is');
  // The same text at another level is a correction, not "unchanged".
  await page.locator('#correction-sensitivity').selectOption('normal');
  await page.locator('#correction-reason').fill('La persona acconsente a condividerlo');
  await page.locator('[data-testid=case-correction-submit]').click();
  const dialog = page.locator('[data-testid=confirm-dialog]');
  await dialog.waitFor();
  const said = await dialog.textContent();
  assert.ok(said.includes(tr('it', 'cases.correction.unprotectTitle')), said);
  assert.ok((await dialog.locator('[data-testid=confirm-consequences]').textContent()).includes(tr('it', 'cases.correction.unprotects')));
  await page.locator('[data-testid=confirm-ok]').click();
  await note.locator('.alert', { hasText: tr('it', 'cases.saved.correction') }).waitFor();
  assert.equal(await note.locator('.badge', { hasText: tr('it', 'cases.sensitivities.sensitive') }).count(), 0, 'the note is normal now');
  const history = note.locator('[data-testid=case-note-history]');
  await history.click();
  const versions = note.locator('[data-testid=case-note-versions] > li');
  await versions.nth(2).waitFor();
  // Newest first: the normal text, then the two sealed versions, each marked sensitive.
  const marked = await Promise.all([0, 1, 2].map((i) => versions.nth(i).locator('.badge', { hasText: tr('it', 'cases.sensitivities.sensitive') }).count()));
  assert.deepEqual(marked, [0, 1, 1]);
});
