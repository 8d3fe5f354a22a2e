// Small pieces shared by the opportunity pages.
import { today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import type { Opportunity } from './api';

/** The state, and "expired" for a published one past its last day: what the public sees. */
export function StatusBadge({ opportunity: o }: { opportunity: Pick<Opportunity, 'status' | 'expires_on'> }) {
  const { t } = useT();
  const expired = o.status === 'published' && o.expires_on < today();
  const key = expired ? 'expired' : o.status;
  const tone = key === 'published' ? 'bg-success' : key === 'draft' ? 'bg-secondary' : 'bg-dark';
  return <span class={`badge ${tone}`}>{t(`opportunities.statuses.${key}`)}</span>;
}

/** "arabo" in an Italian sentence, "Arabic" in an English one. */
export function languageName(code: string, reader: string): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
