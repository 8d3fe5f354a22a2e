// Client for the persons API: persons, their family groups and their placements.
// Types are the server's (lib/api-schema.d.ts, generated); the vocabularies are checked against them.
import { type Query, type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';

export const SEXES = ['female', 'male', 'unspecified'] as const;

export type Sex = Schema<'Person'>['sex'];

export type SexesAreTheServers = Check<Same<(typeof SEXES)[number], Sex>>;

export type PersonSummary = Schema<'PersonSummary'>;

export type Person = Schema<'Person'>;

/** A person as its own page shows it: with the record it was merged into, if it was a duplicate. */
export type PersonRecord = Schema<'PersonRecord'>;

/** A person in search results, with the centre where the person stays now. */
export type ListedPerson = Schema<'ListedPerson'>;

export type PersonInput = RequestBody<'createPerson'>;

/** A placement in a person's history, with the name of its centre. */
export type PlacementStay = Schema<'Stay'>;

export type FamilyGroup = Schema<'FamilyGroupWithMembers'>;

/** A person who may be the one described, with the score and the reasons (decision 0026). */
export type DuplicateCandidate = Schema<'DuplicateCandidate'>;

export const DUPLICATE_REASONS = [
  'same_cui',
  'same_document',
  'name_equal',
  'name_phonetic',
  'name_transliterated',
  'name_reversed',
  'birth_date_equal',
  'birth_year_equal',
  'nationality_equal',
] as const;

export type DuplicateReason = Schema<'DuplicateReason'>;

export type DuplicateReasonsAreTheServers = Check<Same<(typeof DUPLICATE_REASONS)[number], DuplicateReason>>;

/** The fields a merge fills in the record kept (people/merges.cc, kFillable). */
export const FILLED_FIELDS = ['family_name_original', 'given_names_original', 'birth_date', 'cui', 'codice_fiscale'] as const;

/**
 * What other modules move with a merge (their PersonRecords, and the CaseRecords of a join of two
 * cases: cases/joins.h). Not `closed_cases` nor `vulnerability_flag_join_withdrawals`, which the
 * merge's confirmation tells in their own words.
 */
export const MOVED_KINDS = [
  'placements',
  'absence_notices',
  'register_absences',
  'money_handovers',
  'pocket_money_suspensions',
  'minor_section_extensions',
  'cases',
  'procedure_files',
  'procedure_files_sponsored',
  'integration_agreements',
  'case_documents',
  'case_notes',
  'case_attachments',
  'case_workers',
  'screenings',
  'vulnerability_flags',
  'screening_schedules',
  'referral_consents',
  'referrals',
  'opportunity_recommendations',
] as const;

/** Two records made one, with what moved: what an unmerge puts back. */
export type PersonMerge = Schema<'PersonMerge'>;

/** Two records that may be one person, with the score and the reasons: the queue's row. */
export type DuplicatePair = Schema<'DuplicatePair'>;

/** A pair marked as two different persons, with the reason; undone with another. */
export type PairDismissal = Schema<'PairDismissal'>;

export function personName(p: Pick<PersonSummary, 'family_name' | 'given_names'>): string {
  return `${p.family_name} ${p.given_names}`;
}

export const peopleApi = {
  listPersons: (query: Query) => request<Schema<'PersonList'>>('GET', '/persons', { query }),
  getPerson: (id: number) => request<PersonRecord>('GET', `/persons/${id}`),
  createPerson: (body: PersonInput) => request<Person>('POST', '/persons', { body }),
  updatePerson: (id: number, body: RequestBody<'updatePerson'>) => request<Person>('PATCH', `/persons/${id}`, { body }),
  personPlacements: (id: number) => request<Schema<'PlacementHistory'>>('GET', `/persons/${id}/placements`),
  duplicates: (query: Query) => request<Schema<'DuplicateCandidateList'>>('GET', '/persons/duplicates', { query }),
  merge: (body: RequestBody<'createPersonMerge'>) => request<PersonMerge>('POST', '/person-merges', { body }),
  /** What the merge would do, from the server's own merge rolled back: what the confirmation says. */
  previewMerge: (body: RequestBody<'createPersonMerge'>) => request<PersonMerge>('POST', '/person-merges/preview', { body }),
  unmerge: (id: number, reason: string) => request<PersonMerge>('POST', `/person-merges/${id}/unmerge`, { body: { reason } }),
  merges: (query: Query) => request<Schema<'PersonMergeList'>>('GET', '/person-merges', { query }),
  duplicatePairs: (query: Query) => request<Schema<'DuplicatePairList'>>('GET', '/persons/duplicate-pairs', { query }),
  dismissals: (query: Query) => request<Schema<'PairDismissalList'>>('GET', '/person-pair-dismissals', { query }),
  dismissPair: (body: RequestBody<'createPersonPairDismissal'>) => request<PairDismissal>('POST', '/person-pair-dismissals', { body }),
  undoDismissal: (id: number, reason: string) => request<PairDismissal>('POST', `/person-pair-dismissals/${id}/undo`, { body: { reason } }),
  familyGroup: (id: number) => request<FamilyGroup>('GET', `/family-groups/${id}`),
};
