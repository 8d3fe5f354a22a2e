// Client for the reception API: guests, placements (place, transfer, exit), occupancy and the placement desk.
// Types are the server's (lib/api-schema.d.ts, generated); the vocabularies are checked against them.
import { type Query, type RequestBody, type Schema, request } from '../../lib/api';
import type { Check, Same } from '../../lib/typeChecks';

export const ARRIVAL_ORIGINS = ['landing', 'hotspot', 'transfer', 'direct'] as const;

export const EXIT_REASONS = [
  'transferred_to_sai',
  'left_voluntarily',
  'removed',
  'repatriated',
  'protection_obtained',
  'end_of_eligibility',
  'deceased',
  'other',
] as const;

export type ArrivalOrigin = Schema<'Placement'>['arrival_from'];

export type ArrivalOriginsAreTheServers = Check<Same<(typeof ARRIVAL_ORIGINS)[number], ArrivalOrigin>>;

export type ExitReason = RequestBody<'createPlacementsExit'>['reason'];

export type ExitReasonsAreTheServers = Check<Same<(typeof EXIT_REASONS)[number], ExitReason>>;

export type Placement = Schema<'Placement'>;

/** A guest of a centre: their placement and who they are. */
export type Guest = Schema<'Guest'>;

export type CentreOccupancy = Schema<'CentreOccupancy'>;

export type OccupancyOverview = Schema<'Occupancy'>;

type Placements = Schema<'PlacementList'>;

export const receptionApi = {
  guests: (id: number) => request<Schema<'GuestList'>>('GET', `/centres/${id}/guests`),
  occupancy: (query: Query) => request<OccupancyOverview>('GET', '/occupancy', { query }),
  /** The centres with room for all `familySize` persons, most free places first (one page of the most the API gives: enough to choose from). */
  /** Every centre with room for `familySize` in the category, most room first: all pages, since a
   *  transfer may go to any of them (a province has tens of centres, a page holds 100). */
  desk: async (category: string, familySize: number) => {
    const items: Schema<'PlacementDesk'>['items'] = [];
    for (let page = 1; ; page += 1) {
      const answer = await request<Schema<'PlacementDesk'>>('GET', '/placement-desk', { query: { category, family_size: familySize, per_page: 100, page } });
      items.push(...answer.items);
      if (answer.items.length < 100) return items;
    }
  },
  /** A centre's guests per category on one day. */
  guestsOn: (id: number, day: string) => request<Schema<'OccupancySeries'>>('GET', `/centres/${id}/occupancy`, { query: { from: day, to: day } }),
  place: (body: RequestBody<'createPlacement'>) => request<Placements>('POST', '/placements', { body }),
  transfer: (body: RequestBody<'createPlacementsTransfer'>) => request<Placements>('POST', '/placements/transfers', { body }),
  exit: (body: RequestBody<'createPlacementsExit'>) => request<Placements>('POST', '/placements/exits', { body }),
  minorsInSections: (date?: string) => request<Schema<'MinorsInSections'>>('GET', '/minors-in-sections', { query: { date } }),
  extendSection: (personId: number, body: RequestBody<'personSectionExtension'>) =>
    request<Schema<'SectionExtension'>>('POST', `/persons/${personId}/section-extension`, { body }),
};
