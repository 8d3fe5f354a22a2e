// The public side of the procedures (decision 0041): the guides in the portal's languages with the
// Italian fallback flagged per field, and the citizens' status lookup: an answer only when the
// protocol number and the birth date both match, one byte-identical 404 otherwise, nothing about
// the person, an audit entry without the birth date, a flood gate per address, and bad input
// refused naming the field.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, expectError, expectStatus, loginDemo, randomAddress, uniqueSuffix } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';
import { createPerson } from '../people/fixture.mjs';

let admin, officer, sui, catalogue;

before(async () => {
  [admin, officer, sui] = await Promise.all(['admin', 'prefecture_officer', 'sui_officer'].map(loginDemo));
  catalogue = expectStatus(await api('GET', '/procedures', { session: sui }), 200).items;
});

const byCode = (code) => catalogue.find((p) => p.code === code);
const LANGS = ['it', 'en', 'fr', 'ar', 'uk', 'bn'];
/** A name of the staff catalogue in a language: its translation, or the Italian (decision 0043). */
const nameIn = (item, lang) => item.names.find((n) => n.language === lang)?.name ?? item.name;

test('the public list gives every active procedure in the language asked, names translated', async () => {
  for (const lang of LANGS) {
    const list = expectStatus(await api('GET', `/public/procedures?lang=${lang}`), 200);
    assert.equal(list.items.length, catalogue.filter((p) => p.active).length);
    const fr = list.items.find((p) => p.code === 'family_reunification');
    assert.equal(fr.name, nameIn(byCode('family_reunification'), lang));
    assert.equal(fr.name_lang, lang, 'the seed names every procedure in every language');
    assert.equal(fr.summary_lang, lang, 'the seed has a guide in every language');
    const guide = byCode('family_reunification').guides.find((g) => g.language === lang).text;
    assert.ok(guide.startsWith(fr.summary), 'the summary is the guide\'s first sentence');
    assert.ok(fr.summary.length < guide.length);
  }
  // No language: Italian.
  const plain = expectStatus(await api('GET', '/public/procedures'), 200);
  assert.ok(plain.items.every((p) => p.summary_lang === 'it' && p.name_lang === 'it'));
  // Accept-Language when no ?lang= is given (the staff's exports read it the same way).
  const accepted = expectStatus(await api('GET', '/public/procedures', { headers: { 'Accept-Language': 'uk-UA,uk;q=0.9,en;q=0.5' } }), 200);
  assert.ok(accepted.items.every((p) => p.name_lang === 'uk'));
  expectError(await api('GET', '/public/procedures?lang=de'), 400, 'validation_failed', ['lang']);
});

test('a guide: steps with offices, documents, fee, the term in force today, legal basis', async () => {
  const g = expectStatus(await api('GET', '/public/procedures/family_reunification?lang=uk'), 200);
  const p = byCode('family_reunification');
  assert.equal(g.guide_lang, 'uk');
  assert.equal(g.guide, p.guides.find((x) => x.language === 'uk').text);
  assert.equal(g.name, nameIn(p, 'uk'));
  assert.equal(g.name_lang, 'uk');
  assert.deepEqual(g.steps, p.steps.map((s) => ({ name: nameIn(s, 'uk'), office: s.office })));
  assert.equal(g.steps_lang, 'uk');
  assert.deepEqual(g.documents.map((d) => d.name), p.documents.map((d) => nameIn(d, 'uk')));
  assert.equal(g.documents_lang, 'uk');
  assert.equal(g.fee_cents, 1600);
  assert.equal(g.term_days, 150, 'the rule in force since 2024-12-11, not the old 90 days');
  assert.equal(g.term_counting, 'calendar');
  assert.equal(g.silent_consent, false);
  assert.equal(g.legal_basis, p.legal_basis);
  assert.equal(expectStatus(await api('GET', '/public/procedures/work_entry?lang=bn'), 200).silent_consent, true);
  // Nothing staff-only leaks: no ids, no rules' internals.
  assert.equal(g.id, undefined);
  assert.equal(g.terms, undefined);
  expectError(await api('GET', '/public/procedures/no_such_procedure?lang=en'), 404, 'not_found');
});

async function openFile(birth_date) {
  const person = await createPerson(officer, { birth_date });
  const protocol_number = `PUB/${uniqueSuffix()}`;
  const body = { procedure_id: byCode('permit_conversion').id, person_id: person.id, protocol_number, filed_on: daysAgo(10) };
  const file = expectStatus(await api('POST', '/procedure-files', { session: sui, body }), 201);
  return { person, file, protocol_number };
}

