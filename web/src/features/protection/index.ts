// Temporary protection (decision 0042): the contribution, shown on the person's procedure file, and
// the client of its dated settings, which the law settings page (procedures) keeps.
export { ContributionPanel } from './ContributionPanel';
export { LEGAL_REFERENCE_MAX, MAX_MONTHS, type Setting, type SettingInput, protectionApi } from './api';
