// The costs feature's public entry: what other features and the app may use. The rest of features/costs/ is internal.
export { CostsPage, CostsSection } from './Costs';
