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

// A valid personal codice fiscale (random letters and digits, right check character).
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
function checkChar(first15) {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i];
    const v = /[0-9]/.test(c) ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? ODD[v] : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}
export function codiceFiscale() {
  const L = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
  const D = () => String(Math.floor(Math.random() * 10));
  const body = L() + L() + L() + L() + L() + L() + D() + D() + 'A' + D() + D() + 'Z' + D() + D() + D();
  return body + checkChar(body);
}
export const wrongCheck = (cf) => cf.slice(0, 15) + (cf[15] === 'A' ? 'B' : 'A');
