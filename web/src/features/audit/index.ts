// The audit feature's public entry: what other features and the app may use. The rest of features/audit/ is internal.
export { Audit } from './Audit';
