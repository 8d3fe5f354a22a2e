// Photo evidence on inspections and the register's figures beside the inspectors' count
// (docs/decisions/0029-inspection-photos-and-offline.md). A photo is uploaded to /documents (its
// size limit, its type read from the bytes) and attached to an item of an inspection in progress;
// a replay with the same key attaches nothing twice; whoever reads the inspection reads the photo,
// nobody else; detaching is for inspections in progress; the report (JSON and PDF) lists the
// photos with their hash, and sets the register of the day and the month's money beside the count.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

import { createCentre } from '../centres/fixture.mjs';
import { download, pdfBytes, pngBytes, upload, uploaded } from '../documents/fixture.mjs';
import { API, BASE_URL, api, expectError, expectStatus, findOrganization, loginDemo } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';

let admin, officer, inspector, worker, analyst;
let centre, standard;

before(async () => {
  [admin, officer, inspector, worker, analyst] = await Promise.all(
    ['admin', 'prefecture_officer', 'inspector', 'case_worker', 'analyst'].map((r) => loginDemo(r)),
  );
  const approdo = await findOrganization(admin, 'Cooperativa Sociale Approdo (demo)');
  centre = await createCentre(officer, { operator_id: approdo.id });
  const list = expectStatus(await api('GET', '/checklists?code=standard', { session: inspector }), 200);
  standard = expectStatus(await api('GET', `/checklists/${list.items[0].id}`, { session: inspector }), 200);
});

const itemId = (code) => standard.items.find((i) => i.code === code).id;
const today = () => daysAgo(0);

async function started(c = centre, day = '2026-11-20') {
  const i = expectStatus(
    await api('POST', '/inspections', { session: inspector, body: { centre_id: c.id, planned_date: day, team: [inspector.user.id] } }),
    201,
  );
  expectStatus(await api('POST', `/inspections/${i.id}/start`, { session: inspector }), 201);
  return i;
}

const attach = (inspection, body, session = inspector) =>
  api('POST', `/inspections/${inspection.id}/photos`, { session, body: { idempotency_key: randomUUID(), ...body } });

const photo = async (session = inspector) => uploaded(session, pngBytes(), { filename: 'cucina.png', type: 'image/png' });

test('a photo is attached once, listed, and read by whoever reads the inspection', async () => {
  const i = await started();
  const doc = await photo();
  const body = { item_id: itemId('building.photos'), document_id: doc.id, idempotency_key: randomUUID() };
  const first = expectStatus(await attach(i, body), 201);
  assert.equal(first.item_id, body.item_id);
  assert.equal(first.document.sha256, doc.sha256);
  assert.equal(first.document.filename, 'cucina.png');
  // The same key again (an answer lost on the way): the same photo, nothing attached twice.
  assert.deepEqual(expectStatus(await attach(i, body), 201), first);
  const list = expectStatus(await api('GET', `/inspections/${i.id}/photos`, { session: officer }), 200);
  assert.deepEqual(list.items, [first]);
  const detail = expectStatus(await api('GET', `/inspections/${i.id}`, { session: officer }), 200);
  assert.deepEqual(detail.photos, [first]);
  // Any item, not only photo items: a photo of the pests beside the no_pests answer.
  expectStatus(await attach(i, { item_id: itemId('building.no_pests'), document_id: (await photo()).id }), 201);

  const got = await download(officer, doc.id);
  assert.equal(got.status, 200);
  assert.deepEqual(got.bytes, pngBytes());
  // The operator's staff read nothing of an inspection before its report, the analyst nothing.
  assert.equal((await download(worker, doc.id)).status, 404);
  assert.equal((await download(analyst, doc.id)).status, 403);
  expectError(await api('GET', `/inspections/${i.id}/photos`, { session: worker }), 404, 'not_found');

  expectStatus(await api('POST', `/inspections/${i.id}/completion`, { session: inspector }), 201);
  expectStatus(await api('POST', `/inspections/${i.id}/report`, { session: officer }), 201);
  assert.equal((await download(worker, doc.id)).status, 200, 'the operator reads the issued report and its photos');
});

