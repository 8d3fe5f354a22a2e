// The portal's opportunity pages without a browser: which addresses are opportunity pages (an id is
// a number, anything else the missing page), and the contacts found in a "how to apply" text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './support/load-ts.mjs';

const portal = join(fileURLToPath(new URL('..', import.meta.url)), 'src', 'portal');
const paths = await loadTs(join(portal, 'paths.ts'));
const { contactParts } = await loadTs(join(portal, 'opportunities', 'contacts.ts'));

test('the opportunity addresses: the list, one by its numeric id, anything else missing', () => {
  assert.deepEqual(paths.pageFor('/it/opportunities'), { kind: 'opportunities' });
  assert.deepEqual(paths.pageFor('/ar/opportunities/12'), { kind: 'opportunity', id: '12' });
  for (const path of ['/en/opportunities/abc', '/en/opportunities/0', '/en/opportunities/-1', '/en/opportunities/1e3', '/en/opportunities/1234567890123456789', '/en/opportunities/1/x'])
    assert.deepEqual(paths.pageFor(path), { kind: 'missing' }, path);
  assert.equal(paths.opportunitiesPath('fr', { kind: 'job', q: 'cuoco' }), '/fr/opportunities?kind=job&q=cuoco');
  assert.equal(paths.opportunitiesPath('uk'), '/uk/opportunities');
  assert.equal(paths.opportunityPath('bn', 7), '/bn/opportunities/7');
  assert.equal(paths.inLanguage('ar', '/it/opportunities/7', '?x=1'), '/ar/opportunities/7?x=1');
});

const links = (text) => contactParts(text).filter((p) => 'href' in p).map((p) => [p.text, p.href]);

test('e-mail addresses, https links and phone numbers in the text become links', () => {
  assert.deepEqual(links('Scrivi a lavoro@esempio.it o chiama il 091 123 4567.'), [
    ['lavoro@esempio.it', 'mailto:lavoro@esempio.it'],
    ['091 123 4567', 'tel:0911234567'],
  ]);
  assert.deepEqual(links('Cellulare +39 333 123 4567, modulo su https://esempio.it/bando?id=3.'), [
    ['+39 333 123 4567', 'tel:+393331234567'],
    ['https://esempio.it/bando?id=3', 'https://esempio.it/bando?id=3'],
  ]);
  assert.deepEqual(links('Numero verde 800-123456'), [['800-123456', 'tel:800123456']]);
});

test('dates, amounts, years and plain http links stay text', () => {
  for (const text of ['Entro il 15.01.2027 o il 2027-01-15.', 'Borsa di 300.000 lire.', 'Dal 2026 al 2027, livello A2.', 'Vedi http://esempio.it/x', 'Codice 123456.'])
    assert.deepEqual(links(text), [], text);
});

test('the parts put back together are the text itself', () => {
  const text = 'Iscrizione: info@cpia.it, tel. 091 6812345 (lun-ven). Sito https://cpia.example/iscrizioni.';
  assert.equal(contactParts(text).map((p) => p.text).join(''), text);
  assert.deepEqual(contactParts('Nessun contatto.'), [{ text: 'Nessun contatto.' }]);
});
