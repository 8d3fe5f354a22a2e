// Client for the persons API: persons, their family groups and their placements.
import { type Page, type Query, request } from '../../lib/api';
import type { Placement } from '../reception/index';

export const SEXES = ['female', 'male', 'unspecified'] as const;

export interface PersonSummary {
  id: number;
  family_name: string;
  given_names: string;
  nationality: string;
  family_group_id?: number | null;
}

export interface Person extends PersonSummary {
  family_name_original: string | null;
  given_names_original: string | null;
  sex: string;
  birth_date: string | null;
  birth_date_estimated: boolean;
  languages: string[];
  cui: string | null;
  codice_fiscale: string | null;
  family_group_id: number | null;
  created_at: string;
}

/** A placement in a person's history, with the name of its centre. */
export interface PlacementStay extends Placement {
  centre_name: string;
}

export interface FamilyGroup {
  id: number;
  label: string;
  members: PersonSummary[];
}

export function personName(p: PersonSummary): string {
  return `${p.family_name} ${p.given_names}`;
}

export const peopleApi = {
  listPersons: (query: Query) => request<Page<Person>>('GET', '/persons', { query }),
  getPerson: (id: number) => request<Person>('GET', `/persons/${id}`),
  createPerson: (body: Record<string, unknown>) => request<Person>('POST', '/persons', { body }),
  updatePerson: (id: number, body: Record<string, unknown>) => request<Person>('PATCH', `/persons/${id}`, { body }),
  personPlacements: (id: number) => request<{ items: PlacementStay[] }>('GET', `/persons/${id}/placements`),
  familyGroup: (id: number) => request<FamilyGroup>('GET', `/family-groups/${id}`),
};
