// The portal's texts: its own small resources (locales/<lang>.json), not the staff app's i18next,
// so a public visitor downloads only these. Keys are nested objects read with dots; a key passed
// a count picks its plural form by Intl.PluralRules (key_one, key_few, key_other...), the
// convention of the staff app's files, checked by tests/portal-i18n.test.mjs.
import { formatNumber } from '../lib/numbers';
import it from './locales/it.json';

export const PORTAL_LANGUAGES = [
  { code: 'it', label: 'Italiano' },
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
  { code: 'ar', label: 'العربية' },
  { code: 'uk', label: 'Українська' },
  { code: 'bn', label: 'বাংলা' },
] as const;

export type PortalLang = (typeof PORTAL_LANGUAGES)[number]['code'];

type Dict = { [key: string]: string | Dict };

// Italian is in the main chunk; each other language is a chunk of its own, loaded before rendering.
const loaders: Record<Exclude<PortalLang, 'it'>, () => Promise<{ default: Dict }>> = {
  en: () => import('./locales/en.json'),
  fr: () => import('./locales/fr.json'),
  ar: () => import('./locales/ar.json'),
  uk: () => import('./locales/uk.json'),
  bn: () => import('./locales/bn.json'),
};

export function isPortalLang(value: unknown): value is PortalLang {
  return typeof value === 'string' && PORTAL_LANGUAGES.some((l) => l.code === value);
}

export const isRtl = (lang: PortalLang) => lang === 'ar';

let lang: PortalLang = 'it';
let strings: Dict = it;

/** Loads the language's texts (Italian stays if its chunk cannot be fetched). */
export async function loadLanguage(wanted: PortalLang): Promise<void> {
  lang = wanted;
  if (wanted === 'it') return;
  try {
    strings = (await loaders[wanted]()).default;
  } catch {
    lang = 'it';
    strings = it;
  }
}

export const portalLang = () => lang;

function lookup(dict: Dict, key: string): string | undefined {
  let node: string | Dict | undefined = dict;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The text for `key` in the current language (Italian when missing), with {{name}} replaced by
 * `vars`; numbers are written the language's way. With `count`, the plural form for it.
 */
export function t(key: string, vars: Record<string, string | number> = {}): string {
  let path = key;
  if (typeof vars.count === 'number') path = `${key}_${new Intl.PluralRules(lang).select(vars.count)}`;
  const text = lookup(strings, path) ?? lookup(it, path) ?? lookup(it, `${key}_other`) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const v = vars[name];
    return v === undefined ? '' : typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}
