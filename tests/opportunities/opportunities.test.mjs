// Opportunities over HTTP (decision 0039): publishers write their organisation's, drafts stay
// theirs, the public reads only what is published and not expired, in its language with the
// Italian as fallback; case workers recommend a current one to a case they keep, and a case or an
// opportunity the caller may not see answers as a missing one. Bad input names the field and
// stores nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, createUser, expectError, expectStatus, findOrganization, loginDemo, login } from '../support/client.mjs';
import { addDays, daysAgo } from '../support/days.mjs';
import { openCase } from '../cases/fixture.mjs';

let admin, officer, worker, provider, sui, inspector, analyst;

before(async () => {
  [admin, officer, worker, provider, sui, inspector, analyst] = await Promise.all(
    ['admin', 'prefecture_officer', 'case_worker', 'service_provider', 'sui_officer', 'inspector', 'analyst'].map(loginDemo),
  );
});

const today = daysAgo(0);
const body = (fields = {}) => ({
  kind: 'training',
  title: `Corso di saldatura ${Math.random().toString(36).slice(2, 8)}`,
  description: 'Corso di 120 ore con tirocinio.',
  how_to_apply: 'Colloquio presso la sede.',
  expires_on: addDays(today, 30),
  municipality: '082053',
  target_groups: ['refugees'],
  ...fields,
});
const create = (session, fields) => api('POST', '/opportunities', { session, body: body(fields) });
const publicList = (query = '') => api('GET', `/public/opportunities${query}`);

test('a publisher writes a draft for its organisation; the public and other organisations do not see it until published', async () => {
  const draft = expectStatus(await create(provider), 201);
  assert.equal(draft.status, 'draft');
  assert.equal(draft.publisher.name, 'Associazione Diritti in Rete (demo)');
  assert.equal(draft.editable, true);
  assert.equal(draft.municipality.name, 'Palermo');
  // Drafts: the publisher's organisation and those who edit any; nobody else, not even by id.
  expectStatus(await api('GET', `/opportunities/${draft.id}`, { session: admin }), 200);
  for (const other of [worker, inspector, sui]) {
    expectError(await api('GET', `/opportunities/${draft.id}`, { session: other }), 404, 'not_found');
    const seen = expectStatus(await api('GET', `/opportunities?q=${encodeURIComponent(draft.title)}`, { session: other }), 200);
    assert.equal(seen.total, 0);
  }
  expectError(await api('GET', `/public/opportunities/${draft.id}`), 404, 'not_found');
  assert.equal(expectStatus(await publicList(`?q=${encodeURIComponent(draft.title)}`), 200).total, 0);
  // Published, everyone reads it; only its organisation (and admins, officers) may change it.
  const published = expectStatus(await api('PATCH', `/opportunities/${draft.id}`, { session: provider, body: { status: 'published' } }), 200);
  assert.equal(published.status, 'published');
  const asWorker = expectStatus(await api('GET', `/opportunities/${draft.id}`, { session: worker }), 200);
  assert.equal(asWorker.editable, false);
  // Another organisation's, for a change: as missing, as every record out of scope.
  expectError(await api('PATCH', `/opportunities/${draft.id}`, { session: worker, body: { title: 'Altro' } }), 404, 'not_found');
  expectError(await api('PATCH', `/opportunities/${draft.id}`, { session: sui, body: { title: 'Altro' } }), 404, 'not_found');
  expectStatus(await api('PATCH', `/opportunities/${draft.id}`, { session: officer, body: { place: 'Via Roma 1' } }), 200);
  const open = expectStatus(await api('GET', `/public/opportunities/${draft.id}`), 200);
  assert.equal(open.title, draft.title);
  assert.equal(open.place, 'Via Roma 1');
  assert.ok(!('status' in open) && !('updated_by_name' in open), 'the public reads no editorial data');
  // Withdrawn, it leaves the public lists at once.
  expectStatus(await api('PATCH', `/opportunities/${draft.id}`, { session: provider, body: { status: 'withdrawn' } }), 200);
  expectError(await api('GET', `/public/opportunities/${draft.id}`), 404, 'not_found');
  // Every change is audited.
  const audit = expectStatus(await api('GET', '/audit?action=opportunities.update&per_page=100', { session: admin }), 200);
  assert.ok(audit.items.filter((e) => e.entity_id === String(draft.id)).length >= 3);
});

