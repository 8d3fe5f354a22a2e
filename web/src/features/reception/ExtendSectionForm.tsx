// The Prefettura extends an unaccompanied minor's stay in adult centres' sections by 60 days
// (decision 0020): once, with the reason, after a confirm dialog saying what changes.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { FormErrors, TextAreaField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { type Msg, useT } from '../../lib/i18n';
import { personName } from '../people/index';
import { type Guest, receptionApi } from './api';

export function ExtendSectionForm({ guest, onCancel, onDone }: { guest: Guest; onCancel: () => void; onDone: (text: Msg) => void }) {
  const { t } = useT();
  const { ask, dialog } = useConfirm();
  const [reason, setReason] = useState('');
  const person = personName(guest.person);
  const labels = { reason: t('placements.minor.reason') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (reason.trim().length < 10 ? { reason: ['fieldErrors.min_length', { n: 10 }] } : {}),
    confirm: () =>
      ask({
        title: t('placements.minor.confirm.title', { person }),
        confirmLabel: t('placements.minor.confirm.button', { person }),
        body: <Consequences items={[t('placements.minor.confirm.limit'), t('placements.minor.confirm.once')]} />,
      }),
    action: async () => {
      await receptionApi.extendSection(guest.person_id, { reason: reason.trim() });
      onDone((t) => t('placements.minor.extended', { person }));
    },
  });
  return (
    <ActionPanel id="extend-form" title={t('placements.minor.extendTitle', { person })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="extend-form-heading">
        <TextAreaField id="reason" label={labels.reason} hint={t('placements.minor.reasonHint')} required maxLength={1000} value={reason} onValue={setReason} error={errors.fields.reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('placements.minor.submit')} testId="extend-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}
