// Records that a guest (and the relatives chosen) left the centre.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { FormErrors, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay, today } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { formatList } from '../../lib/numbers';
import { personName } from '../people/index';
import { EXIT_REASONS, type ExitReason, type Guest, receptionApi } from './api';
import { placementRuleErrors } from './ruleErrors';
import { useFamily } from './useFamily';

export function ExitForm({
  centreName,
  guest,
  family,
  onCancel,
  onDone,
}: {
  centreName: string;
  guest: Guest;
  family: Guest[];
  onCancel: () => void;
  onDone: (text: Msg) => void;
}) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const relatives = useFamily(family);
  const [reason, setReason] = useState<ExitReason | ''>('');
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const labels = { reason: t('placements.exitReason'), date: t('placements.date'), note: t('placements.exitNote') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!reason) e.reason = ['fieldErrors.required'];
      if (!date) e.date = ['fieldErrors.required'];
      if (reason === 'other' && !note.trim()) e.note = ['fieldErrors.required'];
      return e;
    },
    // Exit, death included, cannot be undone from here: say what will happen and ask first.
    confirm: () => {
      const person = personName(guest.person);
      const leaving = [person, ...family.filter((g) => relatives.chosen.includes(g.person_id)).map((g) => personName(g.person))];
      const count = leaving.length;
      return ask({
        title: t('placements.confirmExit.title', { person }),
        confirmLabel: t('placements.confirmExit.button', { person }),
        body: (
          <Consequences
            items={[
              t('placements.confirmExit.leaves', { count, names: formatList(leaving, lang), centre: centreName, date: formatDay(date, lang) }),
              t('placements.confirmExit.reason', { reason: t(`exitReasons.${reason}`) }),
              t('placements.confirmExit.freed', { count: leaving.length }),
              t('placements.confirmExit.register'),
              t('placements.confirmExit.final'),
            ]}
          />
        ),
      });
    },
    // validate() has refused an empty reason.
    action: async () => {
      await placementRuleErrors(
        receptionApi.exit({ person_ids: [guest.person_id, ...relatives.chosen], date, reason: reason as ExitReason, ...(note.trim() ? { note: note.trim() } : {}) }),
      );
      onDone((t) => t('placements.exited', { person: personName(guest.person) }));
    },
  });
  return (
    <ActionPanel id="exit-form" title={t('placements.exitTitle', { person: personName(guest.person) })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="exit-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField
              id="reason"
              label={labels.reason}
              required
              value={reason}
              onValue={setReason}
              empty={t('common.choose')}
              options={EXIT_REASONS.map((r) => ({ value: r, label: t(`exitReasons.${r}`) }))}
              error={errors.fields.reason}
            />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="date" label={labels.date} required type="date" max={today()} value={date} onValue={setDate} error={errors.fields.date} />
          </div>
        </div>
        {relatives.field}
        <TextAreaField id="note" label={labels.note} required={reason === 'other'} maxLength={1000} value={note} onValue={setNote} error={errors.fields.note} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('placements.exitSubmit')} testId="exit-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}
