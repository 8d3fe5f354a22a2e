// Records an absence, or withdraws one, for a guest on a day.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { FormErrors, SelectField, TextAreaField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { type Msg, useT } from '../../lib/i18n';
import { type AbsenceReason, ABSENCE_REASONS, registerApi, type RegisterGuest } from './api';
import { guestName, registerRuleErrors } from './registerParts';

export type FormProps = { id: number; day: string; guest: RegisterGuest; onCancel: () => void; onDone: (text: Msg) => void };

export function AbsenceForm({ id, day, guest, onCancel, onDone }: FormProps) {
  const { t } = useT();
  const [reason, setReason] = useState<AbsenceReason | ''>('');
  const [note, setNote] = useState('');
  const labels = { reason: t('register.reason'), note: t('register.note') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!reason) e.reason = ['fieldErrors.required'];
      if (reason === 'other' && !note.trim()) e.note = ['fieldErrors.required'];
      return e;
    },
    // validate() has refused an empty reason.
    action: async () => {
      await registerRuleErrors(registerApi.absence(id, day, { person_id: guest.person_id, reason: reason as AbsenceReason, ...(note.trim() ? { note: note.trim() } : {}) }));
      const name = guestName(guest);
      onDone((t) => t('register.absenceRecorded', { person: name }));
    },
  });
  return (
    <ActionPanel compact id="absence-form" title={t('register.absenceTitle', { person: guestName(guest) })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="absence-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField
              id="reason"
              label={labels.reason}
              required
              value={reason}
              onValue={setReason}
              empty={t('common.choose')}
              options={ABSENCE_REASONS.map((r) => ({ value: r, label: t(`register.reasons.${r}`) }))}
              error={errors.fields.reason}
            />
          </div>
          <div class="col-12 col-md-6">
            <TextAreaField
              id="note"
              label={labels.note}
              hint={t('register.noteHint')}
              required={reason === 'other'}
              maxLength={1000}
              rows={2}
              value={note}
              onValue={setNote}
              error={errors.fields.note}
            />
          </div>
        </div>
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('register.markAbsent')} testId="absence-submit" />
      </form>
    </ActionPanel>
  );
}

export function WithdrawForm({ id, day, guest, onCancel, onDone }: FormProps) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const labels = { note: t('register.withdrawNote') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (note.trim() ? {} : { note: ['fieldErrors.required'] }),
    action: async () => {
      await registerRuleErrors(registerApi.withdraw(id, day, guest.absence!.id, note.trim()));
      const name = guestName(guest);
      onDone((t) => t('register.absenceWithdrawn', { person: name }));
    },
  });
  return (
    <ActionPanel compact id="withdraw-form" title={t('register.withdrawTitle', { person: guestName(guest) })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="withdraw-form-heading">
        <TextAreaField id="withdraw-note" label={labels.note} required maxLength={1000} rows={2} value={note} onValue={setNote} error={errors.fields.note} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('register.withdraw')} testId="withdraw-submit" />
      </form>
    </ActionPanel>
  );
}
