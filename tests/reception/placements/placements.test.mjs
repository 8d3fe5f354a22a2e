// Placements over HTTP: arrival, transfer and exit, the operator scope and occupancy. Everything
// is made by the Prefettura officer with unique names; no test assumes ids or counts of rows it
// did not make.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { centreBody, createCentre } from '../../centres/fixture.mjs';
import { createFamilyGroup, createPerson, createPersons, personBody } from '../../people/fixture.mjs';
import { api, expectError, expectStatus, loginDemo } from '../../support/client.mjs';
import { addDays, daysAgo } from '../../support/days.mjs';
import { arrive } from './fixture.mjs';

let officer; // prefecture_officer
let caseWorker; // case_worker of "Cooperativa Sociale Approdo (demo)"
let analyst;
let inspector;
let ownOrgId; // the case worker's organisation (a centre operator)
let otherOrgId; // another centre operator

before(async () => {
  [officer, caseWorker, analyst, inspector] = await Promise.all(
    ['prefecture_officer', 'case_worker', 'analyst', 'inspector'].map((r) => loginDemo(r)),
  );
  const me = expectStatus(await api('GET', '/auth/me', { session: caseWorker }), 200);
  ownOrgId = (me.user ?? me).organization?.id ?? (me.user ?? me).organization_id;
  assert.ok(Number.isInteger(ownOrgId), `case worker organisation id: ${JSON.stringify(me)}`);
  const orgs = expectStatus(
    await api('GET', '/organizations?q=Conca&per_page=100', { session: officer }),
    200,
  );
  const other = orgs.items.find((o) => o.name === "Consorzio Accoglienza Conca d'Oro (demo)");
  assert.ok(other, 'the second demo operator exists');
  otherOrgId = other.id;
  assert.notEqual(otherOrgId, ownOrgId);
});

const FUTURE = daysAgo(-30);

async function placementsOf(personId, session = officer) {
  return expectStatus(await api('GET', `/persons/${personId}/placements`, { session }), 200).items;
}
// Every item of a paged list, page after page (centres made by the tests come last, by id).
async function allPages(path, session = officer) {
  const items = [];
  for (let page = 1; ; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const body = expectStatus(await api('GET', `${path}${sep}per_page=100&page=${page}`, { session }), 200);
    items.push(...body.items);
    if (page * body.per_page >= body.total) return items;
  }
}
async function occupancyOf(centreId, date, session = officer) {
  const q = date ? `?date=${date}` : '';
  return (await allPages(`/occupancy${q}`, session)).find((o) => o.centre_id === centreId);
}

// ---------------------------------------------------------------- placements

test('placements: a family of three arrives in one call', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const family = await createPersons(officer, 3);
  const ids = family.map((p) => p.id);
  const day = daysAgo(20);
  const done = expectStatus(await arrive(officer, ids, centre.id, 'families', day), 201);
  assert.equal(done.items.length, 3);
  assert.deepEqual(done.items.map((p) => p.person_id).sort((a, b) => a - b), [...ids].sort((a, b) => a - b));
  for (const p of done.items) {
    assert.equal(p.centre_id, centre.id);
    assert.equal(p.category, 'families');
    assert.equal(p.start_date, day);
    assert.equal(p.arrival_from, 'landing');
    assert.equal(p.end_date, null);
    assert.equal(p.override_reason, null);
    const one = expectStatus(await api('GET', `/placements/${p.id}`, { session: officer }), 200);
    assert.deepEqual(one, p);
  }
  const guests = expectStatus(await api('GET', `/centres/${centre.id}/guests`, { session: officer }), 200);
  assert.deepEqual(guests.items.map((g) => g.person_id).sort((a, b) => a - b), [...ids].sort((a, b) => a - b));
  assert.ok(guests.items.every((g) => typeof g.person.family_name === 'string'));
  const history = expectStatus(await api('GET', `/centres/${centre.id}/guests?date=${daysAgo(21)}`, { session: officer }), 200);
  assert.equal(history.items.length, 0, 'nobody the day before arrival');
});

