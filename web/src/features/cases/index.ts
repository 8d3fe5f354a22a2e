// The cases feature's public entry: the case list and one case's page.
export { CasePage } from './CasePage';
export { Cases } from './Cases';
