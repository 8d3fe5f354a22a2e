// Probes, metrics, security and cache headers, the web app's files, and the OpenAPI document.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { api, request, expectError, expectStatus, loginDemo, uniqueSuffix } from '../support/client.mjs';

let admin;

before(async () => {
  admin = await loginDemo('admin');
});

function expectSecurityHeaders(res, what) {
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP ${csp}`);
  assert.match(csp, /default-src 'self'/, `${what}: CSP ${csp}`);
  assert.match(csp, /object-src 'none'/, `${what}: CSP ${csp}`);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-(inline|eval)'/, `${what}: CSP allows inline script`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer', what);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', what);
  assert.match(res.headers.get('x-request-id') ?? '', /^[A-Za-z0-9._-]{1,64}$/, `${what}: X-Request-Id`);
}

test('/healthz and /readyz answer 200', async () => {
  const health = await request('GET', '/healthz');
  assert.deepEqual(expectStatus(health, 200), { status: 'ok' });
  assert.match(health.headers.get('content-type'), /^application\/json/);
  const ready = await request('GET', '/readyz');
  assert.deepEqual(expectStatus(ready, 200), { status: 'ready' });
  // HEAD answers like GET, without a body.
  const head = await request('HEAD', '/healthz');
  assert.equal(head.status, 200);
  assert.equal(head.text, '');
});

test('/metrics has the request counter and the pool gauge', async () => {
  expectStatus(await api('GET', '/openapi.json'), 200);
  const res = await request('GET', '/metrics', { headers: { accept: 'text/plain' } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  const text = res.text;
  assert.match(text, /^# TYPE innet_http_requests_total counter$/m);
  assert.match(text, /^innet_http_requests_total\{[^}]*route="\/api\/v1\/openapi\.json"[^}]*\} [1-9]\d*$/m);
  assert.match(text, /^innet_db_pool_connections(\{[^}]*\})? \d+$/m);
  // Unknown paths are counted under one label, so random URLs cannot blow up the series.
  await request('GET', `/api/v1/no-such-${uniqueSuffix()}`);
  const after = (await request('GET', '/metrics')).text;
  assert.doesNotMatch(after, /no-such-/);
  assert.match(after, /route="unmatched"/);
});

test('API responses carry the security headers and Cache-Control: no-store', async () => {
  const cases = [
    ['openapi.json', await api('GET', '/openapi.json')],
    ['/auth/me', await api('GET', '/auth/me', { session: admin })],
    ['organisations', await api('GET', '/organizations', { session: admin })],
    ['401', await api('GET', '/users')],
    ['403', await api('GET', '/audit', { session: await loginDemo('analyst') })],
    ['400', await api('GET', '/organizations?per_page=0', { session: admin })],
    ['404', await api('GET', '/no/such/thing')],
    ['405', await api('DELETE', '/organizations')],
    ['login 401', await api('POST', '/auth/login', { body: { email: `x-${uniqueSuffix()}@example.org`, password: 'x' } })],
  ];
  for (const [what, res] of cases) {
    expectSecurityHeaders(res, what);
    assert.equal(res.headers.get('cache-control'), 'no-store', `${what}: Cache-Control`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json; charset=utf-8$/, what);
  }
  // A sane request id is echoed, anything else replaced.
  const id = `ops-${uniqueSuffix()}`;
  assert.equal((await api('GET', '/openapi.json', { headers: { 'x-request-id': id } })).headers.get('x-request-id'), id);
  const bad = await api('GET', '/openapi.json', { headers: { 'x-request-id': 'a b<script>' } });
  assert.match(bad.headers.get('x-request-id'), /^[A-Za-z0-9._-]+$/);
});

test('GET /home serves the staff app; app routes fall back to index.html; assets are cached', async () => {
  const index = await request('GET', '/home', { headers: { accept: 'text/html' } });
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /^text\/html/);
  assert.match(index.text, /^<!doctype html>/i);
  assert.match(index.text, /<div id="app"><\/div>/);
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  expectSecurityHeaders(index, 'GET /home');

  for (const path of ['/users', '/organizations/3', '/audit', '/login', '/account']) {
    const res = await request('GET', path, { headers: { accept: 'text/html' } });
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type'), /^text\/html/, path);
    assert.equal(res.text, index.text, `${path} serves index.html`);
    expectSecurityHeaders(res, path);
  }

  // The hashed bundles the page loads: long-lived cache, right type.
  const assets = [...index.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(assets.length >= 1, 'index.html loads bundles from /assets/');
  for (const path of assets) {
    const res = await request('GET', path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('cache-control'), /max-age=31536000/, path);
    assert.match(res.headers.get('cache-control'), /immutable/, path);
    const type = path.endsWith('.js') ? /^text\/javascript/ : path.endsWith('.css') ? /^text\/css/ : /./;
    assert.match(res.headers.get('content-type'), type, path);
    expectSecurityHeaders(res, path);
  }
  // A missing file with an extension is a 404, not the app; an ETag revalidates.
  assert.equal((await request('GET', '/assets/no-such-bundle.js')).status, 404);
  assert.equal((await request('GET', '/.env')).status, 404);
  const etag = index.headers.get('etag');
  assert.ok(etag);
  assert.equal((await request('GET', '/home', { headers: { 'if-none-match': etag } })).status, 304);
  // Writes to app routes are not served by the static handler.
  assert.notEqual((await request('POST', '/users', { body: {} })).status, 200);
});

test('GET / and the language prefixes serve the public portal, which loads none of the staff app', async () => {
  const portal = await request('GET', '/', { headers: { accept: 'text/html' } });
  assert.equal(portal.status, 200);
  assert.match(portal.text, /<div id="portal"><\/div>/);
  assert.equal(portal.headers.get('cache-control'), 'no-cache');
  expectSecurityHeaders(portal, 'GET /');
  for (const path of ['/it', '/en/services', '/ar/services/1', '/bn', '/uk/services?q=x', '/fr']) {
    const res = await request('GET', path, { headers: { accept: 'text/html' } });
    assert.equal(res.status, 200, path);
    assert.equal(res.text, portal.text, `${path} serves portal.html`);
  }
  const staff = await request('GET', '/home');
  const script = (text) => text.match(/<script type="module"[^>]*src="([^"]+)"/)?.[1];
  const stylesheet = (text) => text.match(/(?:href|content)="(\/assets\/[^"]+\.css)"/)?.[1];
  assert.ok(script(portal.text) && script(staff.text));
  assert.notEqual(script(portal.text), script(staff.text), 'the portal has its own bundle');
  assert.ok(stylesheet(portal.text) && stylesheet(staff.text));
  assert.notEqual(stylesheet(portal.text), stylesheet(staff.text), 'and its own stylesheet');
  assert.equal(portal.headers.get('set-cookie'), null, 'no cookie');
});

test('one path per route: a trailing slash redirects a page and is not a route', async () => {
  const page = await request('GET', '/account/?tab=password', { headers: { accept: 'text/html' } });
  assert.equal(page.status, 308);
  assert.equal(page.headers.get('location'), '/account?tab=password');
  // The proxy's rule for /metrics cannot be walked around with a slash: it ends at /metrics.
  const metrics = await request('GET', '/metrics/');
  assert.equal(metrics.status, 308);
  assert.equal(metrics.headers.get('location'), '/metrics');
  assert.doesNotMatch(metrics.text, /innet_http_requests_total/);
  for (const path of ['/api/v1/auth/me/', '/api/v1/openapi.json/']) {
    expectError(await request('GET', path), 404, 'not_found');
  }
  expectError(await request('GET', '//evil.example/'), 404, 'not_found');
});

test('large JSON answers and the app bundles are compressed for clients that accept it', async () => {
  const gzipped = await api('GET', '/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
  expectStatus(gzipped, 200);
  assert.equal(gzipped.headers.get('content-encoding'), 'gzip');
  assert.match(gzipped.headers.get('vary'), /Accept-Encoding/);
  assert.ok(gzipped.json.openapi, 'decodes to the same document');
  const plain = await api('GET', '/openapi.json', { headers: { 'accept-encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.match(plain.headers.get('vary'), /Accept-Encoding/);
  assert.deepEqual(gzipped.json, plain.json);

  const index = await request('GET', '/');
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)[1];
  const br = await request('GET', script, { headers: { 'accept-encoding': 'gzip, br' } });
  assert.equal(br.status, 200);
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.match(br.headers.get('vary'), /Accept-Encoding/);
  const identity = await request('GET', script, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(identity.headers.get('content-encoding'), null);
  assert.equal(br.text, identity.text, 'the brotli twin decodes to the bundle');
  assert.notEqual(br.headers.get('etag'), identity.headers.get('etag'));
});

test('openapi.json is OpenAPI 3.1 with resolvable $refs, summaries and x-innet-action', async () => {
  const doc = expectStatus(await api('GET', '/openapi.json'), 200);
  assert.match(doc.openapi, /^3\.1\.\d+$/);
  assert.equal(typeof doc.info?.title, 'string');
  assert.match(doc.info?.version ?? '', /^\d+\.\d+\.\d+/);
  assert.ok(doc.components?.securitySchemes?.session && doc.components?.securitySchemes?.bearer);

  // Every $ref points at something that exists.
  const refs = [];
  const walk = (node, where) => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${where}/${i}`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref') refs.push([v, where]);
        else walk(v, `${where}/${k}`);
      }
    }
  };
  walk(doc, '#');
  assert.ok(refs.length > 10, `only ${refs.length} $refs`);
  for (const [ref, where] of refs) {
    assert.match(ref, /^#\//, `${where}: external $ref ${ref}`);
    let target = doc;
    for (const part of ref.slice(2).split('/')) {
      target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    assert.ok(target && typeof target === 'object', `${where}: $ref ${ref} does not resolve`);
  }

  const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
  const operationIds = new Set();
  let operations = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.ok(methods.has(method), `${where}: unexpected key`);
      operations++;
      assert.equal(typeof op.summary, 'string', where);
      assert.ok(op.summary.length > 3, `${where}: summary`);
      assert.equal(typeof op['x-innet-action'], 'string', `${where}: x-innet-action`);
      assert.match(op['x-innet-action'], /^(public|authenticated|[a-z_]+(\.[a-z_]+)+)$/, where);
      assert.ok(!operationIds.has(op.operationId), `${where}: duplicate operationId`);
      operationIds.add(op.operationId);
      assert.ok(Object.keys(op.responses ?? {}).some((s) => /^2\d\d$/.test(s)), `${where}: no success response`);
      // Path parameters are declared.
      for (const [, name] of path.matchAll(/\{([a-z_]+)\}/g)) {
        assert.ok(op.parameters?.some((p) => p.in === 'path' && p.name === name && p.required), `${where}: {${name}}`);
      }
      if (op['x-innet-action'] !== 'public') {
        assert.ok(op.responses['401'] && op.responses['403'], `${where}: 401/403 documented`);
      }
      const json = op.requestBody?.content['application/json'];
      // An upload may accept JSON as raw bytes (an HSDS file): described as binary, below.
      if (json && json.schema.format !== 'binary') {
        const schema = json.schema;
        assert.equal(schema.additionalProperties, false, `${where}: unknown fields are refused`);
        assert.ok(op.responses['400'], `${where}: 400 documented`);
      } else if (op.requestBody) {
        // A file upload (POST /api/v1/documents): raw bytes of the listed types, 413 and 415.
        for (const [type, content] of Object.entries(op.requestBody.content)) {
          assert.deepEqual(content.schema, { type: 'string', format: 'binary' }, `${where}: ${type}`);
        }
        assert.ok(op.responses['413'] && op.responses['415'], `${where}: 413/415 documented`);
      }
    }
  }
  assert.ok(operations >= 21, `${operations} operations`);
  const error = doc.components.schemas.Error;
  assert.deepEqual(error.properties.error.required, ['code', 'message', 'fields']);
  assert.equal(doc.paths['/api/v1/auth/password'].post['x-innet-session-only'], true);
});
