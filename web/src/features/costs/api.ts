// Client for the monthly costs of a centre, its invoices and their reconciliation with the register
// (/api/v1/centres/{id}/costs/{month}, /centres/{id}/invoices, /invoices/{id}/reconciliation).
// Money is integer cents. Types are the server's (lib/api-schema.d.ts, generated).
import { fileUrl, type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';

export type MonthlyCosts = Schema<'MonthlyCosts'>;

/**
 * An invoice as the pages show it, without its lines: an item of the list (a submitted or withdrawn
 * invoice, with its lines, is one too). A withdrawn invoice stays readable; another may then be
 * submitted for its month.
 */
export type Invoice = Schema<'InvoiceSummary'>;

/** An invoice reconciled with the register: computed, declared, credited and the difference. */
export type Reconciliation = Schema<'Reconciliation'>;

type Difference = Schema<'PresenceDifference'>;

/** A day on which the invoice and the register disagree about a person (its kinds and reasons written out: see lib/typeChecks.ts). */
export interface PresenceDifference extends Difference {
  kind: 'declared_not_present' | 'present_not_declared';
  reason: 'not_placed' | 'absent' | 'not_declared';
}

export type PresenceDifferenceIsTheServers = Check<Same<PresenceDifference, Difference>>;

/** The invoice that matches the register: where the invoice form starts from. */
export type InvoiceDraft = Schema<'InvoiceDraft'>;

/** The states of a SAI project's final report (the server's sai_report_statuses()). */
export const SAI_REPORT_STATUSES = ['not_due', 'pending', 'submitted', 'approved'] as const;

export type SaiReportStatusesAreTheServers = Check<Same<(typeof SAI_REPORT_STATUSES)[number], Schema<'SaiBudget'>['report_status']>>;

export type NewInvoice = RequestBody<'createCentreInvoice'>;

/** A credit note: presence-days and amount (negative) taken back from an invoice. */
export type CreditNote = Schema<'CreditNote'>;

/** A SAI project's budget for a year and the state of its final report. */
export type SaiBudget = Schema<'SaiBudget'>;

/** A file of the month's costs, in the app's language (?lang=, as the officer's lists). */
export const costsUrl = (id: number, month: string, format: 'csv' | 'xlsx', lang: string) =>
  fileUrl(`/centres/${id}/costs/${month}`, { format, lang });

/** A file of an invoice's reconciliation with the register, in the app's language. */
export const reconciliationUrl = (invoiceId: number, format: 'csv' | 'xlsx', lang: string) =>
  fileUrl(`/invoices/${invoiceId}/reconciliation`, { format, lang });

export const costsApi = {
  month: (id: number, month: string) => request<MonthlyCosts>('GET', `/centres/${id}/costs/${month}`),
  invoices: (id: number) => request<Schema<'InvoiceList'>>('GET', `/centres/${id}/invoices`, { query: { per_page: 100 } }),
  reconciliation: (invoiceId: number) => request<Reconciliation>('GET', `/invoices/${invoiceId}/reconciliation`),
  saiBudgets: (id: number) => request<Schema<'SaiBudgetList'>>('GET', `/centres/${id}/sai-budgets`),
  /** The draft of one contract's invoice for the month (default: the month's first contract). */
  draft: (id: number, month: string, contractId?: number) =>
    request<InvoiceDraft>('GET', `/centres/${id}/invoices/draft/${month}`, { query: contractId ? { contract_id: contractId } : {} }),
  submit: (id: number, body: NewInvoice) => request<Schema<'Invoice'>>('POST', `/centres/${id}/invoices`, { body }),
  creditNotes: (invoiceId: number) => request<Schema<'CreditNoteList'>>('GET', `/invoices/${invoiceId}/credit-notes`),
  creditNote: (invoiceId: number, body: RequestBody<'createInvoiceCreditNote'>) =>
    request<CreditNote>('POST', `/invoices/${invoiceId}/credit-notes`, { body }),
  /** The centre's contracts: an invoice's price and VAT rate. */
  contracts: (id: number) => request<Schema<'ContractList'>>('GET', `/centres/${id}/contracts`),
  saveSaiBudget: (id: number, body: RequestBody<'createCentreSaiBudget'>) => request<SaiBudget>('POST', `/centres/${id}/sai-budgets`, { body }),
  withdraw: (invoiceId: number, reason: string) =>
    request<Schema<'Invoice'>>('POST', `/invoices/${invoiceId}/withdrawal`, { body: { reason } satisfies RequestBody<'invoiceWithdrawal'> }),
};
