// The portal's addresses (web/README.md, "Public portal"): the language first, then the page.
//   /{lang}                      home
//   /{lang}/services?q=&...      the list of services (filters in the query; view=map for the map)
//   /{lang}/services/{id}        one service
import type { PortalLang } from './i18n';

export type Page = { kind: 'home' } | { kind: 'services' } | { kind: 'service'; id: string } | { kind: 'missing' };

export function pageFor(path: string): Page {
  const parts = path.split('/').slice(2); // after "" and the language
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) return { kind: 'home' };
  if (parts.length === 1 && parts[0] === 'services') return { kind: 'services' };
  if (parts.length === 2 && parts[0] === 'services' && parts[1]) return { kind: 'service', id: decodeURIComponent(parts[1]) };
  return { kind: 'missing' };
}

export const homePath = (lang: PortalLang) => `/${lang}`;
export const servicesPath = (lang: PortalLang, query: Record<string, string> = {}) => {
  const q = new URLSearchParams(query).toString();
  return `/${lang}/services${q ? `?${q}` : ''}`;
};
export const servicePath = (lang: PortalLang, id: string) => `/${lang}/services/${encodeURIComponent(id)}`;

/** The same page in another language (a full load: the language decides texts, direction and stylesheet). */
export const inLanguage = (lang: PortalLang, path: string, search: string) =>
  `/${lang}${path.split('/').slice(2).map((p) => `/${p}`).join('')}${search}`;
