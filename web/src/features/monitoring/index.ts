// The monitoring feature's public entry: the inspections list and one inspection's page.
export { InspectionPage } from './InspectionPage';
export { Inspections } from './Inspections';
