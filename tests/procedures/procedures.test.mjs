// Procedures over HTTP (decision 0040): the catalogue read by every staff role and kept by the
// admin; files opened and moved by the SUI under the rules (steps in order, documents before a
// decision, one suspension that stops the clock, unique protocol numbers), each answer with its
// legal clock; the Prefettura reads them, a case worker only those of the people whose cases
// they are assigned to, and a file out of reach answers as a missing one. Bad input names the
// field and stores nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo, uniqueSuffix } from '../support/client.mjs';
import { addDays, daysAgo } from '../support/days.mjs';
import { createPerson } from '../people/fixture.mjs';
import { openCase } from '../cases/fixture.mjs';
import { editable } from './catalogue.mjs';

let admin, officer, worker, provider, sui, inspector, analyst, catalogue;

before(async () => {
  [admin, officer, worker, provider, sui, inspector, analyst] = await Promise.all(
    ['admin', 'prefecture_officer', 'case_worker', 'service_provider', 'sui_officer', 'inspector', 'analyst'].map(loginDemo),
  );
  catalogue = expectStatus(await api('GET', '/procedures', { session: sui }), 200).items;
});

const byCode = (code) => catalogue.find((p) => p.code === code);
const protocol = () => `T/${uniqueSuffix()}`;

async function openFile(fields = {}) {
  const person = fields.person ?? (await createPerson(officer));
  const body = {
    procedure_id: byCode('permit_conversion').id,
    person_id: person.id,
    protocol_number: protocol(),
    filed_on: daysAgo(20),
    ...fields.body,
  };
  return { person, file: expectStatus(await api('POST', '/procedure-files', { session: sui, body }), 201) };
}

const post = (file, what, body, session = sui) => api('POST', `/procedure-files/${file.id}/${what}`, { session, body });

test('every staff role reads the catalogue: seven procedures, dated terms, guides in six languages', async () => {
  for (const session of [admin, officer, worker, provider, inspector, analyst]) {
    const items = expectStatus(await api('GET', '/procedures', { session }), 200).items;
    assert.ok(items.length >= 7);
  }
  const reunification = byCode('family_reunification');
  const decision = reunification.terms.filter((t) => t.term === 'decision').map((t) => [t.applies_from, t.amount]);
  assert.deepEqual(decision.sort(), [['1900-01-01', 90], ['2024-12-11', 150]]);
  assert.deepEqual(reunification.guides.map((g) => g.language), ['it', 'en', 'fr', 'ar', 'uk', 'bn']);
  const work = byCode('work_entry');
  assert.ok(work.terms.some((t) => t.term === 'decision' && t.start_event === 'quota_charged' && t.silent_consent));
  assert.ok(work.terms.some((t) => t.term === 'employer_confirmation' && t.applies_from === '2025-10-04' && t.amount === 15));
  expectStatus(await api('GET', `/procedures/${work.id}`, { session: worker }), 200);
  expectError(await api('GET', '/procedures/999999', { session: worker }), 404, 'not_found');
});

test('the admin keeps the catalogue; a bad procedure names the field and stores nothing', async () => {
  const fields = editable(byCode('permit_conversion'));
  const code = `test_${uniqueSuffix().toLowerCase()}`;
  const made = expectStatus(await api('POST', '/procedures', { session: admin, body: { ...fields, code } }), 201);
  assert.equal(made.code, code);
  expectError(await api('POST', '/procedures', { session: admin, body: { ...fields, code } }), 409, 'unique_violation', ['code']);
  const twice = { ...fields, code: `${code}_b`, steps: [...fields.steps, fields.steps[0]] };
  expectError(await api('POST', '/procedures', { session: admin, body: twice }), 422, 'validation_failed', ['steps[5].code']);
  const nowhere = { ...fields, code: `${code}_c`, terms: [{ ...fields.terms[0], start_event: 'nowhere' }] };
  expectError(await api('POST', '/procedures', { session: admin, body: nowhere }), 422, 'validation_failed', ['terms[0].start_event']);
  const listed = expectStatus(await api('GET', '/procedures', { session: admin }), 200).items;
  assert.ok(!listed.some((p) => p.code.startsWith(`${code}_`)));
  // A change of law: a new rule with its day, the old one kept.
  const terms = [...made.terms, { ...made.terms[0], applies_from: daysAgo(0), amount: 90, legal_reference: 'nuova legge' }];
  const changed = expectStatus(await api('PUT', `/procedures/${made.id}`, { session: admin, body: { ...fields, code, terms } }), 200);
  assert.equal(changed.terms.length, 2);
  for (const session of [officer, sui]) {
    expectError(await api('PUT', `/procedures/${made.id}`, { session, body: { ...fields, code, terms } }), 403, 'forbidden');
  }
});

