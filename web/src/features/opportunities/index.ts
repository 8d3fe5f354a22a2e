// The opportunities feature's public entry (decision 0039): the list, a page, the case's section.
export { CaseOpportunities } from './CaseOpportunities';
export { Opportunities } from './Opportunities';
export { OpportunityPage } from './OpportunityPage';
