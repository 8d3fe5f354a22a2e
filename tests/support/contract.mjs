// Every JSON answer an API test receives is checked against the OpenAPI document the server
// publishes (/api/v1/openapi.json): the schema of the operation that matches the method and path
// template, for the status received (error bodies against the Error schema). A mismatch fails the
// test with the path and ajv's message, so the server, the document and the tests cannot drift
// apart. OpenAPI 3.1 schemas are JSON Schema 2020-12.
import assert from 'node:assert/strict';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import { DOCUMENT_PATH, openApiDocument } from './openapi.mjs';

const DOCUMENT_ID = 'https://innet.example/openapi.json';

let contract; // a promise of {operations: [{method, pattern, responses}], ajv}

async function loadContract() {
  const document = await openApiDocument();
  // strict: false because the document root is not a schema (its `components` hold them).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  const operations = [];
  for (const [template, methods] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[a-z_]+\}/g, '[^/]+')}$`);
    for (const [method, operation] of Object.entries(methods)) {
      operations.push({ method: method.toUpperCase(), template, pattern, responses: operation.responses });
    }
  }
  return { operations, ajv };
}

// The compiled validator of one response's JSON schema, once per schema.
const validators = new Map();
function validatorFor(ajv, schema) {
  const key = JSON.stringify(schema);
  if (!validators.has(key)) {
    // References inside the document point at #/components/...: resolve them in the document.
    const rebased = JSON.parse(key.replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`));
    validators.set(key, ajv.compile(rebased));
  }
  return validators.get(key);
}

export async function checkAgainstContract(method, path, answer) {
  const pathOnly = path.split('?')[0];
  if (!pathOnly.startsWith('/api/') || pathOnly === DOCUMENT_PATH || answer.json === null) return;
  contract ??= loadContract();
  const { operations, ajv } = await contract;
  const operation = operations.find((o) => o.method === method && o.pattern.test(pathOnly));
  if (!operation) return; // no such route: the server's 404 or 405, not part of the contract
  const where = `${method} ${path} (${operation.template}) answered ${answer.status}`;
  const response = operation.responses[String(answer.status)];
  assert.ok(response, `${where}: the document lists no such status`);
  const schema = response.content?.['application/json']?.schema;
  assert.ok(schema, `${where}: the document gives no JSON body for this status`);
  const validate = validatorFor(ajv, schema);
  if (!validate(answer.json)) {
    assert.fail(`${where}: the body does not match the OpenAPI schema: ${ajv.errorsText(validate.errors)}`);
  }
}
