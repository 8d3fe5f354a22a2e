// Client for uploaded documents (/api/v1/documents): the upload with its progress, and where a
// document's content is downloaded from. Which record a document belongs to is its owner
// feature's business (the register's signed sheets).
import { type Schema, uploadFile } from '../../lib/api';

export type Document = Schema<'Document'>;

/** The types the server accepts, read from the file's content (docs/decisions/0016-documents.md). */
export const ACCEPTED_TYPES = 'application/pdf,image/jpeg,image/png,image/webp,image/heic,.heic';

export const documentsApi = {
  upload: (file: File, onProgress?: (sent: number) => void) =>
    uploadFile<Document>('/documents', file, { query: { filename: file.name }, onProgress }),
  /** A download (Content-Disposition: attachment), for a link's href. */
  contentUrl: (id: number) => `/api/v1/documents/${id}/content`,
};
