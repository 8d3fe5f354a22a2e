// What the SUI does on a file, one form at a time (ActionPanel): advance to the next step, record
// a document, open or close a suspension, record the decision. Advancing and deciding cannot be
// undone: they say what will happen and ask first. The server's refusals are shown next to the
// field they name, with the step and document codes they carry turned into their names.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { useConfirm } from '../../components/ConfirmDialog';
import { FormErrors, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { ApiError } from '../../lib/api';
import { formatDay, today } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { formatList, formatNumber } from '../../lib/numbers';
import { OUTCOMES, type Procedure, type ProcedureFile, proceduresApi } from './api';

export type Action = 'advance' | 'document' | 'suspend' | 'resume' | 'decide';

interface ActionProps {
  file: ProcedureFile;
  procedure: Procedure | undefined;
  save: (call: () => Promise<ProcedureFile>, done: Msg) => Promise<void>;
  onCancel: () => void;
}

/** The name of a step of the file's procedure, or its code when the catalogue no longer has it. */
export function stepName(procedure: Procedure | undefined, code: string): string {
  return procedure?.steps.find((s) => s.code === code)?.label ?? code;
}

/** Rewrites the codes a refusal carries (steps, documents) as the names the officer reads. */
export async function withNames<T>(p: Promise<T>, file: ProcedureFile, procedure: Procedure | undefined, lang: string): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const docName = (c: string) => file.documents.find((d) => d.code === c)?.label ?? c;
    const fields = Object.fromEntries(
      Object.entries(e.fields).map(([k, f]) => {
        const params: Record<string, unknown> = { ...f.params };
        if (typeof params.expected === 'string') params.expected = stepName(procedure, params.expected);
        if (typeof params.step === 'string') params.step = stepName(procedure, params.step);
        if (Array.isArray(params.documents)) params.documents = formatList((params.documents as string[]).map(docName), lang);
        return [k, { ...f, params } as typeof f];
      }),
    );
    // The refusal's own code (not_last_step...) is translated per field (fieldErrors.*); the
    // summary above the form says what any refused field says, and lists them.
    const code = Object.keys(fields).length ? 'validation_failed' : e.code;
    throw new ApiError(e.status, code, e.message, fields, e.retryAfter);
  }
}

export function AdvanceForm({ file, procedure, save, onCancel }: ActionProps) {
  const { t, lang } = useT();
  const next = file.next_step ?? '';
  const [enteredOn, setEnteredOn] = useState(today());
  const [note, setNote] = useState('');
  const { ask, dialog } = useConfirm();
  const labels = { step: t('procedures.file.nextStep'), entered_on: t('procedures.file.enteredOn'), note: t('procedures.file.note') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (enteredOn ? {} : { entered_on: ['fieldErrors.required'] }),
    confirm: () =>
      ask({
        title: t('procedures.confirmAdvance.title', { step: stepName(procedure, next) }),
        body: (
          <p>
            {t('procedures.confirmAdvance.body', {
              from: file.current_step.label,
              to: stepName(procedure, next),
              day: formatDay(enteredOn, lang),
              protocol: file.protocol_number,
            })}
          </p>
        ),
        confirmLabel: t('procedures.confirmAdvance.button'),
      }),
    action: () => save(() => proceduresApi.advance(file.id, { step: next, entered_on: enteredOn, note: note.trim() || null }), (tt) => tt('procedures.done.advanced', { step: stepName(procedure, next) })),
  });
  return (
    <ActionPanel id="procedure-advance" title={t('procedures.actions.advance')}>
      <form onSubmit={submit} noValidate data-testid="procedure-advance-form">
        <FormErrors errors={errors} labels={labels} />
        <TextField id="step" label={labels.step} readOnly value={stepName(procedure, next)} onValue={() => {}} error={errors.fields.step} />
        <TextField id="entered_on" type="date" required label={labels.entered_on} hint={t('procedures.file.enteredOnHint')} max={today()} value={enteredOn} onValue={setEnteredOn} error={errors.fields.entered_on} />
        <TextAreaField id="note" label={labels.note} maxLength={1000} rows={2} value={note} onValue={setNote} error={errors.fields.note} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('procedures.actions.advance')} testId="procedure-advance-save" />
        {dialog}
      </form>
    </ActionPanel>
  );
}

export function DocumentForm({ file, save, onCancel }: ActionProps) {
  const { t } = useT();
  const awaited = file.documents.filter((d) => !d.received_on);
  const [document, setDocument] = useState(awaited[0]?.code ?? '');
  const [receivedOn, setReceivedOn] = useState(today());
  const labels = { document: t('procedures.file.document'), received_on: t('procedures.file.receivedOn') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      if (!document) f.document = ['fieldErrors.required'];
      if (!receivedOn) f.received_on = ['fieldErrors.required'];
      return f;
    },
    action: () =>
      save(() => proceduresApi.recordDocument(file.id, { document, received_on: receivedOn }), (tt) => tt('procedures.done.document', { document: file.documents.find((d) => d.code === document)?.label ?? document })),
  });
  return (
    <ActionPanel id="procedure-document" title={t('procedures.actions.document')}>
      <form onSubmit={submit} noValidate data-testid="procedure-document-form">
        <FormErrors errors={errors} labels={labels} />
        <SelectField id="document" label={labels.document} required value={document} onValue={setDocument} options={awaited.map((d) => ({ value: d.code, label: d.label }))} error={errors.fields.document} />
        <TextField id="received_on" type="date" required label={labels.received_on} max={today()} value={receivedOn} onValue={setReceivedOn} error={errors.fields.received_on} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('procedures.actions.document')} testId="procedure-document-save" />
      </form>
    </ActionPanel>
  );
}

