// Referrals in the browser (issue 11 points 3 and 7): the demo case worker records the person's
// consent on the case page and sends a referral to the demo NGO under it (the send asks first);
// the NGO's service provider, in a browser of its own, finds it unread in the inbox, reads only
// what is shared and accepts it after a confirm step; the case worker's outbox shows it accepted.
// Axe clean, screenshots in Italian and Arabic and at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiGet, at360, checkBothLanguages, checkConfirmDialog, closeChecked, settled, signedIn } from './helpers.mjs';

const NGO = 'Associazione Diritti in Rete (demo)';
let worker;
let provider;
let caseId;
let person;
let referral;

before(async () => {
  worker = await signedIn('case_worker');
  provider = await signedIn('service_provider');
});

after(async () => {
  await closeChecked(worker);
  await closeChecked(provider);
});

test('case worker: records the consent and sends a referral under it, after a confirm step', async () => {
  const page = worker.page;
  const first = (await apiGet(page, '/cases?status=active&per_page=1')).body.items[0];
  caseId = first.id;
  person = first.person;
  await page.goto(`/cases/${caseId}`);
  await page.locator('[data-testid=case-referrals]').waitFor();

  await page.locator('[data-testid=consent-open]').click();
  await page.locator('#organization_id').selectOption({ label: NGO });
  await page.locator('label[for=data_items-identity]').click();
  await page.locator('label[for=data_items-languages]').click();
  await page.locator('#purpose').fill('Orientamento legale e supporto psicosociale');
  await page.locator('[data-testid=consent-submit]').click();
  await page.locator('[data-testid=consent-table]', { hasText: NGO }).waitFor();

  await page.locator('[data-testid=referral-open]').click();
  await page.locator('#organization_id').selectOption({ label: NGO });
  await page.locator('[data-testid=referral-consent-state]').waitFor();
  await page.locator('#urgency').selectOption('urgent');
  await page.locator('#reason').fill('Colloquio con la psicologa dell’associazione');
  await page.locator('label[for=data_items-identity]').click();
  assert.equal(await page.locator('#data_items-legal_status').count(), 0, 'only what the consent covers is offered');
  await checkBothLanguages(page, 'referral-form', () => page.locator('[data-testid=referral-form]').waitFor());
  await at360(page, 'referral-form-360', { axe: false });
  await checkConfirmDialog(page, 'referral-send-confirm', () => page.locator('[data-testid=referral-submit]').click());
  await page.locator('[data-testid=referral-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=case-referral-list]').waitFor();
  const outbox = (await apiGet(page, `/referrals?box=outbox&case_id=${caseId}`)).body;
  referral = outbox.items.find((r) => r.state === 'sent' && r.to_organization === NGO);
  assert.ok(referral, 'the referral is sent');
  await page.locator('[data-testid=case-referral-list]', { hasText: referral.reference }).waitFor();
  await checkBothLanguages(page, 'case-referrals', () => page.locator('[data-testid=case-referrals]').waitFor());
});

