// The procedures feature's public entry (decision 0040): the files' list, a file, the catalogue.
export { Catalogue } from './Catalogue';
export { FilePage } from './FilePage';
export { ProcedureFiles } from './ProcedureFiles';
