// The queue of possible duplicates (decision 0026, "The queue of pairs"): reached from the menu,
// each pair with its reasons and a link to the review page with the two records side by side;
// "not the same person" after a confirmation, then undone from the list below. Axe clean, in
// Italian and Arabic, and at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, assertAccessible, checkBothLanguages, checkConfirmDialog, closeChecked, createPerson, screenshot, settled, signedIn, uniqueSuffix } from './helpers.mjs';

let browser;
let page;

before(async () => {
  ({ browser, page } = await signedIn('prefecture_officer'));
});

after(() => closeChecked({ browser, page }));

// Letters only: the name keys are made of consonants, so a made-up name pairs only this test's.
const family = () => `Qa${uniqueSuffix().replace(/[^a-z]/g, '')}var`;

// The page of the queue (20 a page) where the pair is, from the API.
async function pageOf(first, second) {
  for (let n = 1; ; n++) {
    const { body } = await apiCall(page, 'GET', `/persons/duplicate-pairs?per_page=20&page=${n}`);
    if (body.items.some((p) => p.first.id === first.id && p.second.id === second.id)) return n;
    assert.ok(body.items.length, 'the pair is queued');
  }
}

test('possible duplicates: a pair with its reasons, reviewed side by side, marked as two persons and put back', async () => {
  const f = family();
  const one = await createPerson(page, f, 'Oleksandr', { nationality: 'UA', birth_date: '1988-11-05', given_names_original: 'Олександр' });
  const two = await createPerson(page, f, 'Alexander', { nationality: 'UA', birth_date: '1988-11-05' });
  const n = await pageOf(one, two);

  await page.goto('/home');
  await page.locator('a[href="/duplicate-pairs"]').first().waitFor({ state: 'attached' });
  await page.goto(`/duplicate-pairs${n > 1 ? `?page=${n}` : ''}`);
  const row = page.locator(`[data-pair="${one.id}-${two.id}"]`);
  await row.waitFor();
  assert.deepEqual(await row.locator('[data-reason]').evaluateAll((els) => els.map((e) => e.dataset.reason)), ['name_phonetic', 'birth_date_equal', 'nationality_equal']);
  await checkBothLanguages(page, 'duplicate-pairs', () => row.waitFor());
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'duplicate-pairs-360');
  await assertAccessible(page, 'possible duplicates at 360 px');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The review page opens with the other record side by side.
  await row.locator('[data-testid=pair-review]').click();
  await page.locator('[data-testid=duplicate-compare]').waitFor();
  assert.match(await page.locator('[data-testid=duplicate-compare] thead').textContent(), /Alexander/);
  await page.goBack();

  // Not the same person: a reason, a confirmation, and the pair leaves the queue.
  await row.locator('[data-testid=pair-dismiss-open]').click();
  await row.locator('[data-testid=pair-dismiss-form] textarea').fill('Due fratelli: documenti visti in Questura');
  await checkConfirmDialog(page, 'duplicate-pairs-dismiss-confirm', () => row.locator('[data-testid=pair-dismiss-submit]').click());
  await row.locator('[data-testid=pair-dismiss-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  const dismissal = page.locator('[data-testid=pair-dismissals] li', { hasText: f }).first();
  await dismissal.waitFor();
  await settled(page);
  assert.equal(await row.count(), 0, 'out of the queue');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'duplicate-pairs-dismissed-360');
  await assertAccessible(page, 'possible duplicates with a dismissal at 360 px');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Put back, after its own confirmation.
  await dismissal.locator('[data-testid=dismissal-undo-open]').click();
  await dismissal.locator('[data-testid=dismissal-undo-form] textarea').fill('Errore: è la stessa persona');
  await dismissal.locator('[data-testid=dismissal-undo-submit]').click();
  await page.locator('[data-testid=confirm-ok]').click();
  await settled(page);
  await page.goto(`/duplicate-pairs${n > 1 ? `?page=${n}` : ''}`);
  await row.waitFor();
  const { body } = await apiCall(page, 'GET', '/person-pair-dismissals?per_page=50');
  const recorded = body.items.find((d) => d.first.id === one.id && d.second.id === two.id);
  assert.ok(recorded?.undone_at, 'the decision stays recorded, undone');
});
