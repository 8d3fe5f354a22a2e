// One case (issue 11 points 1 and 7): the person, legal status and interpreter, identity documents,
// the asylum procedure, case workers, notes, attachments, family and the timeline of everything
// that happened, placements included. The case workers who keep it change each part in a form
// that opens in place; closing and reopening ask first and keep a reason. A prefecture officer
// reads the case; a sensitive note's narrative is not sent to them and says so. The organisation
// keeping the case, or a prefecture officer, hands it to an organisation hosting the person today
// (confirmed first: the case leaves the keeper's list); files are uploaded and attached in place.
// A note's mistake is corrected in place with a reason (confirmed first); its earlier texts are
// shown on demand, and the correction is told beside the note, where the eye is.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { setFlash } from '../../components/flash';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { FormPage } from '../../components/FormPage';
import { TableRegion } from '../../components/TableRegion';
import { CheckboxField, FormErrors, LoadState, Notice, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { languageName, nationality } from '../../lib/countries';
import { addDays, formatDay, today } from '../../lib/dates';
import { ApiError } from '../../lib/api';
import { type Msg, useT } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { ACCEPTED_TYPES, documentsApi } from '../documents/index';
import { VulnerabilitySection } from '../screening';
import { CaseOpportunities } from '../opportunities/index';
import { CaseReferrals } from '../referrals/index';
import {
  APPEAL_OUTCOMES,
  type CaseDetail,
  type CaseNote,
  casesApi,
  CLOSURE_REASONS,
  type ClosureReason,
  DOCUMENT_TYPES,
  type DocumentType,
  HANDOVER_REASONS,
  type HandoverReason,
  LEGAL_STATUSES,
  OUTCOMES,
  SENSITIVITIES,
  type Sensitivity,
  type TimelineEntry,
} from './api';

type Panel = 'status' | 'legal' | 'document' | 'procedure' | 'note' | 'correction' | 'worker' | 'handover' | 'attachment' | null;
// The message is translated when shown, so that it follows a change of language.
type Saved = (c: CaseDetail, message: Msg) => void;

const orNull = (v: string) => (v.trim() ? v.trim() : null);
const day = (v: string | null | undefined, lang: string) => (v ? formatDay(v, lang) : '—');

export function CasePage({ id }: { id: number }) {
  const { t } = useT();
  const { data, error } = useData(() => casesApi.getCase(id), [id]);
  const [changed, setChanged] = useState<CaseDetail | null>(null);
  const [message, setMessage] = useState<Msg | null>(null);
  const c = changed ?? data;
  const title = c ? `${c.person.family_name} ${c.person.given_names}` : t('cases.case');
  const saved: Saved = (next, text) => {
    setChanged(next);
    // A function given to a state setter is an updater: the message is wrapped.
    setMessage(() => text);
    window.setTimeout(() => document.getElementById('main-heading')?.focus(), 0);
  };
  return (
    <FormPage title={title} backHref="/cases" backLabel={t('cases.backToList')}>
      <div aria-live="polite">{message ? <Notice kind="success">{message(t)}</Notice> : null}</div>
      <LoadState error={error} ready={!!c}>
        {() =>
          c && (
            <CaseView
              c={c}
              saved={saved}
              replaced={(next) => {
                setMessage(null);
                setChanged(next);
              }}
            />
          )
        }
      </LoadState>
    </FormPage>
  );
}

/** Labelled values of a section: side by side from 576 px, one under the other below (360 px phones). */
function Details({ items, testId }: { items: [label: string, value: ComponentChildren][]; testId?: string }) {
  return (
    <dl class="row mb-3" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label} class="col-12 d-sm-flex mb-1">
          <dt class="col-sm-5 col-lg-3">{label}</dt>
          <dd class="col-sm-7 col-lg-9 mb-0 text-break">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ id, title, action, children }: { id: string; title: string; action?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`} class="mb-5" data-testid={id}>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
        <h2 id={`${id}-heading`} class="h3 mb-0">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

function OpenButton({ label, testId, onClick }: { label: string; testId: string; onClick: () => void }) {
  return (
    <button type="button" class="btn btn-outline-primary btn-sm" data-testid={testId} onClick={onClick}>
      {label}
    </button>
  );
}

/** `replaced` takes the case answered by a write whose feedback is shown in place, not at the top. */
function CaseView({ c, saved, replaced }: { c: CaseDetail; saved: Saved; replaced: (c: CaseDetail) => void }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const manage = can('cases.manage');
  const [panel, setPanel] = useState<Panel>(null);
  // The note being corrected, then the one just corrected (its feedback shown beside it).
  const [noteId, setNoteId] = useState<number | null>(null);
  const [corrected, setCorrected] = useState<number | null>(null);
  const done: Saved = (next, text) => {
    setPanel(null);
    setCorrected(null);
    saved(next, text);
  };
  const cancel = () => setPanel(null);
  const p = c.person;
  const proc = c.procedure;
  const open = (which: Panel, label: string, testId: string) =>
    manage && panel === null ? <OpenButton label={label} testId={testId} onClick={() => setPanel(which)} /> : null;
  return (
    <>
      <Details
        testId="case-summary"
        items={[
          [t('cases.status'), <strong key="s">{t(`cases.statuses.${c.status}`)}</strong>],
          [t('cases.keptBy'), <bdi key="o">{c.organization_name}</bdi>],
          [t('cases.centre'), c.current_centre ? <bdi key="c">{c.current_centre.name}</bdi> : '—'],
          [t('cases.openedOn'), day(c.opened_at.slice(0, 10), lang)],
        ]}
      />
      {manage ? (
        <div class="d-flex flex-wrap gap-2 mb-4">
          {c.status === 'open' || c.status === 'reopened' ? (
            <StatusButton c={c} status="active" label={t('cases.activate')} done={done} />
          ) : null}
          {c.status !== 'closed' && panel === null ? (
            <OpenButton label={t('cases.close')} testId="case-close-open" onClick={() => setPanel('status')} />
          ) : null}
          {c.status === 'closed' && panel === null ? (
            <OpenButton label={t('cases.reopen')} testId="case-reopen-open" onClick={() => setPanel('status')} />
          ) : null}
        </div>
      ) : null}
      {/* Offered to who may hand the case over (the server lists where only for them), while it is open. */}
      {c.handover_to.length > 0 && panel === null ? (
        <div class="mb-4">
          <OpenButton label={t('cases.handover.open')} testId="case-handover-open" onClick={() => setPanel('handover')} />
        </div>
      ) : null}
      {panel === 'status' ? <StatusForm c={c} onCancel={cancel} done={done} /> : null}
      {panel === 'handover' ? <HandoverForm c={c} onCancel={cancel} done={done} /> : null}

      <Section id="case-identity" title={t('cases.identity')} action={open('legal', t('cases.editLegal'), 'case-legal-open')}>
        <Details
          items={[
            [t('cases.nationality'), nationality(p.nationality, lang, t)],
            [t('cases.birthDate'), day(p.birth_date, lang)],
            [t('cases.languages'), p.languages.length ? p.languages.map((l) => languageName(l, lang)).join(', ') : '—'],
            [
              t('cases.interpreter'),
              c.interpreter_needed
                ? t('cases.interpreterNeeded', { language: c.interpreter_language ? languageName(c.interpreter_language, lang) : '—' })
                : t('cases.interpreterNotNeeded'),
            ],
            [t('cases.legalStatus'), c.legal_status ? t(`cases.legalStatuses.${c.legal_status}`) : t('cases.notRecorded')],
            ...(c.legal_status_note ? ([[t('cases.legalStatusNote'), c.legal_status_note]] as [string, string][]) : []),
          ]}
        />
        <p>
          <Link href={`/persons/${p.id}`}>{t('cases.personRecord')}</Link>
        </p>
        {panel === 'legal' ? <LegalForm c={c} onCancel={cancel} done={done} /> : null}
      </Section>

      <Section id="case-documents" title={t('cases.documents')} action={open('document', t('cases.addDocument'), 'case-document-open')}>
        {panel === 'document' ? <DocumentForm c={c} onCancel={cancel} done={done} /> : null}
        <ExpiringSoon c={c} />
        {c.documents.length ? (
          <TableRegion label={t('cases.documents')} captionHidden testId="case-document-table">
            <thead>
              <tr>
                <th scope="col">{t('cases.documentType')}</th>
                <th scope="col">{t('cases.documentNumber')}</th>
                <th scope="col">{t('cases.issuer')}</th>
                <th scope="col">{t('cases.issuedOn')}</th>
                <th scope="col">{t('cases.expiresOn')}</th>
              </tr>
            </thead>
            <tbody>
              {c.documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row" class="fw-normal">
                    {t(`cases.documentTypes.${d.type}`)}
                    {d.description ? ` (${d.description})` : ''}
                  </th>
                  <td>
                    <bdi dir="ltr">{d.number}</bdi>
                  </td>
                  <td>{d.issuer ?? '—'}</td>
                  <td>{day(d.issued_on, lang)}</td>
                  <td>
                    {day(d.expires_on, lang)}
                    {d.expires_on && d.expires_on < today() ? <span class="badge bg-danger ms-2">{t('cases.expired')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        ) : (
          <p>{t('cases.noDocuments')}</p>
        )}
      </Section>

      <Section id="case-procedure" title={t('cases.procedure')} action={open('procedure', t('cases.editProcedure'), 'case-procedure-open')}>
        {panel === 'procedure' ? <ProcedureForm c={c} onCancel={cancel} done={done} /> : null}
        <Details
          items={[
            [t('cases.c3Reference'), proc.c3_reference ? <bdi dir="ltr">{proc.c3_reference}</bdi> : '—'],
            [t('cases.applicationDate'), day(proc.application_date, lang)],
            [t('cases.hearingDate'), day(proc.hearing_date, lang)],
            [t('cases.decisionDate'), day(proc.decision_date, lang)],
            [t('cases.outcome'), proc.outcome ? t(`cases.outcomes.${proc.outcome}`) : '—'],
            [t('cases.appealFiled'), day(proc.appeal_filed_date, lang)],
            [t('cases.appealDecision'), day(proc.appeal_decision_date, lang)],
            [t('cases.appealOutcome'), proc.appeal_outcome ? t(`cases.appealOutcomes.${proc.appeal_outcome}`) : '—'],
          ]}
        />
      </Section>

      <VulnerabilitySection caseId={c.id} />

      <Section id="case-workers" title={t('cases.workers')} action={open('worker', t('cases.assign'), 'case-worker-open')}>
        {panel === 'worker' ? <WorkerForm c={c} onCancel={cancel} done={done} /> : null}
        {c.workers.length ? (
          <ul>
            {c.workers.map((w) => (
              <li key={w.user_id}>
                <bdi>{w.display_name}</bdi> ({formatDay(w.assigned_at.slice(0, 10), lang)})
                {manage ? <UnassignButton c={c} userId={w.user_id} name={w.display_name} done={done} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('cases.noWorkers')}</p>
        )}
      </Section>

      <Section id="case-notes" title={t('cases.notes')} action={open('note', t('cases.addNote'), 'case-note-open')}>
        {panel === 'note' ? <NoteForm c={c} onCancel={cancel} done={done} /> : null}
        {c.notes.length ? (
          <ul class="list-unstyled" data-testid="case-note-list">
            {[...c.notes].reverse().map((n) => (
              <NoteItem
                key={n.id}
                c={c}
                n={n}
                correcting={panel === 'correction' && noteId === n.id}
                justCorrected={corrected === n.id}
                onCorrect={
                  can('cases.notes.correct') && !n.redacted && panel === null
                    ? () => {
                        setCorrected(null);
                        setNoteId(n.id);
                        setPanel('correction');
                      }
                    : undefined
                }
                onCancel={cancel}
                onCorrected={(next) => {
                  setPanel(null);
                  setCorrected(n.id);
                  replaced(next);
                }}
              />
            ))}
          </ul>
        ) : (
          <p>{t('cases.noNotes')}</p>
        )}
      </Section>

      <CaseReferrals caseId={c.id} personName={`${p.family_name} ${p.given_names}`} notes={c.notes} />

      {can('opportunities.recommend') ? <CaseOpportunities caseId={c.id} /> : null}

      <Section id="case-attachments" title={t('cases.attachments')} action={open('attachment', t('cases.upload.open'), 'case-attachment-open')}>
        {panel === 'attachment' ? <AttachmentForm c={c} onCancel={cancel} done={done} /> : null}
        {c.attachments.length ? (
          <ul>
            {c.attachments.map((a) => (
              <li key={a.id}>
                <a href={documentsApi.contentUrl(a.id)}>
                  <bdi>{a.filename}</bdi>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('cases.noAttachments')}</p>
        )}
      </Section>

      {c.family.length ? (
        <Section id="case-family" title={t('cases.family')}>
          <ul>
            {c.family.map((r) => (
              <li key={r.person.id}>
                {r.case_id ? (
                  <Link href={`/cases/${r.case_id}`}>
                    <bdi>
                      {r.person.family_name} {r.person.given_names}
                    </bdi>
                  </Link>
                ) : (
                  <bdi>
                    {r.person.family_name} {r.person.given_names}
                  </bdi>
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="case-timeline" title={t('cases.timeline')}>
        <ol class="list-unstyled" data-testid="case-timeline-list">
          {c.timeline.map((e, i) => (
            <li key={i} class="mb-2">
              <span class="text-muted me-2">{formatDay(e.at.slice(0, 10), lang)}</span>
              <TimelineText e={e} />
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}

/** The documents expiring within the 60 days the tasks look at (issue 11 point 1), expired ones included. */
function ExpiringSoon({ c }: { c: CaseDetail }) {
  const { t } = useT();
  const limit = addDays(today(), 60);
  const expiring = c.documents.filter((d) => d.expires_on && d.expires_on <= limit).length;
  return expiring ? <Notice kind="warning">{t('cases.expiringSoon', { count: expiring })}</Notice> : null;
}

function TimelineText({ e }: { e: TimelineEntry }) {
  const { t, lang } = useT();
  const value = e.value ?? '';
  const centre = e.centre_name ?? '';
  switch (e.kind) {
    case 'status':
      return <>{t('cases.events.status', { status: t(`cases.statuses.${value}`), by: e.by })}{e.detail ? ` (${t(`cases.reasons.${e.detail}`)})` : ''}</>;
    case 'document':
      return e.detail ? (
        <>{t('cases.events.document', { type: t(`cases.documentTypes.${value}`), expires: formatDay(e.detail, lang) })}</>
      ) : (
        <>{t('cases.events.documentNoExpiry', { type: t(`cases.documentTypes.${value}`) })}</>
      );
    case 'decision':
      return <>{t('cases.events.decision', { outcome: value ? t(`cases.outcomes.${value}`) : '—' })}</>;
    case 'appeal_decision':
      return <>{t('cases.events.appeal_decision', { outcome: value ? t(`cases.appealOutcomes.${value}`) : '—' })}</>;
    case 'note':
      return <>{t('cases.events.note', { sensitivity: t(`cases.sensitivities.${value}`), by: e.by })}</>;
    case 'note_corrected':
      // The reason, never the text: every reader of the case sees it.
      return (
        <>
          {t('cases.events.note_corrected', { sensitivity: t(`cases.sensitivities.${value}`), by: e.by ?? '' })}
          {e.detail ? <span class="d-block small text-muted text-break">{t('cases.correction.reasonShown', { reason: e.detail })}</span> : null}
        </>
      );
    case 'handover':
      return (
        <>
          {t('cases.events.handover', { from: e.from_organization ?? '', to: e.to_organization ?? '', reason: t(`cases.handover.reasons.${value}`), by: e.by ?? '' })}
          {e.detail ? <span class="d-block small text-muted text-break">{e.detail}</span> : null}
        </>
      );
    case 'arrival':
    case 'transfer':
    case 'exit':
      return <>{t(`cases.events.${e.kind}`, { centre })}</>;
    default:
      return <>{t(`cases.events.${e.kind}`, { detail: e.detail ?? '', by: e.by ?? '' })}</>;
  }
}

function StatusButton({ c, status, label, done }: { c: CaseDetail; status: 'active'; label: string; done: Saved }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      class="btn btn-primary btn-sm"
      disabled={busy}
      data-testid="case-activate"
      onClick={async () => {
        setBusy(true);
        try {
          done(await casesApi.changeStatus(c.id, { status }), (t) => t('cases.saved.status'));
        } finally {
          setBusy(false);
        }
      }}
    >
      {label}
    </button>
  );
}

function StatusForm({ c, onCancel, done }: { c: CaseDetail; onCancel: () => void; done: Saved }) {
  const { t } = useT();
  const { ask, dialog } = useConfirm();
  const closing = c.status !== 'closed';
  const [reason, setReason] = useState<ClosureReason | ''>('');
  const [note, setNote] = useState('');
  const name = `${c.person.family_name} ${c.person.given_names}`;
  const labels = { reason: t('cases.reason'), note: t('cases.statusNote') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (closing && !reason) e.reason = ['fieldErrors.required'];
      if ((!closing || reason === 'other') && !note.trim()) e.note = ['fieldErrors.required'];
      return e;
    },
    confirm: () =>
      ask({
        title: t(closing ? 'cases.confirmClose.title' : 'cases.confirmReopen.title', { name }),
        confirmLabel: t(closing ? 'cases.confirmClose.button' : 'cases.confirmReopen.button', { name }),
        body: (
          <Consequences
            items={
              closing
                ? [t('cases.confirmClose.reason', { reason: reason ? t(`cases.reasons.${reason}`) : '' }), t('cases.confirmClose.history')]
                : [t('cases.confirmReopen.history')]
            }
          />
        ),
      }),
    action: async () => {
      const next = await casesApi.changeStatus(
        c.id,
        closing ? { status: 'closed', reason: reason as ClosureReason, note: orNull(note) ?? undefined } : { status: 'reopened', note: note.trim() },
      );
      done(next, (t) => t('cases.saved.status'));
    },
  });
  return (
    <ActionPanel id="case-status-form" title={closing ? t('cases.close') : t('cases.reopen')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="case-status-form-heading">
        {closing ? (
          <SelectField
            id="reason"
            label={labels.reason}
            required
            value={reason}
            onValue={setReason}
            empty={t('cases.choose')}
            options={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`cases.reasons.${r}`) }))}
            error={errors.fields.reason}
          />
        ) : null}
        <TextAreaField id="note" label={labels.note} required={!closing || reason === 'other'} maxLength={1000} value={note} onValue={setNote} error={errors.fields.note} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={closing ? t('cases.close') : t('cases.reopen')} testId="case-status-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}

function LegalForm({ c, onCancel, done }: { c: CaseDetail; onCancel: () => void; done: Saved }) {
  const { t } = useT();
  const [legal, setLegal] = useState<string>(c.legal_status ?? '');
  const [note, setNote] = useState(c.legal_status_note ?? '');
  const [needed, setNeeded] = useState(c.interpreter_needed);
  const [language, setLanguage] = useState(c.interpreter_language ?? '');
  const labels = {
    legal_status: t('cases.legalStatus'),
    legal_status_note: t('cases.legalStatusNote'),
    interpreter_needed: t('cases.interpreterCheckbox'),
    interpreter_language: t('cases.interpreterLanguage'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (legal === 'other' && !note.trim() ? { legal_status_note: ['fieldErrors.required'] } : {}),
    action: async () => {
      const next = await casesApi.updateCase(c.id, {
        legal_status: (legal || null) as CaseDetail['legal_status'],
        legal_status_note: orNull(note),
        interpreter_needed: needed,
        interpreter_language: orNull(language.toLowerCase()),
      });
      done(next, (t) => t('cases.saved.legal'));
    },
  });
  return (
    <ActionPanel id="case-legal-form" title={t('cases.editLegal')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="case-legal-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField
              id="legal_status"
              label={labels.legal_status}
              value={legal}
              onValue={setLegal}
              empty={t('cases.notRecorded')}
              options={LEGAL_STATUSES.map((s) => ({ value: s, label: t(`cases.legalStatuses.${s}`) }))}
              error={errors.fields.legal_status}
            />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="legal_status_note" label={labels.legal_status_note} maxLength={500} value={note} onValue={setNote} error={errors.fields.legal_status_note} />
          </div>
          <div class="col-12 col-md-6">
            <CheckboxField id="interpreter_needed" label={labels.interpreter_needed} checked={needed} onValue={setNeeded} />
          </div>
          <div class="col-12 col-md-6">
            <TextField
              id="interpreter_language"
              label={labels.interpreter_language}
              hint={t('cases.languageHint')}
              maxLength={3}
              value={language}
              onValue={setLanguage}
              error={errors.fields.interpreter_language}
            />
          </div>
        </div>
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('cases.save')} testId="case-legal-submit" />
      </form>
    </ActionPanel>
  );
}

function DocumentForm({ c, onCancel, done }: { c: CaseDetail; onCancel: () => void; done: Saved }) {
  const { t } = useT();
  const [type, setType] = useState<DocumentType | ''>('');
  const [description, setDescription] = useState('');
  const [number, setNumber] = useState('');
  const [issuer, setIssuer] = useState('');
  const [issued, setIssued] = useState('');
  const [expires, setExpires] = useState('');
  const labels = {
    type: t('cases.documentType'),
    description: t('cases.documentDescription'),
    number: t('cases.documentNumber'),
    issuer: t('cases.issuer'),
    issued_on: t('cases.issuedOn'),
    expires_on: t('cases.expiresOn'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!type) e.type = ['fieldErrors.required'];
      if (!number.trim()) e.number = ['fieldErrors.required'];
      if (type === 'other' && !description.trim()) e.description = ['fieldErrors.required'];
      return e;
    },
    action: async () => {
      const next = await casesApi.addDocument(c.id, {
        type: type as DocumentType,
        number: number.trim(),
        description: orNull(description),
        issuer: orNull(issuer),
        issued_on: issued || null,
        expires_on: expires || null,
      });
      done(next, (t) => t('cases.saved.document'));
    },
  });
  return (
    <ActionPanel id="case-document-form" title={t('cases.addDocument')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="case-document-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField
              id="type"
              label={labels.type}
              required
              value={type}
              onValue={setType}
              empty={t('cases.choose')}
              options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`cases.documentTypes.${d}`) }))}
              error={errors.fields.type}
            />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="description" label={labels.description} required={type === 'other'} maxLength={200} value={description} onValue={setDescription} error={errors.fields.description} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="number" label={labels.number} required maxLength={50} value={number} onValue={setNumber} error={errors.fields.number} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="issuer" label={labels.issuer} maxLength={200} value={issuer} onValue={setIssuer} error={errors.fields.issuer} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="issued_on" label={labels.issued_on} type="date" max={today()} value={issued} onValue={setIssued} error={errors.fields.issued_on} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="expires_on" label={labels.expires_on} type="date" min={issued} value={expires} onValue={setExpires} error={errors.fields.expires_on} />
          </div>
        </div>
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('cases.save')} testId="case-document-submit" />
      </form>
    </ActionPanel>
  );
}

const PROCEDURE_DAYS = ['application_date', 'hearing_date', 'decision_date', 'appeal_filed_date', 'appeal_decision_date'] as const;

function ProcedureForm({ c, onCancel, done }: { c: CaseDetail; onCancel: () => void; done: Saved }) {
  const { t } = useT();
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(c.procedure).map(([k, v]) => [k, v ?? ''])),
  );
  const set = (k: string) => (v: string) => setValues((prev) => ({ ...prev, [k]: v }));
  const labels: Record<string, string> = {
    c3_reference: t('cases.c3Reference'),
    application_date: t('cases.applicationDate'),
    hearing_date: t('cases.hearingDate'),
    decision_date: t('cases.decisionDate'),
    outcome: t('cases.outcome'),
    appeal_filed_date: t('cases.appealFiled'),
    appeal_decision_date: t('cases.appealDecision'),
    appeal_outcome: t('cases.appealOutcome'),
  };
  const { errors, busy, submit } = useFormSubmit({
    action: async () => {
      const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, orNull(v)]));
      done(await casesApi.updateProcedure(c.id, body), (t) => t('cases.saved.procedure'));
    },
  });
  return (
    <ActionPanel id="case-procedure-form" title={t('cases.editProcedure')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="case-procedure-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField id="c3_reference" label={labels.c3_reference} maxLength={50} value={values.c3_reference} onValue={set('c3_reference')} error={errors.fields.c3_reference} />
          </div>
          {PROCEDURE_DAYS.map((k) => (
            <div class="col-12 col-md-6" key={k}>
              <TextField id={k} label={labels[k]} type="date" value={values[k]} onValue={set(k)} error={errors.fields[k]} />
            </div>
          ))}
          <div class="col-12 col-md-6">
            <SelectField
              id="outcome"
              label={labels.outcome}
              value={values.outcome}
              onValue={set('outcome')}
              empty="—"
              options={OUTCOMES.map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) }))}
              error={errors.fields.outcome}
            />
          </div>
          <div class="col-12 col-md-6">
            <SelectField
              id="appeal_outcome"
              label={labels.appeal_outcome}
              value={values.appeal_outcome}
              onValue={set('appeal_outcome')}
              empty="—"
              options={APPEAL_OUTCOMES.map((o) => ({ value: o, label: t(`cases.appealOutcomes.${o}`) }))}
              error={errors.fields.appeal_outcome}
            />
          </div>
        </div>
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('cases.save')} testId="case-procedure-submit" />
      </form>
    </ActionPanel>
  );
}

/** A note's sensitivity, with what "sensitive" means: the note form's and the correction's. */
function SensitivityField({ id, value, onValue }: { id: string; value: Sensitivity; onValue: (s: Sensitivity) => void }) {
  const { t } = useT();
  return (
    <SelectField
      id={id}
      label={t('cases.sensitivity')}
      hint={t('cases.sensitivityHint')}
      required
      value={value}
      onValue={onValue}
      options={SENSITIVITIES.map((s) => ({ value: s, label: t(`cases.sensitivities.${s}`) }))}
    />
  );
}

function NoteForm({ c, onCancel, done }: { c: CaseDetail; onCancel: () => void; done: Saved }) {
  const { t } = useT();
  const [sensitivity, setSensitivity] = useState<Sensitivity>('normal');
  const [text, setText] = useState('');
  const labels = { sensitivity: t('cases.sensitivity'), text: t('cases.noteText') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (text.trim() ? {} : { text: ['fieldErrors.required'] }),
    action: async () => done(await casesApi.addNote(c.id, { sensitivity, text: text.trim() }), (t) => t('cases.saved.note')),
  });
  return (
    <ActionPanel id="case-note-form" title={t('cases.addNote')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="case-note-form-heading">
        <SensitivityField id="sensitivity" value={sensitivity} onValue={setSensitivity} />
        <TextAreaField id="text" label={labels.text} required maxLength={8000} rows={5} value={text} onValue={setText} error={errors.fields.text} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('cases.save')} testId="case-note-submit" />
      </form>
    </ActionPanel>
  );
}

/**
 * A note with its author and, once corrected, who corrected it last; "Correct" opens the form under
 * it, and the confirmation of a correction is shown here and focused, where the user was looking.
 */
function NoteItem(p: {
  c: CaseDetail;
  n: CaseNote;
  correcting: boolean;
  justCorrected: boolean;
  onCorrect?: () => void;
  onCancel: () => void;
  onCorrected: (c: CaseDetail) => void;
}) {
  const { t, lang } = useT();
  const { n } = p;
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (p.justCorrected) item.current?.focus();
  }, [p.justCorrected]);
  return (
    <li ref={item} tabIndex={p.justCorrected ? -1 : undefined} class="mb-3 border-start border-3 ps-3" data-testid={`case-note-${n.id}`}>
      <div class="small text-muted">
        {formatDay(n.written_at.slice(0, 10), lang)} · <bdi>{n.written_by_name}</bdi>
        {n.sensitivity === 'sensitive' ? <span class="badge bg-warning text-dark ms-2">{t('cases.sensitivities.sensitive')}</span> : null}
        {n.corrected_at ? (
          <span class="d-block">{t('cases.correction.corrected', { date: formatDay(n.corrected_at.slice(0, 10), lang), by: n.corrected_by_name ?? '' })}</span>
        ) : null}
      </div>
      {p.justCorrected ? <Notice kind="success">{t('cases.saved.correction')}</Notice> : null}
      {/* What the user wrote runs in its own direction (an Italian note on an Arabic page). */}
      {n.redacted ? (
        <p class="fst-italic">{t('cases.redacted')}</p>
      ) : (
        <p class="text-break" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
          {n.text}
        </p>
      )}
      <div class="d-flex flex-wrap gap-2">
        {p.onCorrect ? (
          <button type="button" class="btn btn-outline-primary btn-sm" data-testid="case-note-correct" onClick={p.onCorrect}>
            {t('cases.correction.open')}
          </button>
        ) : null}
      </div>
      {n.corrections > 0 ? <NoteVersions key={n.corrections} c={p.c} n={n} /> : null}
      {p.correcting ? <CorrectionForm c={p.c} n={n} onCancel={p.onCancel} done={p.onCorrected} /> : null}
    </li>
  );
}

/** The texts a note has had, loaded when asked for: a disclosure button and the list under it. */
function NoteVersions({ c, n }: { c: CaseDetail; n: CaseNote }) {
  const { t } = useT();
  const [shown, setShown] = useState(false);
  const id = `case-note-${n.id}-versions`;
  return (
    <div class="mt-2">
      <button type="button" class="btn btn-link btn-sm p-0" aria-expanded={shown} aria-controls={id} data-testid="case-note-history" onClick={() => setShown(!shown)}>
        {shown ? t('cases.correction.hideHistory') : t('cases.correction.showHistory', { count: n.corrections + 1 })}
      </button>
      <div id={id}>{shown ? <VersionList c={c} n={n} /> : null}</div>
    </div>
  );
}

function VersionList({ c, n }: { c: CaseDetail; n: CaseNote }) {
  const { t, lang } = useT();
  const { data, error } = useData(() => casesApi.noteVersions(c.id, n.id), [c.id, n.id]);
  return (
    <LoadState error={error} ready={!!data}>
      {() =>
        data && (
          <ol class="list-unstyled mt-2 ps-3 border-start" data-testid="case-note-versions">
            {[...data.versions].reverse().map((v) => (
              <li key={v.number} class="mb-2">
                <div class="small text-muted">
                  {t('cases.correction.version', { number: v.number, date: formatDay(v.written_at.slice(0, 10), lang), by: v.written_by_name })}
                  {v.sensitivity === 'sensitive' ? <span class="badge bg-warning text-dark ms-2">{t('cases.sensitivities.sensitive')}</span> : null}
                </div>
                {v.reason ? <div class="small text-break">{t('cases.correction.reasonShown', { reason: v.reason })}</div> : null}
                {v.redacted ? (
                  <p class="fst-italic mb-0">{t('cases.redacted')}</p>
                ) : (
                  <p class="mb-0 text-break" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {v.text}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )
      }
    </LoadState>
  );
}

/**
 * Correcting a note: the new text, its sensitivity and why, confirmed first (the correction stays:
 * the earlier text is kept in the note's history and the reason in the timeline, which every reader
 * of the case sees). Making a sensitive note normal un-protects special-category data: the
 * confirmation says so in its title and first.
 */
function CorrectionForm({ c, n, onCancel, done }: { c: CaseDetail; n: CaseNote; onCancel: () => void; done: (c: CaseDetail) => void }) {
  const { t } = useT();
  const { ask, dialog } = useConfirm();
  const [text, setText] = useState(n.text ?? '');
  const [sensitivity, setSensitivity] = useState<Sensitivity>(n.sensitivity);
  const [reason, setReason] = useState('');
  const labels = { text: t('cases.correction.text'), sensitivity: t('cases.sensitivity'), reason: t('cases.correction.reason') };
  const level = sensitivity === n.sensitivity ? null : sensitivity === 'normal' ? 'unprotects' : 'protects';
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!text.trim()) e.text = ['fieldErrors.required'];
      else if (text.trim() === (n.text ?? '').trim() && !level) e.text = ['fieldErrors.unchanged'];
      if (!reason.trim()) e.reason = ['fieldErrors.required'];
      return e;
    },
    confirm: () =>
      ask({
        title: t(level === 'unprotects' ? 'cases.correction.unprotectTitle' : 'cases.correction.confirmTitle'),
        confirmLabel: t('cases.correction.submit'),
        body: (
          <Consequences
            items={[
              ...(level === 'unprotects' ? [t('cases.correction.unprotects')] : []),
              ...(level === 'protects' ? [t('cases.correction.protects')] : []),
              t('cases.correction.replaces'),
              t('cases.correction.kept'),
              t(sensitivity === 'sensitive' ? 'cases.correction.shownSensitive' : 'cases.correction.shown'),
            ]}
          />
        ),
      }),
    action: async () =>
      done(await casesApi.correctNote(c.id, n.id, { text: text.trim(), reason: reason.trim(), ...(level ? { sensitivity } : {}) })),
  });
  const formId = `case-correction-${n.id}`;
  return (
    <ActionPanel id={formId} title={t('cases.correction.title')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
        <TextAreaField id="correction-text" label={labels.text} required maxLength={8000} rows={5} value={text} onValue={setText} error={errors.fields.text} />
        <SensitivityField id="correction-sensitivity" value={sensitivity} onValue={setSensitivity} />
        <TextAreaField
          id="correction-reason"
          label={labels.reason}
          hint={t('cases.correction.reasonHint')}
          required
          maxLength={500}
          value={reason}
          onValue={setReason}
          error={errors.fields.reason}
        />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('cases.correction.submit')} testId="case-correction-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}

function WorkerForm({ c, onCancel, done }: { c: CaseDetail; onCancel: () => void; done: Saved }) {
  const { t } = useT();
  const { data: users } = useData(async () => (await casesApi.caseWorkers(c.organization_id)).items, [c.organization_id]);
  const [user, setUser] = useState('');
  const labels = { user_id: t('cases.worker') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (user ? {} : { user_id: ['fieldErrors.required'] }),
    action: async () => done(await casesApi.assignWorker(c.id, Number(user)), (t) => t('cases.saved.worker')),
  });
  const assigned = new Set(c.workers.map((w) => w.user_id));
  return (
    <ActionPanel id="case-worker-form" title={t('cases.assign')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="case-worker-form-heading">
        <SelectField
          id="user_id"
          label={labels.user_id}
          required
          value={user}
          onValue={setUser}
          empty={t('cases.choose')}
          options={(users ?? []).filter((u) => u.active && !assigned.has(u.id)).map((u) => ({ value: String(u.id), label: u.display_name }))}
          error={errors.fields.user_id}
        />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('cases.assign')} testId="case-worker-submit" />
      </form>
    </ActionPanel>
  );
}

function UnassignButton({ c, userId, name, done }: { c: CaseDetail; userId: number; name: string; done: Saved }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      class="btn btn-link btn-sm"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          done(await casesApi.unassignWorker(c.id, userId), (t) => t('cases.saved.worker'));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('cases.unassign', { name })}
    </button>
  );
}

/**
 * Handing the case to an organisation whose centres host the person today (after a transfer), with
 * a reason; confirmed first, naming the organisation and what follows. Whoever loses the case with
 * it (a case worker of the organisation keeping it) is taken back to the list, told where it went.
 */
function HandoverForm({ c, onCancel, done }: { c: CaseDetail; onCancel: () => void; done: Saved }) {
  const { t } = useT();
  const { ask, dialog } = useConfirm();
  const [organization, setOrganization] = useState(c.handover_to.length === 1 ? String(c.handover_to[0].id) : '');
  const [reason, setReason] = useState<HandoverReason | ''>('');
  const [note, setNote] = useState('');
  const name = `${c.person.family_name} ${c.person.given_names}`;
  const to = c.handover_to.find((o) => String(o.id) === organization)?.name ?? '';
  const labels = { organization_id: t('cases.handover.organization'), reason: t('cases.reason'), note: t('cases.statusNote') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!organization) e.organization_id = ['fieldErrors.required'];
      if (!reason) e.reason = ['fieldErrors.required'];
      if (reason === 'other' && !note.trim()) e.note = ['fieldErrors.required'];
      return e;
    },
    confirm: () =>
      ask({
        title: t('cases.handover.confirmTitle', { name, organization: to }),
        confirmLabel: t('cases.handover.confirmButton', { organization: to }),
        body: (
          <Consequences
            items={[
              t('cases.handover.leaves', { organization: c.organization_name }),
              ...(c.workers.length ? [t('cases.handover.workers', { count: c.workers.length })] : []),
              t('cases.handover.keeps', { organization: to }),
              t('cases.handover.history'),
            ]}
          />
        ),
      }),
    action: async () => {
      await casesApi.handOver(c.id, { organization_id: Number(organization), reason: reason as HandoverReason, note: orNull(note) ?? undefined });
      const message = t('cases.saved.handover', { name, organization: to });
      try {
        // A prefecture officer still reads the case; the old organisation's staff no longer do.
        done(await casesApi.getCase(c.id), (t) => t('cases.saved.handover', { name, organization: to }));
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
        setFlash(message);
        navigate('/cases');
      }
    },
  });
  return (
    <ActionPanel id="case-handover-form" title={t('cases.handover.title')}>
      <p>{t('cases.handover.intro')}</p>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="case-handover-form-heading">
        <SelectField
          id="handover-organization"
          label={labels.organization_id}
          hint={t('cases.handover.organizationHint')}
          required
          value={organization}
          onValue={setOrganization}
          empty={t('cases.choose')}
          options={c.handover_to.map((o) => ({ value: String(o.id), label: o.name }))}
          error={errors.fields.organization_id}
        />
        <SelectField
          id="handover-reason"
          label={labels.reason}
          required
          value={reason}
          onValue={setReason}
          empty={t('cases.choose')}
          options={HANDOVER_REASONS.map((r) => ({ value: r, label: t(`cases.handover.reasons.${r}`) }))}
          error={errors.fields.reason}
        />
        <TextAreaField id="handover-note" label={labels.note} required={reason === 'other'} maxLength={1000} value={note} onValue={setNote} error={errors.fields.note} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('cases.handover.submit')} testId="case-handover-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}

/**
 * A file attached to the case: uploaded (POST /documents, its progress shown under the field),
 * then linked to the case, whose answer refreshes the list. A refusal (a type the server does not
 * take, a file too large) is in the panel's error summary and on the field.
 */
function AttachmentForm({ c, onCancel, done }: { c: CaseDetail; onCancel: () => void; done: Saved }) {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const labels = { file: t('cases.upload.file'), document_ids: t('cases.upload.file') };
  const { errors, busy, submit } = useFormSubmit({
    start: () => setSent(null),
    validate: (): FieldErrors => (file ? {} : { file: ['fieldErrors.required'] }),
    action: async () => {
      if (!file) return;
      setSent(0);
      const doc = await documentsApi.upload(file, setSent);
      const next = await casesApi.attach(c.id, [doc.id]);
      done(next, (t) => t('cases.saved.attachment', { name: file.name }));
    },
    onError: () => setSent(null),
  });
  const error = errors.fields.file ?? errors.fields.document_ids;
  return (
    <ActionPanel id="case-attachment-form" title={t('cases.upload.open')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="case-attachment-form-heading">
        <div class="mb-3">
          <label for="case-file" class="form-label fw-semibold">
            {labels.file}
          </label>
          <input
            id="case-file"
            type="file"
            class="form-control"
            accept={ACCEPTED_TYPES}
            aria-describedby="case-file-hint"
            aria-invalid={error ? 'true' : undefined}
            onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
            data-testid="case-file"
          />
          <div id="case-file-hint" class="form-text">
            {t('cases.upload.hint')}
          </div>
          {error ? <div class="field-error">{error}</div> : null}
        </div>
        {sent !== null ? (
          <div class="mb-3">
            <div class="progress" role="progressbar" aria-label={t('cases.upload.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(sent * 100)} data-testid="case-upload-progress">
              <div class="progress-bar" style={{ width: `${Math.round(sent * 100)}%` }} />
            </div>
            <div class="small" aria-live="polite">
              {t('cases.upload.sent', { percent: Math.round(sent * 100) })}
            </div>
          </div>
        ) : null}
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('cases.upload.submit')} testId="case-attachment-submit" />
      </form>
    </ActionPanel>
  );
}
