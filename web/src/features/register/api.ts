// Client for the daily presence register of a centre (/api/v1/centres/{id}/register).
import { request } from '../../lib/api';

export const ABSENCE_REASONS = ['authorised_leave', 'hospitalised', 'unauthorised', 'other'] as const;

export const DAY_STATUSES = ['unconfirmed', 'confirmed', 'changed_since_confirmation'] as const;

export type DayStatus = (typeof DAY_STATUSES)[number];

export interface UserRef {
  id: number;
  display_name: string;
}

export interface CentreRef {
  id: number;
  name: string;
  type: string;
  address: string;
  istat_code: string;
  operator_id: number;
}

export interface RegisterEntry {
  id: number;
  centre_id: number;
  day: string;
  person_id: number;
  reason: string;
  note: string | null;
  recorded_by: UserRef;
  recorded_at: string;
  /** Set on a withdrawal: the absence it cancels. */
  withdraws_id: number | null;
}

export interface RegisterConfirmation {
  id: number;
  seq: number;
  present: number;
  absent: number;
  corrects_id: number | null;
  note: string | null;
  confirmed_by: UserRef;
  confirmed_at: string;
  hash: string;
}

export interface RegisterGuest {
  person_id: number;
  family_name: string;
  given_names: string;
  family_name_original: string | null;
  given_names_original: string | null;
  nationality: string;
  placement_id: number;
  category: string;
  arrival_date: string;
  exit_date: string | null;
  days_of_stay: number;
  present: boolean;
  absence: RegisterEntry | null;
}

export interface RegisterDay {
  centre: CentreRef;
  day: string;
  status: DayStatus;
  digest: string;
  counts: { guests: number; present: number; absent: number };
  guests: RegisterGuest[];
  entries: RegisterEntry[];
  confirmations: RegisterConfirmation[];
}

export interface RegisterOverview {
  centre: CentreRef;
  from: string;
  to: string;
  totals: { presence_days: number; absence_days: number } & Record<DayStatus, number>;
  items: { day: string; status: DayStatus; present: number; absent: number; latest_confirmation: { confirmed_at: string } | null }[];
}

const base = (id: number) => `/centres/${id}/register`;

export const registerApi = {
  overview: (id: number, query: { from?: string; to?: string } = {}) => request<RegisterOverview>('GET', base(id), { query }),
  day: (id: number, day: string) => request<RegisterDay>('GET', `${base(id)}/${day}`),
  absence: (id: number, day: string, body: { person_id: number; reason: string; note?: string }) =>
    request<RegisterEntry>('POST', `${base(id)}/${day}/absences`, { body }),
  withdraw: (id: number, day: string, absenceId: number, note: string) =>
    request<RegisterEntry>('POST', `${base(id)}/${day}/absences/${absenceId}/withdrawal`, { body: { note } }),
  confirm: (id: number, day: string, note?: string) =>
    request<RegisterConfirmation>('POST', `${base(id)}/${day}/confirmation`, { body: note ? { note } : {} }),
};
