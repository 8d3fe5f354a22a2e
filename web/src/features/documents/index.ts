// The documents feature's public entry: uploading a file and linking to its content.
export { ACCEPTED_TYPES, type Document, documentsApi } from './api';
