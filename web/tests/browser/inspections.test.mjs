// A whole inspection in the browser (issue 10, parts 2, 5 and 7): the inspector plans a visit of a
// centre of the demo cooperative, starts it, answers items, loses the connection and keeps
// answering (the answers wait on the device, a reload keeps them), gets the connection back and
// sees them sent, each stored once; completes it and issues the report, both confirmed first. The
// cooperative's case worker then reads the issued report but not a planned visit. Screenshots at
// 360 px and in Arabic; axe clean in Italian and Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, apiGet, at360, checkBothLanguages, downloaded, checkConfirmDialog, closeChecked, settled, signedIn, switchLanguage } from './helpers.mjs';

let inspector;
let worker;
let page;
let centre;
let checklist;
let inspectionId;
let plannedId;

before(async () => {
  inspector = await signedIn('inspector');
  worker = await signedIn('case_worker');
  page = inspector.page;
});

after(async () => {
  await closeChecked(inspector);
  await closeChecked(worker);
});

const item = (code) => page.locator(`[data-testid=inspection] li[data-item="${code}"]`);
const waiting = () => page.locator('[data-testid=sync-status]').getAttribute('data-waiting');
const waitForWaiting = (n) => page.locator(`[data-testid=sync-status][data-waiting="${n}"]`).waitFor();
/** The answers this page keeps in localStorage. */
const deviceKeys = (keys) => keys.filter((k) => k.startsWith('innet.inspection.')).length;
const answersPattern = /\/api\/v1\/inspections\/\d+\/answers$/;

test('inspector: plans an inspection of a centre from the list, confirmed first', async () => {
  // A centre the case worker's cooperative runs, so the case worker can read the report later.
  const theirs = await apiGet(worker.page, '/centres?per_page=100');
  centre = theirs.body.items[0];
  assert.ok(centre, 'the case worker has a centre');

  await page.goto('/inspections');
  await page.locator('[data-testid=inspections-table] tbody tr').first().waitFor();
  await checkBothLanguages(page, 'inspections-list', () => page.locator('[data-testid=inspections-table]').waitFor());
  await at360(page, 'inspections-list-360-it', { axe: false, fullPage: false });

  // Filtered by centre and sorted by overall score on the server, then saved as CSV by the
  // server: every inspection of the filter (not only the page), Italian headers.
  await page.locator('#inspections-centre').selectOption(String(centre.id));
  await page.waitForURL(new RegExp(`centre_id=${centre.id}`));
  const theirRows = (await apiGet(page, `/inspections?centre_id=${centre.id}`)).body.items;
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=inspections-table] tbody tr').length === n, theirRows.length);
  await page.locator('[data-testid=inspections-table] [data-sort=score]').click();
  await page.waitForURL(/sort=score/);
  await page.locator('[data-testid=inspections-table] tr[aria-busy=false] th[aria-sort=ascending] [data-sort=score]').waitFor();
  const csv = await downloaded(page, page.locator('[data-testid=inspections-csv]'));
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'Centro;Data;Stato;Annunciata;Punteggio complessivo');
  assert.equal(lines.length, theirRows.length + 1);
  assert.ok(lines.slice(1).every((l) => l.startsWith(centre.name)));
  await page.goto('/inspections');

  await page.locator('[data-testid=plan-open]').click();
  await page.locator('#plan-centre').selectOption(String(centre.id));
  await page.locator('label[for=plan-announced]').click();
  assert.equal(await page.locator('#plan-announced').isChecked(), false);
  await page.locator('[data-testid=plan-submit]').click();
  await page.locator('[data-testid=plan-facts]').waitFor();
  assert.match(await page.locator('[data-testid=plan-facts]').textContent(), new RegExp(centre.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.locator('[data-testid=confirm-ok]').click();
  await page.waitForURL(/\/inspections\/\d+$/);
  inspectionId = Number(/\/inspections\/(\d+)$/.exec(page.url())[1]);
  await page.locator('[data-testid=inspection][data-status=planned]').waitFor();
  const stored = await apiGet(page, `/inspections/${inspectionId}`);
  assert.equal(stored.body.centre_id, centre.id);
  assert.equal(stored.body.announced, false);
  checklist = (await apiGet(page, `/checklists/${stored.body.checklist_id}`)).body;

  // A second one left planned: the case worker must not see it.
  const planned = await apiCall(page, 'POST', '/inspections', { centre_id: centre.id, planned_date: stored.body.planned_date, team: stored.body.team });
  assert.equal(planned.status, 201);
  plannedId = planned.body.id;
});