test('placements: an overlapping placement is refused and nothing is stored', async () => {
  const a = await createCentre(officer, { operator_id: ownOrgId });
  const b = await createCentre(officer, { operator_id: ownOrgId });
  const [p, q] = await createPersons(officer, 2);
  expectStatus(await arrive(officer, [p.id], a.id, 'single_women', daysAgo(10)), 201);
  // Same day, later day and earlier day (open placement covers everything after its start).
  for (const day of [daysAgo(10), daysAgo(5), daysAgo(15)]) {
    const res = await arrive(officer, [q.id, p.id], b.id, 'single_women', day);
    expectError(res, 409, 'placement_overlap', ['person_ids']);
  }
  assert.equal((await placementsOf(q.id)).length, 0, 'the free person was not placed either');
  assert.equal((await placementsOf(p.id)).length, 1);
  const guests = expectStatus(await api('GET', `/centres/${b.id}/guests`, { session: officer }), 200);
  assert.equal(guests.items.length, 0);
  // After an exit, an arrival before the exit date still overlaps; on the exit date it does not.
  expectStatus(
    await api('POST', '/placements/exits', {
      session: officer,
      body: { person_ids: [p.id], date: daysAgo(6), reason: 'left_voluntarily' },
    }),
    201,
  );
  expectError(await arrive(officer, [p.id], b.id, 'single_women', daysAgo(7)), 409, 'placement_overlap', ['person_ids']);
  expectStatus(await arrive(officer, [p.id], b.id, 'single_women', daysAgo(6)), 201);
});

test('placements: a full category refuses unless the Prefettura overrides', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 2, places_single_women: 1, places_families: 0 });
  const men = await createPersons(officer, 4, { sex: 'male', given_names: 'Ibrahim' });
  const day = daysAgo(8);
  expectStatus(await arrive(officer, [men[0].id, men[1].id], centre.id, 'single_men', day), 201);
  const full = await arrive(officer, [men[2].id], centre.id, 'single_men', day);
  expectError(full, 409, 'centre_full', ['centre_id']);
  assert.equal((await placementsOf(men[2].id)).length, 0);
  // A category with no places at all is full too.
  expectError(await arrive(officer, [men[2].id], centre.id, 'families', day), 409, 'centre_full', ['centre_id']);
  // Another category still has room.
  const woman = await createPerson(officer);
  expectStatus(await arrive(officer, [woman.id], centre.id, 'single_women', day), 201);

  // Only the Prefettura may override; the reason is recorded.
  const reason = 'Emergency landing at Lampedusa, no other centre available';
  const ok = expectStatus(await arrive(officer, [men[2].id], centre.id, 'single_men', day, { override_reason: reason }), 201);
  assert.equal(ok.items[0].override_reason, reason);
  const history = await placementsOf(men[2].id);
  assert.equal(history[0].override_reason, reason);
  // A too-short reason is refused as bad input.
  expectError(
    await arrive(officer, [men[3].id], centre.id, 'single_men', day, { override_reason: 'short' }),
    400,
    'validation_failed',
    ['override_reason'],
  );
  assert.equal((await placementsOf(men[3].id)).length, 0);

  const occ = await occupancyOf(centre.id, day);
  assert.ok(occ, 'the centre is in the occupancy');
  assert.equal(occ.guests.single_men, 3);
  assert.equal(occ.guests.single_women, 1);
  assert.equal(occ.over_capacity, true, 'over capacity after the override');
  const flagged = await allPages(`/occupancy?date=${day}&flag=over_capacity`);
  assert.ok(flagged.some((o) => o.centre_id === centre.id));
});

