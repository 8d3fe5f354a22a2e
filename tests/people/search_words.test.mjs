// Person search over HTTP (issue 9 point 10): words in any order, without accents or case; each
// result names the centre where the person stays now, when the caller may see that centre.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { createCentre } from '../centres/fixture.mjs';
import { place } from '../reception/placements/fixture.mjs';
import { api, expectStatus, loginDemo, uniqueSuffix } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';
import { createPerson } from './fixture.mjs';

let officer;
let caseWorker;
let ownOrgId;
let otherOrgId;

before(async () => {
  [officer, caseWorker] = await Promise.all(['prefecture_officer', 'case_worker'].map((r) => loginDemo(r)));
  ownOrgId = caseWorker.user.organization.id;
  const orgs = expectStatus(await api('GET', '/organizations?q=Conca&per_page=100', { session: officer }), 200);
  otherOrgId = orgs.items.find((o) => o.name === "Consorzio Accoglienza Conca d'Oro (demo)").id;
});

const search = async (session, q) =>
  expectStatus(await api('GET', `/persons?q=${encodeURIComponent(q)}&per_page=100`, { session }), 200).items;

test('several words in any order, accents and case aside', async () => {
  const tag = uniqueSuffix().replace(/[0-9]/g, 'x');
  const awa = await createPerson(officer, { family_name: `Traoré${tag}`, given_names: 'Awa Mariam' });
  const ids = async (q) => (await search(officer, q)).map((p) => p.id);
  assert.deepEqual(await ids(`traore${tag}`), [awa.id]);
  assert.deepEqual(await ids(`MARIAM TRAORÉ${tag.toUpperCase()}`), [awa.id]);
  assert.deepEqual(await ids(`awa traore${tag}`), [awa.id]);
  assert.deepEqual(await ids(`traore${tag} nobody`), []);
});

test('results name the current centre, to those who may see it', async () => {
  const tag = uniqueSuffix();
  const own = await createCentre(officer, { operator_id: ownOrgId });
  const other = await createCentre(officer, { operator_id: otherOrgId });
  const here = await createPerson(officer, { family_name: `Centro${tag}`, given_names: 'Uno' });
  const moved = await createPerson(officer, { family_name: `Centro${tag}`, given_names: 'Due' });
  const nowhere = await createPerson(officer, { family_name: `Centro${tag}`, given_names: 'Tre' });
  await place(officer, [here, moved], own, 'single_men', daysAgo(10));
  // `moved` leaves the case worker's centre for another operator's.
  expectStatus(
    await api('POST', '/placements/exits', { session: officer, body: { person_ids: [moved.id], date: daysAgo(5), reason: 'protection_obtained' } }),
    201,
  );
  await place(officer, [moved], other, 'single_men', daysAgo(3));
  const centreOf = (items) => Object.fromEntries(items.map((p) => [p.id, p.current_centre]));
  const byOfficer = centreOf(await search(officer, `centro${tag}`));
  assert.deepEqual(byOfficer[here.id], { id: own.id, name: own.name });
  assert.deepEqual(byOfficer[moved.id], { id: other.id, name: other.name });
  assert.equal(byOfficer[nowhere.id], null);
  // The case worker sees the persons its centres host or hosted, and only its own centres.
  const byCaseWorker = centreOf(await search(caseWorker, `centro${tag}`));
  assert.deepEqual(Object.keys(byCaseWorker).map(Number).sort(), [here.id, moved.id].sort());
  assert.deepEqual(byCaseWorker[here.id], { id: own.id, name: own.name });
  assert.equal(byCaseWorker[moved.id], null);
});
