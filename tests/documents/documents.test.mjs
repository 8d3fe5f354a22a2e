// Uploaded documents over HTTP (docs/decisions/0016-documents.md): the bytes come back exactly,
// with their hash and the type read from them; a file too large or of another type is refused
// and nothing is stored; a document is its uploader's until the register attaches it to a
// confirmed day, and then the register's readers', and another operator's case worker gets the
// answer for a missing id throughout; reading an attached sheet is a read of the day's guests.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { createCentre } from '../centres/fixture.mjs';
import { createPerson } from '../people/fixture.mjs';
import { place } from '../reception/placements/fixture.mjs';
import {
  api,
  createUser,
  expectError,
  expectStatus,
  findOrganization,
  login,
  loginDemo,
  poll,
} from '../support/client.mjs';
import { addDays, daysAgo } from '../support/days.mjs';
import { assertSameAnswer, attachSheet, download, pdfBytes, pngBytes, upload, uploaded } from './fixture.mjs';

let admin, officer, inspector, worker, otherWorker;
let centre, otherCentre, guest, outsider;
const today = daysAgo(0);
const day = addDays(today, -5);
const MISSING = 999999999;

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

const signIn = async (role, organization) => {
  const u = await createUser(admin, { role, organizationId: organization.id });
  return login(u.email, u.password);
};

// The uploads the audit trail records for a user: refused uploads must leave none.
const uploadsBy = async (session) =>
  expectStatus(await api('GET', `/audit?actor_user_id=${session.user.id}&action=documents.upload&per_page=100`, { session: admin }), 200)
    .total;

before(async () => {
  [admin, officer, inspector] = await Promise.all(['admin', 'prefecture_officer', 'inspector'].map((r) => loginDemo(r)));
  const approdo = await findOrganization(admin, 'Cooperativa Sociale Approdo (demo)');
  const ponte = await findOrganization(admin, 'Cooperativa Il Ponte (demo)');
  [worker, otherWorker] = await Promise.all([signIn('case_worker', approdo), signIn('case_worker', ponte)]);
  const places = { places_single_men: 5, places_single_women: 0, places_families: 0 };
  centre = await createCentre(officer, { operator_id: approdo.id, ...places });
  otherCentre = await createCentre(officer, { operator_id: ponte.id, ...places });
  const man = (family_name) => createPerson(officer, { family_name, given_names: 'Test', sex: 'male', nationality: 'SN' });
  [guest, outsider] = await Promise.all(['Diallo', 'Sow'].map(man));
  await place(officer, [guest], centre, 'single_men', addDays(today, -20));
  await place(officer, [outsider], otherCentre, 'single_men', addDays(today, -20));
  for (const [session, c] of [[worker, centre], [otherWorker, otherCentre]])
    expectStatus(await api('POST', `/centres/${c.id}/register/${day}/confirmation`, { session, body: {} }), 201);
});

test('an upload comes back byte for byte, with its hash and the type read from it', async () => {
  const bytes = pdfBytes('round trip');
  // The client's Content-Type is not believed: the type comes from the content.
  const doc = await uploaded(worker, bytes, { filename: '../Foglio firmato 3 dicembre', type: 'application/octet-stream' });
  assert.equal(doc.media_type, 'application/pdf');
  assert.equal(doc.size, bytes.length);
  assert.equal(doc.sha256, sha256(bytes));
  assert.equal(doc.filename, 'Foglio firmato 3 dicembre.pdf');
  assert.match(doc.uploaded_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assertSameAnswer(await api('GET', `/documents/${doc.id}`, { session: worker }), { status: 200, json: doc }, 'metadata');

  const got = await download(worker, doc.id);
  assert.equal(got.status, 200);
  assert.ok(got.bytes.equals(bytes), 'identical bytes');
  assert.equal(sha256(got.bytes), doc.sha256);
  assert.equal(got.headers.get('content-type'), 'application/pdf');
  assert.match(got.headers.get('content-disposition'), /^attachment; filename="Foglio firmato 3 dicembre\.pdf"; filename\*=UTF-8''Foglio%20firmato%203%20dicembre\.pdf$/);
  assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
  assert.match(got.headers.get('content-security-policy'), /sandbox/);

  // The same bytes again: a record of its own (deduplicated storage is invisible).
  const again = await uploaded(worker, bytes, { filename: 'copia.pdf' });
  assert.notEqual(again.id, doc.id);
  assert.equal(again.sha256, doc.sha256);
  const png = await uploaded(worker, pngBytes(), { filename: 'scan.exe', type: 'image/png' });
  assert.equal(png.media_type, 'image/png');
  assert.equal(png.filename, 'scan.exe.png');
});

test('a file over upload_max_bytes gets 413 before it is read, and nothing is stored', async () => {
  const before = await uploadsBy(worker);
  // Larger than the JSON limit (1 MiB) but within the upload limit: accepted.
  const big = Buffer.concat([pdfBytes(), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
  const doc = await uploaded(worker, big);
  assert.equal(doc.size, big.length);
  const tooBig = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024, 0x20), Buffer.from('%%EOF')]);
  expectError(await upload(worker, tooBig), 413, 'body_too_large');
  // Every other route keeps the JSON limit.
  const json = JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) });
  expectError(await api('POST', `/centres/${centre.id}/register/${day}/confirmation`, { session: worker, body: json }), 413, 'body_too_large');
  assert.equal(await uploadsBy(worker), before + 1);
});