test('placements: closed centre, future date, unknown persons', async () => {
  const closed = await createCentre(officer, { operator_id: ownOrgId, status: 'closed' });
  const suspended = await createCentre(officer, { operator_id: ownOrgId, status: 'suspended' });
  const open = await createCentre(officer, { operator_id: ownOrgId });
  const p = await createPerson(officer);
  expectError(await arrive(officer, [p.id], closed.id, 'single_women', daysAgo(3)), 409, 'centre_not_accepting', ['centre_id']);
  expectError(await arrive(officer, [p.id], suspended.id, 'single_women', daysAgo(3)), 409, 'centre_not_accepting', ['centre_id']);
  expectError(await arrive(officer, [p.id], open.id, 'single_women', FUTURE), 422, 'future_date', ['date']);
  expectError(await arrive(officer, [p.id, p.id], open.id, 'single_women', daysAgo(3)), 400, 'validation_failed', ['person_ids']);
  expectError(await arrive(officer, [p.id, 2147483647], open.id, 'single_women', daysAgo(3)), 422, 'no_such_person', ['person_ids']);
  expectError(await arrive(officer, [p.id], 2147483647, 'single_women', daysAgo(3)), 422, 'no_such_centre', ['centre_id']);
  expectError(await arrive(officer, [p.id], open.id, 'adults', daysAgo(3)), 400, 'validation_failed', ['category']);
  // Dates a placement cannot have: they would make stays of thousands of years.
  for (const date of ['-999-01-01', '0000-01-01', '1999-12-31'])
    expectError(await arrive(officer, [p.id], open.id, 'single_women', date), 400, 'validation_failed', ['date']);
  assert.equal((await placementsOf(p.id)).length, 0, 'nothing stored');
  // The case worker may not place anyone.
  const res = await arrive(caseWorker, [p.id], open.id, 'single_women', daysAgo(3));
  assert.equal(res.status, 403, res.text);
  assert.equal((await placementsOf(p.id)).length, 0);
  // An override opens even a closed centre.
  const reason = 'Decree of the Prefetto, centre reopened temporarily';
  const ok = expectStatus(await arrive(officer, [p.id], closed.id, 'single_women', daysAgo(3), { override_reason: reason }), 201);
  assert.equal(ok.items[0].override_reason, reason);
});

test('placements: a family transfer closes and opens placements atomically', async () => {
  const from = await createCentre(officer, { operator_id: ownOrgId });
  const to = await createCentre(officer, { operator_id: otherOrgId });
  const family = await createPersons(officer, 3);
  const ids = family.map((p) => p.id);
  const arrival = daysAgo(30);
  const moveDay = daysAgo(12);
  const arrived = expectStatus(await arrive(officer, ids, from.id, 'families', arrival), 201).items;
  const done = expectStatus(
    await api('POST', '/placements/transfers', {
      session: officer,
      body: { person_ids: ids, to_centre_id: to.id, date: moveDay },
    }),
    201,
  );
  assert.equal(done.items.length, 3);
  for (const p of done.items) {
    const old = arrived.find((a) => a.person_id === p.person_id);
    assert.equal(p.centre_id, to.id);
    assert.equal(p.category, 'families');
    assert.equal(p.start_date, moveDay);
    assert.equal(p.end_date, null);
    assert.equal(p.arrival_from, 'transfer');
    assert.equal(p.previous_placement_id, old.id);
    const closed = expectStatus(await api('GET', `/placements/${old.id}`, { session: officer }), 200);
    assert.equal(closed.end_date, moveDay);
    assert.equal(closed.exit_reason, 'transferred');
    const history = await placementsOf(p.person_id);
    assert.deepEqual(history.map((h) => h.id), [p.id, old.id], 'newest first');
  }
  const guestsOld = expectStatus(await api('GET', `/centres/${from.id}/guests?date=${moveDay}`, { session: officer }), 200);
  assert.equal(guestsOld.items.length, 0, 'not counted at the old centre on the transfer date');
  const guestsNew = expectStatus(await api('GET', `/centres/${to.id}/guests?date=${moveDay}`, { session: officer }), 200);
  assert.equal(guestsNew.items.length, 3);

  // Daily series: the counts change on the transfer date.
  const seriesOf = async (centreId) =>
    expectStatus(
      await api('GET', `/centres/${centreId}/occupancy?from=${addDays(moveDay, -2)}&to=${addDays(moveDay, 2)}`, { session: officer }),
      200,
    );
  const sOld = await seriesOf(from.id);
  const sNew = await seriesOf(to.id);
  assert.equal(sOld.items.length, 5);
  assert.deepEqual(sOld.items.map((d) => d.day), [-2, -1, 0, 1, 2].map((n) => addDays(moveDay, n)));
  assert.deepEqual(sOld.items.map((d) => d.families), [3, 3, 0, 0, 0]);
  assert.deepEqual(sNew.items.map((d) => d.families), [0, 0, 3, 3, 3]);
  assert.deepEqual(sNew.items.map((d) => d.total), [0, 0, 3, 3, 3]);
  assert.equal(sOld.from, addDays(moveDay, -2));
  assert.equal(sOld.to, addDays(moveDay, 2));

  // Moving to the centre they are in is refused.
  expectError(
    await api('POST', '/placements/transfers', { session: officer, body: { person_ids: ids, to_centre_id: to.id, date: daysAgo(5) } }),
    422,
    'same_centre',
    ['to_centre_id'],
  );
});

