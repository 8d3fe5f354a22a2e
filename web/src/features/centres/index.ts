// The centres feature's public entry: what other features and the app may use. The rest of features/centres/ is internal.
export { CentreEditPage } from './CentreEdit';
export { CentrePage } from './CentrePage';
export { Centres } from './Centres';
export { CATEGORIES } from './api';
export type { Category, Counts } from './api';
export { FlagBadges } from './centreParts';