test('the catalogue names procedures, steps and documents in the caller\'s language, Italian where none', async () => {
  const uk = expectStatus(await api('GET', '/procedures?lang=uk', { session: sui }), 200).items;
  const ukraine = uk.find((p) => p.code === 'temporary_protection_ukraine');
  assert.equal(ukraine.label, 'Тимчасовий захист для осіб, які прибули з України');
  assert.equal(ukraine.label_lang, 'uk');
  assert.equal(ukraine.name, 'Protezione temporanea per le persone provenienti dall\'Ucraina', 'name stays Italian');
  assert.equal(ukraine.names.length, 5);
  assert.ok(ukraine.steps.every((s) => s.label_lang === 'uk') && ukraine.documents.every((d) => d.label_lang === 'uk'));
  // Accept-Language when no ?lang=; Italian when neither.
  const ar = expectStatus(await api('GET', `/procedures/${ukraine.id}`, { session: sui, headers: { 'Accept-Language': 'ar;q=0.9, de' } }), 200);
  assert.equal(ar.steps[1].label, 'التصوير وأخذ البصمات');
  const it = expectStatus(await api('GET', `/procedures/${ukraine.id}`, { session: sui }), 200);
  assert.equal(it.label, it.name);
  assert.equal(it.label_lang, 'it');
  expectError(await api('GET', '/procedures?lang=xx', { session: sui }), 400, 'validation_failed', ['lang']);

  // The admin names a new step in two languages: the others fall back to the Italian.
  const fields = editable(byCode('citizenship'));
  const code = `names_${uniqueSuffix().toLowerCase()}`;
  const steps = [...fields.steps.slice(0, 3), { code: 'interview', name: 'Colloquio', office: 'Prefettura di Palermo', names: [{ language: 'uk', name: 'Співбесіда' }, { language: 'en', name: 'Interview' }] }, fields.steps[3]];
  const made = expectStatus(await api('POST', '/procedures?lang=uk', { session: admin, body: { ...fields, code, steps } }), 201);
  assert.equal(made.steps[3].label, 'Співбесіда');
  assert.deepEqual(made.steps[3].names.map((n) => n.language), ['en', 'uk'], 'in the portal\'s order');
  const bn = expectStatus(await api('GET', `/procedures/${made.id}?lang=bn`, { session: admin }), 200);
  assert.equal(bn.steps[3].label, 'Colloquio');
  assert.equal(bn.steps[3].label_lang, 'it');
  // Bad names: the field named, nothing stored.
  const italian = steps.map((s, i) => (i === 3 ? { ...s, names: [...s.names, { language: 'it', name: 'Colloquio' }] } : s));
  expectError(await api('PUT', `/procedures/${made.id}`, { session: admin, body: { ...fields, code, steps: italian } }), 400, 'validation_failed', ['steps[3].names[2].language']);
  const twice = steps.map((s, i) => (i === 3 ? { ...s, names: [...s.names, { language: 'uk', name: 'Ще раз' }] } : s));
  expectError(await api('PUT', `/procedures/${made.id}`, { session: admin, body: { ...fields, code, steps: twice } }), 422, 'validation_failed', ['steps[3].names[2].language']);
  const kept = expectStatus(await api('GET', `/procedures/${made.id}?lang=uk`, { session: admin }), 200);
  assert.equal(kept.steps[3].names.length, 2);
});

test('a file names its procedure, steps and documents in the caller\'s language; the names stay Italian', async () => {
  const { file } = await openFile();
  const uk = expectStatus(await api('GET', `/procedure-files/${file.id}?lang=uk`, { session: sui }), 200);
  const catalogueUk = expectStatus(await api('GET', `/procedures/${file.procedure.id}?lang=uk`, { session: sui }), 200);
  assert.equal(uk.procedure.label, catalogueUk.label);
  assert.equal(uk.procedure.label_lang, 'uk');
  assert.equal(uk.procedure.name, file.procedure.name, 'name stays Italian');
  assert.equal(uk.current_step.label, catalogueUk.steps[0].label);
  assert.equal(uk.current_step.label_lang, 'uk');
  assert.deepEqual(uk.documents.map((d) => d.label), catalogueUk.documents.map((d) => d.label));
  assert.ok(uk.documents.every((d) => d.label_lang === 'uk' && d.label !== d.name));
  // Accept-Language, for a write's answer too; Italian when neither is given.
  const moved = expectStatus(await api('POST', `/procedure-files/${file.id}/steps`, { session: sui, headers: { 'Accept-Language': 'ar' }, body: { step: file.next_step, entered_on: daysAgo(1) } }), 200);
  assert.equal(moved.current_step.label_lang, 'ar');
  assert.notEqual(moved.current_step.label, moved.current_step.name);
  assert.equal(file.procedure.label, file.procedure.name);
  assert.equal(file.current_step.label_lang, 'it');
  // The list and the dashboard's counts too.
  const listed = expectStatus(await api('GET', `/procedure-files?protocol_number=${encodeURIComponent(file.protocol_number)}&lang=fr`, { session: sui }), 200);
  assert.equal(listed.items[0].procedure.label_lang, 'fr');
  const counts = expectStatus(await api('GET', '/procedure-files/counts?lang=bn', { session: sui }), 200);
  assert.ok(counts.items.every((c) => c.procedure.label_lang === 'bn'));
  expectError(await api('GET', `/procedure-files/${file.id}?lang=xx`, { session: sui }), 400, 'validation_failed', ['lang']);
});