test('placements: twenty parallel transfers of one person: exactly one wins, the others get 409', async () => {
  const from = await createCentre(officer, { operator_id: ownOrgId });
  const targets = [];
  for (let i = 0; i < 20; i++) targets.push(await createCentre(officer, { operator_id: ownOrgId }));
  const [p] = await createPersons(officer, 1);
  expectStatus(await arrive(officer, [p.id], from.id, 'single_men', daysAgo(20)), 201);
  const date = daysAgo(2);
  const answers = await Promise.all(
    targets.map((c) =>
      api('POST', '/placements/transfers', { session: officer, body: { person_ids: [p.id], to_centre_id: c.id, date } }),
    ),
  );
  const won = answers.filter((r) => r.status === 201);
  const lost = answers.filter((r) => r.status !== 201);
  assert.equal(won.length, 1, answers.map((r) => r.status).join(' '));
  for (const r of lost) {
    assert.equal(r.status, 409, r.text);
    assert.ok(['already_moved', 'placement_changed'].includes(r.json.error.code), r.text);
  }
  const history = await placementsOf(p.id);
  assert.equal(history.length, 2, 'the arrival and the one transfer: no one-day placements');
  assert.equal(history[0].centre_id, won[0].json.items[0].centre_id);
  assert.equal(history[1].end_date, date);
});

test('placements: transferring someone not placed is refused and nobody moves', async () => {
  const from = await createCentre(officer, { operator_id: ownOrgId });
  const to = await createCentre(officer, { operator_id: ownOrgId });
  const [a, b, stranger] = await createPersons(officer, 3);
  const arrived = expectStatus(await arrive(officer, [a.id, b.id], from.id, 'single_women', daysAgo(9)), 201).items;
  const res = await api('POST', '/placements/transfers', {
    session: officer,
    body: { person_ids: [a.id, stranger.id, b.id], to_centre_id: to.id, date: daysAgo(4) },
  });
  expectError(res, 409, 'not_placed', ['person_ids']);
  for (const p of arrived) {
    const now = expectStatus(await api('GET', `/placements/${p.id}`, { session: officer }), 200);
    assert.equal(now.end_date, null, 'still open');
    assert.equal(now.exit_reason, null);
    assert.equal((await placementsOf(p.person_id)).length, 1);
  }
  assert.equal((await placementsOf(stranger.id)).length, 0);
  const guests = expectStatus(await api('GET', `/centres/${to.id}/guests`, { session: officer }), 200);
  assert.equal(guests.items.length, 0);
  // A transfer dated before the arrival is refused too.
  expectError(
    await api('POST', '/placements/transfers', { session: officer, body: { person_ids: [a.id], to_centre_id: to.id, date: daysAgo(10) } }),
    422,
    'before_arrival',
    ['date'],
  );
});

test('placements: exits with a reason; "other" needs a note', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const [a, b, c] = await createPersons(officer, 3);
  expectStatus(await arrive(officer, [a.id, b.id, c.id], centre.id, 'single_women', daysAgo(14)), 201);
  const exit = (body) => api('POST', '/placements/exits', { session: officer, body });
  const done = expectStatus(await exit({ person_ids: [a.id], date: daysAgo(3), reason: 'protection_obtained' }), 201);
  assert.equal(done.items[0].end_date, daysAgo(3));
  assert.equal(done.items[0].exit_reason, 'protection_obtained');
  expectError(await exit({ person_ids: [b.id], date: daysAgo(3), reason: 'other' }), 400, 'validation_failed', ['note']);
  expectError(await exit({ person_ids: [b.id], date: daysAgo(3), reason: 'transferred' }), 400, 'validation_failed', ['reason']);
  expectError(await exit({ person_ids: [b.id], date: FUTURE, reason: 'removed' }), 422, 'future_date', ['date']);
  expectError(await exit({ person_ids: [a.id], date: daysAgo(2), reason: 'removed' }), 409, 'not_placed', ['person_ids']);
  assert.equal((await placementsOf(b.id))[0].end_date, null, 'b is still placed');
  const withNote = expectStatus(
    await exit({ person_ids: [b.id], date: daysAgo(2), reason: 'other', note: 'Moved in with relatives in Catania' }),
    201,
  );
  assert.equal(withNote.items[0].exit_reason, 'other');
  assert.equal(withNote.items[0].exit_note, 'Moved in with relatives in Catania');
  const guests = expectStatus(await api('GET', `/centres/${centre.id}/guests`, { session: officer }), 200);
  assert.deepEqual(guests.items.map((g) => g.person_id), [c.id]);
});

