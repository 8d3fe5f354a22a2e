// The monitoring feature's public entry: the inspections list and one inspection's page, the
// findings list and one finding's page, a centre's sanctions, and the centres ranked by risk.
import { copyStore } from './deviceStore';

export { FindingPage } from './FindingPage';
export { Findings } from './Findings';
export { InspectionPage } from './InspectionPage';
export { Inspections } from './Inspections';
export { RiskRanking } from './RiskRanking';
export { Sanctions } from './Sanctions';

/** At sign-out: the copies of inspections kept for use offline leave the device. */
export const forgetInspectionCopies = () => copyStore.clear().catch(() => undefined);
