// The OpenAPI document the server publishes (/api/v1/openapi.json), fetched once per test
// process: the contract check reads its schemas (contract.mjs), the role list its Role schema
// (demo.mjs). No dependency beyond Node, so the browser tests may import it too.
import assert from 'node:assert/strict';

export const BASE_URL = (process.env.INNET_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const DOCUMENT_PATH = '/api/v1/openapi.json';

let documentPromise;

export function openApiDocument() {
  documentPromise ??= fetch(BASE_URL + DOCUMENT_PATH).then((res) => {
    assert.equal(res.status, 200, `${DOCUMENT_PATH}: ${res.status}`);
    return res.json();
  });
  return documentPromise;
}
