// The portal's addresses (web/README.md, "Public portal"): the language first, then the page.
//   /{lang}                      home
//   /{lang}/services?q=&...      the list of services (filters in the query; view=map for the map)
//   /{lang}/services/{id}        one service
//   /{lang}/opportunities?q=&kind=&target_group=&municipality=&page=   the current opportunities
//   /{lang}/opportunities/{id}   one opportunity (its id is a number: anything else is a missing page)
//   /{lang}/guides               the guides to the administrative procedures
//   /{lang}/guides/{code}        one guide (a snake_case code)
//   /{lang}/status               a citizen's status lookup (protocol number and date of birth)
import type { PortalLang } from './i18n';

export type Page =
  | { kind: 'home' }
  | { kind: 'services' }
  | { kind: 'service'; id: string }
  | { kind: 'opportunities' }
  | { kind: 'opportunity'; id: string }
  | { kind: 'guides' }
  | { kind: 'guide'; code: string }
  | { kind: 'status' }
  | { kind: 'missing' };

export function pageFor(path: string): Page {
  const parts = path.split('/').slice(2); // after "" and the language
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) return { kind: 'home' };
  if (parts.length === 1 && parts[0] === 'services') return { kind: 'services' };
  if (parts.length === 2 && parts[0] === 'services' && parts[1]) return { kind: 'service', id: decodeURIComponent(parts[1]) };
  if (parts.length === 1 && parts[0] === 'opportunities') return { kind: 'opportunities' };
  // The server's ids are 64-bit integers: a longer or non-numeric one cannot exist.
  if (parts.length === 2 && parts[0] === 'opportunities' && /^[1-9]\d{0,17}$/.test(parts[1])) return { kind: 'opportunity', id: parts[1] };
  if (parts.length === 1 && parts[0] === 'guides') return { kind: 'guides' };
  if (parts.length === 2 && parts[0] === 'guides' && /^[a-z][a-z0-9_]{0,59}$/.test(parts[1])) return { kind: 'guide', code: parts[1] };
  if (parts.length === 1 && parts[0] === 'status') return { kind: 'status' };
  return { kind: 'missing' };
}

export const homePath = (lang: PortalLang) => `/${lang}`;
export const servicesPath = (lang: PortalLang, query: Record<string, string> = {}) => {
  const q = new URLSearchParams(query).toString();
  return `/${lang}/services${q ? `?${q}` : ''}`;
};
export const servicePath = (lang: PortalLang, id: string) => `/${lang}/services/${encodeURIComponent(id)}`;
export const opportunitiesPath = (lang: PortalLang, query: Record<string, string> = {}) => {
  const q = new URLSearchParams(query).toString();
  return `/${lang}/opportunities${q ? `?${q}` : ''}`;
};
export const guidesPath = (lang: PortalLang) => `/${lang}/guides`;
export const guidePath = (lang: PortalLang, code: string) => `/${lang}/guides/${code}`;
export const statusPath = (lang: PortalLang) => `/${lang}/status`;
export const opportunityPath = (lang: PortalLang, id: number | string) => `/${lang}/opportunities/${id}`;

/** The same page in another language (a full load: the language decides texts, direction and stylesheet). */
export const inLanguage = (lang: PortalLang, path: string, search: string) =>
  `/${lang}${path.split('/').slice(2).map((p) => `/${p}`).join('')}${search}`;
