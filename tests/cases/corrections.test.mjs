// Correcting a case note over HTTP (decision 0025, point 11): the case worker keeping the case
// corrects a note with a reason; the text changes, the earlier text is kept as a version its
// readers see, the timeline says "note corrected" with the reason (never the text) and the audit
// names the note, not the words. A prefecture officer reads neither a sensitive note's text nor its
// versions' and may not correct; another organisation's case worker gets exactly the answer for a
// missing case; a missing reason is 422 naming the field; an unknown note is 404.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, createUser, expectError, expectStatus, findOrganization, login, loginDemo } from '../support/client.mjs';
import { openCase } from './fixture.mjs';

let admin, officer, worker, otherWorker;
const MISSING = 999999999;

before(async () => {
  [admin, officer, worker] = await Promise.all(['admin', 'prefecture_officer', 'case_worker'].map((r) => loginDemo(r)));
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  const made = await createUser(admin, { organizationId: ponte.id, role: 'case_worker' });
  otherWorker = await login(made.email, made.password);
});

// A case of the demo case worker's organisation with one note; answers {case, note}.
async function caseWithNote(sensitivity, text) {
  const { case: c } = await openCase({ admin, officer, worker });
  const d = expectStatus(await api('POST', `/cases/${c.id}/notes`, { session: worker, body: { sensitivity, text } }), 201);
  return { c, note: d.notes.at(-1) };
}

const correct = (session, caseId, noteId, body) => api('POST', `/cases/${caseId}/notes/${noteId}/corrections`, { session, body });
const versions = (session, caseId, noteId) => api('GET', `/cases/${caseId}/notes/${noteId}/versions`, { session });

test('a correction changes the text, keeps the earlier one with the reason, and is in the timeline and the audit', async () => {
  const { c, note } = await caseWithNote('normal', 'Colloquio del 3 con la sorella');
  const d = expectStatus(await correct(worker, c.id, note.id, { text: 'Colloquio del 3 con la cugina', reason: 'parente sbagliato' }), 201);
  const after = d.notes.find((n) => n.id === note.id);
  assert.equal(after.text, 'Colloquio del 3 con la cugina');
  assert.equal(after.corrections, 1);
  assert.equal(after.corrected_by_name, worker.user.display_name);
  assert.equal(after.written_at, note.written_at, 'the note keeps when it was written');
  const entry = d.timeline.find((e) => e.kind === 'note_corrected');
  assert.deepEqual([entry.value, entry.detail, entry.by], ['normal', 'parente sbagliato', worker.user.display_name]);

  // A second correction: three versions, oldest first, each with why it replaced the one before.
  expectStatus(await correct(worker, c.id, note.id, { text: 'Colloquio del 4 con la cugina', reason: 'data sbagliata' }), 201);
  const h = expectStatus(await versions(worker, c.id, note.id), 200);
  assert.equal(h.note_id, note.id);
  assert.deepEqual(
    h.versions.map((v) => [v.number, v.text, v.redacted, v.reason]),
    [
      [1, 'Colloquio del 3 con la sorella', false, null],
      [2, 'Colloquio del 3 con la cugina', false, 'parente sbagliato'],
      [3, 'Colloquio del 4 con la cugina', false, 'data sbagliata'],
    ],
  );
  assert.equal(h.versions[0].written_at, note.written_at);
  // The officer reads a normal note and so its versions.
  const seen = expectStatus(await versions(officer, c.id, note.id), 200);
  assert.deepEqual(seen.versions.map((v) => v.text), h.versions.map((v) => v.text));

  const audit = expectStatus(await api('GET', `/audit?action=cases.note_correct&entity_id=${c.id}`, { session: admin }), 200);
  assert.equal(audit.items.length, 2);
  const details = JSON.stringify(audit.items.map((i) => i.details));
  assert.ok(details.includes(`${note.id}`), 'the audit names the note');
  assert.ok(!details.includes('cugina') && !details.includes('sbagliat'), 'never its words nor the reason');
});

test("a sensitive note's versions stay sealed for the officer, who may not correct it", async () => {
  const secret = 'Riferisce violenze subite in Libia';
  const { c, note } = await caseWithNote('sensitive', secret);
  const fixed = 'Riferisce violenze subite in Libia e in Niger';
  expectStatus(await correct(worker, c.id, note.id, { text: fixed, reason: 'mancava un paese' }), 201);
  const own = expectStatus(await versions(worker, c.id, note.id), 200);
  assert.deepEqual(own.versions.map((v) => [v.text, v.redacted]), [
    [secret, false],
    [fixed, false],
  ]);

  const res = await versions(officer, c.id, note.id);
  const seen = expectStatus(res, 200);
  assert.deepEqual(seen.versions.map((v) => [v.text, v.redacted, v.reason]), [
    [null, true, null],
    [null, true, 'mancava un paese'],
  ]);
  assert.ok(!res.text.includes('Libia'), "no narrative anywhere in the officer's answer");
  const page = await api('GET', `/cases/${c.id}`, { session: officer });
  const shown = expectStatus(page, 200);
  assert.ok(!page.text.includes('Libia'));
  assert.equal(shown.notes[0].corrections, 1);
  const entry = shown.timeline.find((e) => e.kind === 'note_corrected');
  assert.deepEqual([entry.value, entry.detail], ['sensitive', 'mancava un paese'], 'the officer sees that it was corrected and why');

  expectError(await correct(officer, c.id, note.id, { text: 'x', reason: 'y' }), 403, 'forbidden');
  const still = expectStatus(await versions(worker, c.id, note.id), 200);
  assert.equal(still.versions.length, 2);
});

