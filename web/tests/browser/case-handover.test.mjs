// A case follows its guest to another organisation, in the browser (decision 0025, point 9), and
// files are attached from the case page. The Prefettura places a new guest in a centre of the
// demo cooperative (Approdo), whose case worker opens the case; the guest is then transferred to
// a centre of Il Ponte. On the case page the case worker uploads an attachment (a file the server
// refuses says so in the panel; a PDF shows in the list), then hands the case over to Il Ponte:
// the confirm step names the organisation and what follows, and after it the case worker is back
// on the list, told where the case went, and no longer reaches it. The officer reads the handover
// in the case's timeline. Axe clean, in Italian and Arabic, and at 360 px.
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
const PONTE = 'Cooperativa Il Ponte (demo)';
const suffix = uniqueSuffix();
const today = () => daysAgo(0);

let officer;
let worker;
let caseId;
let name;

before(async () => {
  [officer, worker] = await Promise.all([signedIn('prefecture_officer'), signedIn('case_worker')]);
  const orgs = (await apiGet(officer.page, '/organizations?per_page=100')).body.items;
  const org = (n) => orgs.find((o) => o.name === n);
  const [approdoCentre, ponteCentre] = await Promise.all([
    createCentre(officer.page, `CAS Approdo passaggio ${suffix}`, org(APPRODO).id, { single_men: 2 }),
    createCentre(officer.page, `CAS Ponte passaggio ${suffix}`, org(PONTE).id, { single_men: 2 }),
  ]);
  const person = await createPerson(officer.page, `Passaggio${suffix}`, 'Ibrahima');
  name = `${person.family_name} ${person.given_names}`;
  await apiCreate(officer.page, '/placements', { person_ids: [person.id], centre_id: approdoCentre.id, category: 'single_men', date: today(), arrival_from: 'landing' });
  caseId = (await apiCreate(worker.page, '/cases', { person_id: person.id })).id;
  await apiCreate(officer.page, '/placements/transfers', { person_ids: [person.id], to_centre_id: ponteCentre.id, date: today() });
});

after(async () => {
  await Promise.all([closeChecked(officer), closeChecked(worker)]);
});

const pdf = (filename) => ({ name: filename, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });

test('case worker: uploads an attachment from the case page; a refused file says so in the panel', async () => {
  const page = worker.page;
  await page.goto(`/cases/${caseId}`);
  await page.locator('[data-testid=case-summary]').waitFor();
  const section = page.locator('[data-testid=case-attachments]');
  await page.locator('[data-testid=case-attachment-open]').click();
  const panel = page.locator('[data-testid=case-attachment-form]');
  await panel.waitFor();

  // Nothing chosen: the field says so. A file the server does not take: its refusal, in the panel.
  await page.locator('[data-testid=case-attachment-submit]').click();
  await panel.locator('[data-testid=form-error]').waitFor();
  await page.locator('[data-testid=case-file]').setInputFiles({ name: 'appunti.txt', mimeType: 'text/plain', buffer: Buffer.from('solo testo') });
  await page.locator('[data-testid=case-attachment-submit]').click();
  await panel.locator('[data-testid=form-error]', { hasText: tr('it', 'errors.unsupported_media_type') }).waitFor();
  assert.equal((await apiGet(page, `/cases/${caseId}`)).body.attachments.length, 0, 'nothing attached');
  await checkBothLanguages(page, 'case-attachment-form', () => panel.locator('[data-testid=form-error]').waitFor());
  await at360(page, 'case-attachment-form-360');

  await page.locator('[data-testid=case-file]').setInputFiles(pdf(`decreto-${suffix}.pdf`));
  await page.locator('[data-testid=case-attachment-submit]').click();
  await section.locator('a', { hasText: `decreto-${suffix}.pdf` }).waitFor();
  await page.locator('.alert', { hasText: tr('it', 'cases.saved.attachment', { name: `decreto-${suffix}.pdf` }) }).waitFor();
  await panel.waitFor({ state: 'detached' });
  const attached = (await apiGet(page, `/cases/${caseId}`)).body;
  assert.deepEqual(attached.attachments.map((a) => a.filename), [`decreto-${suffix}.pdf`]);
  assert.ok(attached.timeline.some((e) => e.kind === 'attachment' && e.detail === `decreto-${suffix}.pdf`));
});

test('case worker: hands the case over to the organisation now hosting the guest, after a confirm step', async () => {
  const page = worker.page;
  await page.goto(`/cases/${caseId}`);
  await page.locator('[data-testid=case-summary]').waitFor();
  await page.locator('[data-testid=case-handover-open]').click();
  const panel = page.locator('[data-testid=case-handover-form]');
  await panel.waitFor();
  // The only organisation hosting the guest today is chosen already; the reason is the user's.
  assert.equal(await page.locator('#handover-organization option:checked').textContent(), PONTE);
  await page.locator('[data-testid=case-handover-submit]').click();
  await panel.locator('[data-testid=form-error]').waitFor();
  await page.locator('#handover-reason').selectOption('transfer');
  await checkBothLanguages(page, 'case-handover-form', () => panel.waitFor());
  await at360(page, 'case-handover-form-360');

  await checkConfirmDialog(page, 'case-handover-confirm', async () => {
    await page.locator('[data-testid=case-handover-submit]').click();
    await page.locator('[data-testid=confirm-dialog]').waitFor();
  });
  await page.locator('[data-testid=case-handover-submit]').click();
  const dialog = page.locator('[data-testid=confirm-dialog]');
  await dialog.waitFor();
  const consequences = await dialog.locator('[data-testid=confirm-consequences]').textContent();
  assert.ok(consequences.includes(tr('it', 'cases.handover.leaves', { organization: APPRODO })), consequences);
  assert.ok(consequences.includes(tr('it', 'cases.handover.keeps', { organization: PONTE })), consequences);
  await assertAccessible(page, 'case handover confirm');
  await page.locator('[data-testid=confirm-ok]').click();

  // The case left the cooperative: back on the list, told where it went.
  await page.waitForURL(/\/cases$/);
  await page.locator('.alert', { hasText: tr('it', 'cases.saved.handover', { name, organization: PONTE }) }).waitFor();
  await settled(page);
  assert.equal((await apiGet(page, `/cases/${caseId}`)).status, 404, 'the old organisation no longer reaches the case');
});

test('prefecture officer: the handover is in the case’s timeline, in Italian and Arabic and at 360 px', async () => {
  const page = officer.page;
  await page.goto(`/cases/${caseId}`);
  await page.locator('[data-testid=case-summary]').waitFor();
  const by = (await apiGet(worker.page, '/auth/me')).body.user.display_name;
  const entry = () =>
    page
      .locator('[data-testid=case-timeline-list] li', {
        hasText: tr('it', 'cases.events.handover', { from: APPRODO, to: PONTE, reason: tr('it', 'cases.handover.reasons.transfer'), by }),
      })
      .waitFor();
  await entry();
  await page.locator('[data-testid=case-summary]', { hasText: PONTE }).waitFor();
  // Nowhere else hosts the guest: nothing more to hand over.
  assert.equal(await page.locator('[data-testid=case-handover-open]').count(), 0);
  await checkBothLanguages(page, 'case-handover-timeline', () => page.locator('[data-testid=case-timeline-list] li').first().waitFor());
  await at360(page, 'case-handover-timeline-360');
});
