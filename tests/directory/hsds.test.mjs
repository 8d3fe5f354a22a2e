// The HSDS API over HTTP (decision 0034): public and read-only, the HSDS page wrapper and
// parameters, answers valid against HSDS 3.1's own openapi.json and schemas (vendored in
// tests/directory/hsds), a confidential location's address and coordinates never shown, bad
// parameters refused naming the parameter, an unknown id a 404.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import { api, expectError, expectStatus } from '../support/client.mjs';

const LEGAL = '5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e01';
const SHELTER = '5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e11';
const ORGANIZATION = '5a0c3f8e-1b2d-4c6e-9f10-2a3b4c5d6e00';
const MISSING = '00000000-0000-4000-8000-000000000000';

// HSDS's openapi.json names its object schemas by URLs of the specification's repository
// (compiled/service.json, service_list.json...); the vendored schemas stand in for them.
const schemaDir = new URL('./hsds/schema/', import.meta.url);
const hsdsApi = JSON.parse(readFileSync(new URL('openapi.json', schemaDir)));
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
  const schema = JSON.parse(readFileSync(new URL(file, schemaDir)));
  const name = file.replace('.json', '');
  for (const folder of ['schema', 'schema/compiled']) {
    const base = `https://raw.githubusercontent.com/openreferral/specification/3.0/${folder}/`;
    ajv.addSchema({ ...schema, $id: `${base}${file}` });
    if (['service', 'organization', 'service_at_location'].includes(name))
      ajv.addSchema({ ...schema, $id: `${base}${name}_list.json` });
  }
}
ajv.addSchema({ $id: 'https://hsds.example/openapi.json', components: hsdsApi.components });

// HSDS 3.1's openapi.json gives /service_at_locations/{id} the service schema, a slip: its own
// example of that answer (examples/service_at_location_full.json) is a service_at_location.
const SCHEMA_OVERRIDES = {
  '/service_at_locations/{id}': {
    $ref: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/service_at_location.json',
  },
};

function checkHsds(path, body) {
  const schema = structuredClone(
    SCHEMA_OVERRIDES[path] ?? hsdsApi.paths[path].get.responses['200'].content['application/json'].schema,
  );
  // The Page wrapper is the document's own component.
  const rewrite = (node) => {
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && v.startsWith('#/components/')) node[k] = `https://hsds.example/openapi.json${v}`;
        else rewrite(v);
      }
    }
  };
  rewrite(schema);
  const validate = ajv.compile(schema);
  assert.ok(validate(body), `${path}: ${ajv.errorsText(validate.errors)}`);
}

const hsds = (path) => api('GET', `/hsds${path}`);

before(async () => {
  // The demo seed's directory (src/directory/seed.cc) is what these tests read.
  expectStatus(await hsds(`/services/${LEGAL}`), 200);
});

test('the root names the HSDS version, without a login', async () => {
  const root = expectStatus(await api('GET', '/hsds'), 200);
  assert.equal(root.version, '3.1');
  checkHsds('/', root);
});

