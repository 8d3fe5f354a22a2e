// Centres as the API tests make them: through the API, by a Prefettura officer's session (the
// role that may), each with a unique name. Every test that needs a centre starts from here.
import { api, expectStatus, uniqueSuffix } from '../support/client.mjs';

// An active CAS in Palermo with places in three categories; `fields` (operator_id among them:
// there is no default operator) override any of it.
export function centreBody(fields = {}) {
  return {
    name: `Centro test ${uniqueSuffix()}`,
    type: 'cas',
    address: 'Via Roma 1, Palermo',
    istat_code: '082053',
    status: 'active',
    places_single_men: 10,
    places_single_women: 5,
    places_families: 6,
    places_minors: 0,
    services: ['cultural_mediation', 'health_care'],
    ...fields,
  };
}

export async function createCentre(session, fields = {}) {
  return expectStatus(await api('POST', '/centres', { session, body: centreBody(fields) }), 201);
}
