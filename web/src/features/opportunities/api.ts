// Client for the opportunities (/api/v1/opportunities; decision 0039). Types are the server's.
import { type Query, type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';

export type Opportunity = Schema<'Opportunity'>;
export type OpportunityInput = RequestBody<'createOpportunity'>;
export type OpportunityChange = RequestBody<'updateOpportunity'>;
export type Recommendation = Schema<'OpportunityRecommendation'>;
export type Translation = Schema<'OpportunityTranslation'>;

export const KINDS = ['job', 'training', 'italian_course', 'event', 'call'] as const;
export type KindsAreTheServers = Check<Same<(typeof KINDS)[number], Opportunity['kind']>>;

export const STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type StatusesAreTheServers = Check<Same<(typeof STATUSES)[number], Opportunity['status']>>;
/** A state as the badge says it: a published one past its last day is expired. */
export const BADGES = ['draft', 'published', 'withdrawn', 'expired'] as const;
/** The changes of state that ask first: they show or hide it to the public. */
export const CONFIRMED_STATUSES = ['published', 'withdrawn'] as const;

/** Who it is for: the directory profile's target groups (directory/profile.h). */
export const TARGET_GROUPS = [
  'all_foreign_nationals',
  'asylum_seekers',
  'refugees',
  'temporary_protection',
  'unaccompanied_minors',
  'women',
  'families_children',
  'lgbtiq',
  'trafficking_survivors',
  'violence_survivors',
  'disabilities',
] as const;
export type TargetGroupsAreTheServers = Check<Same<(typeof TARGET_GROUPS)[number], Opportunity['target_groups'][number]>>;

/** The languages a text is translated into; Italian is the main text. */
export const TRANSLATED = ['en', 'fr', 'ar', 'uk', 'bn'] as const;
export type TranslatedAreTheServers = Check<Same<(typeof TRANSLATED)[number], Translation['language']>>;

/** The server's limits (opportunities.h), in characters. */
export const TITLE_MAX = 200;
export const TEXT_MAX = 4000;

export const opportunitiesApi = {
  list: (query: Query) => request<Schema<'OpportunityList'>>('GET', '/opportunities', { query }),
  get: (id: number) => request<Opportunity>('GET', `/opportunities/${id}`),
  create: (body: OpportunityInput) => request<Opportunity>('POST', '/opportunities', { body }),
  update: (id: number, body: OpportunityChange) => request<Opportunity>('PATCH', `/opportunities/${id}`, { body }),
  recommend: (id: number, body: RequestBody<'createOpportunityRecommendation'>) =>
    request<Recommendation>('POST', `/opportunities/${id}/recommendations`, { body }),
  ofCase: (caseId: number) => request<Schema<'OpportunityRecommendationList'>>('GET', `/cases/${caseId}/opportunities`),
};
