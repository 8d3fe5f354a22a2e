// The directory's editorial workflow over HTTP (decision 0038): the admin's HSDS upload as a job,
// listings read, changed and verified by the organisation that keeps them (another
// organisation's listing answers 404 as a missing one), moderation by the Prefettura and the
// admin (approve applies and audits, reject keeps a reason, a second decision is a conflict), the
// verification task, and the public's feedback and suggestions: anonymous, counted per service
// and language, flood-gated per address (429 with Retry-After, nothing stored when refused).
// Every route is called by every role. The test brings its own services (uploaded), so the demo
// listings other tests read stay as they are.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { BASE_URL, ROLES, api, expectError, expectStatus, loginAllDemo, poll, randomAddress } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';

let s; // sessions by role
const ORG_P = randomUUID(); // kept by the service provider's organisation
const ORG_C = randomUUID(); // kept by the case worker's organisation
const SVC_P = randomUUID();
const SVC_C = randomUUID();
const MISSING = '00000000-0000-4000-8000-00000000beef';
const today = daysAgo(0);

const service = (id, org, name) => ({
  id,
  name,
  description: 'Servizio di prova del flusso redazionale.',
  status: 'active',
  organization: { id: org, name: `Ente ${name}`, description: 'Ente di prova.' },
  phones: [{ id: randomUUID(), number: '+39 091 000 0000' }],
});

async function uploadJson(session, doc, filename = 'services.json') {
  return api('POST', `/directory/imports?filename=${filename}`, {
    session,
    body: JSON.stringify(doc),
    headers: { 'content-type': 'application/json' },
  });
}

async function finished(session, id) {
  return poll(
    async () => {
      const job = expectStatus(await api('GET', `/directory/imports/${id}`, { session }), 200);
      return job.state !== 'running' && job;
    },
    { timeoutMs: 10000, what: 'the import' },
  );
}

before(async () => {
  s = await loginAllDemo();
  const started = expectStatus(
    await uploadJson(s.admin, [service(SVC_P, ORG_P, `Sportello prova ${SVC_P.slice(0, 6)}`), service(SVC_C, ORG_C, `Mensa prova ${SVC_C.slice(0, 6)}`)]),
    202,
  );
  const job = await finished(s.admin, started.id);
  assert.equal(job.state, 'done', JSON.stringify(job));
  assert.equal(job.progress, 100);
  for (const [org, role] of [[ORG_P, 'service_provider'], [ORG_C, 'case_worker']]) {
    const body = { organization_id: s[role].user.organization.id };
    expectStatus(await api('POST', `/directory/organizations/${org}/owner`, { session: s.prefecture_officer, body }), 200);
  }
});

const MAY_READ = ['admin', 'prefecture_officer', 'case_worker', 'service_provider'];
const MODERATORS = ['admin', 'prefecture_officer'];

test('every role: the staff list, a listing, the changes, suggestions, feedback, imports', async () => {
  for (const role of ROLES) {
    const session = s[role];
    const reads = MAY_READ.includes(role);
    const moderates = MODERATORS.includes(role);
    // The fixture's two services among the 300 demo ones: both names hold "prova".
    const list = await api('GET', '/directory/listings?q=prova&per_page=100', { session });
    if (!reads) expectError(list, 403, 'forbidden');
    else {
      const ids = list.json.items.map((l) => l.id);
      // A provider reads its own organisation's listings only.
      assert.equal(ids.includes(SVC_P), ['admin', 'prefecture_officer', 'service_provider'].includes(role), role);
      assert.equal(ids.includes(SVC_C), ['admin', 'prefecture_officer', 'case_worker'].includes(role), role);
    }
    const own = await api('GET', `/directory/listings/${SVC_P}`, { session });
    if (!reads) expectError(own, 403, 'forbidden');
    else if (role === 'case_worker') expectError(own, 404, 'not_found');
    else assert.equal(expectStatus(own, 200).may_edit_directly, moderates, role);
    for (const path of ['/directory/changes', '/directory/feedback']) {
      const res = await api('GET', path, { session });
      if (reads) expectStatus(res, 200);
      else expectError(res, 403, 'forbidden');
    }
    const sugg = await api('GET', '/directory/suggestions', { session });
    if (moderates) expectStatus(sugg, 200);
    else expectError(sugg, 403, 'forbidden');
    const imp = await api('GET', '/directory/imports/abc', { session });
    if (role === 'admin') expectError(imp, 404, 'not_found');
    else expectError(imp, 403, 'forbidden');
    if (role !== 'admin') expectError(await uploadJson(session, []), 403, 'forbidden');
    const owner = await api('POST', `/directory/organizations/${ORG_P}/owner`, {
      session,
      body: { organization_id: s.service_provider.user.organization.id },
    });
    if (moderates) expectStatus(owner, 200);
    else expectError(owner, 403, 'forbidden');
  }
  expectError(await api('GET', '/directory/listings'), 401, 'unauthenticated');
});

