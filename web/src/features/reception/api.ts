// Client for the reception API: guests, placements (place, transfer, exit), occupancy and the placement desk.
// Types and vocabularies are the server's (lib/api-schema.ts, generated).
import { type Query, type RequestBody, type Schema, request } from '../../lib/api';
import {
  pathsApiV1PlacementsExitsPostRequestBodyContentApplicationJsonReasonValues,
  placementArrival_fromValues,
} from '../../lib/api-schema';

export const ARRIVAL_ORIGINS = placementArrival_fromValues;

export const EXIT_REASONS = pathsApiV1PlacementsExitsPostRequestBodyContentApplicationJsonReasonValues;

export type ArrivalOrigin = (typeof ARRIVAL_ORIGINS)[number];

export type ExitReason = (typeof EXIT_REASONS)[number];

export type Placement = Schema<'Placement'>;

/** A guest of a centre: their placement and who they are. */
export type Guest = Schema<'Guest'>;

export type CentreOccupancy = Schema<'CentreOccupancy'>;

export type OccupancyOverview = Schema<'Occupancy'>;

type Placements = Schema<'PlacementList'>;

export const receptionApi = {
  guests: (id: number) => request<Schema<'GuestList'>>('GET', `/centres/${id}/guests`),
  occupancy: (query: Query) => request<OccupancyOverview>('GET', '/occupancy', { query }),
  /** The centres with the most free places (one page of the most the API gives: enough to choose from). */
  desk: (category: string) =>
    request<Schema<'PlacementDesk'>>('GET', '/placement-desk', { query: { category, per_page: 100 } }),
  place: (body: RequestBody<'createPlacement'>) => request<Placements>('POST', '/placements', { body }),
  transfer: (body: RequestBody<'createPlacementsTransfer'>) => request<Placements>('POST', '/placements/transfers', { body }),
  exit: (body: RequestBody<'createPlacementsExit'>) => request<Placements>('POST', '/placements/exits', { body }),
};