test('a file moves step by step; a decision waits for the required documents; colliding protocol numbers are refused', async () => {
  const { file } = await openFile();
  assert.equal(file.status, 'open');
  assert.equal(file.current_step.code, 'filed');
  assert.equal(file.next_step, 'first_appointment');
  assert.equal(file.clock.state, 'running');
  assert.equal(file.clock.due_on >= addDays(daysAgo(20), 60), true);
  assert.deepEqual(file.missing_documents, ['current_permit', 'passport', 'employment_contract']);
  // The same protocol number again: 409 naming it.
  const other = await createPerson(officer);
  expectError(
    await api('POST', '/procedure-files', {
      session: sui,
      body: { procedure_id: file.procedure.id, person_id: other.id, protocol_number: file.protocol_number, filed_on: daysAgo(1) },
    }),
    409, 'unique_violation', ['protocol_number'],
  );
  // Out of order: 422 naming the step, the file unchanged.
  expectError(await post(file, 'steps', { step: 'postal_kit', entered_on: daysAgo(10) }), 422, 'step_out_of_order', ['step']);
  expectError(await post(file, 'steps', { step: 'first_appointment', entered_on: addDays(daysAgo(0), 1) }), 422, 'validation_failed', ['entered_on']);
  let now = expectStatus(await api('GET', `/procedure-files/${file.id}`, { session: sui }), 200);
  assert.equal(now.steps.length, 1);
  for (const [step, ago] of [['first_appointment', 15], ['second_appointment', 12], ['postal_kit', 10], ['decision', 5]]) {
    now = expectStatus(await post(file, 'steps', { step, entered_on: daysAgo(ago) }), 200);
  }
  assert.equal(now.current_step.code, 'decision');
  assert.equal(now.next_step, null);
  expectError(await post(file, 'decision', { outcome: 'granted', decided_on: daysAgo(1) }), 422, 'documents_missing', ['documents']);
  expectError(await post(file, 'documents', { document: 'diploma', received_on: daysAgo(1) }), 422, 'validation_failed', ['document']);
  for (const document of ['current_permit', 'passport', 'employment_contract']) {
    now = expectStatus(await post(file, 'documents', { document, received_on: daysAgo(18) }), 200);
  }
  expectError(await post(file, 'documents', { document: 'passport', received_on: daysAgo(2) }), 409, 'unique_violation', ['document']);
  assert.deepEqual(now.missing_documents, []);
  expectError(await post(file, 'decision', { outcome: 'silent_consent', decided_on: daysAgo(1) }), 422, 'no_silent_consent', ['outcome']);
  const decided = expectStatus(await post(file, 'decision', { outcome: 'granted', decided_on: daysAgo(1), note: 'Esito positivo' }), 200);
  assert.equal(decided.status, 'closed');
  assert.equal(decided.decision.outcome, 'granted');
  assert.equal(decided.clock.state, 'closed');
  expectError(await post(file, 'documents', { document: 'passport', received_on: daysAgo(1) }), 409, 'file_closed', ['id']);
  const audit = expectStatus(await api('GET', '/audit?action=procedure_files.decide&per_page=100', { session: admin }), 200);
  assert.ok(audit.items.some((e) => e.entity_id === String(file.id)));
});

test('a request for integration stops the clock once; the integration starts it again', async () => {
  const { file } = await openFile({ body: { filed_on: daysAgo(40) } });
  const suspended = expectStatus(await post(file, 'suspensions', { started_on: daysAgo(5), reason: 'Manca il contratto firmato' }), 200);
  assert.equal(suspended.clock.state, 'suspended');
  assert.equal(suspended.clock.suspended_days, 5);
  expectError(await post(file, 'suspensions', { started_on: daysAgo(1), reason: 'Ancora' }), 409, 'suspension_open', ['started_on']);
  const resumed = expectStatus(await post(file, 'resumption', { ended_on: daysAgo(0) }), 200);
  assert.equal(resumed.suspensions[0].ended_on, daysAgo(0));
  assert.equal(resumed.clock.suspended_days, 5);
  assert.ok(['running', 'due_soon'].includes(resumed.clock.state));
  assert.ok(resumed.clock.due_on > file.clock.due_on || resumed.clock.due_on === file.clock.due_on);
  expectError(await post(file, 'suspensions', { started_on: daysAgo(0), reason: 'Di nuovo' }), 409, 'suspension_limit', ['started_on']);
  expectError(await post(file, 'resumption', { ended_on: daysAgo(0) }), 409, 'no_open_suspension', ['ended_on']);
});

