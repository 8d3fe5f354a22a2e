// Confirms a day's register.
import { useState } from 'preact/hooks';
import { FormButtons } from '../../components/ActionPanel';
import { FormErrors, TextAreaField } from '../../components/forms';
import { useFormSubmit } from '../../components/useFormSubmit';
import { type Msg, useT } from '../../lib/i18n';
import { registerApi, type RegisterDay } from './api';
import { registerRuleErrors } from './registerParts';

/** Confirming the day as it stands; after a change to a confirmed day, confirming again. */
export function ConfirmSection({ id, report, onDone }: { id: number; report: RegisterDay; onDone: (text: Msg) => void }) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const again = report.status === 'changed_since_confirmation';
  const labels = { note: t('register.confirmNote') };
  const { errors, busy, submit } = useFormSubmit({
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
        </>
      )}
    </section>
  );
}
