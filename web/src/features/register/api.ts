// Client for the daily presence register of a centre (/api/v1/centres/{id}/register).
// Types are the server's (lib/api-schema.d.ts, generated); the vocabularies are checked against them.
import { type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';

export const ABSENCE_REASONS = ['authorised_leave', 'hospitalised', 'unauthorised', 'other'] as const;

export type AbsenceReason = Schema<'RegisterEntry'>['reason'];

export type AbsenceReasonsAreTheServers = Check<Same<(typeof ABSENCE_REASONS)[number], AbsenceReason>>;

export const DAY_STATUSES = ['unconfirmed', 'confirmed', 'changed_since_confirmation'] as const;

export type DayStatus = Schema<'RegisterDay'>['status'];

export type DayStatusesAreTheServers = Check<Same<(typeof DAY_STATUSES)[number], DayStatus>>;

/** An absence, or (withdraws_id set) the withdrawal of one. */
export type RegisterEntry = Schema<'RegisterEntry'>;

export type RegisterConfirmation = Schema<'RegisterConfirmation'>;

export type RegisterGuest = Schema<'RegisterGuest'>;

/** The day's report: it names who recorded each entry and who confirmed (the POST answers give ids). */
export type RegisterDay = Schema<'RegisterDay'>;

export type RegisterOverview = Schema<'RegisterOverview'>;

/** A signed presence sheet: an uploaded document attached to one of the day's confirmations. */
export type RegisterSheet = Schema<'RegisterSheet'>;

const base = (id: number) => `/centres/${id}/register`;

export const registerApi = {
  /** The centres whose register the caller keeps (an operator's staff: its own). */
  centres: (page: number, per_page: number) => request<Schema<'CentreList'>>('GET', '/centres', { query: { page, per_page } }),
  overview: (id: number, query: { from?: string; to?: string } = {}) => request<RegisterOverview>('GET', base(id), { query }),
  day: (id: number, day: string) => request<RegisterDay>('GET', `${base(id)}/${day}`),
  absence: (id: number, day: string, body: RequestBody<'createCentreRegisterAbsence'>) =>
    request<RegisterEntry>('POST', `${base(id)}/${day}/absences`, { body }),
  withdraw: (id: number, day: string, absenceId: number, note: string) =>
    request<RegisterEntry>('POST', `${base(id)}/${day}/absences/${absenceId}/withdrawal`, {
      body: { note } satisfies RequestBody<'centreRegisterAbsenceWithdrawal'>,
    }),
  confirm: (id: number, day: string, note?: string) =>
    request<RegisterConfirmation>('POST', `${base(id)}/${day}/confirmation`, {
      body: (note ? { note } : {}) satisfies RequestBody<'centreRegisterConfirmation'>,
    }),
  sheets: (id: number, day: string) => request<{ items: RegisterSheet[] }>('GET', `${base(id)}/${day}/sheets`),
  attachSheet: (id: number, day: string, documentId: number) =>
    request<RegisterSheet>('POST', `${base(id)}/${day}/sheets`, {
      body: { document_id: documentId } satisfies RequestBody<'createCentreRegisterSheet'>,
    }),
};

/** A notice of absence without notice (segnalazione di allontanamento), with the guest and centre. */
export type AbsenceNotice = Schema<'AbsenceNoticeItem'>;
export type DecisionResult = Schema<'AbsenceDecisionResult'>;
export type DecisionBody = RequestBody<'absenceNoticeDecision'>;

export const MEASURE_OUTCOMES = ['no_measure', 'reduction', 'revocation'] as const;

export type MeasureOutcomesAreTheServers = Check<Same<(typeof MEASURE_OUTCOMES)[number], Schema<'AbsenceDecision'>['outcome']>>;

export const NOTICE_STATUSES = ['sent', 'draft', 'decided'] as const;

export type NoticeStatusesAreTheServers = Check<Same<(typeof NOTICE_STATUSES)[number], AbsenceNotice['status']>>;

export const noticesApi = {
  list: (status?: (typeof NOTICE_STATUSES)[number]) => request<{ items: AbsenceNotice[] }>('GET', '/absence-notices', { query: status ? { status } : {} }),
  send: (id: number, note?: string) => request<AbsenceNotice>('POST', `/absence-notices/${id}/sending`, { body: note ? { note } : {} }),
  decide: (id: number, body: DecisionBody) => request<DecisionResult>('POST', `/absence-notices/${id}/decision`, { body }),
};
