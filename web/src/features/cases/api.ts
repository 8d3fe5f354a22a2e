// Client for the cases API (decision 0025): the list, one case with everything its page shows, and
// the writes of each part, which answer the whole case again.
// Types are the server's (lib/api-schema.d.ts, generated); the vocabularies are checked against them.
import type { operations } from '../../lib/api-schema';
import { fileUrl, type Query, type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';
import { VULNERABILITY_CATEGORIES } from '../../lib/vulnerability';

export type CaseDetail = Schema<'CaseDetail'>;
export type CaseListItem = Schema<'CaseListItem'>;
export type IdentityDocument = Schema<'IdentityDocument'>;
export type TimelineEntry = Schema<'CaseTimelineEntry'>;
export type CaseNote = Schema<'CaseNote'>;
export type NoteHistory = Schema<'CaseNoteHistory'>;

export const CASE_STATUSES = ['open', 'active', 'closed', 'reopened'] as const;
export const LEGAL_STATUSES = ['asylum_applicant', 'international_protection', 'special_protection', 'temporary_protection', 'other'] as const;
export const DOCUMENT_TYPES = ['permit_of_stay', 'asylum_application_receipt', 'passport', 'other'] as const;
export const OUTCOMES = ['refugee_status', 'subsidiary_protection', 'special_protection', 'rejected', 'manifestly_unfounded', 'inadmissible'] as const;
export const APPEAL_OUTCOMES = ['granted', 'rejected', 'withdrawn'] as const;
export const CLOSURE_REASONS = ['autonomy_reached', 'left_reception', 'transferred_elsewhere', 'repatriated', 'deceased', 'other'] as const;
/** The list's orders (the server's ?sort= keys); the first is the default. */
export const SORT_KEYS = ['name', 'updated_at', 'next_expiry', 'status', 'legal_status', 'opened_at'] as const;
/** Newest first for the two orders by time. */
export const DESCENDING: readonly string[] = ['updated_at', 'opened_at'];
export const TIMELINE_KINDS = [
  'status',
  'document',
  'application',
  'hearing',
  'decision',
  'appeal_filed',
  'appeal_decision',
  'note',
  'attachment',
  'worker',
  'arrival',
  'transfer',
  'exit',
  'handover',
  'note_corrected',
] as const;
export const SENSITIVITIES = ['normal', 'sensitive'] as const;
/** Why a case goes to another organisation (decision 0025, point 9); 'other' needs a note. */
export const HANDOVER_REASONS = ['transfer', 'operator_change', 'other'] as const;
/** The list's filters that a module above cases answers (screening); 422 while none does. */
export { VULNERABILITY_CATEGORIES };
export const SCREENING_STATES = ['due', 'late'] as const;

export type CaseStatus = CaseDetail['status'];
export type LegalStatus = NonNullable<CaseDetail['legal_status']>;
export type DocumentType = IdentityDocument['type'];
export type Outcome = NonNullable<CaseDetail['procedure']['outcome']>;
export type AppealOutcome = NonNullable<CaseDetail['procedure']['appeal_outcome']>;
/** The reasons a user may choose; a case's history also shows `merged`, which only a person merge gives. */
export type ClosureReason = NonNullable<RequestBody<'createCaseStatusChange'>['reason']>;
type RecordedClosureReason = NonNullable<Schema<'CaseHistoryEntry'>['reason']>;
export type Sensitivity = Schema<'CaseNote'>['sensitivity'];
export type HandoverReason = Schema<'CaseHandover'>['reason'];

export type StatusesAreTheServers = Check<Same<(typeof CASE_STATUSES)[number], CaseStatus>>;
export type LegalStatusesAreTheServers = Check<Same<(typeof LEGAL_STATUSES)[number], LegalStatus>>;
export type DocumentTypesAreTheServers = Check<Same<(typeof DOCUMENT_TYPES)[number], DocumentType>>;
export type OutcomesAreTheServers = Check<Same<(typeof OUTCOMES)[number], Outcome>>;
export type AppealOutcomesAreTheServers = Check<Same<(typeof APPEAL_OUTCOMES)[number], AppealOutcome>>;
export type ReasonsAreTheServers = Check<Same<(typeof CLOSURE_REASONS)[number], ClosureReason>>;
export type RecordedReasonsAreTheServers = Check<Same<(typeof CLOSURE_REASONS)[number] | 'merged', RecordedClosureReason>>;
export type TimelineKindsAreTheServers = Check<Same<(typeof TIMELINE_KINDS)[number], TimelineEntry['kind']>>;
type CaseQuery = NonNullable<operations['listCases']['parameters']['query']>;
export type CategoriesAreTheServers = Check<Same<(typeof VULNERABILITY_CATEGORIES)[number], NonNullable<CaseQuery['vulnerability']>>>;
export type ScreeningStatesAreTheServers = Check<Same<(typeof SCREENING_STATES)[number], NonNullable<CaseQuery['screening']>>>;
export type SensitivitiesAreTheServers = Check<Same<(typeof SENSITIVITIES)[number], Sensitivity>>;
export type HandoverReasonsAreTheServers = Check<Same<(typeof HANDOVER_REASONS)[number], HandoverReason>>;

export const casesApi = {
  listCases: (query: Query) => request<Schema<'CaseList'>>('GET', '/cases', { query }),
  casesFile: (query: Query, format: 'csv' | 'xlsx', lang: string) => fileUrl('/cases', { ...query, page: null, per_page: null, format, lang }),
  getCase: (id: number) => request<CaseDetail>('GET', `/cases/${id}`),
  openCase: (personId: number) => request<CaseDetail>('POST', '/cases', { body: { person_id: personId } }),
  updateCase: (id: number, body: RequestBody<'updateCase'>) => request<CaseDetail>('PATCH', `/cases/${id}`, { body }),
  updateProcedure: (id: number, body: RequestBody<'updateCaseProcedure'>) => request<CaseDetail>('PATCH', `/cases/${id}/procedure`, { body }),
  changeStatus: (id: number, body: RequestBody<'createCaseStatusChange'>) => request<CaseDetail>('POST', `/cases/${id}/status-changes`, { body }),
  addDocument: (id: number, body: RequestBody<'createCaseDocument'>) => request<CaseDetail>('POST', `/cases/${id}/documents`, { body }),
  addNote: (id: number, body: RequestBody<'createCaseNote'>) => request<CaseDetail>('POST', `/cases/${id}/notes`, { body }),
  correctNote: (id: number, noteId: number, body: RequestBody<'createCaseNoteCorrection'>) =>
    request<CaseDetail>('POST', `/cases/${id}/notes/${noteId}/corrections`, { body }),
  noteVersions: (id: number, noteId: number) => request<NoteHistory>('GET', `/cases/${id}/notes/${noteId}/versions`),
  assignWorker: (id: number, userId: number) => request<CaseDetail>('POST', `/cases/${id}/workers`, { body: { user_id: userId } }),
  unassignWorker: (id: number, userId: number) => request<CaseDetail>('DELETE', `/cases/${id}/workers/${userId}`),
  handOver: (id: number, body: RequestBody<'createCaseHandover'>) => request<Schema<'CaseHandover'>>('POST', `/cases/${id}/handovers`, { body }),
  attach: (id: number, documentIds: number[]) => request<CaseDetail>('POST', `/cases/${id}/attachments`, { body: { document_ids: documentIds } }),
  centres: () => request<Schema<'CentreList'>>('GET', '/centres', { query: { per_page: 100 } }),
  caseWorkers: (organizationId: number) =>
    request<Schema<'UserList'>>('GET', '/users', { query: { organization_id: organizationId, role: 'case_worker', per_page: 100 } }),
};
