// Finding a person by identity only (decision 0043): the SUI officer, who holds no persons.read,
// finds the applicant and the sponsor by name and birth date and sees the identity fields only;
// every person shown is in the read log; a person not found is registered with those fields,
// once; bad input names the field; nobody else holds the two actions.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo, poll, uniqueSuffix } from '../support/client.mjs';
import { createPerson } from './fixture.mjs';

let admin, officer, sui;

before(async () => {
  [admin, officer, sui] = await Promise.all(['admin', 'prefecture_officer', 'sui_officer'].map(loginDemo));
});

const identify = (name, birth_date, session = sui) =>
  api('GET', `/persons/identities?name=${encodeURIComponent(name)}&birth_date=${birth_date}`, { session });

test('a name and a birth date find the person: identity fields only, read-logged', async () => {
  const family_name = `Ident${uniqueSuffix()}`;
  const person = await createPerson(officer, { family_name, given_names: 'Olena', birth_date: '1988-02-29', nationality: 'UA', codice_fiscale: null, cui: 'CUI123' + uniqueSuffix().slice(0, 6) });
  await createPerson(officer, { family_name, given_names: 'Olena', birth_date: '1988-03-01', nationality: 'UA' });
  const res = await identify(`olena ${family_name.toLowerCase()}`, '1988-02-29');
  const found = expectStatus(res, 200);
  assert.equal(found.items.length, 1, 'the other birth date is not shown');
  assert.deepEqual(found.items[0], { id: person.id, family_name, given_names: 'Olena', birth_date: '1988-02-29', nationality: 'UA' });
  assert.equal(found.more, false);
  assert.ok(!JSON.stringify(found).includes('CUI123'));
  // The read log names the person shown.
  const requestId = res.headers.get('x-request-id');
  const entry = await poll(
    async () => {
      const list = expectStatus(await api('GET', `/audit/reads?person_id=${person.id}&per_page=100`, { session: admin }), 200);
      return list.items.find((e) => e.request_id === requestId);
    },
    { what: 'the read entry of the identity search' },
  );
  assert.deepEqual(entry.person_ids, [person.id]);
  // The person's record itself stays out of reach.
  expectError(await api('GET', `/persons/${person.id}`, { session: sui }), 403, 'forbidden');
  // Nobody matches: an empty list, not an error.
  assert.deepEqual(expectStatus(await identify(family_name, '1970-01-01'), 200).items, []);
});

test('both the name and the birth date are needed; bad input names the field', async () => {
  expectError(await api('GET', '/persons/identities?name=Olena', { session: sui }), 400, 'validation_failed', ['birth_date']);
  expectError(await api('GET', '/persons/identities?birth_date=1988-02-29', { session: sui }), 400, 'validation_failed', ['name']);
  expectError(await identify('O', '1988-02-29'), 400, 'validation_failed', ['name']);
  expectError(await identify('Olena', '1988-02-30'), 400, 'validation_failed', ['birth_date']);
});

test('a person not found is registered with identity fields, once', async () => {
  const body = { family_name: `Reg${uniqueSuffix()}`, given_names: 'Rahim', sex: 'male', birth_date: '1991-07-15', nationality: 'BD' };
  const made = expectStatus(await api('POST', '/persons/identities', { session: sui, body }), 201);
  const { sex: _sex, ...identity } = body;
  assert.deepEqual({ ...made, id: 0 }, { ...identity, id: 0 }, 'identity fields only');
  assert.equal(expectStatus(await identify(`${body.family_name} Rahim`, body.birth_date), 200).items[0].id, made.id);
  // The same names and birth date again: the record exists, take it.
  expectError(await api('POST', '/persons/identities', { session: sui, body }), 409, 'already_registered', ['family_name']);
  // The Prefettura sees the whole record the SUI made.
  assert.equal(expectStatus(await api('GET', `/persons/${made.id}`, { session: officer }), 200).nationality, 'BD');
  // Audited as a creation, naming the record only.
  const audit = expectStatus(await api('GET', `/audit?action=persons.create&per_page=100`, { session: admin }), 200);
  const entry = audit.items.find((e) => e.entity_id === String(made.id));
  assert.ok(entry);
  assert.ok(!JSON.stringify(entry).includes(body.family_name));
  // Bad input names the field, stores nothing.
  const future = { ...body, family_name: `Fut${uniqueSuffix()}`, birth_date: '2090-01-01' };
  expectError(await api('POST', '/persons/identities', { session: sui, body: future }), 422, 'future_date', ['birth_date']);
  assert.deepEqual(expectStatus(await identify(future.family_name, future.birth_date), 200).items, []);
  expectError(await api('POST', '/persons/identities', { session: sui, body: { ...body, nationality: 'QQ' } }), 400, 'validation_failed', ['nationality']);
  expectError(await api('POST', '/persons/identities', { session: sui, body: { ...body, codice_fiscale: 'X' } }), 400, 'validation_failed', ['codice_fiscale']);
  const { sex, ...noSex } = body;
  expectError(await api('POST', '/persons/identities', { session: sui, body: noSex }), 400, 'validation_failed', ['sex']);
});

test('only the SUI officer holds the identity search and registration', async () => {
  for (const role of ['admin', 'prefecture_officer', 'inspector', 'case_worker', 'service_provider', 'analyst']) {
    const session = await loginDemo(role);
    expectError(await identify('Olena', '1988-02-29', session), 403, 'forbidden');
  }
});
