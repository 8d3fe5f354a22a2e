// The procedure pages' texts (procedures/locales/<lang>.json), in this chunk rather than in the
// portal's first load. Same conventions as ../i18n.ts: dotted keys, {{name}} placeholders, plural
// forms by Intl.PluralRules, Italian when a key is missing. Checked by tests/portal-i18n.test.mjs.
import { formatNumber } from '../../lib/numbers';
import { portalLang, type PortalLang } from '../i18n';
import ar from './locales/ar.json';
import bn from './locales/bn.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import it from './locales/it.json';
import uk from './locales/uk.json';

type Dict = { [key: string]: string | Dict };
const all: Record<PortalLang, Dict> = { it, en, fr, ar, uk, bn };

function lookup(dict: Dict, key: string): string | undefined {
  let node: string | Dict | undefined = dict;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A text of the procedure pages in the page's language. */
export function pt(key: string, vars: Record<string, string | number> = {}): string {
  const lang = portalLang();
  let path = key;
  if (typeof vars.count === 'number') path = `${key}_${new Intl.PluralRules(lang).select(vars.count)}`;
  const text = lookup(all[lang], path) ?? lookup(it, path) ?? lookup(it, `${key}_other`) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const v = vars[name];
    return v === undefined ? '' : typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}