test("another organisation's case worker gets the answer for a missing case; unknown notes are 404", async () => {
  const { c, note } = await caseWithNote('normal', 'testo');
  const body = { text: 'testo nuovo', reason: 'errore' };
  for (const [theirs, missing] of [
    [await correct(otherWorker, c.id, note.id, body), await correct(otherWorker, MISSING, note.id, body)],
    [await versions(otherWorker, c.id, note.id), await versions(otherWorker, MISSING, note.id)],
  ]) {
    assert.equal(theirs.status, 404);
    assert.deepEqual(theirs.json, missing.json);
  }
  // A note of another case, or none at all, is a missing note of this one.
  const other = await caseWithNote('normal', 'altro');
  for (const id of [MISSING, other.note.id]) {
    expectError(await correct(worker, c.id, id, body), 404, 'not_found');
    expectError(await versions(worker, c.id, id), 404, 'not_found');
  }
  const h = expectStatus(await versions(worker, c.id, note.id), 200);
  assert.deepEqual(h.versions.map((v) => v.text), ['testo']);
});

test('a correction without a reason, or that changes nothing, is refused naming the field and stores nothing', async () => {
  const { c, note } = await caseWithNote('sensitive', 'testo riservato');
  expectError(await correct(worker, c.id, note.id, { text: 'testo corretto' }), 422, 'reason_required', ['reason']);
  expectError(await correct(worker, c.id, note.id, { text: 'testo corretto', reason: '   ' }), 422, 'reason_required', ['reason']);
  expectError(await correct(worker, c.id, note.id, { text: 'testo riservato', reason: 'nulla' }), 422, 'unchanged', ['text']);
  expectError(await correct(worker, c.id, note.id, { reason: 'manca il testo' }), 400, 'validation_failed', ['text']);
  const h = expectStatus(await versions(worker, c.id, note.id), 200);
  assert.deepEqual(h.versions.map((v) => v.text), ['testo riservato']);
  const d = expectStatus(await api('GET', `/cases/${c.id}`, { session: worker }), 200);
  assert.ok(!d.timeline.some((e) => e.kind === 'note_corrected'));
});

// A correction may change the sensitivity: made sensitive, the note and every earlier text are
// sealed and closed to the officer; made normal again (by a case worker who reads sensitive
// notes: the only ones who may correct), the new text is open and the sealed versions stay
// sealed, the normal one sealed with them included. Each version says the level it was written at.
test('a correction changes the sensitivity; each version keeps its own level', async () => {
  const plain = 'Colloquio: parla della salute della madre';
  const { c, note } = await caseWithNote('normal', plain);
  const secret = 'Colloquio: riferisce una malattia cronica';
  expectError(await correct(worker, c.id, note.id, { text: plain, sensitivity: 'sensitive' }), 422, 'reason_required', ['reason']);
  expectError(await correct(worker, c.id, note.id, { text: plain, sensitivity: 'secret', reason: 'x' }), 400, 'validation_failed', ['sensitivity']);
  const d = expectStatus(await correct(worker, c.id, note.id, { text: secret, sensitivity: 'sensitive', reason: 'dati sanitari' }), 201);
  const sealed = d.notes.find((n) => n.id === note.id);
  assert.deepEqual([sealed.sensitivity, sealed.text, sealed.redacted], ['sensitive', secret, false]);
  assert.deepEqual(
    expectStatus(await versions(worker, c.id, note.id), 200).versions.map((v) => [v.sensitivity, v.text]),
    [
      ['normal', plain],
      ['sensitive', secret],
    ],
  );
  const officerPage = await api('GET', `/cases/${c.id}`, { session: officer });
  assert.equal(expectStatus(officerPage, 200).notes.find((n) => n.id === note.id).redacted, true);
  const officerVersions = await versions(officer, c.id, note.id);
  assert.deepEqual(
    expectStatus(officerVersions, 200).versions.map((v) => [v.sensitivity, v.text, v.redacted]),
    [
      ['normal', null, true],
      ['sensitive', null, true],
    ],
  );
  for (const res of [officerPage, officerVersions]) assert.ok(!res.text.includes('madre') && !res.text.includes('cronica'), 'no narrative for the officer');

  // Back to normal with the same text: a change of level, with its reason.
  expectStatus(await correct(worker, c.id, note.id, { text: secret, sensitivity: 'normal', reason: 'la persona acconsente' }), 201);
  expectError(await correct(worker, c.id, note.id, { text: secret, sensitivity: 'normal', reason: 'di nuovo' }), 422, 'unchanged', ['text']);
  const opened = expectStatus(await api('GET', `/cases/${c.id}`, { session: officer }), 200).notes.find((n) => n.id === note.id);
  assert.deepEqual([opened.sensitivity, opened.text], ['normal', secret]);
  assert.deepEqual(
    expectStatus(await versions(officer, c.id, note.id), 200).versions.map((v) => [v.sensitivity, v.text, v.reason]),
    [
      ['normal', null, null],
      ['sensitive', null, 'dati sanitari'],
      ['normal', secret, 'la persona acconsente'],
    ],
  );
  const audit = expectStatus(await api('GET', `/audit?action=cases.note_correct&entity_id=${c.id}`, { session: admin }), 200);
  assert.deepEqual(
    audit.items.map((i) => [i.details.sensitivity_before, i.details.sensitivity]).sort(),
    [
      ['normal', 'sensitive'],
      ['sensitive', 'normal'],
    ],
  );
});
