// The guidance pages' formatting (decision 0033), read the way the server checks it
// (src/guidance/guidance.cc): a blank line separates paragraphs, lines starting "- " (or "* ")
// make a bullet list, and [label](target) is a link when its target is an https:// address or an
// absolute path of the app. Everything else is text: the page is built from these blocks as
// Preact elements, never as HTML, so no text can become markup.

export type Inline = { kind: 'text'; text: string } | { kind: 'link'; label: string; href: string; external: boolean };
export type Block = { kind: 'paragraph'; lines: Inline[][] } | { kind: 'list'; items: Inline[][] };

// No white space, quotes, angle brackets or backslashes: the server refuses them in a target.
const UNSAFE = /[\s"'<>\\\u007f]/;

/** The server's rule: https://… or an absolute path of the app, never //host. */
export function isSafeTarget(target: string): boolean {
  if (!target || target.length > 2000 || UNSAFE.test(target)) return false;
  if (target.startsWith('https://')) return target.length > 'https://'.length;
  return target.startsWith('/') && !target.startsWith('//');
}

const LINK = /\[([^\]\n]+)\]\(([^)\n]*)\)/g;

export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  const text = (s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += s;
    else out.push({ kind: 'text', text: s });
  };
  for (const m of line.matchAll(LINK)) {
    const start = m.index ?? 0;
    text(line.slice(at, start));
    if (isSafeTarget(m[2])) out.push({ kind: 'link', label: m[1], href: m[2], external: m[2].startsWith('https://') });
    else text(m[0]);
    at = start + m[0].length;
  }
  text(line.slice(at));
  return out;
}

const BULLET = /^\s*[-*]\s+/;

export function parseGuidance(source: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const raw of source.split(/\r?\n/)) {
    if (!raw.trim()) {
      current = null;
      continue;
    }
    if (BULLET.test(raw)) {
      if (current?.kind !== 'list') blocks.push((current = { kind: 'list', items: [] }));
      current.items.push(parseInline(raw.replace(BULLET, '')));
    } else {
      if (current?.kind !== 'paragraph') blocks.push((current = { kind: 'paragraph', lines: [] }));
      current.lines.push(parseInline(raw.trim()));
    }
  }
  return blocks;
}

/** The first link whose target the server would refuse, to say so before sending. */
export function unsafeTarget(source: string): string | null {
  for (const m of source.matchAll(LINK)) if (!isSafeTarget(m[2])) return m[2];
  return null;
}
