// The accounts feature's public entry: what other features and the app may use. The rest of features/accounts/ is internal.
export { Organizations } from './Organizations';
export { Users } from './Users';
export { accountsApi } from './api';
export type { Organization } from './api';
