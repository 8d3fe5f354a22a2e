// The reception feature's public entry: what other features and the app may use. The rest of features/reception/ is internal.
export { Occupancy } from './Occupancy';
export { ARRIVAL_ORIGINS, EXIT_REASONS, receptionApi } from './api';
export type { CentreOccupancy, Guest, Placement } from './api';