test('a provider proposes, sees the state, a moderator approves (applied, audited) or rejects', async () => {
  const p = s.service_provider;
  const name = `Sportello legale nuovo ${Date.now()}`;
  const body = {
    name,
    phones: [{ number: '+39 091 123 4567', description: 'Segreteria' }],
    openings: [{ weekday: 1, opens_at: '09:00', closes_at: '13:00' }],
    languages: ['ar', 'en'],
    translations: [{ language: 'en', field: 'name', text: 'New legal desk' }],
    note: 'nuovo orario',
  };
  // Another organisation, a role without the action, a direct edit by a provider: refused.
  expectError(await api('POST', `/directory/listings/${SVC_P}/changes`, { session: s.case_worker, body }), 404, 'not_found');
  expectError(await api('POST', `/directory/listings/${SVC_P}/changes`, { session: s.inspector, body }), 403, 'forbidden');
  expectError(await api('POST', `/directory/listings/${SVC_P}/changes`, { session: p, body: { ...body, direct: true } }), 403, 'forbidden');
  expectError(await api('POST', `/directory/listings/${MISSING}/changes`, { session: p, body }), 404, 'not_found');
  expectError(
    await api('POST', `/directory/listings/${SVC_P}/changes`, { session: p, body: { openings: [{ weekday: 8, opens_at: '9', closes_at: '13:00' }] } }),
    400,
    'validation_failed',
  );
  expectError(
    await api('POST', `/directory/listings/${SVC_P}/changes`, { session: p, body: { openings: [{ weekday: 2, opens_at: '14:00', closes_at: '13:00' }] } }),
    400,
    'validation_failed',
    ['openings[0].closes_at'],
  );
  const change = expectStatus(await api('POST', `/directory/listings/${SVC_P}/changes`, { session: p, body }), 201);
  assert.equal(change.state, 'pending');
  assert.deepEqual(change.differences.map((d) => d.field).sort(), ['languages', 'name', 'openings', 'phones', 'translations']);
  // Nothing is applied yet; the provider sees its proposal, the other organisation does not.
  const before = expectStatus(await api('GET', `/directory/listings/${SVC_P}`, { session: p }), 200);
  assert.notEqual(before.fields.name, name);
  assert.equal(before.pending_changes, 1);
  assert.ok(before.changes.some((c) => c.id === change.id));
  const mine = expectStatus(await api('GET', '/directory/changes?state=pending&per_page=100', { session: p }), 200);
  assert.ok(mine.items.some((c) => c.id === change.id));
  const theirs = expectStatus(await api('GET', '/directory/changes?per_page=100', { session: s.case_worker }), 200);
  assert.ok(!theirs.items.some((c) => c.id === change.id));
  expectError(await api('GET', `/directory/changes/${change.id}`, { session: s.case_worker }), 404, 'not_found');
  expectStatus(await api('GET', `/directory/changes/${change.id}`, { session: p }), 200);
  // Only moderators decide.
  for (const role of ['service_provider', 'case_worker', 'inspector', 'sui_officer', 'analyst'])
    expectError(await api('POST', `/directory/changes/${change.id}/approve`, { session: s[role] }), 403, 'forbidden');
  const approved = expectStatus(await api('POST', `/directory/changes/${change.id}/approve`, { session: s.prefecture_officer }), 200);
  assert.equal(approved.state, 'approved');
  assert.ok(approved.decided_by);
  expectError(await api('POST', `/directory/changes/${change.id}/approve`, { session: s.admin }), 409, 'already_decided');
  const after = expectStatus(await api('GET', `/directory/listings/${SVC_P}`, { session: p }), 200);
  assert.equal(after.fields.name, name);
  assert.deepEqual(after.fields.phones, [{ number: '+39 091 123 4567', description: 'Segreteria' }]);
  assert.deepEqual(after.fields.openings, [{ weekday: 1, opens_at: '09:00', closes_at: '13:00' }]);
  assert.deepEqual(after.fields.languages.sort(), ['ar', 'en']);
  assert.deepEqual(after.fields.translations, [{ language: 'en', field: 'name', text: 'New legal desk' }]);
  assert.equal(after.last_modified.slice(0, 10), new Date().toISOString().slice(0, 10));
  const audit = expectStatus(await api('GET', `/audit?action=directory.change_approve&per_page=100`, { session: s.admin }), 200);
  assert.ok(audit.items.some((e) => e.entity_id === String(change.id)), 'the approval is audited');
  // The same values again change nothing: refused rather than queued.
  expectError(await api('POST', `/directory/listings/${SVC_P}/changes`, { session: p, body: { name } }), 422, 'no_changes');

  const second = expectStatus(await api('POST', `/directory/listings/${SVC_P}/changes`, { session: p, body: { description: 'Altro testo' } }), 201);
  expectError(await api('POST', `/directory/changes/${second.id}/reject`, { session: s.admin, body: {} }), 400, 'validation_failed', ['reason']);
  const rejected = expectStatus(
    await api('POST', `/directory/changes/${second.id}/reject`, { session: s.admin, body: { reason: 'Testo non verificabile' } }),
    200,
  );
  assert.equal(rejected.state, 'rejected');
  assert.equal(rejected.reason, 'Testo non verificabile');
  const seen = expectStatus(await api('GET', `/directory/changes/${second.id}`, { session: p }), 200);
  assert.equal(seen.reason, 'Testo non verificabile');
  const unchanged = expectStatus(await api('GET', `/directory/listings/${SVC_P}`, { session: p }), 200);
  assert.notEqual(unchanged.fields.description, 'Altro testo');

  // A moderator edits directly: applied at once.
  const direct = expectStatus(
    await api('POST', `/directory/listings/${SVC_C}/changes`, { session: s.prefecture_officer, body: { eligibility_description: 'Tutti', direct: true } }),
    201,
  );
  assert.equal(direct.state, 'approved');
  const c = expectStatus(await api('GET', `/directory/listings/${SVC_C}`, { session: s.case_worker }), 200);
  assert.equal(c.fields.eligibility_description, 'Tutti');
});

