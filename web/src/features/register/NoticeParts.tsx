// Absences without notice in the day's register: each guest's run of unjustified absence, and the
// case worker's "Segnala alla Prefettura" for the notice the server drafted when the run reached
// the threshold (72 h by default). Sending asks first, showing what will be sent.
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { FormErrors } from '../../components/forms';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { noticesApi, type RegisterGuest } from './api';
import { guestName } from './registerParts';

/** "Away without notice for 3 days (72 hours)", stressed past the threshold. */
export function AbsenceRun({ guest }: { guest: RegisterGuest }) {
  const { t, lang } = useT();
  const run = guest.absence_run;
  if (!run) return null;
  return (
    <div class={`small${run.over_threshold ? ' fw-semibold text-danger' : ''}`} data-testid="absence-run" data-hours={run.hours}>
      {t('register.absences.run', { count: run.days, hours: formatNumber(run.hours, lang), from: formatDay(run.first_day, lang) })}
    </div>
  );
}

/** The guest's notice: sent (a line), or a draft the case worker may send. */
export function NoticeAction({ guest, canSend, onDone }: { guest: RegisterGuest; canSend: boolean; onDone: (text: Msg) => void }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const notice = guest.notice;
  const name = guestName(guest);
  const { errors, busy, submit } = useFormSubmit({
    confirm: () =>
      ask({
        title: t('register.absences.sendTitle', { name }),
        confirmLabel: t('register.absences.sendButton', { name }),
        body: (
          <>
            <Facts
              testId="notice-facts"
              items={[
                [t('register.absences.guest'), <bdi>{name}</bdi>],
                [t('register.absences.since'), notice ? formatDay(notice.first_day, lang) : ''],
                [t('register.absences.hours'), notice ? formatNumber(notice.hours, lang) : ''],
              ]}
            />
            <Consequences items={[t('register.absences.sendConsequence'), t('register.absences.decisionConsequence')]} />
          </>
        ),
      }),
    action: async () => {
      if (!notice) return;
      await noticesApi.send(notice.id);
      onDone((t) => t('register.absences.sent', { name }));
    },
  });
  if (!notice) return null;
  if (notice.status === 'sent')
    return (
      <div class="small" data-testid="notice-sent">
        {t('register.absences.awaitingDecision')}
      </div>
    );
  return (
    <div class="no-print" data-testid="notice-draft">
      <div class="small">{t('register.absences.draftReady')}</div>
      {canSend ? (
        <form onSubmit={submit} noValidate>
          <FormErrors errors={errors} />
          <button type="submit" class="btn btn-primary btn-xs mt-1" disabled={busy} data-testid="notice-send">
            {t('register.absences.send')}
            <span class="visually-hidden"> {name}</span>
          </button>
        </form>
      ) : null}
      {dialog}
    </div>
  );
}
