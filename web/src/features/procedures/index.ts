// The procedures feature's public entry (decision 0040): the files' list, a file, the catalogue, the
// law settings (decision 0042).
export { Catalogue } from './Catalogue';
export { FilePage } from './FilePage';
export { LawSettings } from './LawSettings';
export { ProcedureFiles } from './ProcedureFiles';