test('verify: the owner or a moderator; unverified listings are the owner\'s tasks and flagged', async () => {
  const cw = s.case_worker;
  const listed = expectStatus(await api('GET', '/directory/listings?unverified=true&per_page=100', { session: cw }), 200);
  const row = listed.items.find((l) => l.id === SVC_C);
  assert.ok(row && row.stale, 'a never verified listing is flagged');
  assert.equal(listed.verify_months, 6);
  const tasks = expectStatus(await api('GET', '/tasks?kind=listing_unverified&per_page=100', { session: cw }), 200);
  assert.ok(tasks.items.some((t) => t.link === `/directory/services/${SVC_C}`));
  // Not the provider's: another organisation's listing.
  const ptasks = expectStatus(await api('GET', '/tasks?kind=listing_unverified&per_page=100', { session: s.service_provider }), 200);
  assert.ok(!ptasks.items.some((t) => t.link === `/directory/services/${SVC_C}`));
  expectError(await api('POST', `/directory/listings/${SVC_C}/verify`, { session: s.service_provider }), 404, 'not_found');
  for (const role of ['inspector', 'sui_officer', 'analyst'])
    expectError(await api('POST', `/directory/listings/${SVC_C}/verify`, { session: s[role] }), 403, 'forbidden');
  const verified = expectStatus(await api('POST', `/directory/listings/${SVC_C}/verify`, { session: cw }), 200);
  assert.equal(verified.last_verified_on, today);
  assert.equal(verified.stale, false);
  assert.ok(verified.verified_by);
  const after = expectStatus(await api('GET', '/tasks?kind=listing_unverified&per_page=100', { session: cw }), 200);
  assert.ok(!after.items.some((t) => t.link === `/directory/services/${SVC_C}`));
  expectStatus(await api('POST', `/directory/listings/${SVC_P}/verify`, { session: s.admin }), 200);
});