test('inspector: starts it and answers; offline the answers wait on the device, survive a reload and are sent once when back online', async () => {
  await page.locator('[data-testid=inspection-start]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=inspection][data-status=in_progress]').waitFor();

  const yesNo = checklist.items.filter((i) => i.answer_kind === 'yes_no' && i.expected_yes === true);
  const number = checklist.items.find((i) => i.answer_kind === 'number');
  assert.ok(yesNo.length >= 6 && number, 'the standard checklist has yes/no and number items');

  // Online: three answers, each saved on the server.
  for (const i of yesNo.slice(0, 3)) {
    await item(i.code).locator('[data-answer=yes]').click();
    await item(i.code).locator('[data-saved=server]').waitFor();
  }
  await waitForWaiting(0);

  // The connection drops: two answers wait on this device, said so.
  await inspector.browser.context.setOffline(true);
  await item(yesNo[3].code).locator(`#note-${yesNo[3].id}`).fill('Estintore scaduto al piano terra');
  await item(yesNo[3].code).locator('[data-answer=no]').click();
  await item(number.code).locator(`#value-${number.id}`).fill('12');
  await item(number.code).locator('[data-testid=answer-save]').click();
  await waitForWaiting(2);
  assert.equal(await page.locator('[data-saved=device]').count(), 2);
  await at360(page, 'inspection-offline-360-it', { axe: false, fullPage: false });
  await switchLanguage(page, 'ar');
  await waitForWaiting(2);
  await at360(page, 'inspection-offline-360-ar', { axe: false, fullPage: false });
  await switchLanguage(page, 'it');

  // The network is back but the server still unreachable for answers (a captive portal, a proxy
  // down): the page is reloaded and still holds both.
  await page.route(answersPattern, (route) => route.abort('internetdisconnected'));
  await inspector.browser.context.setOffline(false);
  await page.reload();
  await page.locator('[data-testid=inspection][data-status=in_progress]').waitFor();
  await waitForWaiting(2);
  await inspector.browser.context.setOffline(true);
  await item(yesNo[4].code).locator('[data-answer=yes]').click();
  await waitForWaiting(3);

  // The connection returns: the online event sends the three, in order.
  await page.unroute(answersPattern);
  await inspector.browser.context.setOffline(false);
  await waitForWaiting(0);
  assert.equal(await page.locator('[data-saved=device]').count(), 0);
  assert.equal(await waiting(), '0');

  // The server holds each answer once: one answer in effect per item answered, with its value.
  const detail = (await apiGet(page, `/inspections/${inspectionId}`)).body;
  const byItem = new Map(detail.answers.map((a) => [a.item_id, a]));
  assert.equal(detail.answers.length, 6);
  assert.equal(new Set(detail.answers.map((a) => a.idempotency_key)).size, 6);
  for (const i of [yesNo[0], yesNo[1], yesNo[2], yesNo[4]]) assert.equal(byItem.get(i.id).yes, true);
  assert.equal(byItem.get(yesNo[3].id).yes, false);
  assert.equal(byItem.get(yesNo[3].id).note, 'Estintore scaduto al piano terra');
  assert.equal(byItem.get(number.id).number, 12);
  assert.deepEqual(detail.failed_items, [yesNo[3].id]);
  assert.equal(deviceKeys(await page.evaluate(() => Object.keys(localStorage))), 0, 'nothing left on the device');

  await checkBothLanguages(page, 'inspection-in-progress', () => page.locator('[data-testid=inspection-scores]').waitFor());
  await at360(page, 'inspection-in-progress-360-it', { axe: false, fullPage: false });
});

test('inspector: completes it (answers become final) and issues the report, each confirmed', async () => {
  await checkConfirmDialog(page, 'inspection-complete-dialog', () => page.locator('[data-testid=inspection-complete]').click());
  await page.locator('[data-testid=inspection-complete]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=inspection][data-status=completed]').waitFor();
  // The report view: read-only, the failed item pointed out.
  assert.equal(await page.locator('[data-testid=inspection] [data-answer]').count(), 0, 'no answer buttons any more');
  await page.locator('[data-testid=inspection] li[data-failed=true]').first().waitFor();
  assert.equal(await page.locator('[data-testid=inspection] li[data-failed=true]').count(), 1);

  await page.locator('[data-testid=inspection-issue]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=inspection][data-status=report_issued]').waitFor();
  const stored = await apiGet(page, `/inspections/${inspectionId}`);
  assert.equal(stored.body.status, 'report_issued');
});

test("case worker: reads the issued report of its centre, not a planned visit", async () => {
  const p = worker.page;
  await p.goto(`/inspections?centre_id=${centre.id}`);
  await p.locator(`[data-testid=inspections-table] tr[data-inspection="${inspectionId}"]`).waitFor();
  assert.equal(await p.locator(`[data-testid=inspections-table] tr[data-inspection="${plannedId}"]`).count(), 0);
  assert.equal(await p.locator('[data-testid=plan-open]').count(), 0, 'no planning for the operator');
  const list = await apiGet(p, '/inspections');
  assert.ok(list.body.items.every((i) => i.status === 'report_issued'));
  assert.equal((await apiGet(p, `/inspections/${plannedId}`)).status, 404);

  await p.locator(`tr[data-inspection="${inspectionId}"] a`).click();
  await p.locator('[data-testid=inspection][data-status=report_issued]').waitFor();
  assert.equal(await p.locator('[data-testid=inspection-print]').count(), 1);
  assert.equal(await p.locator('[data-testid=inspection] li[data-failed=true]').count(), 1);
  assert.equal(await p.locator('[data-testid=inspection-issue], [data-testid=inspection-complete]').count(), 0);
  await checkBothLanguages(p, 'inspection-report', () => p.locator('[data-testid=inspection-scores]').waitFor());

  await p.goto(`/inspections/${plannedId}`);
  await settled(p);
  assert.equal(await p.locator('[data-testid=inspection]').count(), 0, 'the planned visit is not shown');
});
