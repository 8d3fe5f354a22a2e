// The monitoring feature's public entry: the inspections list and one inspection's page, the
// findings list and one finding's page, and a centre's sanctions.
export { FindingPage } from './FindingPage';
export { Findings } from './Findings';
export { InspectionPage } from './InspectionPage';
export { Inspections } from './Inspections';
export { Sanctions } from './Sanctions';
