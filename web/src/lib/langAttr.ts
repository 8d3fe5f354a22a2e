/**
 * The `lang` attribute of a text whose language may differ from the page's or be unknown, to
 * spread on its element: none when it is the page's language or unknown. Preact writes a
 * `lang={undefined}` that replaces a value as lang="", which tells screen readers "unknown
 * language" instead of letting the text inherit the page's: an element whose text changes
 * language while it stays on the page (a label reloaded in another language) gives `lang` a value
 * on every render instead (its own language, or the page's).
 */
export function langAttr(textLang: string | null | undefined, pageLang?: string): { lang?: string } {
  return textLang && textLang !== pageLang ? { lang: textLang } : {};
}
