// The integration agreements' public entry (decision 0042): the list and one agreement, and the
// client of Annex C's loss bands, which the law settings page (procedures) corrects.
export { AgreementPage } from './AgreementPage';
export { Agreements } from './Agreements';
export { BAND_DESCRIPTION_MAX, LOSS_CREDITS_MAX, type LossBand, agreementsApi } from './api';
