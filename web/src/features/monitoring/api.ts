// Client for inspections of centres (/api/v1/inspections, /api/v1/checklists; decision 0022).
// Types are the server's.
import { type RequestBody, type Schema, fileUrl, request } from '../../lib/api';
import type { operations } from '../../lib/api-schema';
import type { Check, Same } from '../../lib/typeChecks';

export type Inspection = Schema<'Inspection'>;
export type InspectionRow = Schema<'InspectionSummary'>;
export type InspectionDetail = Schema<'InspectionDetail'>;
export type Answer = Schema<'InspectionAnswer'>;
export type Checklist = Schema<'Checklist'>;
export type ChecklistItem = Schema<'ChecklistItem'>;
export type RiskReason = Schema<'RiskReason'>;
export type AreaScore = Schema<'InspectionAreaScore'>;
export type NewInspection = RequestBody<'createInspection'>;
/** The list's filters, search, sort and page, as the server takes them. */
export type InspectionQuery = NonNullable<operations['listInspections']['parameters']['query']>;
export type AnswerBody = RequestBody<'createInspectionAnswer'>;
export type Photo = Schema<'InspectionPhoto'>;
export type PhotoBody = RequestBody<'createInspectionPhoto'>;
export type RegisterFigures = Schema<'InspectionRegisterFigures'>;
export type MoneyFigures = Schema<'InspectionMoneyFigures'>;

export const INSPECTION_STATUSES = ['planned', 'in_progress', 'completed', 'report_issued'] as const;
export type InspectionStatusesAreTheServers = Check<Same<(typeof INSPECTION_STATUSES)[number], Inspection['status']>>;

/** The factors of a centre's risk score (risk.h), each with its words in the locales. */
export const RISK_FACTORS = [
  'critical_findings',
  'major_findings',
  'minor_findings',
  'overdue_actions',
  'days_since_visit',
  'never_visited',
  'over_capacity',
  'vulnerable_guests',
] as const;
export type RiskFactorsAreTheServers = Check<Same<(typeof RISK_FACTORS)[number], RiskReason['factor']>>;

/** The areas of the checklist, in the server's order (area_names()). */
export const AREAS = ['capacity_presences', 'building', 'meals', 'cleaning_laundry', 'goods_money', 'staff', 'services', 'finance'] as const;
export type AreasAreTheServers = Check<Same<(typeof AREAS)[number], ChecklistItem['area']>>;

/** The states of a presence register's day (the server's reception::DayStatus). */
export const REGISTER_STATUSES = ['unconfirmed', 'confirmed', 'changed_since_confirmation'] as const;
export type RegisterStatusesAreTheServers = Check<Same<(typeof REGISTER_STATUSES)[number], RegisterFigures['status']>>;

/** The money lines beside the daily price (the server's handover_items()). */
export const MONEY_ITEMS = ['pocket_money', 'phone_card', 'first_entry_kit'] as const;
export type MoneyItemsAreTheServers = Check<Same<(typeof MONEY_ITEMS)[number], MoneyFigures['lines'][number]['item']>>;

/** The refusals of a photo's upload or attachment the page explains in words (others by their code). */
export const PHOTO_REFUSALS = [
  'body_too_large',
  'unsupported_media_type',
  'truncated_file',
  'media_type_not_accepted',
  'wrong_status',
  'no_such_document',
  'item_not_in_checklist',
] as const;

/** The changes of status the inspection page offers: POST .../start, .../completion, .../report. */
export const STATUS_ACTIONS = ['start', 'complete', 'issue'] as const;

/** The roles that may be on an inspection's team (the server's plan_inspection()). */
export const TEAM_ROLES = ['inspector', 'prefecture_officer'] as const;

export const monitoringApi = {
  list: (query: InspectionQuery) => request<Schema<'InspectionList'>>('GET', '/inspections', { query }),
  /** Every inspection of the filters as a file for the offices, in the page's language and order. */
  listFile: (query: InspectionQuery, format: 'csv' | 'xlsx', lang: string) => fileUrl('/inspections', { ...query, format, lang }),
  get: (id: number) => request<InspectionDetail>('GET', `/inspections/${id}`),
  checklist: (id: number) => request<Checklist>('GET', `/checklists/${id}`),
  plan: (body: NewInspection) => request<Inspection>('POST', '/inspections', { body }),
  answer: (id: number, body: AnswerBody) => request<Answer>('POST', `/inspections/${id}/answers`, { body }),
  attachPhoto: (id: number, body: PhotoBody) => request<Photo>('POST', `/inspections/${id}/photos`, { body }),
  detachPhoto: (id: number, photoId: number) => request<Photo>('POST', `/inspections/${id}/photos/${photoId}/detachment`),
  start: (id: number) => request<Inspection>('POST', `/inspections/${id}/start`),
  complete: (id: number) => request<Inspection>('POST', `/inspections/${id}/completion`),
  issueReport: (id: number) => request<Inspection>('POST', `/inspections/${id}/report`),
  /** The active centres ranked by risk, with the reasons behind each score (decision 0022). */
  risk: () => request<Schema<'CentreRiskList'>>('GET', '/inspection-risk'),
  /** Centres by name, for the list and the plan form (all those the caller may see). */
  centres: () => request<Schema<'CentreList'>>('GET', '/centres', { query: { per_page: 100 } }),
  centre: (id: number) => request<Schema<'CentreDetail'>>('GET', `/centres/${id}`),
  /** Who may be on a team: only for callers who may read users. */
  teamCandidates: (role: (typeof TEAM_ROLES)[number]) => request<Schema<'UserList'>>('GET', '/users', { query: { role, per_page: 100 } }),
};
