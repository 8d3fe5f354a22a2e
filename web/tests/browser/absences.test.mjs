// Absences without notice: a guest absent "unauthorised" three days running (72 h) shows the run
// in the register and a "Segnala alla Prefettura" action; the case worker sends the notice after
// the confirm dialog says what will be sent; the Prefettura's officer finds it among the pending
// notices and records a reduction, after the dialog says what it means. The dialogs at 360 px and
// in Arabic (checkConfirmDialog), the pages axe clean in Italian and Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo } from '../../../tests/support/days.mjs';
import {
  apiCall,
  apiCreate,
  apiGet,
  checkBothLanguages,
  checkConfirmDialog,
  closeChecked,
  createCentre,
  createPerson,
  me,
  screenshot,
  signedIn,
  uniqueSuffix,
  withSignedIn,
} from './helpers.mjs';

let browser;
let page;
let centre;
let guest;
const isoDay = (offset) => daysAgo(-offset);
const days = [-9, -8, -7].map(isoDay);

before(async () => {
  ({ browser, page } = await signedIn('case_worker'));
  const worker = await me(page);
  await withSignedIn('prefecture_officer', async (officer) => {
    centre = await createCentre(officer, `CAS Assenze ${uniqueSuffix()}`, worker.user.organization.id, { single_men: 5 });
    guest = await createPerson(officer, 'Diallo', 'Mamadou');
    await apiCreate(officer, '/placements', {
      person_ids: [guest.id],
      centre_id: centre.id,
      category: 'single_men',
      date: isoDay(-20),
      arrival_from: 'landing',
    });
  });
  for (const day of days) {
    const r = await apiCall(page, 'POST', `/centres/${centre.id}/register/${day}/absences`, { person_id: guest.id, reason: 'unauthorised' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
});

after(() => closeChecked({ browser, page }));

test('case worker: the run shows in the register and the notice is sent after the confirm dialog', async () => {
  await page.goto(`/centres/${centre.id}/register/${days[2]}`);
  const row = page.locator(`[data-testid=register-guests] tr[data-person="${guest.id}"]`);
  await row.locator('[data-testid=absence-run]').waitFor();
  assert.equal(await row.locator('[data-testid=absence-run]').getAttribute('data-hours'), '72');
  await checkBothLanguages(page, 'absences-register', () => row.locator('[data-testid=notice-send]').waitFor());
  // On a phone the day is one card per guest: the dialog is checked there (the layout, and so
  // the button that opened it, changes with the width).
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  const card = page.locator(`[data-testid=register-cards] li[data-person="${guest.id}"]`);
  await card.locator('[data-testid=notice-send]').waitFor();
  await screenshot(page, 'absences-register-360');
  await checkConfirmDialog(page, 'absences-send-dialog', () => card.locator('[data-testid=notice-send]').click());
  await card.locator('[data-testid=notice-send]').click();
  await page.locator('[data-testid=notice-facts]').waitFor();
  await page.locator('[data-testid=confirm-ok]').click();
  await card.locator('[data-testid=notice-sent]').waitFor();
  await page.setViewportSize(size);
  await row.locator('[data-testid=notice-sent]').waitFor();
  await screenshot(page, 'absences-register-sent');
  const list = await apiGet(page, '/absence-notices?status=sent');
  assert.ok(list.body.items.some((n) => n.person_id === guest.id));
});

test('officer: the pending notice, and a reduction recorded after the confirm dialog', async () => {
  await withSignedIn('prefecture_officer', async (officer) => {
    await officer.goto('/absence-notices');
    const row = officer.locator('[data-testid=notices-table] tr', { has: officer.getByText('Diallo Mamadou') }).first();
    await row.waitFor();
    await checkBothLanguages(officer, 'absences-notices', () => row.waitFor());
    await row.locator('[data-testid=decide-open]').click();
    const form = officer.locator('[data-testid=decide-form]');
    await form.waitFor();
    await officer.locator('#decision-outcome').selectOption('reduction');
    await officer.locator('#decision-from').fill(isoDay(1));
    await officer.locator('#decision-until').fill(isoDay(31));
    await checkConfirmDialog(officer, 'absences-decide-dialog', () => officer.locator('[data-testid=decide-submit]').click());
    // The language switch keeps the form; its values stay.
    await officer.locator('[data-testid=decide-submit]').click();
    await officer.locator('[data-testid=decision-facts]').waitFor();
    await officer.locator('[data-testid=confirm-ok]').click();
    await officer.locator('[data-testid=decision-notice]').waitFor();
    await officer.setViewportSize({ width: 360, height: 800 });
    await screenshot(officer, 'absences-decided-360');
    const n = (await apiGet(officer, '/absence-notices?status=decided')).body.items.find((i) => i.person_id === guest.id);
    assert.equal(n.decision.outcome, 'reduction');
    assert.equal(n.decision.measure_from, isoDay(1));
  });
});