export function SuspendForm({ file, procedure, save, onCancel }: ActionProps) {
  const { t, lang } = useT();
  const maxDays = procedure?.max_suspension_days ?? 30;
  const [reason, setReason] = useState('');
  const [startedOn, setStartedOn] = useState(today());
  const labels = { reason: t('procedures.file.reason'), started_on: t('procedures.file.startedOn') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      if (!reason.trim()) f.reason = ['fieldErrors.required'];
      if (!startedOn) f.started_on = ['fieldErrors.required'];
      return f;
    },
    action: () => save(() => proceduresApi.suspend(file.id, { reason: reason.trim(), started_on: startedOn }), (tt) => tt('procedures.done.suspended')),
  });
  return (
    <ActionPanel id="procedure-suspend" title={t('procedures.actions.suspend')}>
      <form onSubmit={submit} noValidate data-testid="procedure-suspend-form">
        <p>{t('procedures.file.suspendHint', { days: t('procedures.dayCount', { count: maxDays, n: formatNumber(maxDays, lang) }) })}</p>
        <FormErrors errors={errors} labels={labels} />
        <TextAreaField id="reason" label={labels.reason} required maxLength={1000} rows={2} value={reason} onValue={setReason} error={errors.fields.reason} />
        <TextField id="started_on" type="date" required label={labels.started_on} max={today()} value={startedOn} onValue={setStartedOn} error={errors.fields.started_on} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('procedures.actions.suspend')} testId="procedure-suspend-save" />
      </form>
    </ActionPanel>
  );
}

export function ResumeForm({ file, save, onCancel }: ActionProps) {
  const { t } = useT();
  const [endedOn, setEndedOn] = useState(today());
  const labels = { ended_on: t('procedures.file.endedOn') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (endedOn ? {} : { ended_on: ['fieldErrors.required'] }),
    action: () => save(() => proceduresApi.resume(file.id, { ended_on: endedOn }), (tt) => tt('procedures.done.resumed')),
  });
  return (
    <ActionPanel id="procedure-resume" title={t('procedures.actions.resume')}>
      <form onSubmit={submit} noValidate data-testid="procedure-resume-form">
        <FormErrors errors={errors} labels={labels} />
        <TextField id="ended_on" type="date" required label={labels.ended_on} hint={t('procedures.file.endedOnHint')} max={today()} value={endedOn} onValue={setEndedOn} error={errors.fields.ended_on} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('procedures.actions.resume')} testId="procedure-resume-save" />
      </form>
    </ActionPanel>
  );
}

export function DecisionForm({ file, save, onCancel }: ActionProps) {
  const { t, lang } = useT();
  const [outcome, setOutcome] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [note, setNote] = useState('');
  const { ask, dialog } = useConfirm();
  const missing = file.documents.filter((d) => d.required && !d.received_on).map((d) => d.label);
  const labels = { outcome: t('procedures.file.outcome'), decided_on: t('procedures.file.decidedOn'), note: t('procedures.file.note'), documents: t('procedures.file.documents') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      if (!outcome) f.outcome = ['fieldErrors.required'];
      if (!decidedOn) f.decided_on = ['fieldErrors.required'];
      return f;
    },
    confirm: () =>
      ask({
        title: t('procedures.confirmDecision.title', { protocol: file.protocol_number }),
        body: <p>{t('procedures.confirmDecision.body', { outcome: t(`procedures.outcomes.${outcome}`), day: formatDay(decidedOn, lang) })}</p>,
        confirmLabel: t('procedures.confirmDecision.button', { outcome: t(`procedures.outcomes.${outcome}`) }),
      }),
    action: () =>
      save(
        () => proceduresApi.decide(file.id, { outcome: outcome as (typeof OUTCOMES)[number], decided_on: decidedOn, note: note.trim() || null }),
        (tt) => tt('procedures.done.decided', { outcome: tt(`procedures.outcomes.${outcome}`) }),
      ),
  });
  return (
    <ActionPanel id="procedure-decide" title={t('procedures.actions.decide')}>
      <form onSubmit={submit} noValidate data-testid="procedure-decide-form">
        <FormErrors errors={errors} labels={labels} />
        <div id="documents" tabIndex={-1} class="mb-3">
          {missing.length ? <p class="mb-1">{t('procedures.file.missingBeforeDecision', { documents: formatList(missing, lang) })}</p> : null}
          {errors.fields.documents ? (
            <div class="field-error" id="documents-error">
              {errors.fields.documents}
            </div>
          ) : null}
        </div>
        <SelectField
          id="outcome"
          label={labels.outcome}
          required
          value={outcome}
          onValue={setOutcome}
          empty={t('procedures.choose')}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`procedures.outcomes.${o}`) }))}
          error={errors.fields.outcome}
        />
        <TextField id="decided_on" type="date" required label={labels.decided_on} max={today()} value={decidedOn} onValue={setDecidedOn} error={errors.fields.decided_on} />
        <TextAreaField id="note" label={labels.note} maxLength={1000} rows={2} value={note} onValue={setNote} error={errors.fields.note} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('procedures.actions.decide')} testId="procedure-decide-save" />
        {dialog}
      </form>
    </ActionPanel>
  );
}

