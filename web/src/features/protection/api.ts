// Client for the temporary protection contribution (OCDPC 881/2022; decision 0042): a person's
// family, month by month from the permit application, less the days in reception.
import { type Schema, request } from '../../lib/api';

export type Contribution = Schema<'TemporaryProtectionContribution'>;
export type ContributionLine = Contribution['lines'][number];

export const protectionApi = {
  contribution: (personId: number) => request<Contribution>('GET', `/persons/${personId}/temporary-protection-contribution`),
};

/** The reasons a contribution line gives beside its rate (contribution.h). */
export const LINE_NOTES = ['turns_18', 'in_reception', 'partly_in_reception', 'after_protection_end', 'birth_date_unknown_adult_rate'] as const;