test('bad photos are refused naming the field, and nothing is attached', async () => {
  const i = await started();
  const item_id = itemId('building.photos');
  // Not a file of an accepted type, or too large: refused by the upload, before anything exists.
  expectError(await upload(inspector, Buffer.from('<html>not a photo</html>'), { filename: 'x.jpg', type: 'image/jpeg' }), 415, 'unsupported_media_type');
  const tooBig = Buffer.concat([pngBytes(), Buffer.alloc(10 * 1024 * 1024 + 1, 0)]);
  expectError(await upload(inspector, tooBig, { filename: 'big.png', type: 'image/png' }), 413, 'body_too_large');
  // A PDF is a document, not a photo.
  const pdf = await uploaded(inspector, pdfBytes());
  expectError(await attach(i, { item_id, document_id: pdf.id }), 422, 'media_type_not_accepted', ['document_id']);
  // Someone else's upload, or none: as missing.
  const others = await photo(officer);
  expectError(await attach(i, { item_id, document_id: others.id }), 422, 'no_such_document', ['document_id']);
  expectError(await attach(i, { item_id, document_id: 999999999 }), 422, 'no_such_document', ['document_id']);
  // An item of no checklist of this inspection.
  expectError(await attach(i, { item_id: 999999999, document_id: (await photo()).id }), 422, 'item_not_in_checklist', ['item_id']);
  // A document another inspection holds already.
  const j = await started();
  const held = expectStatus(await attach(j, { item_id, document_id: (await photo()).id }), 201);
  expectError(await attach(i, { item_id, document_id: held.document.id }), 409, 'already_linked', ['document_id']);
  // Another inspection's photo through this one's path: as missing.
  expectError(await api('POST', `/inspections/${i.id}/photos/${held.id}/detachment`, { session: inspector }), 404, 'not_found');
  expectError(await api('POST', `/inspections/${i.id}/photos/999999999/detachment`, { session: inspector }), 404, 'not_found');
  // The operator's staff and analysts may not attach.
  expectError(await attach(i, { item_id, document_id: (await photo()).id }, worker), 403, 'forbidden');
  assert.deepEqual(expectStatus(await api('GET', `/inspections/${i.id}/photos`, { session: inspector }), 200).items, []);
});

test('a photo is detached while the inspection is in progress, never after', async () => {
  const i = await started();
  const item_id = itemId('building.photos');
  const kept = expectStatus(await attach(i, { item_id, document_id: (await photo()).id }), 201);
  const wrong = expectStatus(await attach(i, { item_id, document_id: (await photo()).id }), 201);
  const detached = expectStatus(await api('POST', `/inspections/${i.id}/photos/${wrong.id}/detachment`, { session: inspector }), 201);
  assert.ok(detached.detached_at);
  expectError(await api('POST', `/inspections/${i.id}/photos/${wrong.id}/detachment`, { session: inspector }), 409, 'already_detached');
  // Taken off: nobody reads it any more.
  assert.equal((await download(inspector, wrong.document.id)).status, 404);
  assert.deepEqual(expectStatus(await api('GET', `/inspections/${i.id}/photos`, { session: inspector }), 200).items.map((p) => p.id), [kept.id]);

  expectStatus(await api('POST', `/inspections/${i.id}/completion`, { session: inspector }), 201);
  expectError(await api('POST', `/inspections/${i.id}/photos/${kept.id}/detachment`, { session: inspector }), 409, 'wrong_status');
  expectError(await attach(i, { item_id, document_id: (await photo()).id }), 409, 'wrong_status');
});

// pdftotext of a PDF's bytes.
function pdfText(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'innet-photos-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the report sets the register's day and the month's money beside the count, and lists the photos", async () => {
  // A demo centre with guests, visited today.
  const centres = expectStatus(await api('GET', '/centres?per_page=100', { session: officer }), 200).items;
  const demo = centres.find((c) => c.name && !c.name.startsWith('Centro test'));
  const day = today();
  const i = await started(demo, day);
  expectStatus(
    await api('POST', `/inspections/${i.id}/answers`, {
      session: inspector,
      body: { item_id: itemId('capacity_presences.guests_counted'), number: 3, idempotency_key: randomUUID() },
    }),
    201,
  );
  const shot = expectStatus(await attach(i, { item_id: itemId('building.photos'), document_id: (await photo()).id }), 201);
  const detail = expectStatus(await api('GET', `/inspections/${i.id}`, { session: inspector }), 200);
  const register = expectStatus(await api('GET', `/centres/${demo.id}/register/${day}`, { session: officer }), 200);
  assert.equal(detail.register.day, day);
  assert.equal(detail.register.registered_present, register.counts.present);
  assert.equal(detail.register.registered_absent, register.counts.absent);
  assert.equal(detail.register.status, register.status);
  assert.equal(detail.register.counted, 3);
  assert.equal(detail.register.difference, 3 - register.counts.present);
  const costs = expectStatus(await api('GET', `/centres/${demo.id}/costs/${day.slice(0, 7)}`, { session: officer }), 200);
  assert.equal(detail.money.month, day.slice(0, 7));
  assert.deepEqual(
    detail.money.lines.map((l) => [l.item, l.due_cents, l.handed_over_cents]),
    costs.money.map((l) => [l.item, l.due_cents, l.handed_over_cents]),
  );

  const res = await fetch(`${BASE_URL}${API}/inspections/${i.id}/report.pdf`, {
    headers: { cookie: `innet_session=${inspector.cookie}`, 'x-forwarded-for': inspector.address },
  });
  assert.equal(res.status, 200);
  const text = pdfText(Buffer.from(await res.arrayBuffer()));
  for (const expected of ['Registro presenze e consegne', `Presenti secondo il registro ${register.counts.present}`, 'Ospiti contati dagli ispettori 3', 'Pocket money', 'Fotografie', '1 fotografia', 'cucina.png', shot.document.sha256.slice(0, 16)])
    assert.ok(text.includes(expected), `${expected} not in the report`);

  // A visit planned for later: no register yet.
  const later = await started(centre, '2099-01-10');
  const laterDetail = expectStatus(await api('GET', `/inspections/${later.id}`, { session: inspector }), 200);
  assert.equal(laterDetail.register, null);
  assert.equal(laterDetail.money, null);
});
