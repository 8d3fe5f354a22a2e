// Shared by the public portal's browser tests (portal*.test.mjs): its texts, a browser that can
// reach only the test server, and services picked from the directory API the portal reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, launch } from './helpers.mjs';

export const PORTAL_LANGS = ['it', 'en', 'fr', 'ar', 'uk', 'bn'];
const localesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'portal', 'locales');
const cache = {};

/** A text of the portal (src/portal/locales), with the plural form for `count` as the portal picks it. */
export function ptr(lang, key, vars = {}) {
  cache[lang] ??= JSON.parse(readFileSync(join(localesDir, `${lang}.json`), 'utf8'));
  const path = 'count' in vars ? `${key}_${new Intl.PluralRules(lang).select(Number(vars.count))}` : key;
  let v = path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), cache[lang]);
  assert.equal(typeof v, 'string', `no portal text ${lang}:${key}`);
  for (const [name, value] of Object.entries(vars)) {
    const shown = typeof value === 'number' ? new Intl.NumberFormat(lang === 'ar' || lang === 'bn' ? `${lang}-u-nu-latn` : lang).format(value) : value;
    v = v.replaceAll(`{{${name}}}`, String(shown));
  }
  return v;
}

/**
 * A browser whose every request that is not to the test server fails, as on a network that
 * reaches only this server: the portal (its map included) must need nothing else.
 * `outside` collects what was refused.
 */
export async function launchOffline() {
  const browser = await launch();
  const origin = new URL(BASE_URL).origin;
  browser.outside = [];
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url === origin) return route.continue();
    browser.outside.push(url);
    return route.abort('internetdisconnected');
  });
  return browser;
}

/** GET on the public directory API from the test itself (no browser, no cookie). */
export async function directory(path) {
  const r = await fetch(`${BASE_URL}/api/v1/directory${path}`);
  assert.equal(r.status, 200, `GET /api/v1/directory${path}: ${r.status}`);
  return r.json();
}

/** Services of the demo data for the tests: one with a public address and one at a confidential place. */
export async function pickServices() {
  const all = (await directory('/search?per_page=50')).items;
  assert.ok(all.length > 0, 'the demo data has services in the directory');
  let open = null;
  let confidential = null;
  for (const hit of all) {
    const detail = await directory(`/services/${encodeURIComponent(hit.id)}`);
    if (detail.locations.some((l) => l.confidential)) confidential ??= detail;
    else if (hit.address && hit.latitude !== null) open ??= detail;
  }
  assert.ok(open, 'a demo service with a public address and a position');
  return { open, confidential, all };
}

/** Waits until the portal page has drawn its content (no loading spinner). */
export async function portalSettled(page) {
  await page.locator('#main-heading').waitFor();
  await page.waitForFunction(() => !document.querySelector('main .portal-loading'));
}