// ---------------------------------------------------------------- scope

test('scope: the case worker sees its own organisation\'s centres and guests only', async () => {
  const own = await createCentre(officer, { operator_id: ownOrgId });
  const other = await createCentre(officer, { operator_id: otherOrgId });
  const [guest, elsewhere, never, movedOut] = await createPersons(officer, 4);
  const day = daysAgo(15);
  const placedOwn = expectStatus(await arrive(officer, [guest.id, movedOut.id], own.id, 'single_women', day), 201).items;
  const placedOther = expectStatus(await arrive(officer, [elsewhere.id], other.id, 'single_women', day), 201).items;
  expectStatus(
    await api('POST', '/placements/transfers', {
      session: officer,
      body: { person_ids: [movedOut.id], to_centre_id: other.id, date: daysAgo(5) },
    }),
    201,
  );

  // GET /centres: only its organisation's, whatever it asks for.
  const all = await api('GET', '/centres?per_page=100', { session: caseWorker });
  const listed = expectStatus(all, 200);
  assert.ok(listed.items.length > 0);
  assert.ok(listed.items.every((c) => c.operator_id === ownOrgId), 'only its own centres');
  const named = async (name, extra = '') =>
    expectStatus(
      await api('GET', `/centres?q=${encodeURIComponent(name)}${extra}&per_page=100`, { session: caseWorker }),
      200,
    ).items.map((c) => c.id);
  assert.deepEqual(await named(own.name), [own.id]);
  assert.deepEqual(await named(other.name), []);
  assert.deepEqual(await named(other.name, `&operator_id=${otherOrgId}`), [], 'operator_id cannot widen the scope');

  // One centre, its guests, contracts and occupancy: another operator's answers 404.
  expectStatus(await api('GET', `/centres/${own.id}`, { session: caseWorker }), 200);
  for (const path of [
    `/centres/${other.id}`,
    `/centres/${other.id}/guests`,
    `/centres/${other.id}/contracts`,
    `/centres/${other.id}/occupancy`,
    `/placements/${placedOther[0].id}`,
  ]) {
    expectError(await api('GET', path, { session: caseWorker }), 404, 'not_found');
  }
  const guests = expectStatus(await api('GET', `/centres/${own.id}/guests`, { session: caseWorker }), 200);
  assert.deepEqual(guests.items.map((g) => g.person_id), [guest.id]);
  const earlier = expectStatus(await api('GET', `/centres/${own.id}/guests?date=${daysAgo(10)}`, { session: caseWorker }), 200);
  assert.deepEqual(earlier.items.map((g) => g.person_id).sort((a, b) => a - b), [guest.id, movedOut.id].sort((a, b) => a - b));
  expectStatus(await api('GET', `/placements/${placedOwn[0].id}`, { session: caseWorker }), 200);

  // Persons: those its centres host or hosted.
  const seen = expectStatus(await api('GET', `/persons/${guest.id}`, { session: caseWorker }), 200);
  assert.equal(seen.family_name, guest.family_name);
  expectStatus(await api('GET', `/persons/${movedOut.id}`, { session: caseWorker }), 200);
  expectError(await api('GET', `/persons/${never.id}`, { session: caseWorker }), 404, 'not_found');
  expectError(await api('GET', `/persons/${elsewhere.id}`, { session: caseWorker }), 404, 'not_found');
  // Of a person who moved on, only the stay in its own centre.
  const stays = await placementsOf(movedOut.id, caseWorker);
  assert.deepEqual(stays.map((p) => p.centre_id), [own.id]);
  assert.deepEqual(stays.map((p) => p.centre_name), [own.name], 'the history names its centres');
  const both = await placementsOf(movedOut.id);
  assert.deepEqual(both.map((p) => p.centre_name), [other.name, own.name], 'the officer sees both, newest first');
  const search = async (name) =>
    expectStatus(await api('GET', `/persons?q=${encodeURIComponent(name)}&per_page=100`, { session: caseWorker }), 200).items.map(
      (p) => p.id,
    );
  assert.deepEqual(await search(guest.family_name), [guest.id]);
  assert.deepEqual(await search(never.family_name), []);
  assert.deepEqual(await search(elsewhere.family_name), []);

  // The case worker reads but does not manage.
  assert.equal((await api('POST', '/centres', { session: caseWorker, body: centreBody({ operator_id: ownOrgId }) })).status, 403);
  assert.equal((await api('PATCH', `/centres/${own.id}`, { session: caseWorker, body: { places_minors: 3 } })).status, 403);
  assert.equal((await api('POST', '/persons', { session: caseWorker, body: personBody() })).status, 403);
  assert.equal(
    (
      await api('POST', '/placements/exits', {
        session: caseWorker,
        body: { person_ids: [guest.id], date: daysAgo(1), reason: 'removed' },
      })
    ).status,
    403,
  );
  assert.equal((await placementsOf(guest.id))[0].end_date, null);

  // Occupancy: its own centres only.
  const occ = await allPages(`/occupancy?date=${daysAgo(1)}`, caseWorker);
  assert.ok(occ.every((o) => o.operator_id === ownOrgId));
  assert.ok(occ.some((o) => o.centre_id === own.id));
  expectStatus(await api('GET', `/centres/${own.id}/occupancy`, { session: caseWorker }), 200);
});

