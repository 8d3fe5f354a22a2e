// The handovers feature's public entry: the page, and the table of money lines the costs pages show.
export { HandoversPage } from './Handovers';
export { MoneyLines } from './MoneyLines';
export type { MoneyLine } from './api';
