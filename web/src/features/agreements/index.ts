// The integration agreements' public entry (decision 0042): the list and one agreement.
export { AgreementPage } from './AgreementPage';
export { Agreements } from './Agreements';
