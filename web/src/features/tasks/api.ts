// Client for the tasks inbox (/api/v1/tasks; decision 0028). Types are the server's.
import { type Schema, request } from '../../lib/api';

export type Task = Schema<'Task'>;

/** The kinds of task the modules raise today (the server's sources): each has its title in the locales. */
export const TASK_KINDS = ['finding_overdue', 'reply_to_verify', 'notice_to_decide', 'permit_expiring', 'case_handed_over', 'screening_due', 'referral_waiting', 'referral_escalated', 'listing_unverified', 'procedure_file_due', 'integration_agreement_verification'] as const;

export type TaskKind = (typeof TASK_KINDS)[number];

/** The severities a finding's task names (monitoring's vocabulary). */
export const SEVERITIES = ['minor', 'major', 'critical'] as const;

export const tasksApi = {
  list: (page: number, perPage: number, kind?: TaskKind) => request<Schema<'TaskList'>>('GET', '/tasks', { query: { page, per_page: perPage, kind } }),
  count: () => request<Schema<'TaskCount'>>('GET', '/tasks/count'),
};
