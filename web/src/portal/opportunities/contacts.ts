// The contacts in a publisher's free text ("how to apply"): e-mail addresses, https links and phone
// numbers, so the page can make them tappable (mailto:, tel:). The API has no separate fields for
// them; they are written in the text. No imports: tests/portal-opportunities.test.mjs loads it.

// An e-mail address, an https link, or a phone number: 6 to 15 digits with spaces, dots or dashes
// between them, starting as Italian numbers do (0 a landline, 3 a mobile, 8 a toll-free one) or
// with + or 00. Dates (15.01.2027) and amounts (300.000) are left as text.
const CONTACT = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(https:\/\/[^\s<>"]*[^\s<>".,;:!?)])|((?:\+|\b00)?\b\d[\d .-]{4,18}\d\b)/g;
const NOT_A_PHONE = [/^\d{1,4}[.-]\d{1,2}[.-]\d{1,4}$/, /^\d{1,3}(\.\d{3})+$/];

export type Part = { text: string } | { href: string; text: string };

function phoneHref(phone: string): string | null {
  const shown = phone.trim();
  const digits = shown.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15 || NOT_A_PHONE.some((re) => re.test(shown))) return null;
  if (shown.startsWith('+')) return `tel:+${digits}`;
  if (!/^(00|0|3|8)/.test(digits)) return null;
  return `tel:${digits}`;
}

/** The text cut into plain runs and contacts that can be tapped (mailto:, tel:, the link). */
export function contactParts(text: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of text.matchAll(CONTACT)) {
    const [whole, email, url, phone] = m;
    let href: string | null = null;
    if (email) href = `mailto:${email}`;
    else if (url) href = url;
    else if (phone) href = phoneHref(phone);
    if (!href) continue;
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ href, text: whole });
    at = m.index + whole.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
