// The centres feature's public entry: what other features and the app may use. The rest of features/centres/ is internal.
export { CentreEditPage } from './CentreEdit';
export { CentrePage } from './CentrePage';
export { Centres } from './Centres';
export { LotEditPage, NewLotPage } from './LotForm';
export { Lots } from './Lots';
export { CATEGORIES } from './api';
export type { Category, Centre, Counts } from './api';
export { categoryOptions } from './categoryOptions';
export { FlagBadges } from './centreParts';
export { useMunicipalities } from './municipalities';
