// Client for the temporary protection contribution (OCDPC 881/2022; decision 0042): a person's
// family, month by month from the permit application, less the days in reception.
import { type RequestBody, type Schema, request } from '../../lib/api';

export type Contribution = Schema<'TemporaryProtectionContribution'>;
export type ContributionLine = Contribution['lines'][number];
/** A dated setting (rates, months, end of protection, the act), applied by the application's day. */
export type Setting = Schema<'TemporaryProtectionSetting'>;
export type SettingInput = RequestBody<'createTemporaryProtectionSetting'>;

export const protectionApi = {
  contribution: (personId: number) => request<Contribution>('GET', `/persons/${personId}/temporary-protection-contribution`),
  /** Every setting, the earliest first. */
  settings: () => request<Schema<'TemporaryProtectionSettingList'>>('GET', '/temporary-protection/settings'),
  /** A new act from its day, after every stored one's (the admin: procedures.edit). */
  addSetting: (body: SettingInput) => request<Setting>('POST', '/temporary-protection/settings', { body }),
  /** Takes back a setting not in force yet (409 already_in_force once it is). */
  withdrawSetting: (appliesFrom: string, body: RequestBody<'temporaryProtectionSettingsWithdrawal'>) =>
    request<void>('POST', `/temporary-protection/settings/${appliesFrom}/withdrawal`, { body }),
};

/** The server's limits on a setting (contribution_routes.cc): months of contribution, the act's reference. */
export const MAX_MONTHS = 36;
export const LEGAL_REFERENCE_MAX = 300;

/** The reasons a contribution line gives beside its rate (contribution.h). */
export const LINE_NOTES = ['turns_18', 'in_reception', 'partly_in_reception', 'after_protection_end', 'birth_date_unknown_adult_rate'] as const;