test('a file of another type is refused whatever its name and Content-Type, and nothing is stored', async () => {
  const before = await uploadsBy(worker);
  const html = Buffer.from('<!DOCTYPE html><html><script>fetch("/api/v1/auth/me")</script></html>');
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]);
  for (const [bytes, filename] of [[html, 'foglio.pdf'], [exe, 'foto.jpg']]) {
    const e = expectError(await upload(worker, bytes, { filename, type: 'application/pdf' }), 415, 'unsupported_media_type');
    assert.match(e.message, /PDF, JPEG, PNG, WebP or HEIC/);
  }
  const cut = pdfBytes();
  expectError(await upload(worker, cut.subarray(0, cut.length - 8)), 415, 'truncated_file');
  expectError(await upload(worker, Buffer.alloc(0)), 400, 'empty_file');
  assert.equal(await uploadsBy(worker), before);
});

test("another operator's case worker gets the answer for a missing id: metadata, content, attaching", async () => {
  const doc = await uploaded(worker, pdfBytes('private'));
  for (const path of [`/documents/${doc.id}`, `/documents/${MISSING}`])
    expectError(await api('GET', path, { session: otherWorker }), 404, 'not_found');
  assertSameAnswer(
    await api('GET', `/documents/${doc.id}`, { session: otherWorker }),
    await api('GET', `/documents/${MISSING}`, { session: otherWorker }),
    'metadata',
  );
  assertSameAnswer(await download(otherWorker, doc.id), await download(otherWorker, MISSING), 'content');
  assertSameAnswer(
    await attachSheet(otherWorker, otherCentre, day, doc.id),
    await attachSheet(otherWorker, otherCentre, day, MISSING),
    'attaching',
  );
  expectError(await attachSheet(otherWorker, otherCentre, day, doc.id), 422, 'no_such_document', ['document_id']);
  // Unattached, a document is its uploader's alone: not even the Prefettura reads it yet.
  expectError(await api('GET', `/documents/${doc.id}`, { session: officer }), 404, 'not_found');
  expectStatus(await api('GET', `/documents/${doc.id}`, { session: worker }), 200);
});

test("a signed sheet attached to a confirmed day is read by the register's readers, and logged", async () => {
  const bytes = pdfBytes('firmato');
  const doc = await uploaded(worker, bytes);
  // Not before the day is confirmed, nor twice.
  expectError(await attachSheet(worker, centre, addDays(day, -1), doc.id), 409, 'not_confirmed');
  const sheet = expectStatus(await attachSheet(worker, centre, day, doc.id), 201);
  assert.equal(sheet.id, doc.id);
  assert.equal(sheet.sha256, doc.sha256);
  expectError(await attachSheet(worker, centre, day, doc.id), 409, 'already_linked', ['document_id']);

  const list = expectStatus(await api('GET', `/centres/${centre.id}/register/${day}/sheets`, { session: inspector }), 200);
  assert.deepEqual(list.items.map((s) => s.id), [doc.id]);
  assert.equal(list.items[0].confirmation_id, sheet.confirmation_id);
  expectError(await api('GET', `/centres/${centre.id}/register/${day}/sheets`, { session: otherWorker }), 404, 'not_found');

  // The Prefettura reads it now; another operator still gets the answer for a missing id.
  const res = await api('GET', `/documents/${doc.id}`, { session: officer });
  expectStatus(res, 200);
  const got = await download(officer, doc.id);
  assert.ok(got.bytes.equals(bytes));
  assertSameAnswer(await download(otherWorker, doc.id), await download(otherWorker, MISSING), 'content');

  // Reading the sheet is reading the day's guests: the read log says who.
  const requestId = res.headers.get('x-request-id');
  const entry = await poll(
    async () =>
      expectStatus(await api('GET', `/audit/reads?actor_user_id=${officer.user.id}&person_id=${guest.id}&per_page=100`, { session: admin }), 200)
        .items.find((e) => e.request_id === requestId),
    { what: 'the read entry of the sheet' },
  );
  assert.equal(entry.route, 'GET /api/v1/documents/{id}');
  assert.equal(entry.outcome, 'success');
  assert.deepEqual(entry.person_ids, [guest.id]);
  assert.ok(!entry.person_ids.includes(outsider.id));

  // The upload and the attachment are in the audit trail.
  const trail = expectStatus(await api('GET', `/audit?actor_user_id=${worker.user.id}&action=register.sheet&per_page=100`, { session: admin }), 200);
  assert.ok(trail.items.some((e) => e.details?.document_id === doc.id));
});
