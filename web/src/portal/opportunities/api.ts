// The public opportunities API (/api/v1/public/opportunities, decision 0039): what is published
// and not expired today, in the page's language or Italian, no login. Types are the server's.
import type { Schema } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';
import { publicRequest, queryString } from '../api';
import { portalLang } from '../i18n';

export type Opportunity = Schema<'PublicOpportunity'>;
export type OpportunityList = Schema<'PublicOpportunityList'>;

/** The kinds, in the order the filter offers them (their labels: opportunities.kinds.*). */
export const KINDS = ['job', 'training', 'italian_course', 'event', 'call'] as const;
export type KindsAreTheServers = Check<Same<(typeof KINDS)[number], Opportunity['kind']>>;

const BASE = '/api/v1/public/opportunities';

export const opportunitiesApi = {
  /** Sorted by the server: the one that leaves the portal first comes first (expires_on, then id). */
  list: (params: Record<string, string | number | undefined>) =>
    publicRequest<OpportunityList>(`${BASE}?${queryString({ ...params, lang: portalLang() })}`),
  one: (id: string) => publicRequest<Opportunity>(`${BASE}/${encodeURIComponent(id)}?${queryString({ lang: portalLang() })}`),
};
