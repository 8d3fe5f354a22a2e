// /findings/:id: one finding (decision 0023): what failed, the corrective action and its deadline,
// then its follow-up. The operator's staff reply once (text and documents); the inspector verifies
// and closes, or escalates to the sanction ladder, each with a verification note. Replying, closing
// and escalating cannot be undone: each says what will happen and asks first.
import { useRef, useState } from 'preact/hooks';
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { usePageTitle } from '../../components/PageTitle';
import { FormErrors, LoadState, Notice, TextAreaField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDateTime, formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type Document, documentsApi } from '../documents/index';
import { type ChecklistItem, monitoringApi } from './api';
import { type Finding, type VERDICTS, followupApi } from './followupApi';
import { DocumentFilesField, FindingStatusBadge, isolate, MAX_DOCUMENTS, SeverityBadge } from './followupParts';

/** The most documents a reply carries (the server's max_items). */

function Documents({ documents }: { documents: Document[] }) {
  const { t } = useT();
  if (!documents.length) return null;
  return (
    <div>
      <h3 class="h6 mt-3">{t('findings.documents')}</h3>
      <ul data-testid="finding-documents">
        {documents.map((d) => (
          <li key={d.id}>
            <a href={documentsApi.contentUrl(d.id)} download={d.filename}>
              <bdi>{d.filename}</bdi>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The operator's reply: once, with optional documents, after a confirmation. */
function ReplyForm({ finding, subject, onDone }: { finding: Finding; subject: preact.JSX.Element; onDone: (f: Finding) => void }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [reply, setReply] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const labels = { reply: t('findings.reply'), document_ids: t('findings.attach') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      if (!reply.trim()) f.reply = ['fieldErrors.required'];
      if (files.length > MAX_DOCUMENTS) f.document_ids = [t('findings.attachHint', { count: MAX_DOCUMENTS })];
      return f;
    },
    confirm: () =>
      ask({
        title: t('findings.replyTitle'),
        confirmLabel: t('findings.replyConfirm'),
        body: (
          <>
            <Facts
              items={[
                [t('findings.item'), subject],
                [t('findings.deadline'), formatDay(finding.deadline, lang)],
                [t('findings.attach'), files.length ? t('findings.filesCount', { count: files.length }) : t('findings.noFiles')],
              ]}
            />
            <Consequences items={[t('findings.replyOnce'), t('findings.replyNext')]} />
          </>
        ),
      }),
    action: async () => {
      const documents = [];
      for (const file of files) documents.push(await documentsApi.upload(file));
      onDone(await followupApi.reply(finding.id, { reply: reply.trim(), document_ids: documents.map((d) => d.id) }));
    },
  });
  return (
    <form onSubmit={submit} noValidate data-testid="reply-form" aria-labelledby="reply-heading" class="guest-action my-4">
      <h2 id="reply-heading" class="h4">
        {t('findings.replyHeading')}
      </h2>
      <p>{t('findings.replyIntro')}</p>
      <FormErrors errors={errors} labels={labels} />
      <TextAreaField id="finding-reply" label={labels.reply} required maxLength={4000} rows={5} value={reply} onValue={setReply} error={errors.fields.reply} />
      <DocumentFilesField id="finding-files" label={labels.document_ids} error={errors.fields.document_ids} onFiles={setFiles} testId="reply-files" />
      <button type="submit" class="btn btn-primary" disabled={busy} data-testid="reply-submit">
        {t('findings.replySend')}
      </button>
      {dialog}
    </form>
  );
}

type Verdict = (typeof VERDICTS)[number];

/** The inspector's verification: close, or escalate to the sanction ladder; both need the note. */
function VerifyForm({ finding, subject, centreName, onDone }: { finding: Finding; subject: preact.JSX.Element; centreName: string; onDone: (f: Finding) => void }) {
  const { t } = useT();
  const { ask, dialog } = useConfirm();
  const [note, setNote] = useState('');
  // Which of the two buttons sent the form.
  const verdict = useRef<Verdict>('close');
  const labels = { verification_note: t('findings.verificationNote') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (note.trim() ? {} : { verification_note: ['findings.noteRequired'] }),
    confirm: () => {
      const v = verdict.current;
      return ask({
        title: t(`findings.${v}.title`, { centre: centreName }),
        confirmLabel: t(`findings.${v}.confirm`),
        body: (
          <>
            <Facts
              items={[
                [t('monitoring.centre'), <bdi>{centreName}</bdi>],
                [t('findings.item'), subject],
                [t('findings.verificationNote'), <bdi>{note.trim()}</bdi>],
              ]}
            />
            <Consequences items={[t(`findings.${v}.text`), t('findings.final')]} />
          </>
        ),
      });
    },
    action: async () => {
      const text = note.trim();
      onDone(verdict.current === 'close' ? await followupApi.close(finding.id, text) : await followupApi.escalate(finding.id, text));
    },
  });
  return (
    <form onSubmit={submit} noValidate data-testid="verify-form" aria-labelledby="verify-heading" class="guest-action my-4">
      <h2 id="verify-heading" class="h4">
        {t('findings.verifyHeading')}
      </h2>
      <p>{finding.status === 'escalated' ? t('findings.verifyEscalated') : t('findings.verifyIntro')}</p>
      <FormErrors errors={errors} labels={labels} />
      <TextAreaField
        id="finding-note"
        label={labels.verification_note}
        hint={t('findings.verificationHint')}
        required
        maxLength={4000}
        rows={4}
        value={note}
        onValue={setNote}
        error={errors.fields.verification_note}
      />
      <div class="d-flex flex-wrap gap-2">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="verify-close" onClick={() => (verdict.current = 'close')}>
          {t('findings.close.button')}
        </button>
        {finding.status !== 'escalated' ? (
          <button type="submit" class="btn btn-outline-danger" disabled={busy} data-testid="verify-escalate" onClick={() => (verdict.current = 'escalate')}>
            {t('findings.escalate.button')}
          </button>
        ) : null}
      </div>
      {dialog}
    </form>
  );
}

function Page({ finding, item, centreName, inspectionDay, onChanged }: { finding: Finding; item: ChecklistItem | undefined; centreName: string; inspectionDay: string; onChanged: (f: Finding) => void }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const [done, setDone] = useState<'reply' | 'verified_closed' | 'escalated' | null>(null);
  const own = item?.question[lang];
  const subjectText = own ?? item?.question.it ?? finding.item_code;
  // Where the question is not written in the page's language, it is Italian, and said so.
  const subject = <span lang={own ? lang : 'it'}>{subjectText}</span>;
  const changed = (f: Finding) => {
    setDone(f.status === 'replied' ? 'reply' : f.status === 'escalated' ? 'escalated' : 'verified_closed');
    onChanged(f);
  };
  const verifiable = can('findings.manage') && finding.status !== 'verified_closed';
  usePageTitle(t('findings.pageTitle', { centre: centreName }));
  return (
    <div data-testid="finding" data-status={finding.status}>
      <Link href={`/findings?centre_id=${finding.centre_id}`} class="back-link">
        {t('findings.backToList')}
      </Link>
      <h1 id="main-heading" tabIndex={-1} class="mt-2">
        {t('findings.pageTitle', { centre: centreName })}
      </h1>
      <p class="lead" data-testid="finding-subject">
        {subject}
      </p>
      {done ? (
        <Notice kind="success">
          <span data-testid="finding-done">{t(`findings.done.${done}`)}</span>
        </Notice>
      ) : null}
      <Facts
        testId="finding-facts"
        items={[
          [t('monitoring.centre'), <bdi>{centreName}</bdi>],
          [
            t('findings.inspection'),
            <Link href={`/inspections/${finding.inspection_id}`} data-testid="finding-inspection">
              {t('findings.inspectionOf', { day: formatDay(inspectionDay, lang) })}
            </Link>,
          ],
          [t('findings.area'), t(`monitoring.areas.${finding.area}`)],
          [t('findings.severity'), <SeverityBadge severity={finding.severity} />],
          [t('findings.deadline'), formatDay(finding.deadline, lang)],
          [t('common.status'), <FindingStatusBadge finding={finding} />],
          ...(item?.reference ? [[t('findings.reference'), item.reference] as [string, string]] : []),
        ]}
      />
      <section class="mb-4" aria-labelledby="action-heading">
        <h2 id="action-heading" class="h4">
          {t('findings.correctiveAction')}
        </h2>
        <p data-testid="finding-action">{finding.corrective_action ? <bdi>{finding.corrective_action}</bdi> : t('findings.defaultAction', { item: isolate(subjectText) })}</p>
        {finding.observation ? (
          <>
            <h3 class="h6">{t('findings.observation')}</h3>
            <p>
              <bdi>{finding.observation}</bdi>
            </p>
          </>
        ) : null}
      </section>
      {finding.reply ? (
        <section class="mb-4" aria-labelledby="replied-heading" data-testid="finding-reply">
          <h2 id="replied-heading" class="h4">
            {t('findings.replyHeading')}
          </h2>
          <p class="text-muted small">{t('findings.repliedAt', { at: formatDateTime(finding.replied_at, lang) })}</p>
          <p class="preserve-lines">
            <bdi>{finding.reply}</bdi>
          </p>
          <Documents documents={finding.documents} />
        </section>
      ) : finding.status === 'open' && can('findings.reply') ? (
        <ReplyForm finding={finding} subject={subject} onDone={changed} />
      ) : finding.status === 'open' ? (
        <p data-testid="finding-no-reply">{finding.overdue ? t('findings.noReplyOverdue') : t('findings.noReply')}</p>
      ) : null}
      {finding.verification_note ? (
        <section class="mb-4" aria-labelledby="verified-heading" data-testid="finding-verification">
          <h2 id="verified-heading" class="h4">
            {t('findings.verificationHeading')}
          </h2>
          <p class="text-muted small">{t('findings.verifiedAt', { at: formatDateTime(finding.verified_at, lang) })}</p>
          <p class="preserve-lines">
            <bdi>{finding.verification_note}</bdi>
          </p>
        </section>
      ) : null}
      {finding.status === 'escalated' && can('sanctions.manage') ? (
        <p>
          <Link href={`/sanctions?centre_id=${finding.centre_id}&finding_id=${finding.id}`} class="btn btn-outline-primary" data-testid="finding-sanction">
            {t('findings.recordSanction')}
          </Link>
        </p>
      ) : null}
      {verifiable ? <VerifyForm key={finding.status} finding={finding} subject={subject} centreName={centreName} onDone={changed} /> : null}
    </div>
  );
}

export function FindingPage({ id }: { id: number }) {
  const { t } = useT();
  const { data, error, reload } = useData(
    async () => {
      const finding = await followupApi.finding(id);
      const [inspection, centre] = await Promise.all([monitoringApi.get(finding.inspection_id), monitoringApi.centre(finding.centre_id)]);
      const checklist = await monitoringApi.checklist(inspection.checklist_id);
      return { finding, item: checklist.items.find((i) => i.id === finding.item_id), centreName: centre.name, inspectionDay: inspection.planned_date };
    },
    [id],
    { keepPrevious: true },
  );
  usePageTitle(t('findings.title'));
  return (
    <LoadState error={error} ready={!!data}>
      {() => data && <Page finding={data.finding} item={data.item} centreName={data.centreName} inspectionDay={data.inspectionDay} onChanged={() => reload()} />}
    </LoadState>
  );
}
