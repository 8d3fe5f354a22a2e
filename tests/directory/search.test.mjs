// The public directory API (/api/v1/directory, decision 0037) and the HSDS API's search and
// proximity, over HTTP: full text in Italian, Arabic, Ukrainian and Bengali, the filters, a
// confidential place never showing its address or coordinates, parameters refused naming the
// field, public access without a login. A small HSDS package is imported with the CLI into the
// running server's database: the server must find it at the next request (the change counter).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

import { api, expectError, expectStatus } from '../support/client.mjs';

const SHELTER = '5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e11'; // demo seed: a confidential place
const MISSING = '00000000-0000-4000-8000-000000000000';
const ORG = '7e57d1e0-0000-4000-8000-000000000100';
const CLINIC = '7e57d1e0-0000-4000-8000-000000000001';
const LEGAL = '7e57d1e0-0000-4000-8000-000000000002';
const CLOSED = '7e57d1e0-0000-4000-8000-000000000003';
const HEALTH = 'd1a0c7e2-0001-4000-8000-000000000001';
const LEGAL_TERM = 'd1a0c7e2-0001-4000-8000-000000000003';
const INTERNATIONAL_PROTECTION = 'd1a0c7e2-0003-4000-8000-000000000003';
const ALL_FOREIGN = 'd1a0c7e2-0002-4000-8000-000000000001';

const id = (n) => `7e57d1e0-0000-4000-8000-${String(n).padStart(12, '0')}`;
const attribute = (n, service, term) => ({ id: id(n), taxonomy_term_id: term, link_id: service, link_type: 'service', link_entity: 'service' });