test('scope: family groups as the case worker show only the members its centres host', async () => {
  const own = await createCentre(officer, { operator_id: ownOrgId });
  const other = await createCentre(officer, { operator_id: otherOrgId });
  const group = await createFamilyGroup(officer);
  const [a, b] = await createPersons(officer, 2, { family_group_id: group.id });
  expectStatus(await arrive(officer, [a.id], own.id, 'families', daysAgo(4)), 201);
  expectStatus(await arrive(officer, [b.id], other.id, 'families', daysAgo(4)), 201);
  const got = expectStatus(await api('GET', `/family-groups/${group.id}`, { session: caseWorker }), 200);
  assert.deepEqual(got.members.map((m) => m.id), [a.id]);
  const hidden = await createFamilyGroup(officer);
  await createPerson(officer, { family_group_id: hidden.id });
  expectError(await api('GET', `/family-groups/${hidden.id}`, { session: caseWorker }), 404, 'not_found');
});

test('scope: the analyst gets occupancy but no persons; the inspector reads guests', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  const p = await createPerson(officer);
  expectStatus(await arrive(officer, [p.id], centre.id, 'single_women', daysAgo(6)), 201);

  assert.equal((await occupancyOf(centre.id, daysAgo(2), analyst))?.guests.single_women, 1);
  expectStatus(await api('GET', `/centres/${centre.id}/occupancy`, { session: analyst }), 200);
  expectStatus(await api('GET', '/placement-desk?category=single_women', { session: analyst }), 200);
  expectError(await api('GET', '/persons', { session: analyst }), 403, 'forbidden');
  expectError(await api('GET', `/persons/${p.id}`, { session: analyst }), 403, 'forbidden');
  expectError(await api('GET', `/centres/${centre.id}/guests`, { session: analyst }), 403, 'forbidden');

  const guests = expectStatus(await api('GET', `/centres/${centre.id}/guests`, { session: inspector }), 200);
  assert.deepEqual(guests.items.map((g) => g.person_id), [p.id]);
  assert.equal(guests.items[0].person.family_name, p.family_name);
  assert.equal((await api('POST', '/centres', { session: inspector, body: centreBody({ operator_id: ownOrgId }) })).status, 403);
  assert.equal((await arrive(inspector, [p.id], centre.id, 'single_women', daysAgo(1))).status, 403);
});

// ---------------------------------------------------------------- occupancy