const lookup = (body, { lang = 'en', address = randomAddress() } = {}) =>
  api('POST', `/public/procedure-files/lookup?lang=${lang}`, { body, address });

test('a matching number and birth date give the file\'s status and nothing about the person', async () => {
  const { person, file, protocol_number } = await openFile('1985-03-14');
  const res = lookup({ protocol_number: ` ${protocol_number} `, birth_date: '1985-03-14' }, { lang: 'ar' });
  const status = expectStatus(await res, 200);
  const p = byCode('permit_conversion');
  assert.equal(status.procedure_code, 'permit_conversion');
  assert.equal(status.procedure_name, nameIn(p, 'ar'));
  assert.equal(status.procedure_name_lang, 'ar');
  assert.equal(status.current_step, nameIn(p.steps[0], 'ar'));
  assert.equal(status.current_step_lang, 'ar');
  assert.equal(status.current_step_office, p.steps[0].office);
  assert.equal(status.status, 'open');
  assert.equal(status.due_on, file.clock.due_on);
  assert.deepEqual(status.missing_documents, p.documents.filter((d) => d.required).map((d) => nameIn(d, 'ar')));
  assert.equal(status.missing_documents_lang, 'ar');
  const text = JSON.stringify(status);
  for (const secret of [person.family_name, String(person.id), '1985-03-14'])
    assert.ok(!text.includes(`"${secret}"`), `the answer names ${secret}`);
  assert.equal(status.person_id, undefined);
  assert.equal(status.id, undefined);

  // Audited, without the birth date.
  const audit = expectStatus(await api('GET', '/audit?action=procedure_files.public_lookup&per_page=100', { session: admin }), 200);
  const entry = audit.items.find((e) => e.entity_id === String(file.id));
  assert.ok(entry, 'the lookup is in the audit trail');
  assert.ok(!JSON.stringify(entry).includes('1985-03-14'));
});

test('a wrong number, a wrong date, or both: one byte-identical 404', async () => {
  const { protocol_number } = await openFile('1979-11-02');
  const wrongDate = await lookup({ protocol_number, birth_date: '1979-11-03' });
  const wrongNumber = await lookup({ protocol_number: `${protocol_number}X`, birth_date: '1979-11-02' });
  const both = await lookup({ protocol_number: `NOPE/${uniqueSuffix()}`, birth_date: '2001-01-01' });
  expectError(wrongDate, 404, 'not_found');
  for (const other of [wrongNumber, both]) {
    assert.equal(other.status, 404);
    assert.equal(other.text, wrongDate.text, 'the bodies are byte-identical');
  }
  // The right pair still answers.
  expectStatus(await lookup({ protocol_number, birth_date: '1979-11-02' }), 200);
});

test('the lookup is flood-gated per address: 429 with Retry-After; other addresses go on', async () => {
  const address = randomAddress();
  const body = { protocol_number: `NOPE/${uniqueSuffix()}`, birth_date: '1990-01-01' };
  for (let i = 0; i < 10; i++) expectError(await lookup(body, { address }), 404, 'not_found');
  const refused = await lookup(body, { address });
  expectError(refused, 429, 'too_many_requests');
  assert.ok(Number(refused.headers.get('retry-after')) > 0);
  // Refused even with the right values: the gate is before any lookup.
  const { protocol_number } = await openFile('1970-07-07');
  expectError(await lookup({ protocol_number, birth_date: '1970-07-07' }, { address }), 429, 'too_many_requests');
  expectStatus(await lookup({ protocol_number, birth_date: '1970-07-07' }), 200);
});

test('bad input: 400 naming the field', async () => {
  expectError(await lookup({ birth_date: '1990-01-01' }), 400, 'validation_failed', ['protocol_number']);
  expectError(await lookup({ protocol_number: 'PA/2026/000001' }), 400, 'validation_failed', ['birth_date']);
  expectError(await lookup({ protocol_number: 'PA/2026/000001', birth_date: '01/02/1990' }), 400, 'validation_failed', ['birth_date']);
  expectError(await lookup({ protocol_number: 'PA/2026/000001', birth_date: '1990-02-30' }), 400, 'validation_failed', ['birth_date']);
  expectError(await lookup({ protocol_number: '', birth_date: '1990-01-01' }), 400, 'validation_failed', ['protocol_number']);
  expectError(await lookup({ protocol_number: 'PA/2026/000001', birth_date: '1990-01-01', name: 'x' }), 400, 'validation_failed', ['name']);
  expectError(await lookup({ protocol_number: 'PA/2026/000001', birth_date: '1990-01-01' }, { lang: 'xx' }), 400, 'validation_failed', ['lang']);
});
