// Client for the guidance pages (/api/v1/guidance; decision 0033). Types are the server's.
import { type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';
import { VULNERABILITY_CATEGORIES } from '../../lib/vulnerability';

export type GuidanceSummary = Schema<'GuidanceSummary'>;
export type GuidancePage = Schema<'GuidancePage'>;
export type GuidanceVersion = Schema<'GuidanceVersion'>;
export type GuidanceEdit = RequestBody<'createGuidanceVersion'>;
export type Category = GuidanceSummary['category'];
export type PageLanguage = GuidancePage['language'];

/** The vulnerability categories, in the server's order: each has its name at vulnerability.category.<code>. */
export const CATEGORIES = VULNERABILITY_CATEGORIES;
export type CategoriesAreTheServers = Check<Same<(typeof CATEGORIES)[number], Category>>;

/** A page's sections in reading order; all but `sources` are required. */
export const SECTIONS = ['look_for', 'how_to_ask', 'where_to_refer', 'guarantees', 'sources'] as const satisfies readonly GuidanceVersion['changed_sections'][number][];
export type Section = (typeof SECTIONS)[number];
export const OPTIONAL_SECTIONS: readonly Section[] = ['sources'];
/** The server's limits (guidance.h): characters per section and of the change note. */
export const SECTION_MAX = 4000;
export const NOTE_MAX = 300;

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

const path = (category: Category, language: PageLanguage) => `/guidance/${category}/${language}`;

export const guidanceApi = {
  list: () => request<Schema<'GuidanceList'>>('GET', '/guidance'),
  page: (category: Category, language: PageLanguage) => request<GuidancePage>('GET', path(category, language)),
  versions: (category: Category, language: PageLanguage) => request<Schema<'GuidanceVersionList'>>('GET', `${path(category, language)}/versions`),
  publish: (category: Category, language: PageLanguage, body: GuidanceEdit) =>
    request<GuidancePage>('POST', `${path(category, language)}/versions`, { body }),
};
