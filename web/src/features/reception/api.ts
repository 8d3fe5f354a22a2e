// Client for the reception API: guests, placements (place, transfer, exit), occupancy and the placement desk.
import { type Page, type Query, request } from '../../lib/api';
import type { Category, Counts } from '../centres/index';
import type { PersonSummary } from '../people/index';

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

export interface Placement {
  id: number;
  person_id: number;
  centre_id: number;
  category: Category;
  start_date: string;
  arrival_from: string;
  end_date: string | null;
  exit_reason: string | null;
  exit_note: string | null;
  override_reason: string | null;
}

export interface Guest extends Placement {
  person: PersonSummary;
}

export interface CentreOccupancy {
  centre_id: number;
  name: string;
  type: string;
  status: string;
  istat_code: string;
  places: Counts;
  guests: Counts;
  free: Counts;
  over_capacity: boolean;
  under_use: boolean;
  contract_places: number | null;
  free_in_category?: number;
}

export interface OccupancyOverview extends Page<CentreOccupancy> {
  date: string;
  totals: { centres: number; places: Counts; guests: Counts; over_capacity: number; under_use: number };
}

export const receptionApi = {
  guests: (id: number) => request<{ date: string; items: Guest[] }>('GET', `/centres/${id}/guests`),
  occupancy: (query: Query) => request<OccupancyOverview>('GET', '/occupancy', { query }),
  /** The centres with the most free places (one page of the most the API gives: enough to choose from). */
  desk: (category: string) =>
    request<Page<CentreOccupancy> & { date: string; category: string }>('GET', '/placement-desk', {
      query: { category, per_page: 100 },
    }),
  place: (body: Record<string, unknown>) => request<{ items: Placement[] }>('POST', '/placements', { body }),
  transfer: (body: Record<string, unknown>) => request<{ items: Placement[] }>('POST', '/placements/transfers', { body }),
  exit: (body: Record<string, unknown>) => request<{ items: Placement[] }>('POST', '/placements/exits', { body }),
};
