// Documents as the API tests make them: small but whole files of each accepted type, an upload,
// and a download read as bytes (the shared client reads answers as text).
import assert from 'node:assert/strict';

import { API, BASE_URL, api, expectStatus } from '../support/client.mjs';

// A minimal PDF: the header, one object and the end-of-file marker the server looks for.
export function pdfBytes(text = 'foglio presenze') {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Title (${text}) >> endobj\n\x00\xff\xfe binary\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

// A 1x1 PNG.
export const pngBytes = () =>
  Buffer.from(
    '89504e470d0a1a0a' +
      '0000000d4948445200000001000000010802000000907753de' +
      '0000000c4944415408d763f8cfc000000301010018dd8db0' +
      '0000000049454e44ae426082',
    'hex',
  );

// POST /documents with the raw bytes; `type` is the Content-Type the client claims.
export function upload(session, bytes, { filename = 'foglio.pdf', type = 'application/pdf' } = {}) {
  const q = filename === null ? '' : `?filename=${encodeURIComponent(filename)}`;
  return api('POST', `/documents${q}`, { session, body: bytes, headers: { 'content-type': type } });
}

export async function uploaded(session, bytes = pdfBytes(), opts = {}) {
  return expectStatus(await upload(session, bytes, opts), 201);
}

// GET /documents/{id}/content: {status, headers, bytes, json (errors)}.
export async function download(session, id) {
  const res = await fetch(`${BASE_URL}${API}/documents/${id}/content`, {
    headers: { cookie: `innet_session=${session.cookie}`, 'x-forwarded-for': session.address },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get('content-type') ?? '').startsWith('application/json') ? JSON.parse(bytes.toString()) : null;
  return { status: res.status, headers: res.headers, bytes, json };
}

// Attaches a document to the day's register as its signed sheet.
export const attachSheet = (session, centre, day, documentId) =>
  api('POST', `/centres/${centre.id}/register/${day}/sheets`, { session, body: { document_id: documentId } });

export function assertSameAnswer(a, b, what) {
  assert.equal(a.status, b.status, what);
  assert.deepEqual(a.json, b.json, what);
}