test('occupancy: counts per category on a day, and the placement desk', async () => {
  const roomy = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 3, places_single_women: 4, places_families: 0, istat_code: '082054' });
  const full = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 1, places_single_women: 1, places_families: 0, istat_code: '082054' });
  const closed = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 5, places_single_women: 5, places_families: 0, istat_code: '082054' });
  const men = await createPersons(officer, 3, { sex: 'male' });
  const women = await createPersons(officer, 2);
  const day = daysAgo(7);
  expectStatus(await arrive(officer, [men[0].id, men[1].id], roomy.id, 'single_men', day), 201);
  expectStatus(await arrive(officer, [women[0].id], roomy.id, 'single_women', daysAgo(3)), 201);
  expectStatus(await arrive(officer, [men[2].id], full.id, 'single_men', day), 201);
  expectStatus(await arrive(officer, [women[1].id], full.id, 'single_women', day), 201);
  expectStatus(await api('PATCH', `/centres/${closed.id}`, { session: officer, body: { status: 'closed' } }), 200);

  const onDay = await occupancyOf(roomy.id, day);
  assert.deepEqual(onDay.guests, { single_men: 2, single_women: 0, families: 0, minors: 0, total: 2 });
  assert.equal(onDay.free.single_men, 1);
  assert.equal(onDay.over_capacity, false);
  const later = await occupancyOf(roomy.id, daysAgo(1));
  assert.deepEqual(later.guests, { single_men: 2, single_women: 1, families: 0, minors: 0, total: 3 });
  const before = await occupancyOf(roomy.id, daysAgo(8));
  assert.equal(before.guests.total, 0);
  const fullOcc = await occupancyOf(full.id, daysAgo(1));
  assert.equal(fullOcc.free.single_men, 0);
  assert.equal(fullOcc.over_capacity, false, 'full is not over capacity');
  expectError(await api('GET', `/occupancy?date=${FUTURE}`, { session: officer }), 422, 'future_date', ['date']);

  const desk = (category) => allPages(`/placement-desk?category=${category}&istat_code=082054`);
  const menDesk = await desk('single_men');
  const roomyRow = menDesk.find((o) => o.centre_id === roomy.id);
  assert.ok(roomyRow, 'a centre with free places is listed');
  assert.equal(roomyRow.free_in_category, 1);
  assert.ok(!menDesk.some((o) => o.centre_id === full.id), 'a full centre is not listed');
  assert.ok(!menDesk.some((o) => o.centre_id === closed.id), 'a closed centre is not listed');
  const frees = menDesk.map((o) => o.free_in_category);
  assert.deepEqual(frees, [...frees].sort((a, b) => b - a), 'most free places first');
  const womenDesk = await desk('single_women');
  assert.equal(womenDesk.find((o) => o.centre_id === roomy.id)?.free_in_category, 3);
  assert.ok(!womenDesk.some((o) => o.centre_id === full.id));
  expectError(await api('GET', '/placement-desk', { session: officer }), 400, 'validation_failed', ['category']);
  expectError(await api('GET', '/placement-desk?category=adults', { session: officer }), 400, 'validation_failed', ['category']);
});

test('occupancy: paged, with the totals of every centre in the filter', async () => {
  const made = [await createCentre(officer, { operator_id: ownOrgId }), await createCentre(officer, { operator_id: ownOrgId }), await createCentre(officer, { operator_id: ownOrgId })];
  const first = expectStatus(await api('GET', '/occupancy?per_page=2', { session: officer }), 200);
  assert.equal(first.page, 1);
  assert.equal(first.per_page, 2);
  assert.equal(first.items.length, 2);
  assert.ok(first.total >= 3);
  assert.equal(first.totals.centres, first.total, 'without a flag every centre is an item');
  const seen = [];
  for (let page = 1; page <= Math.ceil(first.total / 2); page++) {
    const body = expectStatus(await api('GET', `/occupancy?per_page=2&page=${page}`, { session: officer }), 200);
    assert.deepEqual(body.totals, first.totals, 'the totals do not depend on the page');
    seen.push(...body.items.map((o) => o.centre_id));
  }
  assert.equal(new Set(seen).size, first.total, 'each centre on exactly one page');
  for (const c of made) assert.ok(seen.includes(c.id));
  const beyond = expectStatus(
    await api('GET', `/occupancy?per_page=2&page=${Math.ceil(first.total / 2) + 1}`, { session: officer }),
    200,
  );
  assert.deepEqual(beyond.items, []);
  assert.equal(beyond.total, first.total);
  expectError(await api('GET', '/occupancy?per_page=101', { session: officer }), 400, 'validation_failed', ['per_page']);
  expectError(await api('GET', '/occupancy?page=0', { session: officer }), 400, 'validation_failed', ['page']);

  const desk = expectStatus(await api('GET', '/placement-desk?category=single_men&per_page=1', { session: officer }), 200);
  assert.equal(desk.category, 'single_men');
  assert.equal(desk.items.length, 1);
  assert.ok(desk.total >= 1);
});

