import i18next from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import it from '../locales/it.json';
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

// Italian ships with the main bundle; the other languages are separate chunks.
const loaders: Record<Exclude<Lang, 'it'>, () => Promise<{ default: object }>> = {
  en: () => import('../locales/en.json'),
  fr: () => import('../locales/fr.json'),
  ar: () => import('../locales/ar.json'),
  uk: () => import('../locales/uk.json'),
  bn: () => import('../locales/bn.json'),
};

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
  if (lang === 'it' || i18next.hasResourceBundle(lang, 'translation')) return;
  const mod = await loaders[lang]();
  i18next.addResourceBundle(lang, 'translation', mod.default, true, true);
}

function applyDocumentLanguage(lang: Lang): Promise<void> {
  document.documentElement.lang = lang;
  return applyDirection(i18next.dir(lang) === 'rtl' ? 'rtl' : 'ltr');
}

export async function initI18n(): Promise<void> {
  await i18next.init({
    lng: DEFAULT_LANG,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: LANGUAGES.map((l) => l.code),
    resources: { it: { translation: it } },
    interpolation: { escapeValue: false }, // Preact escapes text
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
