// The languages a guidance page is written in: the app's six, named in the reader's language.
import { LANGUAGES, type Lang } from '../../lib/i18n';

export const PAGE_LANGUAGES: readonly Lang[] = LANGUAGES.map((l) => l.code);

export function isPageLanguage(value: string | null): value is Lang {
  return !!value && (PAGE_LANGUAGES as readonly string[]).includes(value);
}

/** "arabo" in an Italian sentence, "Arabic" in an English one. */
export function languageName(code: string, reader: Lang): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
