import i18next from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import it from './locales/it';
import type { Resources } from './locales/namespaces';
import { formatNumber } from './numbers';
import { applyDirection } from './rtl';

export const LANGUAGES = [
  { code: 'it', label: 'Italiano' },
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
  { code: 'ar', label: 'العربية' },
  { code: 'uk', label: 'Українська' },
  { code: 'bn', label: 'বাংলা' },
] as const;

export type Lang = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANG: Lang = 'it';

const STORAGE_KEY = 'innet.lang';

// Italian ships with the main bundle; each other language is one chunk holding all its namespaces.
const loaders: Record<Exclude<Lang, 'it'>, () => Promise<{ default: Resources }>> = {
  en: () => import('./locales/en'),
  fr: () => import('./locales/fr'),
  ar: () => import('./locales/ar'),
  uk: () => import('./locales/uk'),
  bn: () => import('./locales/bn'),
};

// One namespace per feature besides `common`. Keys keep their feature prefix (t('costs.title')) and
// each top-level key lives in one namespace only (tests/i18n.test.mjs), so a key is looked up in
// `common` and then in the feature namespaces, and no call has to name its namespace.
const NAMESPACES = Object.keys(it);
const FEATURE_NAMESPACES = NAMESPACES.filter((ns) => ns !== 'common');

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && LANGUAGES.some((l) => l.code === value);
}

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isLang(v)) return v;
  } catch {
    /* storage unavailable */
  }
  return DEFAULT_LANG;
}

async function ensureLoaded(lang: Lang): Promise<void> {
  if (lang === 'it' || i18next.hasResourceBundle(lang, 'common')) return;
  const mod = await loaders[lang]();
  for (const [ns, strings] of Object.entries(mod.default)) i18next.addResourceBundle(lang, ns, strings, true, true);
}

function applyDocumentLanguage(lang: Lang): Promise<void> {
  document.documentElement.lang = lang;
  return applyDirection(i18next.dir(lang) === 'rtl' ? 'rtl' : 'ltr');
}

// Every number interpolated into a string ({{count}}, {{n}}, {{guests}}...) is written the
// language's way (lib/numbers.ts: grouping, decimal sign, Latin digits everywhere), so a sentence
// never shows 1234 beside 1.234. Strings and dates arrive already formatted and pass unchanged.
const numberFormatter = {
  type: 'formatter' as const,
  init() {},
  add() {},
  addCached() {},
  format: (value: unknown, _format: string | undefined, lng: string | undefined) =>
    typeof value === 'number' && Number.isFinite(value) ? formatNumber(value, lng ?? DEFAULT_LANG) : value,
};

export async function initI18n(): Promise<void> {
  await i18next.use(numberFormatter).init({
    lng: DEFAULT_LANG,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: LANGUAGES.map((l) => l.code),
    ns: NAMESPACES,
    defaultNS: 'common',
    fallbackNS: FEATURE_NAMESPACES,
    resources: { it },
    interpolation: { escapeValue: false, alwaysFormat: true }, // Preact escapes text
    returnNull: false,
  });
  const lang = storedLang();
  if (lang !== DEFAULT_LANG) {
    try {
      await ensureLoaded(lang);
      await i18next.changeLanguage(lang);
    } catch {
      /* keep Italian if the chunk cannot be loaded */
    }
  }
  // On a first load in Arabic, wait for the mirrored stylesheet so the page never shows mixed.
  await applyDocumentLanguage(currentLang());
}

export async function setLanguage(lang: Lang): Promise<void> {
  await ensureLoaded(lang);
  // Before the change: the pages that reload on it ask the server in the page's language
  // (lib/api.ts sends <html lang> as Accept-Language).
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
  await applyDocumentLanguage(lang);
}

export function currentLang(): Lang {
  const l = i18next.language;
  return isLang(l) ? l : DEFAULT_LANG;
}

export type TFunction = (key: string, options?: Record<string, unknown>) => string;

/** A message kept as what to say, so it follows language changes. */
export type Msg = (t: TFunction) => string;

/** Re-renders the calling component when the language changes. */
export function useT(): { t: TFunction; lang: Lang } {
  const [lang, setLang] = useState<Lang>(currentLang());
  useEffect(() => {
    const onChange = () => setLang(currentLang());
    i18next.on('languageChanged', onChange);
    return () => i18next.off('languageChanged', onChange);
  }, []);
  return { t: i18next.t.bind(i18next) as unknown as TFunction, lang };
}

export const t: TFunction = (key, options) => i18next.t(key, options) as unknown as string;

export function hasKey(key: string): boolean {
  return i18next.exists(key);
}
