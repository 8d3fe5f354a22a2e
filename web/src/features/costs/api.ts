// Client for the monthly costs of a centre, its invoices and their reconciliation with the register
// (/api/v1/centres/{id}/costs/{month}, /centres/{id}/invoices, /invoices/{id}/reconciliation).
// Money is integer cents.
import { type Page, request } from '../../lib/api';

export interface CostDay {
  day: string;
  present: number;
  absent: number;
  contract_id: number | null;
  no_contract: boolean;
  price_cents: number;
  amount_cents: number;
  pocket_money_cents: number;
}

export interface MonthlyCosts {
  centre_id: number;
  month: string;
  from: string;
  to: string;
  complete: boolean;
  days: CostDay[];
  totals: {
    presence_days: number;
    amount_due_cents: number;
    pocket_money_due_cents: number;
    days_without_contract: number;
    presence_days_without_contract: number;
  };
}

export interface Invoice {
  id: number;
  centre_id: number;
  month: string;
  number: string;
  amount_cents: number;
  presence_days: number;
  submitted_by: number;
  submitted_at: string;
  note: string | null;
  /** A withdrawn invoice stays readable; another may then be submitted for its month. */
  status: 'submitted' | 'withdrawn';
  withdrawn_at: string | null;
  withdrawn_by: number | null;
  withdrawal_reason: string | null;
  replaces_id: number | null;
  replaced_by_id: number | null;
}

export interface PresenceDifference {
  day: string;
  person_id: number;
  family_name: string;
  given_names: string;
  kind: 'declared_not_present' | 'present_not_declared';
  reason: 'not_placed' | 'absent' | 'not_declared';
  absence_reason: string | null;
  price_cents: number;
}

export interface Reconciliation {
  invoice: Invoice;
  month: string;
  from: string;
  to: string;
  complete: boolean;
  computed: { presence_days: number; amount_cents: number; pocket_money_cents: number };
  declared: { presence_days: number; amount_cents: number; days_value_cents: number };
  difference: { presence_days: number; amount_cents: number };
  declared_not_present: number;
  present_not_declared: number;
  differences: PresenceDifference[];
  unconfirmed_days: { day: string; status: string; present: number; absent: number }[];
}

export interface InvoiceDraftLine {
  person_id: number;
  family_name: string;
  given_names: string;
  from: string;
  to: string;
}

/** The invoice that matches the register: where the invoice form starts from. */
export interface InvoiceDraft {
  centre_id: number;
  month: string;
  from: string;
  to: string;
  complete: boolean;
  presence_days: number;
  amount_cents: number;
  lines: InvoiceDraftLine[];
}

export interface NewInvoice {
  month: string;
  number: string;
  amount_cents: number;
  presence_days: number;
  note: string | null;
  lines: { person_id: number; from: string; to: string }[];
}

export const costsUrl = (id: number, month: string, format?: 'csv' | 'xlsx') =>

  `/api/v1/centres/${id}/costs/${month}${format ? `?format=${format}` : ''}`;

export const reconciliationUrl = (invoiceId: number, format?: 'csv' | 'xlsx') =>

  `/api/v1/invoices/${invoiceId}/reconciliation${format ? `?format=${format}` : ''}`;

export const costsApi = {
  month: (id: number, month: string) => request<MonthlyCosts>('GET', `/centres/${id}/costs/${month}`),
  invoices: (id: number) => request<Page<Invoice>>('GET', `/centres/${id}/invoices`, { query: { per_page: 100 } }),
  reconciliation: (invoiceId: number) => request<Reconciliation>('GET', `/invoices/${invoiceId}/reconciliation`),
  draft: (id: number, month: string) => request<InvoiceDraft>('GET', `/centres/${id}/invoices/draft/${month}`),
  submit: (id: number, body: NewInvoice) => request<Invoice>('POST', `/centres/${id}/invoices`, { body }),
  withdraw: (invoiceId: number, reason: string) => request<Invoice>('POST', `/invoices/${invoiceId}/withdrawal`, { body: { reason } }),
};
