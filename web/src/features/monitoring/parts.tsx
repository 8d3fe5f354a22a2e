// Small parts the inspection pages share: the status badge and a score.
import { useT } from '../../lib/i18n';
import { intlLocale } from '../../lib/numbers';
import type { Inspection } from './api';

const STATUS_BADGE: Record<Inspection['status'], string> = {
  planned: 'bg-secondary',
  in_progress: 'bg-warning text-dark',
  completed: 'bg-primary',
  report_issued: 'bg-success',
};

export function StatusBadge({ status }: { status: Inspection['status'] }) {
  const { t } = useT();
  return (
    <span class={`badge ${STATUS_BADGE[status]}`} data-status={status}>
      {t(`monitoring.statuses.${status}`)}
    </span>
  );
}

/** A percentage, or "not scored" when nothing scored has been answered (null). */
export function Score({ value }: { value: number | null | undefined }) {
  const { t, lang } = useT();
  if (value == null) return <span class="text-muted">{t('monitoring.notScored')}</span>;
  return <>{new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100)}</>;
}
