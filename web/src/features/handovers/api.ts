// Client for money beside the daily price (/api/v1/centres/{id}/handovers, decision 0019): what
// each guest was due against what was handed over on signed receipts. Types are the server's.
import { type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';

export type MonthMoney = Schema<'CentreMonthMoney'>;
export type Handover = Schema<'Handover'>;
export type MoneyLine = Schema<'MoneyLine'>;
export type GuestMoney = Schema<'GuestMoney'>;
export type NewHandover = RequestBody<'createCentreHandover'>;
export type Suspension = Schema<'PocketMoneySuspension'>;

/** The items of the tender beside the daily price (the server's handover_items()). */
export const HANDOVER_ITEMS = ['pocket_money', 'phone_card', 'first_entry_kit'] as const;
export type HandoverItem = (typeof HANDOVER_ITEMS)[number];
export type HandoverItemsAreTheServers = Check<Same<HandoverItem, Handover['item']>>;

/** A phone card or kit for a guest: given on the path, missing here, or owed by the centre where the path began. */
export const ONE_OFF_STATUSES = ['handed_over', 'missing', 'other_centre'] as const;
export type OneOffStatusesAreTheServers = Check<Same<(typeof ONE_OFF_STATUSES)[number], GuestMoney['phone_card']>>;

export const RECEIPT_KINDS = ['signature', 'upload'] as const;
export type ReceiptKindsAreTheServers = Check<Same<(typeof RECEIPT_KINDS)[number], Handover['receipt_kind']>>;

export const handoversApi = {
  month: (id: number, month: string) => request<MonthMoney>('GET', `/centres/${id}/handovers/${month}`),
  record: (id: number, body: NewHandover) => request<Handover>('POST', `/centres/${id}/handovers`, { body }),
  suspend: (id: number, body: RequestBody<'createCentrePocketMoneySuspension'>) =>
    request<Suspension>('POST', `/centres/${id}/pocket-money-suspensions`, { body }),
  cancel: (handoverId: number, reason: string) =>
    request<Handover>('POST', `/handovers/${handoverId}/cancellation`, { body: { reason } satisfies RequestBody<'handoverCancellation'> }),
};