test('an expired opportunity leaves the public lists; the staff still read it', async () => {
  const gone = expectStatus(await create(officer, { status: 'published', expires_on: addDays(today, -1) }), 201);
  const last = expectStatus(await create(officer, { status: 'published', expires_on: today }), 201);
  expectError(await api('GET', `/public/opportunities/${gone.id}`), 404, 'not_found');
  expectStatus(await api('GET', `/public/opportunities/${last.id}`), 200);
  expectStatus(await api('GET', `/opportunities/${gone.id}`, { session: worker }), 200);
  const current = expectStatus(await api('GET', `/opportunities?current=true&per_page=100`, { session: admin }), 200);
  assert.ok(current.items.every((o) => o.status === 'published' && o.expires_on >= today));
  // The demo has an expired course: in the staff's list, not the public's.
  const staff = expectStatus(await api('GET', '/opportunities?q=estivo', { session: worker }), 200);
  assert.equal(staff.total, 1);
  assert.equal(expectStatus(await publicList('?q=estivo'), 200).total, 0);
});

test('the public reads its language, or the Italian with lang saying so; filters by kind, group and municipality', async () => {
  const o = expectStatus(
    await create(officer, {
      status: 'published',
      kind: 'job',
      municipality: '082054',
      target_groups: ['temporary_protection', 'women'],
      translations: [
        { language: 'uk', title: 'Робота в саду', description: 'Сезонна робота.', how_to_apply: '' },
        { language: 'ar', title: 'عمل في الحديقة', description: 'عمل موسمي.', how_to_apply: 'اتصل بنا.' },
      ],
    }),
    201,
  );
  const uk = expectStatus(await api('GET', `/public/opportunities/${o.id}?lang=uk`), 200);
  // The Ukrainian has no "how to apply": the Italian's, and how_to_apply_lang says it is Italian.
  assert.deepEqual([uk.lang, uk.title, uk.how_to_apply, uk.how_to_apply_lang], ['uk', 'Робота в саду', 'Colloquio presso la sede.', 'it']);
  const ar = expectStatus(await api('GET', `/public/opportunities/${o.id}?lang=ar`), 200);
  assert.deepEqual([ar.lang, ar.how_to_apply, ar.how_to_apply_lang], ['ar', 'اتصل بنا.', 'ar']);
  const bn = expectStatus(await api('GET', `/public/opportunities/${o.id}?lang=bn`), 200);
  assert.deepEqual([bn.lang, bn.title, bn.how_to_apply_lang], ['it', o.title, 'it']);
  const list = expectStatus(await publicList(`?lang=uk&kind=job&municipality=082054&per_page=50`), 200).items.find((i) => i.id === o.id);
  assert.deepEqual([list.lang, list.how_to_apply_lang], ['uk', 'it']);
  // Words of a translation find it too.
  const found = expectStatus(await publicList(`?lang=uk&q=${encodeURIComponent('робота')}`), 200);
  assert.ok(found.items.some((i) => i.id === o.id));
  const filtered = expectStatus(await publicList('?kind=job&target_group=temporary_protection&municipality=082054&per_page=50'), 200);
  assert.ok(filtered.items.some((i) => i.id === o.id));
  assert.ok(filtered.items.every((i) => i.kind === 'job' && i.target_groups.includes('temporary_protection')));
  assert.equal(expectStatus(await publicList('?kind=event&municipality=082054'), 200).items.filter((i) => i.id === o.id).length, 0);
  // The demo's Italian course is in six languages.
  const course = expectStatus(await publicList('?lang=bn&kind=italian_course'), 200).items.find((i) => i.lang === 'bn');
  assert.ok(course, 'a demo course in Bengali');
});

