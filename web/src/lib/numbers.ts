// Numbers as each language writes them, so that digits never mix on a page.
//
// Bengali is shown with Latin digits (0-9), not Bengali ones (০-৯): the pages also show codes,
// ids, IP addresses, invoice numbers and the values people type (codice fiscale, CIG, amounts,
// dates in the browser's own date fields), which are always Latin. Formatting counts and dates
// in Bengali digits would put both kinds of digits side by side; Latin everywhere does not.
// Arabic already defaults to Latin digits in Intl for `ar`, and is pinned to them for the same reason.

const LOCALES: Record<string, string> = {
  bn: 'bn-u-nu-latn',
  ar: 'ar-u-nu-latn',
};

/** The BCP 47 locale to give Intl for a language of the app. */
export function intlLocale(lang: string): string {
  return LOCALES[lang] ?? lang;
}

const cache = new Map<string, Intl.NumberFormat>();

/** An integer or decimal in the language's digits, grouping and decimal sign. */
export function formatNumber(n: number, lang: string): string {
  let f = cache.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 2 });
    cache.set(lang, f);
  }
  return f.format(n);
}

/** Names joined the language's way ("A, B e C"). */
export function formatList(items: string[], lang: string): string {
  return new Intl.ListFormat(intlLocale(lang), { style: 'long', type: 'conjunction' }).format(items);
}

const coordinateFormats = new Map<string, Intl.NumberFormat>();

/** A latitude or longitude to at most 6 decimals (about 10 cm), the language's way: never 13.328339999999999. */
export function formatCoordinate(n: number, lang: string): string {
  let f = coordinateFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 6, useGrouping: false });
    coordinateFormats.set(lang, f);
  }
  return f.format(n);
}