test('service provider: the inbox shows it unread; the referral shows only what is shared; accepting asks first', async () => {
  const page = provider.page;
  await page.goto('/referrals/inbox');
  const row = page.locator('[data-testid=referral-table] tbody tr', { hasText: referral.reference });
  await row.waitFor();
  assert.equal(await row.locator('.badge', { hasText: /.+/ }).count() >= 1, true, 'marked unread');
  await checkBothLanguages(page, 'referral-inbox', () => page.locator('[data-testid=referral-table]').waitFor());
  await at360(page, 'referral-inbox-360', { axe: false });

  await row.locator('a').click();
  await page.locator('[data-testid=referral-shared]').waitFor();
  const shared = await page.locator('[data-testid=referral-shared]').textContent();
  assert.ok(shared.includes(person.family_name), 'the name is shared');
  assert.equal(await page.locator('a[href^="/cases/"]').count(), 0, 'no way to the case');
  await checkBothLanguages(page, 'referral-page-recipient', () => page.locator('[data-testid=referral-history]').waitFor());
  await at360(page, 'referral-page-recipient-360', { axe: false });

  await page.locator('[data-testid=referral-accept]').click();
  await checkConfirmDialog(page, 'referral-accept-confirm', () => page.locator('[data-testid=referral-act-submit]').click());
  await page.locator('[data-testid=referral-act-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await page.locator('[data-testid=referral-start]').waitFor();
  assert.equal((await apiGet(page, `/referrals/${referral.id}`)).body.state, 'accepted');
});

test('case worker: the outbox shows the referral accepted', async () => {
  const page = worker.page;
  await page.goto('/referrals/outbox');
  const row = page.locator('[data-testid=referral-table] tbody tr', { hasText: referral.reference });
  await row.waitFor();
  await settled(page);
  await checkBothLanguages(page, 'referral-outbox', () => page.locator('[data-testid=referral-table]').waitFor());
  await at360(page, 'referral-outbox-360', { axe: false });
  await page.goto(`/referrals/${referral.id}`);
  await page.locator('[data-testid=referral-history]').waitFor();
  assert.equal(await page.locator('[data-testid=referral-history] li').count(), 3, 'draft, sent, accepted');
});

test('case worker: a draft is kept, then edited in the same form and sent', async () => {
  const page = worker.page;
  await page.goto(`/cases/${caseId}`);
  await page.locator('[data-testid=referral-open]').click();
  await page.locator('#organization_id').selectOption({ label: NGO });
  await page.locator('[data-testid=referral-consent-state]').waitFor();
  await page.locator('#reason').fill('Da completare con la mediatrice');
  await page.locator('label[for=data_items-identity]').click();
  await page.locator('label[for=draft]').click();
  await page.locator('[data-testid=referral-submit]').click();
  await page.locator('[data-testid=case-referral-list]').waitFor();
  const outbox = (await apiGet(page, `/referrals?box=outbox&case_id=${caseId}`)).body;
  // The newest draft (the demo data may hold another draft of this case).
  const draft = outbox.items.filter((r) => r.state === 'draft').sort((a, b) => b.id - a.id)[0];
  assert.ok(draft, 'the draft is kept');

  await page.locator(`[data-testid=referral-edit-${draft.id}]`).click();
  await page.locator('[data-testid=referral-form]').waitFor();
  assert.equal(await page.locator('#reason').inputValue(), 'Da completare con la mediatrice', 'the form opens on the draft');
  await checkBothLanguages(page, 'referral-edit-form', () => page.locator('[data-testid=referral-form]').waitFor());
  await page.locator('#reason').fill('Colloquio legale con la mediatrice araba');
  await page.locator('label[for=draft]').click();
  await page.locator('[data-testid=referral-submit]').click();
  // The list showed the draft's reference before the send: wait for the send itself, not for the list.
  const sending = page.waitForResponse((r) => r.url().endsWith(`/referrals/${draft.id}/send`) && r.request().method() === 'POST');
  await page.locator('[data-testid=confirm-ok]').click();
  assert.equal((await sending).status(), 201, 'the send is accepted');
  const sent = (await apiGet(page, `/referrals/${draft.id}`)).body;
  assert.equal(sent.state, 'sent');
  assert.equal(sent.reason, 'Colloquio legale con la mediatrice araba');
});

test('analyst: the referral figures, aggregates without a name', async () => {
  const analyst = await signedIn('analyst');
  try {
    const page = analyst.page;
    await page.goto('/referrals/metrics');
    await page.locator('[data-testid=metrics-organizations]').waitFor();
    assert.ok(!(await page.locator('main').textContent()).includes(person.family_name), 'no name');
    // Groups of fewer than 5 referrals are left out for an analyst, and the page says so.
    await page.locator('[data-testid=metrics-left-out]').waitFor();
    await checkBothLanguages(page, 'referral-metrics', () => page.locator('[data-testid=metrics-times]').waitFor());
    await at360(page, 'referral-metrics-360', { axe: false });
  } finally {
    await closeChecked(analyst);
  }
});
