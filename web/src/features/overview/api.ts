// Client for the officer's lists across centres (GET /overview/...), the placement desk and the
// Ministry's movements export. Each list is a page of JSON, or the whole list as a file
// (?format=csv|xlsx) in the app's language (?lang=, decision 0021).
import { fileUrl, type Query, request, type Schema } from '../../lib/api';

export type OverCapacity = Schema<'OverCapacityCentre'>;
export type UnconfirmedRegister = Schema<'UnconfirmedRegister'>;
export type InvoiceCheck = Schema<'InvoiceCheck'>;
export type EndingContract = Schema<'EndingContract'>;
export type DeskCentre = Schema<'DeskCentre'>;
export type Movement = Schema<'Movement'>;

export type OverCapacityList = Schema<'OverCapacityList'>;
export type UnconfirmedRegisterList = Schema<'UnconfirmedRegisterList'>;
export type InvoiceCheckList = Schema<'InvoiceCheckList'>;
export type EndingContractList = Schema<'EndingContractList'>;
export type PlacementDesk = Schema<'PlacementDesk'>;
export type MovementList = Schema<'MovementList'>;

/** The lists' paths under /api/v1, which are also the web pages' paths. */
export const LIST_PATHS = {
  overCapacity: '/overview/over-capacity',
  unconfirmedRegisters: '/overview/unconfirmed-registers',
  invoices: '/overview/invoices',
  contractsEnding: '/overview/contracts-ending',
  desk: '/placement-desk',
  movements: '/movements',
} as const;

export const overviewApi = {
  overCapacity: (query: Query) => request<OverCapacityList>('GET', LIST_PATHS.overCapacity, { query }),
  unconfirmedRegisters: (query: Query) => request<UnconfirmedRegisterList>('GET', LIST_PATHS.unconfirmedRegisters, { query }),
  invoices: (query: Query) => request<InvoiceCheckList>('GET', LIST_PATHS.invoices, { query }),
  contractsEnding: (query: Query) => request<EndingContractList>('GET', LIST_PATHS.contractsEnding, { query }),
  desk: (query: Query) => request<PlacementDesk>('GET', LIST_PATHS.desk, { query }),
  movements: (query: Query) => request<MovementList>('GET', LIST_PATHS.movements, { query }),
};

/** A whole list as a file in the language the user reads the app in. */
export const listFileUrl = (path: string, query: Query, format: 'csv' | 'xlsx', lang: string) =>
  fileUrl(path, { ...query, page: null, per_page: null, format, lang });
