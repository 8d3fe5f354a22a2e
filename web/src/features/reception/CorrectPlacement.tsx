// The Prefettura's correction of a mistaken exit or transfer, on a stay of the person's history
// (issue 9 point 7): a reason is required; before anything is recorded the confirm dialog lists,
// from a dry run of the same request, which days of which centre's register change and which of
// them were confirmed (the operator confirms them again).
import { useState } from 'preact/hooks';
import { FormButtons } from '../../components/ActionPanel';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { FormErrors, TextAreaField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { type RequestBody, type Schema, request } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';

type CorrectionResult = Schema<'PlacementCorrectionResult'>;

const correctPlacement = (id: number, body: RequestBody<'placementCorrection'>) =>
  request<CorrectionResult>('POST', `/placements/${id}/correction`, { body });

/** A stay that ended: "Correggi" opens the reason; the dialog states the consequences. */
export function CorrectPlacement({ stay, personName, onDone }: { stay: { id: number; centre_name: string; end_date: string | null; exit_reason: string | null }; personName: string; onDone: () => void }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const transfer = stay.exit_reason === 'transferred';
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (reason.trim() ? {} : { reason: ['fieldErrors.required'] }),
    confirm: async () => {
      let preview: CorrectionResult;
      try {
        preview = await correctPlacement(stay.id, { reason: reason.trim(), dry_run: true });
      } catch (err) {
        errors.failFromApi(err);
        return false;
      }
      const lines = preview.register_consequences.map((c) => {
        const from = formatDay(c.from, lang);
        const days = c.confirmed_days.map((d) => formatDay(d, lang)).join(', ');
        if (!c.confirmed_days.length)
          return c.effect === 'guest_again' ? t('placements.correction.guestAgainNoneConfirmed', { from }) : t('placements.correction.guestNoMoreNoneConfirmed', { from });
        return c.effect === 'guest_again'
          ? t('placements.correction.guest_again', { from, count: c.confirmed_days.length, days })
          : t('placements.correction.guest_no_more', { from, count: c.confirmed_days.length, days });
      });
      return ask({
        title: transfer ? t('placements.correction.titleTransfer', { name: personName }) : t('placements.correction.titleExit', { name: personName }),
        confirmLabel: t('placements.correction.button', { name: personName }),
        body: <Consequences items={lines} />,
      });
    },
    action: async () => {
      await correctPlacement(stay.id, { reason: reason.trim() });
      setOpen(false);
      onDone();
    },
  });
  if (!stay.end_date) return null;
  if (!open)
    return (
      <button type="button" class="btn btn-outline-primary btn-xs" data-testid="correct-open" onClick={() => setOpen(true)}>
        {t('placements.correction.open')}
        <span class="visually-hidden"> {stay.centre_name}</span>
      </button>
    );
  return (
    <form onSubmit={submit} noValidate data-testid="correct-form" class="text-start">
      <FormErrors errors={errors} labels={{ reason: t('placements.correction.reason') }} />
      <TextAreaField id={`correct-reason-${stay.id}`} label={t('placements.correction.reason')} required maxLength={1000} rows={2} value={reason} onValue={setReason} error={errors.fields.reason} />
      <FormButtons busy={busy} saveLabel={t('placements.correction.submit')} onCancel={() => setOpen(false)} testId="correct-submit" />
      {dialog}
    </form>
  );
}
