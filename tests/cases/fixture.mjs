// Cases as the API tests make them: a new person placed in a centre of the demo case worker's
// organisation (Cooperativa Sociale Approdo), whose case that case worker opens.
import { createCentre } from '../centres/fixture.mjs';
import { createPerson } from '../people/fixture.mjs';
import { place } from '../reception/placements/fixture.mjs';
import { api, expectStatus, findOrganization } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';

let approdoCentre;

// A centre of Approdo's with room, made once per test file.
async function centreOfApprodo(admin, officer) {
  if (!approdoCentre) {
    const approdo = await findOrganization(admin, 'Cooperativa Sociale Approdo (demo)');
    approdoCentre = await createCentre(officer, { operator_id: approdo.id, places_single_women: 50 });
  }
  return approdoCentre;
}

// {person, centre, case}: the case as POST /cases answers it.
export async function openCase({ admin, officer, worker }, personFields = {}) {
  const centre = await centreOfApprodo(admin, officer);
  const person = await createPerson(officer, personFields);
  await place(officer, [person], centre, 'single_women', daysAgo(30));
  const opened = expectStatus(await api('POST', '/cases', { session: worker, body: { person_id: person.id } }), 201);
  return { person, centre, case: opened };
}
