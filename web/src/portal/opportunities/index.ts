// The opportunity pages, a chunk of their own (loaded by Section.tsx when one is opened), so the
// portal's first load does not grow with them.
export { OpportunitiesPage } from './OpportunitiesPage';
export { OpportunityPage } from './OpportunityPage';
