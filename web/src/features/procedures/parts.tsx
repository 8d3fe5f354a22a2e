// Small pieces shared by the procedure pages: the clock's badge and words, a person's name.
import { type TFunction, useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import type { Clock, ClockState } from './api';

/** Colour follows the urgency; the badge always says the state in words (never colour alone). */
const TONE: Record<ClockState, string> = {
  not_started: 'bg-secondary',
  running: 'bg-success',
  due_soon: 'bg-warning text-dark',
  suspended: 'bg-info text-dark',
  overdue: 'bg-danger',
  closed: 'bg-dark',
};

export function ClockBadge({ state, class: cls = '' }: { state: ClockState; class?: string }) {
  const { t } = useT();
  return (
    <span class={`badge ${TONE[state]} ${cls}`} data-clock-state={state}>
      {t(`procedures.states.${state}`)}
    </span>
  );
}

/** "12 days left", "overdue by 3 days", "due today": nothing before the term starts or once decided. */
export function daysText(clock: Pick<Clock, 'days_left' | 'state'>, t: TFunction, lang: string): string {
  if (clock.days_left == null || clock.state === 'closed' || clock.state === 'not_started') return '';
  if (clock.days_left < 0) return t('procedures.overdueBy', { count: -clock.days_left, n: formatNumber(-clock.days_left, lang) });
  if (clock.days_left === 0) return t('procedures.dueToday');
  return t('procedures.daysLeft', { count: clock.days_left, n: formatNumber(clock.days_left, lang) });
}

/** The badge and, beside it, how many days are left or late. */
export function ClockSummary({ clock }: { clock: Pick<Clock, 'days_left' | 'state'> }) {
  const { t, lang } = useT();
  const days = daysText(clock, t, lang);
  return (
    <span class="d-inline-flex flex-wrap align-items-center gap-1">
      <ClockBadge state={clock.state} />
      {days ? <span class="small">{days}</span> : null}
    </span>
  );
}

/**
 * A name of the catalogue (a procedure, a step, a document) in the page's language where the
 * catalogue has it, else in Italian, with the language it is in (screen readers, fonts; always a
 * value: lib/langAttr.ts says why).
 */
export function Label({ of }: { of: { label: string; label_lang: string } }) {
  return <bdi lang={of.label_lang}>{of.label}</bdi>;
}

export const personName = (p: { family_name: string; given_names: string }) => `${p.family_name} ${p.given_names}`;