test('the list filters by procedure and by the state of the clock', async () => {
  const { file } = await openFile({ body: { filed_on: daysAgo(200) } });
  assert.equal(file.clock.state, 'overdue');
  const overdue = expectStatus(await api('GET', '/procedure-files?overdue=true&per_page=100', { session: sui }), 200);
  assert.ok(overdue.total >= 1);
  assert.ok(overdue.items.every((f) => f.clock.state === 'overdue'));
  for (const state of ['running', 'suspended', 'due_soon', 'overdue', 'closed', 'not_started']) {
    const page = expectStatus(await api('GET', `/procedure-files?state=${state}&per_page=50`, { session: officer }), 200);
    assert.ok(page.total > 0, `the demo has files ${state}`);
    assert.ok(page.items.every((f) => f.clock.state === state), state);
  }
  const work = byCode('work_entry');
  const ofWork = expectStatus(await api('GET', `/procedure-files?procedure_id=${work.id}&per_page=100`, { session: sui }), 200);
  assert.ok(ofWork.items.every((f) => f.procedure.code === 'work_entry'));
  const one = expectStatus(await api('GET', `/procedure-files?protocol_number=${encodeURIComponent(file.protocol_number)}`, { session: sui }), 200);
  assert.equal(one.total, 1);
  expectError(await api('GET', '/procedure-files?state=late', { session: sui }), 400, 'validation_failed', ['state']);
  // The SUI's inbox has the files near or past their term.
  const tasks = expectStatus(await api('GET', '/tasks?kind=procedure_file_due&per_page=100', { session: sui }), 200);
  assert.ok(tasks.items.length > 0);
  assert.ok(tasks.items.every((t) => t.kind === 'procedure_file_due' && t.due && t.link.startsWith('/procedure-files/')));
});

test('a case worker reads only the files of the people whose cases they keep; others as missing', async () => {
  const { person, case: c } = await openCase({ admin, officer, worker });
  const { file } = await openFile({ person });
  const stranger = (await openFile()).file;
  expectError(await api('GET', `/procedure-files/${file.id}`, { session: worker }), 404, 'not_found');
  expectStatus(await api('POST', `/cases/${c.id}/workers`, { session: worker, body: { user_id: worker.user.id } }), 201);
  const read = expectStatus(await api('GET', `/procedure-files/${file.id}`, { session: worker }), 200);
  assert.equal(read.person.id, person.id);
  expectError(await api('GET', `/procedure-files/${stranger.id}`, { session: worker }), 404, 'not_found');
  const mine = expectStatus(await api('GET', '/procedure-files?per_page=100', { session: worker }), 200);
  assert.ok(mine.items.some((f) => f.id === file.id));
  assert.ok(!mine.items.some((f) => f.id === stranger.id));
  // Reading is not managing; the Prefettura reads every file; analysts and the admin none.
  expectError(await post(file, 'steps', { step: 'first_appointment', entered_on: daysAgo(1) }, worker), 403, 'forbidden');
  expectStatus(await api('GET', `/procedure-files/${stranger.id}`, { session: officer }), 200);
  for (const session of [analyst, admin]) expectError(await api('GET', `/procedure-files/${file.id}`, { session }), 403, 'forbidden');
});

test('a person or procedure the request names must exist; bad input names the field', async () => {
  const person = await createPerson(officer);
  const body = { procedure_id: byCode('citizenship').id, person_id: person.id, protocol_number: protocol(), filed_on: daysAgo(1) };
  expectError(await api('POST', '/procedure-files', { session: sui, body: { ...body, person_id: 99999999 } }), 422, 'validation_failed', ['person_id']);
  expectError(await api('POST', '/procedure-files', { session: sui, body: { ...body, procedure_id: 99999999 } }), 422, 'validation_failed', ['procedure_id']);
  expectError(await api('POST', '/procedure-files', { session: sui, body: { ...body, filed_on: addDays(daysAgo(0), 3) } }), 422, 'validation_failed', ['filed_on']);
  expectError(await api('POST', '/procedure-files', { session: sui, body: { ...body, protocol_number: '' } }), 400, 'validation_failed', ['protocol_number']);
  const none = expectStatus(await api('GET', `/procedure-files?person_id=${person.id}`, { session: sui }), 200);
  assert.equal(none.total, 0);
  expectError(await api('GET', '/procedure-files/99999999', { session: sui }), 404, 'not_found');
});
