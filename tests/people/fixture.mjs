// Persons and family groups as the API tests make them: through the API, by a Prefettura
// officer's session, each with a unique family name unless the test names one.
import { api, expectStatus, uniqueSuffix } from '../support/client.mjs';

// An adult woman from Nigeria; `fields` override any of it.
export function personBody(fields = {}) {
  return {
    family_name: `Test${uniqueSuffix()}`,
    given_names: 'Amina',
    sex: 'female',
    birth_date: '1990-05-01',
    nationality: 'NG',
    languages: ['en', 'yo'],
    ...fields,
  };
}

export async function createPerson(session, fields = {}) {
  return expectStatus(await api('POST', '/persons', { session, body: personBody(fields) }), 201);
}

// `n` persons, made one after the other (their ids ascend in this order).
export async function createPersons(session, n, fields = {}) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await createPerson(session, fields));
  return out;
}

export async function createFamilyGroup(session, label = `Famiglia ${uniqueSuffix()}`) {
  return expectStatus(await api('POST', '/family-groups', { session, body: { label } }), 201);
}
