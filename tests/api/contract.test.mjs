// The contract check of tests/support/contract.mjs is not vacuous: an answer that strays from the
// OpenAPI document (a missing, extra or mistyped property, an undocumented status) fails.
import assert from 'node:assert/strict';
import test from 'node:test';

import { api, expectStatus, loginDemo } from '../support/client.mjs';
import { checkAgainstContract } from '../support/contract.mjs';

test('answers that stray from the OpenAPI document are refused', async () => {
  const officer = await loginDemo('prefecture_officer');
  // A list item also names the person's current centre; the person's own answer says instead
  // whether the record was merged into another (a PersonRecord).
  const { current_centre: _centre, ...listed } = expectStatus(
    await api('GET', '/persons?per_page=1', { session: officer }),
    200,
  ).items[0];
  const person = { ...listed, merged_into: null };
  const path = `/api/v1/persons/${person.id}`;
  const answer = (json, status = 200) => ({ status, json });
  await checkAgainstContract('GET', path, answer(person));
  const { nationality, ...missing } = person;
  assert.ok(nationality);
  await assert.rejects(checkAgainstContract('GET', path, answer(missing)), /nationality/);
  await assert.rejects(checkAgainstContract('GET', path, answer({ ...person, extra: 1 })), /additional/);
  await assert.rejects(checkAgainstContract('GET', path, answer({ ...person, id: 'x' })), /integer/);
  await assert.rejects(checkAgainstContract('GET', path, answer({}, 418)), /no such status/);
  await assert.rejects(
    checkAgainstContract('GET', path, answer({ error: { code: 'not_found' } }, 404)),
    /message/,
  );
});
