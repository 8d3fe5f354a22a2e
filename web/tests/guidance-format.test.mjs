// Checks features/guidance/format.ts: the pages' formatting is read into blocks of text and links,
// never HTML; a link is made only for an https:// address or a path of the app, by the server's
// rule (src/guidance/guidance.cc), and anything else stays the text that was typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './support/load-ts.mjs';

const f = await loadTs(join(fileURLToPath(new URL('..', import.meta.url)), 'src', 'features', 'guidance', 'format.ts'));

test('paragraphs split by a blank line, "- " lines as a list, lines of a paragraph kept apart', () => {
  assert.deepEqual(f.parseGuidance('Uno\ndue\n\n- a\n* b\n\nTre'), [
    { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Uno' }], [{ kind: 'text', text: 'due' }]] },
    { kind: 'list', items: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]] },
    { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Tre' }]] },
  ]);
});

test('links to https:// addresses and paths of the app; the others stay text', () => {
  assert.deepEqual(f.parseInline('Vedi [ASP](https://www.asppalermo.org) e [fascicoli](/cases).'), [
    { kind: 'text', text: 'Vedi ' },
    { kind: 'link', label: 'ASP', href: 'https://www.asppalermo.org', external: true },
    { kind: 'text', text: ' e ' },
    { kind: 'link', label: 'fascicoli', href: '/cases', external: false },
    { kind: 'text', text: '.' },
  ]);
  for (const bad of ['[x](javascript:alert(1))', '[x](//evil.example)', '[x](http://a.b)', '[x](data:text/html,hi)', '[x](https://a.b"onclick=1)', '[x](/a b)'])
    assert.ok(f.parseInline(bad).every((p) => p.kind === 'text'), bad);
  assert.equal(f.unsafeTarget('ok [x](/cases) then [y](javascript:alert(1))'), 'javascript:alert(1');
  assert.equal(f.unsafeTarget('[x](https://ok.example) [y](/guidance)'), null);
});

test('markup is text', () => {
  const typed = '<script>alert(1)</script><img src=x onerror=alert(2)> & "q"';
  assert.deepEqual(f.parseGuidance(typed), [{ kind: 'paragraph', lines: [[{ kind: 'text', text: typed }]] }]);
});
