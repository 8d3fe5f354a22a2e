// The public procedures API (decision 0041): the guides in the page's language (Italian where a
// text has none: each `*_lang` says which), and the status lookup, a POST so that neither the
// protocol number nor the birth date is written in an address. No login. Types are the server's.
import type { Schema } from '../../lib/api';
import { publicRequest, queryString } from '../api';
import { portalLang } from '../i18n';

export type GuideSummary = Schema<'PublicProcedureSummary'>;
export type GuideList = Schema<'PublicProcedureList'>;
export type Guide = Schema<'PublicProcedureGuide'>;
export type FileStatus = Schema<'PublicProcedureFileStatus'>;

const lang = () => queryString({ lang: portalLang() });

export const proceduresApi = {
  list: () => publicRequest<GuideList>(`/api/v1/public/procedures?${lang()}`),
  one: (code: string) => publicRequest<Guide>(`/api/v1/public/procedures/${encodeURIComponent(code)}?${lang()}`),
  lookup: (protocol_number: string, birth_date: string) =>
    publicRequest<FileStatus>(`/api/v1/public/procedure-files/lookup?${lang()}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ protocol_number, birth_date }),
    }),
};
