// Client for consents and referrals (decision 0032): a case's consents, the inbox and the outbox,
// one referral and its acts. Types are the server's (lib/api-schema.d.ts, generated); the
// vocabularies are checked against them.
import { fileUrl, type Query, type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';
import { VULNERABILITY_CATEGORIES } from '../../lib/vulnerability';

export type Referral = Schema<'Referral'>;
export type ReferralRow = Schema<'ReferralListItem'>;
export type ConsentView = Schema<'ConsentView'>;
export type Metrics = Schema<'ReferralMetrics'>;

export const DATA_ITEMS = ['identity', 'contacts', 'languages', 'legal_status', 'vulnerability_categories', 'documents', 'notes'] as const;
export const URGENCIES = ['emergency', 'urgent', 'normal'] as const;
export const STATES = ['draft', 'sent', 'accepted', 'declined', 'in_progress', 'completed', 'cancelled'] as const;
export const OUTCOMES = ['successful', 'unsuccessful'] as const;
export const CATEGORIES = VULNERABILITY_CATEGORIES;
/** The organisation types a referral goes to (the server refuses the others). */
export const RECIPIENT_TYPES: readonly string[] = ['health_authority', 'municipality', 'centre_operator', 'ngo', 'school', 'other'];
/** The lists' orders (the server's ?sort= keys); the first is the default, newest first. */
export const SORT_KEYS = ['sent_at', 'answer_due_at', 'urgency', 'state', 'person', 'organization', 'updated_at'] as const;
export const DESCENDING: readonly string[] = ['sent_at', 'updated_at'];

export type DataItem = (typeof DATA_ITEMS)[number];
export type State = Referral['state'];
/** What a user does to a referral (the server's `actions`); all but start ask first. */
export const ACTS = ['send', 'cancel', 'accept', 'decline', 'start', 'complete'] as const;
export const CONFIRMED_ACTS = ['send', 'cancel', 'accept', 'decline', 'complete'] as const;
/** Why a recipient reads nothing any more (Referral.shared.stopped). */
export const STOPPED = ['consent_withdrawn', 'declined', 'cancelled'] as const;
export type Act = (typeof ACTS)[number];
export type StoppedAreTheServers = Check<Same<(typeof STOPPED)[number], NonNullable<Referral['shared']['stopped']>>>;

export type DataItemsAreTheServers = Check<Same<DataItem, ConsentView['data_items'][number]>>;
export type StatesAreTheServers = Check<Same<(typeof STATES)[number], State>>;
export type UrgenciesAreTheServers = Check<Same<(typeof URGENCIES)[number], Referral['urgency']>>;
export type OutcomesAreTheServers = Check<Same<(typeof OUTCOMES)[number], NonNullable<Referral['outcome']>>>;
export type CategoriesAreTheServers = Check<Same<(typeof CATEGORIES)[number], NonNullable<RequestBody<'createReferral'>['category']>>>;

export const referralsApi = {
  list: (query: Query) => request<Schema<'ReferralList'>>('GET', '/referrals', { query }),
  listFile: (query: Query, format: 'csv' | 'xlsx', lang: string) => fileUrl('/referrals', { ...query, page: null, per_page: null, format, lang }),
  get: (id: number) => request<Referral>('GET', `/referrals/${id}`),
  create: (body: RequestBody<'createReferral'>) => request<Referral>('POST', '/referrals', { body }),
  edit: (id: number, body: RequestBody<'updateReferral'>) => request<Referral>('PATCH', `/referrals/${id}`, { body }),
  act: (id: number, act: Act, body: Record<string, string | number>) => request<Referral>('POST', `/referrals/${id}/${act}`, { body }),
  consents: (caseId: number) => request<Schema<'ConsentList'>>('GET', `/cases/${caseId}/consents`),
  recordConsent: (caseId: number, body: RequestBody<'createCaseConsent'>) => request<Schema<'ConsentList'>>('POST', `/cases/${caseId}/consents`, { body }),
  withdraw: (id: number, body: RequestBody<'consentWithdrawal'>) => request<Schema<'ConsentList'>>('POST', `/consents/${id}/withdrawal`, { body }),
  metrics: (query: Query) => request<Metrics>('GET', '/referral-metrics', { query }),
  organizations: () => request<Schema<'OrganizationList'>>('GET', '/organizations', { query: { per_page: 100 } }),
};
