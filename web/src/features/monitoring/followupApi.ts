// Client for the follow-up of inspections (decision 0023): findings (/api/v1/findings) with the
// operator's reply and the inspector's verification, and the sanction ladder (/api/v1/sanctions,
// /api/v1/centres/{id}/penalties). Types are the server's.
import { type Query, type RequestBody, type Schema, fileUrl, request } from '../../lib/api';
import type { operations } from '../../lib/api-schema';
import type { Check, Same } from '../../lib/typeChecks';

export type Finding = Schema<'Finding'>;
export type Sanction = Schema<'Sanction'>;
export type RecordedSanction = Schema<'RecordedSanction'>;
export type PenaltyStatus = Schema<'PenaltyStatus'>;
export type NewSanction = RequestBody<'createSanction'>;

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type SeveritiesAreTheServers = Check<Same<(typeof SEVERITIES)[number], Finding['severity']>>;

export const FINDING_STATUSES = ['open', 'replied', 'verified_closed', 'escalated'] as const;
export type FindingStatusesAreTheServers = Check<Same<(typeof FINDING_STATUSES)[number], Finding['status']>>;

/** The decisions an officer records, in the ladder's order; a termination proposal is only raised by a penalty reaching 10%. */
export const DECIDED_KINDS = ['formal_notice', 'reply', 'penalty', 'special_administration', 'termination'] as const;
export type DecidedKindsAreTheServers = Check<Same<(typeof DECIDED_KINDS)[number], NewSanction['kind']>>;

/** Every kind of decision in the ladder's order, the termination proposal after the penalty that raises it. */
export const SANCTION_KINDS = ['formal_notice', 'reply', 'penalty', 'termination_proposal', 'special_administration', 'termination'] as const;
export type SanctionKindsAreTheServers = Check<Same<(typeof SANCTION_KINDS)[number], Sanction['kind']>>;

/** The inspector's two verdicts on a finding: POST .../closure, .../escalation. */
export const VERDICTS = ['close', 'escalate'] as const;

/** The orders the list knows (?sort=, '-' first for descending), in the server's order (finding_sort_keys()). */
export const FINDING_SORT_KEYS = ['deadline', 'severity', 'centre', 'area', 'status'] as const;

/** The list's filters, search, sort and page, as the server takes them. */
export type FindingQuery = NonNullable<operations['listFindings']['parameters']['query']>;
export type FindingSortKeysAreTheServers = Check<
  Same<(typeof FINDING_SORT_KEYS)[number] | `-${(typeof FINDING_SORT_KEYS)[number]}`, NonNullable<FindingQuery['sort']>>
>;

export const followupApi = {
  findings: (query: FindingQuery) => request<Schema<'FindingList'>>('GET', '/findings', { query }),
  /** Every finding of the filters as a file for the offices, in the page's language and order. */
  findingsFile: (query: FindingQuery, format: 'csv' | 'xlsx', lang: string) => fileUrl('/findings', { ...query, format, lang } satisfies Query),
  /** The checklists' latest versions (their items' questions name what a finding is about). */
  checklists: () => request<Schema<'ChecklistList'>>('GET', '/checklists'),
  finding: (id: number) => request<Finding>('GET', `/findings/${id}`),
  reply: (id: number, body: RequestBody<'findingReply'>) => request<Finding>('POST', `/findings/${id}/reply`, { body }),
  close: (id: number, verification_note: string) => request<Finding>('POST', `/findings/${id}/closure`, { body: { verification_note } }),
  escalate: (id: number, verification_note: string) => request<Finding>('POST', `/findings/${id}/escalation`, { body: { verification_note } }),
  sanctions: (centreId: number) => request<Schema<'SanctionList'>>('GET', '/sanctions', { query: { centre_id: centreId } }),
  record: (body: NewSanction) => request<RecordedSanction>('POST', '/sanctions', { body }),
  penalties: (centreId: number) => request<Schema<'PenaltyStatusList'>>('GET', `/centres/${centreId}/penalties`),
};
