// Client for the centres API: centres, their contracts and their occupancy over time.
// Types and vocabularies are the server's (lib/api-schema.ts, generated).
import { type Query, type RequestBody, type Schema, request } from '../../lib/api';
import {
  centreStatusValues,
  centreTypeValues,
  pathsApiV1CentresPostRequestBodyContentApplicationJsonServicesValues,
  placementCategoryValues,
} from '../../lib/api-schema';

export const CENTRE_TYPES = centreTypeValues;

export const CENTRE_STATUSES = centreStatusValues;

export const CENTRE_SERVICES = pathsApiV1CentresPostRequestBodyContentApplicationJsonServicesValues;

export type CentreService = (typeof CENTRE_SERVICES)[number];

export const CATEGORIES = placementCategoryValues;

export type Category = (typeof CATEGORIES)[number];

/** Places, guests or free places in each category, and their total. */
export type Counts = Schema<'PlacesByCategory'>;

export type Centre = Schema<'Centre'>;

/** One centre, with the name of its operator. */
export type CentreDetail = Schema<'CentreDetail'>;

export type CentreInput = RequestBody<'createCentre'>;

/** A contract as a centre's list shows it, with the name of its manager. */
export type Contract = Schema<'ManagedContract'>;

export type OccupancySeries = Schema<'OccupancySeries'>;

export const centresApi = {
  listCentres: (query: Query) => request<Schema<'CentreList'>>('GET', '/centres', { query }),
  getCentre: (id: number) => request<CentreDetail>('GET', `/centres/${id}`),
  createCentre: (body: CentreInput) => request<Centre>('POST', '/centres', { body }),
  updateCentre: (id: number, body: RequestBody<'updateCentre'>) => request<Centre>('PATCH', `/centres/${id}`, { body }),
  contracts: (id: number) => request<Schema<'ContractList'>>('GET', `/centres/${id}/contracts`),
  addContract: (id: number, body: RequestBody<'createCentreContract'>) =>
    request<Schema<'Contract'>>('POST', `/centres/${id}/contracts`, { body }),
  series: (id: number) => request<OccupancySeries>('GET', `/centres/${id}/occupancy`),
};
