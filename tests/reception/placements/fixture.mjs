// Placements as the API tests make them: an arrival through the API.
import { api, expectStatus } from '../../support/client.mjs';

// The answer to an arrival of the persons `personIds` at `centreId` (a refusal is the test's to
// check); `extra` adds or overrides fields of the body (override_reason, arrival_from).
export function arrive(session, personIds, centreId, category, date, extra = {}) {
  const body = { person_ids: personIds, centre_id: centreId, category, date, arrival_from: 'landing', ...extra };
  return api('POST', '/placements', { session, body });
}

// An arrival that must succeed: the placements made.
export async function place(session, persons, centre, category, date) {
  const ids = persons.map((p) => p.id);
  return expectStatus(await arrive(session, ids, centre.id, category, date), 201);
}
