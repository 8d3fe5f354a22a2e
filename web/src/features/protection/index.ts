// Temporary protection (decision 0042): the contribution, shown on the person's procedure file.
export { ContributionPanel } from './ContributionPanel';