test('the staff list: search, sort, paging and the office CSV', async () => {
  const officer = s.prefecture_officer;
  const q = SVC_C.slice(0, 6);
  const found = expectStatus(await api('GET', `/directory/listings?q=${q}`, { session: officer }), 200);
  assert.deepEqual(found.items.map((l) => l.id), [SVC_C]);
  const asc = expectStatus(await api('GET', '/directory/listings?sort=name&per_page=100', { session: officer }), 200);
  const names = asc.items.map((l) => l.name);
  assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  const page2 = expectStatus(await api('GET', '/directory/listings?sort=name&per_page=1&page=2', { session: officer }), 200);
  assert.equal(page2.items[0].id, asc.items[1].id);
  expectError(await api('GET', '/directory/listings?sort=password', { session: officer }), 400, 'validation_failed', ['sort']);
  const csv = await api('GET', '/directory/listings?format=csv&lang=it', { session: officer, headers: { accept: 'text/csv' } });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition'), /directory-services\.csv/);
  // fetch's text() drops the byte order mark: read the bytes.
  const raw = await fetch(`${BASE_URL}/api/v1/directory/listings?format=csv&lang=it`, {
    headers: { cookie: `innet_session=${officer.cookie}`, 'x-forwarded-for': officer.address },
  });
  const bytes = Buffer.from(await raw.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte order mark for Excel');
  assert.match(csv.text, /^\uFEFF?Servizio;Ente;/);
  assert.ok(csv.text.includes(`;${today.split('-').reverse().join('/')};`), 'days as dd/mm/yyyy');
  // A provider's CSV holds its own listings only.
  const pcsv = await api('GET', '/directory/listings?format=csv', { session: s.service_provider, headers: { accept: 'text/csv' } });
  assert.ok(!pcsv.text.includes(SVC_C.slice(0, 6)));
});

test('public feedback: anonymous counts per service and language, read by moderators and owners', async () => {
  const post = (body, address = randomAddress()) => api('POST', `/directory/services/${SVC_P}/feedback`, { body, address });
  expectStatus(await post({ helped: true, quality: 4, language: 'ar' }), 201);
  expectStatus(await post({ helped: false, quality: null, language: null }), 201);
  expectStatus(await post({ helped: true }), 201);
  expectError(await post({ helped: 'yes', quality: 9 }), 400, 'validation_failed', ['helped', 'quality']);
  expectError(await post({ helped: true, language: 'ARA' }), 400, 'validation_failed', ['language']);
  expectError(await api('POST', `/directory/services/${MISSING}/feedback`, { body: { helped: true }, address: randomAddress() }), 404, 'not_found');
  const read = expectStatus(await api('GET', `/directory/feedback?service_id=${SVC_P}`, { session: s.prefecture_officer }), 200);
  const f = read.items[0];
  assert.equal(f.total.count, 3);
  assert.equal(f.total.helped_share, 2 / 3);
  assert.equal(f.total.mean_quality, 4);
  assert.deepEqual(f.by_language.find((l) => l.language === 'ar'), { language: 'ar', count: 1, helped_share: 1, rated: 1, mean_quality: 4 });
  const owner = expectStatus(await api('GET', `/directory/feedback?service_id=${SVC_P}`, { session: s.service_provider }), 200);
  assert.equal(owner.items.length, 1);
  const other = expectStatus(await api('GET', `/directory/feedback?service_id=${SVC_P}`, { session: s.case_worker }), 200);
  assert.equal(other.items.length, 0);
});

test('public suggestions: queued for moderators, handled with a note or rejected', async () => {
  const text = `Il numero è cambiato ${Date.now()}`;
  expectError(await api('POST', `/directory/services/${SVC_C}/suggestions`, { body: { text: '', field: 'phone' }, address: randomAddress() }), 400, 'validation_failed', ['text']);
  expectError(await api('POST', `/directory/services/${SVC_C}/suggestions`, { body: { text, field: 'email' }, address: randomAddress() }), 400, 'validation_failed', ['field']);
  const res = expectStatus(await api('POST', `/directory/services/${SVC_C}/suggestions`, { body: { text, field: 'phone' }, address: randomAddress() }), 201);
  assert.deepEqual(res, { received: true });
  assert.equal(res.headers, undefined);
  expectStatus(await api('POST', `/directory/services/${SVC_C}/suggestions`, { body: { text: `${text} bis`, field: 'hours' }, address: randomAddress() }), 201);
  const queue = expectStatus(await api('GET', '/directory/suggestions?state=pending&per_page=100', { session: s.prefecture_officer }), 200);
  const a = queue.items.find((x) => x.text === text);
  const b = queue.items.find((x) => x.text === `${text} bis`);
  assert.ok(a && b);
  assert.equal(a.received_on, today);
  for (const role of ['service_provider', 'case_worker', 'inspector'])
    expectError(await api('POST', `/directory/suggestions/${a.id}/handle`, { session: s[role], body: {} }), 403, 'forbidden');
  const handled = expectStatus(await api('POST', `/directory/suggestions/${a.id}/handle`, { session: s.admin, body: { note: 'Telefono aggiornato' } }), 200);
  assert.equal(handled.state, 'handled');
  assert.equal(handled.note, 'Telefono aggiornato');
  expectError(await api('POST', `/directory/suggestions/${a.id}/reject`, { session: s.admin, body: {} }), 409, 'already_decided');
  expectError(await api('POST', `/directory/suggestions/999999999/reject`, { session: s.admin, body: {} }), 404, 'not_found');
  // Turned into a change: the moderator's edit names the suggestion, which is then handled.
  const change = expectStatus(
    await api('POST', `/directory/listings/${SVC_C}/changes`, {
      session: s.prefecture_officer,
      body: { openings: [{ weekday: 3, opens_at: '15:00', closes_at: '18:00' }], direct: true, suggestion_id: b.id },
    }),
    201,
  );
  const done = expectStatus(await api('GET', '/directory/suggestions?state=handled&per_page=100', { session: s.prefecture_officer }), 200);
  assert.equal(done.items.find((x) => x.id === b.id).change_id, change.id);
  expectError(
    await api('POST', `/directory/listings/${SVC_P}/changes`, { session: s.service_provider, body: { name: 'x y z', suggestion_id: b.id } }),
    403,
    'forbidden',
  );
});

test('the public writes are flood-gated per address: 429 with Retry-After, nothing stored', async () => {
  const address = randomAddress();
  const countOf = async () =>
    expectStatus(await api('GET', `/directory/feedback?service_id=${SVC_C}`, { session: s.prefecture_officer }), 200).items[0]?.total.count ?? 0;
  const start = await countOf();
  for (let i = 0; i < 10; i++)
    expectStatus(await api('POST', `/directory/services/${SVC_C}/feedback`, { body: { helped: true }, address }), 201);
  const refused = await api('POST', `/directory/services/${SVC_C}/feedback`, { body: { helped: true }, address });
  expectError(refused, 429, 'too_many_requests');
  assert.ok(Number(refused.headers.get('retry-after')) > 0);
  expectError(await api('POST', `/directory/services/${SVC_C}/suggestions`, { body: { text: 'x', field: 'other' }, address }), 429, 'too_many_requests');
  assert.equal(await countOf(), start + 10, 'the refused answer was not counted');
  assert.equal(refused.headers.get('set-cookie'), null);
  // Another address is not held back.
  expectStatus(await api('POST', `/directory/services/${SVC_C}/feedback`, { body: { helped: true }, address: randomAddress() }), 201);
});

test('the HSDS upload: refused values listed file:row: field, nothing written; bad files refused', async () => {
  const bad = [
    { ...service(randomUUID(), randomUUID(), 'Servizio errato'), status: 'forse' },
    { ...service(randomUUID(), randomUUID(), 'Altro'), email: 'not-an-email' },
  ];
  const started = expectStatus(await uploadJson(s.admin, bad, 'errati.json'), 202);
  const job = await finished(s.admin, started.id);
  assert.equal(job.state, 'refused');
  assert.equal(job.changed, 0);
  const where = job.rejections.map((r) => `${r.file}:${r.row}: ${r.field}: ${r.code}`);
  assert.ok(where.includes('errati.json:1: status: not_in_list'), where.join('\n'));
  assert.ok(where.some((w) => w.startsWith('errati.json:2: email:')), where.join('\n'));
  const none = expectStatus(await api('GET', `/directory/listings?q=Servizio%20errato`, { session: s.admin }), 200);
  assert.equal(none.total, 0, 'nothing was written');
  expectError(await uploadJson(s.admin, 'plain text'), 400, 'invalid_file');
  const zip = Buffer.from('PK\x03\x04garbage', 'latin1');
  expectError(await api('POST', '/directory/imports?filename=x.zip', { session: s.admin, body: zip, headers: { 'content-type': 'application/zip' } }), 400, 'invalid_archive');
});