const PACKAGE = [
  {
    id: CLINIC,
    name: 'Ambulatorio Zafferano',
    description: 'Visite mediche gratuite senza appuntamento per persone straniere.',
    status: 'active',
    organization: { id: ORG, name: 'Rete Zafferano (test)', description: 'Test.' },
    attributes: [attribute(201, CLINIC, HEALTH), attribute(202, CLINIC, ALL_FOREIGN)],
    languages: [{ id: id(211), name: 'Bengali', code: 'bn' }, { id: id(212), name: 'Italiano', code: 'it' }],
    cost_options: [{ id: id(213), amount: 0, currency: 'EUR' }],
    service_at_locations: [{
      id: id(221),
      location: {
        id: id(222), location_type: 'physical', name: 'Sede di Bagheria', latitude: 38.0758, longitude: 13.5069,
        addresses: [{ id: id(223), address_1: 'Corso Butera 1', city: 'Bagheria', state_province: 'PA', postal_code: '90011', country: 'IT', address_type: 'physical' }],
      },
      schedules: [{ id: id(224), freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' }],
    }],
  },
  {
    id: LEGAL,
    name: 'Sportello Zafferano legale',
    description:
      'Consulenza su protezione internazionale. استشارة قانونية مجانية للاجئين. ' +
      'Безкоштовна юридична консультація. বিনামূল্যে আইনি পরামর্শ।',
    status: 'active',
    organization_id: ORG,
    attributes: [attribute(301, LEGAL, LEGAL_TERM), attribute(302, LEGAL, INTERNATIONAL_PROTECTION)],
    cost_options: [{ id: id(313), amount: 20, currency: 'EUR' }],
    service_at_locations: [{
      id: id(321),
      location: {
        id: id(322), location_type: 'physical', name: 'Sede di Palermo', latitude: 38.1157, longitude: 13.3615,
        addresses: [{ id: id(323), address_1: 'Via Roma 10', city: 'Palermo', state_province: 'PA', postal_code: '90133', country: 'IT', address_type: 'physical' }],
      },
    }],
  },
  {
    id: CLOSED,
    name: 'Sportello Zafferano chiuso',
    description: 'Non più attivo.',
    status: 'inactive',
    organization_id: ORG,
    attributes: [attribute(401, CLOSED, HEALTH)],
  },
];

const dir = (path, query = {}) => api('GET', `/directory${path}?${new URLSearchParams(query)}`);
const search = async (query) => expectStatus(await dir('/search', query), 200);
const ids = (page) => page.items.map((s) => s.id).sort();

before(() => {
  const bin = process.env.INNET_BIN;
  const db = process.env.INNET_DB_URL;
  assert.ok(bin && db, 'INNET_BIN and INNET_DB_URL name the server binary and its database');
  const work = mkdtempSync(join(tmpdir(), 'innet-dirsearch-'));
  try {
    const file = join(work, 'services.json');
    writeFileSync(file, JSON.stringify(PACKAGE));
    const r = spawnSync(bin, ['import', 'hsds', file, '--db', db], { encoding: 'utf8', timeout: 120e3 });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('public: no login, no cookie; an import by another process is found at the next request', async () => {
  const res = await dir('/search', { q: 'zafferano' });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.headers.get('set-cookie'), null);
  assert.deepEqual(ids(res.json), [CLINIC, LEGAL].sort());
  assert.equal(res.json.total, 2);
  assert.equal(res.json.page, 1);
  assert.equal(res.json.per_page, 20);
  const clinic = res.json.items.find((s) => s.id === CLINIC);
  assert.equal(clinic.name, 'Ambulatorio Zafferano');
  assert.equal(clinic.lang, 'it');
  assert.deepEqual(clinic.organization, { id: ORG, name: 'Rete Zafferano (test)' });
  assert.deepEqual(clinic.categories, ['health']);
  assert.deepEqual(clinic.target_groups, ['all_foreign_nationals']);
  assert.deepEqual(clinic.municipality, { istat_code: '082006', name: 'Bagheria' });
  assert.equal(clinic.address, 'Corso Butera 1, 90011 Bagheria');
  assert.equal(clinic.latitude, 38.0758);
  assert.equal(clinic.free, true);
  assert.deepEqual(clinic.languages.sort(), ['bn', 'it']);
  const legal = res.json.items.find((s) => s.id === LEGAL);
  assert.equal(legal.free, false);
  assert.equal(legal.open_now, null); // no hours given: never a guess
  assert.deepEqual(legal.municipality, { istat_code: '082053', name: 'Palermo' });
});

test('full text in Italian, Arabic, Ukrainian and Bengali', async () => {
  assert.deepEqual(ids(await search({ q: 'ambulatori zafferano' })), [CLINIC]); // a plural finds it
  // The demo's legal desks, translated, answer these words too: the fixture is among them.
  const finds = async (query, id) => assert.ok(ids(await search({ ...query, per_page: 50 })).includes(id), query.q);
  await finds({ q: 'استشارة قانونية', lang: 'ar' }, LEGAL);
  await finds({ q: 'юридичну консультацію', lang: 'uk' }, LEGAL);
  await finds({ q: 'আইনি পরামর্শ', lang: 'bn' }, LEGAL);
  // A category's label in the reader's language finds its services even without a translation.
  assert.ok(ids(await search({ q: 'الصحة', lang: 'ar', per_page: 50 })).includes(CLINIC));
  assert.ok(ids(await search({ q: 'Здоров\'я', lang: 'uk', per_page: 50 })).includes(CLINIC));
  // Typing: the last word is a prefix.
  assert.ok(ids(await search({ q: 'zaff' })).includes(CLINIC));
});

test('filters: categories (any of), permit type, municipality, language, free, open now, near', async () => {
  const q = 'zafferano';
  assert.deepEqual(ids(await search({ q, category: 'health' })), [CLINIC]);
  assert.deepEqual(ids(await search({ q, category: 'health,legal' })), [CLINIC, LEGAL].sort());
  assert.deepEqual(ids(await search({ q, category: 'housing' })), []);
  assert.deepEqual(ids(await search({ q, permit_type: 'international_protection' })), [LEGAL]);
  assert.deepEqual(ids(await search({ q, category: 'health', permit_type: 'international_protection' })), []);
  assert.deepEqual(ids(await search({ q, municipality: '082006' })), [CLINIC]);
  assert.deepEqual(ids(await search({ q, municipality: '082053' })), [LEGAL]);
  assert.deepEqual(ids(await search({ q, language: 'bn' })), [CLINIC]);
  assert.deepEqual(ids(await search({ q, free: 'true' })), [CLINIC]);
  assert.deepEqual(ids(await search({ q, open_now: 'true' })).filter((x) => x === LEGAL), []);
  const near = await search({ q, near: '38.0758,13.5069', radius_km: '5' });
  assert.deepEqual(ids(near), [CLINIC]);
  assert.equal(near.items[0].distance_km, 0);
  const byDistance = await search({ q, near: '38.1157,13.3615', radius_km: '50', sort: 'distance' });
  assert.deepEqual(byDistance.items.map((s) => s.id), [LEGAL, CLINIC]);
  assert.ok(byDistance.items[1].distance_km > 10);
  const paged = await search({ q, per_page: '1', page: '2' });
  assert.equal(paged.items.length, 1);
  assert.equal(paged.total, 2);
});

test('an inactive service is never found', async () => {
  assert.ok(!ids(await search({ q: 'zafferano chiuso' })).includes(CLOSED));
  expectError(await dir(`/services/${CLOSED}`), 404, 'not_found');
  const hsds = expectStatus(await api('GET', '/hsds/services?search=zafferano'), 200);
  assert.ok(!hsds.contents.some((s) => s.id === CLOSED));
});

test('one service: details, openings, permit types, places; 404 for a missing id', async () => {
  const clinic = expectStatus(await dir(`/services/${CLINIC}`, { lang: 'fr' }), 200);
  assert.equal(clinic.lang, 'it'); // not translated into French: Italian, and says so
  assert.deepEqual(clinic.openings.length, 7);
  assert.deepEqual(clinic.openings[0], { weekday: 1, opens_at: '00:00', closes_at: '23:59' });
  assert.deepEqual(clinic.locations, [
    { name: 'Sede di Bagheria', address: 'Corso Butera 1, 90011 Bagheria', latitude: 38.0758, longitude: 13.5069, confidential: false },
  ]);
  const legal = expectStatus(await dir(`/services/${LEGAL}`), 200);
  assert.deepEqual(legal.permit_types, ['international_protection']);
  expectError(await dir(`/services/${MISSING}`), 404, 'not_found');
  expectError(await dir('/services/not-a-uuid'), 404, 'not_found');
});

test('a confidential place never shows its address or coordinates: search, detail, suggest, HSDS', async () => {
  const found = await search({ q: 'tratta', per_page: 50 });
  const hit = found.items.find((s) => s.id === SHELTER);
  assert.ok(hit, 'the shelter is found');
  assert.equal(hit.address, null);
  assert.equal(hit.latitude, null);
  assert.equal(hit.longitude, null);
  assert.equal(hit.municipality, null);
  const detail = expectStatus(await dir(`/services/${SHELTER}`), 200);
  assert.equal(detail.address, null);
  for (const place of detail.locations) {
    assert.equal(place.confidential, true);
    assert.equal(place.address, null);
    assert.equal(place.latitude, null);
    assert.equal(place.longitude, null);
  }
  // Near the protected address (demo seed), the shelter is not found: it has no public point.
  const near = await search({ q: 'tratta', near: '38.12,13.36', radius_km: '100' });
  assert.ok(!near.items.some((s) => s.id === SHELTER));
  const suggest = expectStatus(await dir('/suggest', { q: 'accoglienza per vitt' }), 200);
  assert.ok(suggest.items.length <= 8);
  assert.ok(!JSON.stringify(suggest).includes('Indirizzo protetto'));
  const hsds = expectStatus(await api('GET', '/hsds/services?search=tratta'), 200);
  assert.ok(hsds.contents.some((s) => s.id === SHELTER));
  assert.ok(!JSON.stringify(hsds).includes('Indirizzo protetto'));
  for (const text of [JSON.stringify(found), JSON.stringify(detail)]) assert.ok(!text.includes('Indirizzo protetto'));
});

test('suggest: labels and names, at most 8', async () => {
  const s = expectStatus(await dir('/suggest', { q: 'zaff' }), 200);
  assert.ok(s.items.some((i) => i.text === 'Ambulatorio Zafferano'), JSON.stringify(s));
  const labels = expectStatus(await dir('/suggest', { q: 'юрид', lang: 'uk' }), 200);
  assert.ok(labels.items.some((i) => i.text === 'Юридична допомога'), JSON.stringify(labels));
  assert.deepEqual(expectStatus(await dir('/suggest', { q: 'z' }), 200).items, []);
});

test('terms: the three taxonomies with labels in the language asked and counts', async () => {
  const terms = expectStatus(await dir('/terms', { lang: 'uk' }), 200);
  assert.equal(terms.category.length, 16);
  assert.equal(terms.target_group.length, 11);
  assert.equal(terms.permit_type.length, 9);
  const health = terms.category.find((t) => t.code === 'health');
  assert.equal(health.id, HEALTH);
  assert.equal(health.label, 'Здоров\'я');
  assert.ok(health.count >= 1); // the clinic; the inactive one is not counted
  const it = expectStatus(await dir('/terms'), 200);
  assert.equal(it.category.find((t) => t.code === 'legal').label, 'Assistenza legale');
});

test('bad parameters: 400 naming the field', async () => {
  expectError(await dir('/search', { lang: 'de' }), 400, 'validation_failed', ['lang']);
  expectError(await dir('/search', { near: 'palermo' }), 400, 'validation_failed', ['near']);
  expectError(await dir('/search', { near: '95,13' }), 400, 'validation_failed', ['near']);
  expectError(await dir('/search', { near: '38.1,13.3', radius_km: '0' }), 400, 'validation_failed', ['radius_km']);
  expectError(await dir('/search', { near: '38.1,13.3', radius_km: '101' }), 400, 'validation_failed', ['radius_km']);
  expectError(await dir('/search', { radius_km: '5' }), 400, 'validation_failed', ['radius_km']);
  expectError(await dir('/search', { per_page: '51' }), 400, 'validation_failed', ['per_page']);
  expectError(await dir('/search', { per_page: '0' }), 400, 'validation_failed', ['per_page']);
  expectError(await dir('/search', { page: '0' }), 400, 'validation_failed', ['page']);
  expectError(await dir('/search', { category: 'nope' }), 400, 'validation_failed', ['category']);
  expectError(await dir('/search', { municipality: '82053' }), 400, 'validation_failed', ['municipality']);
  expectError(await dir('/search', { sort: 'distance' }), 400, 'validation_failed', ['sort']);
  expectError(await dir('/search', { language: 'italian' }), 400, 'validation_failed', ['language']);
  expectError(await dir('/search', { colour: 'red' }), 400, 'validation_failed', ['colour']);
  expectError(await dir('/suggest', { lang: 'xx' }), 400, 'validation_failed', ['lang']);
  expectError(await dir('/terms', { lang: 'xx' }), 400, 'validation_failed', ['lang']);
  expectError(await dir(`/services/${CLINIC}`, { lang: 'xx' }), 400, 'validation_failed', ['lang']);
});

test('HSDS: search and proximity on /hsds/services', async () => {
  const found = expectStatus(await api('GET', '/hsds/services?search=zafferano'), 200);
  assert.deepEqual(found.contents.map((s) => s.id).sort(), [CLINIC, LEGAL].sort());
  assert.equal(found.total_items, 2);
  const arabic = expectStatus(await api('GET', `/hsds/services?search=${encodeURIComponent('استشارة')}&organization_id=${ORG}`), 200);
  assert.deepEqual(arabic.contents.map((s) => s.id), [LEGAL]);
  // Within 5 km of Bagheria's postcode: the clinic, not the Palermo desk (about 13 km away).
  const near = expectStatus(await api('GET', '/hsds/services?search=zafferano&postcode=90011&proximity=5000'), 200);
  assert.deepEqual(near.contents.map((s) => s.id), [CLINIC]);
  const wide = expectStatus(await api('GET', '/hsds/services?search=zafferano&postcode=90011&proximity=30000'), 200);
  assert.equal(wide.total_items, 2);
  const withOrg = expectStatus(await api('GET', `/hsds/services?search=zafferano&organization_id=${ORG}&per_page=1`), 200);
  assert.equal(withOrg.total_items, 2);
  assert.equal(withOrg.size, 1);
  assert.equal(withOrg.total_pages, 2);
  expectError(await api('GET', '/hsds/services?proximity=5000'), 400, 'validation_failed', ['proximity']);
  expectError(await api('GET', '/hsds/services?proximity=-1&postcode=90011'), 400, 'validation_failed', ['proximity']);
  expectError(await api('GET', '/hsds/services?proximity=5000&postcode=10121'), 400, 'validation_failed', ['postcode']);
});