test('occupancy: the daily series refuses a period that ends before it starts', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId });
  expectError(
    await api('GET', `/centres/${centre.id}/occupancy?from=${daysAgo(3)}&to=${daysAgo(5)}`, { session: officer }),
    400,
    'validation_failed',
    ['to'],
  );
  const one = expectStatus(
    await api('GET', `/centres/${centre.id}/occupancy?from=${daysAgo(3)}&to=${daysAgo(3)}`, { session: officer }),
    200,
  );
  assert.deepEqual(one.items.map((d) => d.day), [daysAgo(3)], 'from and to are both included');
  expectError(await api('GET', '/centres/2147483647/occupancy', { session: officer }), 404, 'not_found');
});

test('placements: a back-dated arrival cannot fill a place taken later on', async () => {
  const centre = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 1, places_single_women: 0, places_families: 0 });
  const [first, second] = await createPersons(officer, 2, { sex: 'male' });
  expectStatus(await arrive(officer, [first.id], centre.id, 'single_men', daysAgo(5)), 201);
  const res = await arrive(officer, [second.id], centre.id, 'single_men', daysAgo(10));
  try {
    expectError(res, 409, 'centre_full', ['centre_id']);
  } finally {
    const occ = await occupancyOf(centre.id, daysAgo(1));
    assert.equal(occ.over_capacity, false, `over capacity without an override: ${JSON.stringify(occ.guests)}`);
  }
});

test('placements: a back-dated transfer cannot fill a place taken later on', async () => {
  const from = await createCentre(officer, { operator_id: ownOrgId });
  const to = await createCentre(officer, { operator_id: ownOrgId, places_single_men: 1, places_single_women: 0, places_families: 0 });
  const [stayer, mover] = await createPersons(officer, 2, { sex: 'male' });
  expectStatus(await arrive(officer, [stayer.id], to.id, 'single_men', daysAgo(3)), 201);
  expectStatus(await arrive(officer, [mover.id], from.id, 'single_men', daysAgo(20)), 201);
  const res = await api('POST', '/placements/transfers', {
    session: officer,
    body: { person_ids: [mover.id], to_centre_id: to.id, date: daysAgo(8) },
  });
  expectError(res, 409, 'centre_full', ['to_centre_id']);
});

test('CLI: occupancy rebuild recomputes the snapshots to the same figures; bad input exits 2', async (t) => {
  const bin = process.env.INNET_BIN;
  const db = process.env.INNET_DB_URL;
  if (!bin || !db || !process.env.INNET_SECRETS_FILE) return t.skip('INNET_BIN, INNET_DB_URL or INNET_SECRETS_FILE not set');
  const { spawnSync } = await import('node:child_process');
  const run = (args) => spawnSync(bin, ['occupancy', 'rebuild', '--db', db, ...args], { encoding: 'utf8', timeout: 120e3 });
  const days = [daysAgo(0), daysAgo(20), daysAgo(45)];
  const before = [];
  for (const day of days) before.push(expectStatus(await api('GET', `/occupancy?date=${day}`, { session: officer }), 200).totals);
  const r = run(['--from', daysAgo(60)]);
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /occupancy snapshots recomputed from \d{4}-\d{2}-(01|16)/);
  for (const [i, day] of days.entries())
    assert.deepEqual(expectStatus(await api('GET', `/occupancy?date=${day}`, { session: officer }), 200).totals, before[i]);
  assert.equal(run(['--from', '2999-01-01']).status, 2);
  assert.equal(run(['--from', 'yesterday']).status, 2);
  assert.equal(run([]).status, 2);
});
