// Confirms a day's register.
import { useState } from 'preact/hooks';
import { FormButtons } from '../../components/ActionPanel';
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { FormErrors, Notice, TextAreaField } from '../../components/forms';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { registerApi, type RegisterDay } from './api';
import { registerRuleErrors } from './registerParts';

/** The outcome of an act on the day: for a guest (their row or card) or, person null, the confirmation. */
export type Feedback = { person: number | null; text: Msg };

/** A success message beside what changed: announced (a live status) and given the focus by the page. */
export function RowNotice({ id, text }: { id: string; text: Msg }) {
  const { t } = useT();
  return (
    <div id={id} tabIndex={-1} class="row-notice" data-testid="register-notice">
      <Notice kind="success">{text(t)}</Notice>
    </div>
  );
}

/** Confirming the day as it stands; after a change to a confirmed day, confirming again. */
export function ConfirmSection({ id, report, notice, onDone }: { id: number; report: RegisterDay; notice: Msg | null; onDone: (text: Msg) => void }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [note, setNote] = useState('');
  const again = report.status === 'changed_since_confirmation';
  const labels = { note: t('register.confirmNote') };
  const { errors, busy, submit } = useFormSubmit({
    // The day, its counts, and that confirming seals it: said before the day is confirmed.
    confirm: () => {
      const day = formatDay(report.day, lang);
      return ask({
        title: t('register.confirmDialog.title', { day }),
        confirmLabel: t(again ? 'register.confirmDialog.buttonAgain' : 'register.confirmDialog.button', { day }),
        body: (
          <>
            <Facts
              testId="register-confirm-facts"
              items={[
                [t('register.day'), day],
                [t('register.present'), formatNumber(report.counts.present, lang)],
                [t('register.absent'), formatNumber(report.counts.absent, lang)],
              ]}
            />
            <Consequences items={[t('register.confirmDialog.sealed'), t('register.confirmDialog.later')]} />
          </>
        ),
      });
    },
    action: async () => {
      await registerRuleErrors(registerApi.confirm(id, report.day, note.trim() || undefined));
      setNote('');
      onDone((t) => t(again ? 'register.reconfirmed' : 'register.confirmed'));
    },
  });
  return (
    <section aria-labelledby="register-confirm-heading" class="mb-5 no-print" data-testid="register-confirm">
      <h2 id="register-confirm-heading" class="h3">
        {t('register.confirmHeading')}
      </h2>
      {notice ? <RowNotice id="register-confirm-notice" text={notice} /> : null}
      {report.status === 'confirmed' ? (
        <p data-testid="register-confirmed-text">{t('register.alreadyConfirmedText')}</p>
      ) : (
        <>
          <p>{again ? t('register.changedText') : t('register.unconfirmedText')}</p>
          <FormErrors errors={errors} labels={labels} />
          <form onSubmit={submit} noValidate aria-labelledby="register-confirm-heading">
            <TextAreaField id="confirm-note" label={labels.note} maxLength={1000} rows={2} value={note} onValue={setNote} error={errors.fields.note} />
            <FormButtons busy={busy} saveLabel={again ? t('register.reconfirm') : t('register.confirm')} testId="confirm-submit" />
          </form>
          {dialog}
        </>
      )}
    </section>
  );
}