test('bad input names the field and stores nothing', async () => {
  const before = expectStatus(await api('GET', '/opportunities?per_page=1', { session: admin }), 200).total;
  const cases = [
    [{ url: 'http://example.org' }, 422, 'url'],
    [{ municipality: '001001' }, 422, 'municipality'],
    [{ starts_on: addDays(today, 5), ends_on: addDays(today, 2) }, 422, 'ends_on'],
    [{ target_groups: ['martians'] }, 400, 'target_groups'],
    [{ target_groups: ['women', 'women'] }, 422, 'target_groups'],
    [{ kind: 'party' }, 400, 'kind'],
    [{ expires_on: '2026-02-30' }, 400, 'expires_on'],
    [{ translations: [{ language: 'it', title: 'x', description: 'y' }] }, 400, 'translations'],
    [{ translations: [{ language: 'en', title: 'x', description: 'y' }, { language: 'en', title: 'z', description: 'w' }] }, 422, 'translations'],
    [{ title: '' }, 400, 'title'],
  ];
  for (const [fields, status, field] of cases) {
    const res = await create(provider, fields);
    assert.equal(res.status, status, `${JSON.stringify(fields)}: ${res.status} ${JSON.stringify(res.json)}`);
    assert.ok(JSON.stringify(res.json.error.fields ?? res.json.error).includes(field), `${field}: ${JSON.stringify(res.json)}`);
  }
  // A publisher of one organisation cannot publish for another.
  const approdo = await findOrganization(admin, 'Cooperativa Sociale Approdo (demo)');
  expectError(await create(provider, { publisher_organization_id: approdo.id }), 422, 'validation_failed', ['publisher_organization_id']);
  expectStatus(await create(officer, { publisher_organization_id: approdo.id }), 201);
  const after = expectStatus(await api('GET', '/opportunities?per_page=1', { session: admin }), 200).total;
  assert.equal(after, before + 1);
  expectError(await api('GET', '/public/opportunities?lang=de'), 400, 'validation_failed', ['lang']);
});

test('a case worker recommends a current opportunity to a case it keeps; the case lists it; others answer as for a missing case', async () => {
  const { case: c } = await openCase({ admin, officer, worker });
  const o = expectStatus(await create(officer, { status: 'published' }), 201);
  const rec = expectStatus(
    await api('POST', `/opportunities/${o.id}/recommendations`, { session: worker, body: { case_id: c.id, note: 'Interessato alla saldatura' } }),
    201,
  );
  assert.equal(rec.opportunity.id, o.id);
  assert.equal(rec.current, true);
  const listed = expectStatus(await api('GET', `/cases/${c.id}/opportunities`, { session: worker }), 200);
  assert.deepEqual(listed.items.map((i) => [i.opportunity.id, i.note]), [[o.id, 'Interessato alla saldatura']]);
  // A case worker of another organisation: the case is as missing, for the list and the act.
  const coop = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  const made = await createUser(admin, { organizationId: coop.id, role: 'case_worker' });
  const stranger = await login(made.email, made.password);
  expectError(await api('GET', `/cases/${c.id}/opportunities`, { session: stranger }), 404, 'not_found');
  expectError(await api('POST', `/opportunities/${o.id}/recommendations`, { session: stranger, body: { case_id: c.id } }), 404, 'not_found');
  // A draft of another organisation is as missing; an expired one cannot be recommended.
  const draft = expectStatus(await create(provider), 201);
  expectError(await api('POST', `/opportunities/${draft.id}/recommendations`, { session: worker, body: { case_id: c.id } }), 404, 'not_found');
  const expired = expectStatus(await create(officer, { status: 'published', expires_on: addDays(today, -3) }), 201);
  expectError(await api('POST', `/opportunities/${expired.id}/recommendations`, { session: worker, body: { case_id: c.id } }), 409, 'not_current');
  assert.equal(expectStatus(await api('GET', `/cases/${c.id}/opportunities`, { session: worker }), 200).items.length, 1);
  // Recorded in the case's read log and audit trail.
  const audit = expectStatus(await api('GET', '/audit?action=opportunities.recommend&per_page=100', { session: admin }), 200);
  assert.ok(audit.items.some((e) => e.entity_id === String(c.id)));
});

test('analysts and anonymous callers read no staff list', async () => {
  expectError(await api('GET', '/opportunities', { session: analyst }), 403, 'forbidden');
  expectError(await api('GET', '/opportunities'), 401, 'unauthenticated');
});
