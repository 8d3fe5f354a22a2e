// Bytes on the wire of a first visit (a fresh profile: empty cache): the login page, then the home page after
// signing in, measured by Chromium itself, once as it is (it accepts br and gzip) and once, as the
// same-run baseline, with Accept-Encoding: identity. The built app's scripts and stylesheets must
// arrive compressed and the whole visit must cost less than half of the baseline. Prints the
// figures for docs/benchmarks.md.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoEmail, launch, login } from './helpers.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

function total(requests, filter = () => true) {
  const list = [...requests.values()].filter(filter);
  const sum = (key) => list.reduce((n, r) => n + r[key], 0);
  return { count: list.length, transferred: sum('transferred'), decoded: sum('decoded') };
}

function report(label, t) {
  console.log(`${label}: ${t.count} responses, ${kb(t.transferred)} transferred, ${kb(t.decoded)} decoded`);
}

// Loads the login page, then signs in; returns the responses by request id with their encoding,
// Vary, bytes transferred (Chromium's encodedDataLength: headers and body as sent) and decoded.
async function firstVisit(extraHeaders) {
  const browser = await launch();
  const requests = new Map();
  try {
    const page = await browser.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (extraHeaders) await cdp.send('Network.setExtraHTTPHeaders', { headers: extraHeaders });
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      requests.set(requestId, {
        url: new URL(response.url).pathname,
        encoding: headers['content-encoding'] ?? 'identity',
        vary: headers.vary ?? '',
        transferred: 0,
        decoded: 0,
      });
    });
    cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
      const r = requests.get(requestId);
      if (r) r.decoded += dataLength;
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const r = requests.get(requestId);
      if (r) r.transferred = encodedDataLength;
    });
    await page.goto('/login');
    await page.locator('#email').waitFor();
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    const loginPage = total(requests);
    await login(page, demoEmail('prefecture_officer'), undefined, { open: false });
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    assert.deepEqual(page.jsErrors, [], 'JavaScript or CSP errors in the page');
    return { requests, loginPage, visit: total(requests) };
  } finally {
    await browser.close();
  }
}

test('first visit: the app arrives compressed, less than half of the uncompressed bytes', async () => {
  const compressed = await firstVisit();
  const baseline = await firstVisit({ 'Accept-Encoding': 'identity' });

  report('login page, compressed', compressed.loginPage);
  report('login page, identity  ', baseline.loginPage);
  report('login + home, compressed', compressed.visit);
  report('login + home, identity  ', baseline.visit);
  for (const [encoding, label] of [['br', 'brotli'], ['gzip', 'gzip'], ['identity', 'uncompressed']]) {
    report(`  of which ${label}`, total(compressed.requests, (r) => r.encoding === encoding));
  }

  // The build keeps no compressed twin of a file under 1 KiB (index.html is about 0.7 KiB).
  const assets = [...compressed.requests.values()].filter((r) => /\.(js|css)$/.test(r.url) && r.decoded >= 1024);
  assert.ok(assets.length >= 2, `scripts and stylesheet: ${JSON.stringify([...compressed.requests.values()])}`);
  for (const r of assets) {
    assert.match(r.encoding, /^(br|gzip)$/, `${r.url} arrives compressed`);
    assert.match(r.vary, /Accept-Encoding/i, `${r.url} varies by Accept-Encoding`);
  }
  for (const r of baseline.requests.values()) assert.equal(r.encoding, 'identity', `${r.url} with identity`);
  // Fonts (woff2) are compressed already; the whole visit still shrinks by more than half.
  assert.ok(
    compressed.visit.transferred < baseline.visit.transferred / 2,
    `${kb(compressed.visit.transferred)} against ${kb(baseline.visit.transferred)}`,
  );
});
