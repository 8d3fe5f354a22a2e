// The monitoring feature's public entry: the inspections list and one inspection's page.
import { copyStore } from './deviceStore';

export { InspectionPage } from './InspectionPage';
export { Inspections } from './Inspections';

/** At sign-out: the copies of inspections kept for use offline leave the device. */
export const forgetInspectionCopies = () => copyStore.clear().catch(() => undefined);