test('lists come in the HSDS page wrapper and validate against the HSDS API', async () => {
  for (const [path, hsdsPath] of [
    ['/services', '/services'],
    ['/service_at_locations', '/service_at_locations'],
    ['/organizations', '/organizations'],
    ['/taxonomies', '/taxonomies'],
    ['/taxonomy_terms', '/taxonomy_terms'],
  ]) {
    const page = expectStatus(await hsds(path), 200);
    for (const k of ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'])
      assert.ok(k in page, `${path} ${k}`);
    assert.equal(page.size, page.contents.length);
    assert.equal(page.empty, page.contents.length === 0);
    checkHsds(hsdsPath, page);
  }
  // The demo has some 300 services: the hand-written one is found through its organisation.
  const services = expectStatus(await hsds(`/services?organization_id=${ORGANIZATION}`), 200);
  const legal = services.contents.find((s) => s.id === LEGAL);
  assert.ok(legal, 'the demo service is listed');
  assert.equal(legal.organization.id, ORGANIZATION); // a list item names its organisation
  assert.equal(legal.service_at_locations, undefined); // but not its places: that is the full view
});

test('paging: page and per_page, with first and last page', async () => {
  const first = expectStatus(await hsds('/services?per_page=1'), 200);
  assert.ok(first.total_items >= 2);
  assert.equal(first.size, 1);
  assert.equal(first.first_page, true);
  assert.equal(first.total_pages, first.total_items);
  const second = expectStatus(await hsds('/services?per_page=1&page=2'), 200);
  assert.equal(second.page_number, 2);
  assert.equal(second.first_page, false);
  assert.notEqual(second.contents[0].id, first.contents[0].id);
  const beyond = expectStatus(await hsds(`/services?per_page=1&page=${first.total_items + 1}`), 200);
  assert.equal(beyond.empty, true);
  assert.equal(beyond.last_page, true);
});

test('a service in full, valid against HSDS, with its places and hours', async () => {
  const service = expectStatus(await hsds(`/services/${LEGAL}`), 200);
  checkHsds('/services/{id}', service);
  const place = service.service_at_locations[0];
  assert.equal(place.location.addresses[0].postal_code, '90133');
  assert.equal(place.location.latitude, 38.1147);
  assert.equal(place.schedules[0].byday, 'MO,WE');
  assert.equal(service.organization.name, 'Associazione Diritti in Rete (demo)');
  const organization = expectStatus(await hsds(`/organizations/${ORGANIZATION}`), 200);
  checkHsds('/organizations/{id}', organization);
  assert.deepEqual(organization.services.map((s) => s.id).sort(), [LEGAL, SHELTER].sort());
  const sal = expectStatus(await hsds(`/service_at_locations/${place.id}`), 200);
  checkHsds('/service_at_locations/{id}', sal);
  assert.equal(sal.service.id, LEGAL);
});

test('a confidential location never shows its address or coordinates', async () => {
  const shelter = expectStatus(await hsds(`/services/${SHELTER}`), 200);
  const location = shelter.service_at_locations[0].location;
  assert.equal(location.name, 'Casa rifugio');
  assert.equal(location.latitude, undefined);
  assert.equal(location.longitude, undefined);
  assert.equal(location.addresses, undefined);
  const organization = expectStatus(await hsds(`/organizations/${ORGANIZATION}`), 200);
  assert.ok(!JSON.stringify(organization).includes('Indirizzo protetto'));
  // Nor does its postcode find it.
  const byPostcode = expectStatus(await hsds('/services?postcode=90100'), 200);
  assert.ok(!byPostcode.contents.some((s) => s.id === SHELTER));
});

test('filters: organization_id, postcode, modified_after', async () => {
  const ids = async (query) => expectStatus(await hsds(`/services?${query}`), 200).contents.map((s) => s.id);
  const mine = await ids(`organization_id=${ORGANIZATION}&per_page=100`);
  assert.ok(mine.includes(LEGAL) && mine.includes(SHELTER));
  assert.deepEqual(await ids(`organization_id=${MISSING}`), []);
  assert.ok((await ids('postcode=90133')).includes(LEGAL));
  const recent = await ids('modified_after=2026-11-03T00:00:00Z&per_page=100');
  assert.ok(recent.includes(SHELTER) && !recent.includes(LEGAL));
  const places = expectStatus(await hsds(`/service_at_locations?organization_id=${ORGANIZATION}`), 200);
  assert.ok(places.contents.length >= 2);
});

test('bad parameters are refused naming them; unknown ids are 404', async () => {
  expectError(await hsds('/services?organization_id=abc'), 400, 'validation_failed', ['organization_id']);
  expectError(await hsds('/services?modified_after=yesterday'), 400, 'validation_failed', ['modified_after']);
  expectError(await hsds('/services?per_page=0'), 400, 'validation_failed', ['per_page']);
  expectError(await hsds('/services?colour=blue'), 400, 'validation_failed', ['colour']);
  const missing = expectError(await hsds(`/services/${MISSING}`), 404, 'not_found');
  const malformed = expectError(await hsds('/services/42'), 404, 'not_found');
  assert.deepEqual(malformed, missing);
  expectError(await hsds(`/taxonomy_terms/${MISSING}`), 404, 'not_found');
});

test('search and proximity (decision 0037): answers valid against the HSDS API', async () => {
  const found = expectStatus(await hsds('/services?search=permesso%20soggiorno'), 200);
  checkHsds('/services', found);
  assert.ok(found.contents.some((s) => s.id === LEGAL));
  // Within 5 km of the centre of Palermo's postcodes: the desk of via Maqueda; the shelter has
  // no public point, so a distance never finds it. The organisation keeps both, among the
  // demo's many services near the centre.
  const near = expectStatus(await hsds(`/services?postcode=90133&proximity=5000&organization_id=${ORGANIZATION}`), 200);
  checkHsds('/services', near);
  assert.ok(near.contents.some((s) => s.id === LEGAL));
  assert.ok(!near.contents.some((s) => s.id === SHELTER));
  const none = expectStatus(await hsds('/services?search=zzzqqqxxx'), 200);
  checkHsds('/services', none);
  assert.equal(none.empty, true);
  expectError(await hsds('/services?proximity=abc&postcode=90133'), 400, 'validation_failed', ['proximity']);
  // Only services take them.
  expectError(await hsds('/organizations?search=legal'), 400, 'validation_failed', ['search']);
});
