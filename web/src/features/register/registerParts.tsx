// Pieces shared by the register's pages: the day's status badge, the way back to the centre, names and paths.
import { Icon } from '../../components/Icon';
import { plainRuleErrors } from '../../lib/errors';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import type { DayStatus, RegisterGuest } from './api';

// The daily presence register of a centre: the section on the centre page, the overview of the
// last 30 days and the day's register (the daily report, printable). Case workers record
// absences and confirm the day; the Prefettura and the inspectors read it.

export const STATUS_CLASS: Record<DayStatus, string> = {
  unconfirmed: 'bg-warning text-dark',
  confirmed: 'bg-success',
  changed_since_confirmation: 'bg-danger',
};

/** The status of a day, in words (the colour only repeats it). */
export function DayStatusBadge({ status }: { status: DayStatus }) {
  const { t } = useT();
  return (
    <span class={`badge ${STATUS_CLASS[status] ?? 'bg-secondary'}`} data-status={status}>
      {t(`register.statuses.${status}`)}
    </span>
  );
}

/** Rule errors the page explains itself: the server's English field reasons are dropped. */
const RULE_CODES = new Set(['already_confirmed', 'already_absent', 'already_withdrawn', 'not_an_absence', 'not_placed', 'future_date']);

export const registerRuleErrors = <T,>(p: Promise<T>) => plainRuleErrors(p, RULE_CODES);

export const guestName = (g: RegisterGuest) => `${g.family_name} ${g.given_names}`;

export const dayPath = (id: number, day: string) => `/centres/${id}/register/${day}`;

export function BackToCentre({ id }: { id: number }) {
  const { t } = useT();
  return (
    <Link href={`/centres/${id}`} class="back-link d-inline-flex align-items-center mb-3 no-print">
      <Icon name="chevron-left" class="icon-primary icon-sm" directional />
      {t('register.backToCentre')}
    </Link>
  );
}
