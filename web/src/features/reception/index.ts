// The reception feature's public entry: what other features and the app may use. The rest of features/reception/ is internal.
export { GuestsSection } from './GuestsSection';
export { Occupancy } from './Occupancy';
export type { Placement } from './api';
export { CorrectPlacement } from './CorrectPlacement';
