// The vulnerability section and the IPSN form in the browser (issue 11 point 2): the demo case
// worker opens a case with no screening in progress, marks indicators and sees, live, how many
// point to each category; confirms two categories with a severity and a note, completes after the
// confirm step, and finds the two flags; the prefecture officer then reads the flags without the
// notes. Axe clean and screenshots in Italian and Arabic, and at 360 px in Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiGet, at360, checkBothLanguages, checkConfirmDialog, closeChecked, screenshot, settled, signedIn, switchLanguage } from './helpers.mjs';

let worker;
let officer;
let page;
let caseId;

before(async () => {
  worker = await signedIn('case_worker');
  officer = await signedIn('prefecture_officer');
  page = worker.page;
  // A case with no draft and no flag of the two categories the test confirms.
  const cases = (await apiGet(page, '/cases?status=active&per_page=50')).body.items;
  for (const c of cases) {
    const s = (await apiGet(page, `/cases/${c.id}/screening`)).body;
    if (!s.screenings.some((x) => x.status === 'draft') && !s.flags.some((f) => ['mental_disorder', 'torture_violence'].includes(f.category))) {
      caseId = c.id;
      break;
    }
  }
  assert.ok(caseId, 'a demo case to screen');
});

after(async () => {
  await closeChecked(worker);
  await closeChecked(officer);
});

const live = () => page.locator('[data-testid=screening-live]');

test('case worker: the IPSN form shows the categories live, asks before completing, and the confirmed ones become flags', async () => {
  await page.goto(`/cases/${caseId}`);
  await page.locator('[data-testid=screening-new-ipsn]').click();
  await page.locator('[data-testid=group-mental_health]').waitFor();
  await page.locator('label[for=answer-ptsd]').click();
  await page.locator('label[for=answer-assault_injuries]').click();
  // PTSD points to mental disorders and to violence; the injuries to violence once more.
  await live().filter({ hasText: '2 indicatori' }).waitFor();
  assert.match(await live().textContent(), /Persona con disturbi mentali: 1 indicatore/);
  await checkBothLanguages(page, 'screening-ipsn', () => page.locator('[data-testid=screening-decisions]').waitFor());
  await switchLanguage(page, 'ar');
  await settled(page);
  await at360(page, 'screening-ipsn-360-ar', { axe: false });
  // The form alone at 360 px, legible in a review.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page.locator('[data-testid=screening-form]'), 'screening-ipsn-form-360-ar');
  await page.setViewportSize(size);
  await switchLanguage(page, 'it');

  // Completing without decisions names what is missing; nothing is sent.
  await page.locator('[data-testid=screening-complete]').click();
  await page.locator('#decision-mental_disorder[aria-invalid=true]').waitFor();
  for (const [category, severity] of [
    ['mental_disorder', 'medium'],
    ['torture_violence', 'high'],
  ]) {
    const block = page.locator(`[data-testid=decision-${category}]`);
    await block.locator(`label[for=confirm-${category}]`).click();
    await block.locator('select').selectOption(severity);
    await block.locator('textarea').fill(`Invio al servizio specialistico (prova browser, ${category})`);
  }
  await checkConfirmDialog(page, 'screening-complete-confirm', () => page.locator('[data-testid=screening-complete]').click());
  await page.locator('[data-testid=screening-complete]').click();
  await page.locator('[data-testid=confirm-consequences]', { hasText: '2 vulnerabilità' }).waitFor();
  await page.locator('[data-testid=confirm-ok]').click();
  const flags = page.locator('[data-testid=flag-table]');
  await flags.filter({ hasText: 'Persona con disturbi mentali' }).filter({ hasText: 'Vittima di tortura' }).waitFor();
  assert.match(await page.locator('[data-testid=screening-list]').textContent(), /prova browser, torture_violence/);
  await checkBothLanguages(page, 'screening-section', () => flags.waitFor());
});

test('prefecture officer: the flags and the results, never the notes', async () => {
  const p = officer.page;
  await p.goto(`/cases/${caseId}`);
  const section = p.locator('[data-testid=case-vulnerability]');
  await section.locator('[data-testid=flag-table]').waitFor();
  const text = await section.textContent();
  assert.match(text, /Vittima di tortura/);
  assert.doesNotMatch(text, /prova browser/);
  assert.equal(await p.locator('[data-testid=screening-new-ipsn]').count(), 0, 'the officer does not screen');
});

test('analyst: the timeliness indicator, counts per month and never a name, from the menu', async () => {
  const analyst = await signedIn('analyst');
  try {
    const p = analyst.page;
    await p.goto('/screening-timeliness');
    const table = p.locator('[data-testid=timeliness-table]');
    await table.locator('tbody tr').first().waitFor();
    assert.equal(await table.locator('tbody tr').count(), 12);
    await checkBothLanguages(p, 'screening-timeliness', () => table.waitFor());
    await at360(p, 'screening-timeliness-360-it', { axe: false });
  } finally {
    await closeChecked(analyst);
  }
});
