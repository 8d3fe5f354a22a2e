// One referral (issue 11 points 3 and 7): where it goes, why, how urgent, its state and history,
// what is shared with the recipient (for the recipient: only that, and nothing once the consent
// is withdrawn), and the acts the user may do in its state. Every act that cannot be undone
// (send, accept, decline, complete, cancel) says what will happen and asks first.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { FormPage } from '../../components/FormPage';
import { FormErrors, LoadState, Notice, SelectField, TextAreaField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { languageName, nationality } from '../../lib/countries';
import { formatDateTime, formatDay } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type Act, OUTCOMES, type Referral, referralsApi } from './api';

export function ReferralPage({ id }: { id: number }) {
  const { t } = useT();
  const { data, error } = useData(() => referralsApi.get(id), [id]);
  const [changed, setChanged] = useState<Referral | null>(null);
  // Translated when shown, so that it follows a change of language.
  const [message, setMessage] = useState<Msg | null>(null);
  const r = changed ?? data;
  const back = r?.side === 'recipient' ? '/referrals/inbox' : '/referrals/outbox';
  return (
    <FormPage title={r ? t('referrals.titleOf', { reference: r.reference }) : t('referrals.referral')} backHref={back} backLabel={t('referrals.backToList')}>
      <div aria-live="polite">{message ? <Notice kind="success">{message(t)}</Notice> : null}</div>
      <LoadState error={error} ready={!!r}>
        {() =>
          r && (
            <ReferralView
              r={r}
              done={(next, text) => {
                setChanged(next);
                setMessage(() => text);
                window.setTimeout(() => document.getElementById('main-heading')?.focus(), 0);
              }}
            />
          )
        }
      </LoadState>
    </FormPage>
  );
}

type Done = (r: Referral, message: Msg) => void;

function Item({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="col-12 d-sm-flex mb-1">
      <dt class="col-sm-5 col-lg-3">{label}</dt>
      <dd class="col-sm-7 col-lg-9 mb-0 text-break">{children}</dd>
    </div>
  );
}

function ReferralView({ r, done }: { r: Referral; done: Done }) {
  const { t, lang } = useT();
  const [act, setAct] = useState<Act | null>(null);
  return (
    <>
      <dl class="row mb-4" data-testid="referral-summary">
        <Item label={t('referrals.state')}>
          <strong>{t(`referrals.states.${r.state}`)}</strong>
          {r.escalated ? <span class="badge bg-danger ms-2">{t('referrals.escalated')}</span> : null}
          {r.outcome ? ` (${t(`referrals.outcomes.${r.outcome}`)})` : null}
        </Item>
        <Item label={t('referrals.from')}>
          <bdi>{r.from_organization}</bdi>
        </Item>
        <Item label={t('referrals.to')}>
          <bdi>{r.to_organization}</bdi>
        </Item>
        {r.case_id ? (
          <Item label={t('referrals.case')}>
            <Link href={`/cases/${r.case_id}`}>{r.person_name ? <bdi>{r.person_name}</bdi> : t('referrals.openCase')}</Link>
          </Item>
        ) : null}
        <Item label={t('referrals.urgency')}>{t(`referrals.urgencies.${r.urgency}`)}</Item>
        {r.category ? <Item label={t('referrals.category')}>{t(`vulnerability.person.${r.category}`)}</Item> : null}
        <Item label={t('referrals.reason')}>
          {r.reason === null ? <span class="text-muted">{t('referrals.notShared')}</span> : <span style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</span>}
        </Item>
        <Item label={t('referrals.sentOn')}>{r.sent_at ? formatDateTime(r.sent_at, lang) : '—'}</Item>
        {r.state === 'sent' && r.answer_due_at ? <Item label={t('referrals.answerDue')}>{formatDateTime(r.answer_due_at, lang)}</Item> : null}
        <Item label={t('referrals.consent')}>
          {r.overridden ? (r.override_reason ? t('referrals.overriddenBecause', { reason: r.override_reason }) : t('referrals.overridden')) : t(`referrals.consentStates.${r.consent_state ?? 'valid'}`)}
        </Item>
        {r.decline_reason ? <Item label={t('referrals.declineReason')}>{r.decline_reason}</Item> : null}
        {r.outcome_reason ? <Item label={t('referrals.outcomeReason')}>{r.outcome_reason}</Item> : null}
      </dl>

      {r.actions.length && act === null ? (
        <div class="d-flex flex-wrap gap-2 mb-4" role="group" aria-label={t('referrals.actionsLabel')}>
          {r.actions.map((a) => (
            <button key={a} type="button" class={a === 'cancel' || a === 'decline' ? 'btn btn-outline-danger' : 'btn btn-primary'} data-testid={`referral-${a}`} onClick={() => setAct(a as Act)}>
              {t(`referrals.acts.${a}`)}
            </button>
          ))}
        </div>
      ) : null}
      {act ? (
        <ActForm
          r={r}
          act={act}
          onCancel={() => setAct(null)}
          done={(next, text) => {
            setAct(null);
            done(next, text);
          }}
        />
      ) : null}

      <section aria-labelledby="referral-shared-heading" class="mb-5" data-testid="referral-shared">
        <h2 id="referral-shared-heading" class="h3">
          {r.side === 'recipient' ? t('referrals.sharedWithYou') : t('referrals.sharedWithRecipient')}
        </h2>
        <Shared r={r} />
      </section>

      <section aria-labelledby="referral-history-heading" class="mb-5">
        <h2 id="referral-history-heading" class="h3">
          {t('referrals.history')}
        </h2>
        <ol class="list-unstyled" data-testid="referral-history">
          {r.history.map((h) => (
            <li key={h.id} class="mb-2">
              <span class="text-muted me-2">{formatDateTime(h.at, lang)}</span>
              {t('referrals.historyEntry', { state: t(`referrals.states.${h.state}`), by: h.by_name })}
              {h.note ? <div class="ms-3 fst-italic">{h.note}</div> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function Shared({ r }: { r: Referral }) {
  const { t, lang } = useT();
  const s = r.shared;
  if (s.stopped) return <Notice kind="warning">{t(`referrals.stopped.${s.stopped}`)}</Notice>;
  const items = s.items.map((i) => t(`referrals.items.${i}`)).join(', ');
  return (
    <>
      <p>{t('referrals.itemsShared', { items })}</p>
      <dl class="row">
        {s.identity ? (
          <>
            <Item label={t('referrals.name')}>
              <bdi>
                {s.identity.family_name} {s.identity.given_names}
              </bdi>
              {s.identity.family_name_original ? (
                <>
                  {' '}
                  (<bdi>{`${s.identity.family_name_original} ${s.identity.given_names_original ?? ''}`.trim()}</bdi>)
                </>
              ) : null}
            </Item>
            <Item label={t('referrals.birthDate')}>{s.identity.birth_date ? formatDay(s.identity.birth_date, lang) : '—'}</Item>
            <Item label={t('referrals.nationality')}>{nationality(s.identity.nationality, lang, t)}</Item>
            {s.identity.codice_fiscale ? (
              <Item label={t('referrals.codiceFiscale')}>
                <bdi dir="ltr">{s.identity.codice_fiscale}</bdi>
              </Item>
            ) : null}
          </>
        ) : null}
        {s.current_centre ? (
          <Item label={t('referrals.centre')}>
            <bdi>{s.current_centre}</bdi>
          </Item>
        ) : null}
        {s.languages ? (
          <Item label={t('referrals.languages')}>
            {s.languages.languages.map((l) => languageName(l, lang)).join(', ') || '—'}
            {s.languages.interpreter_needed ? ` · ${t('referrals.interpreter', { language: s.languages.interpreter_language ? languageName(s.languages.interpreter_language, lang) : '—' })}` : ''}
          </Item>
        ) : null}
        {s.items.includes('legal_status') ? <Item label={t('referrals.legalStatus')}>{s.legal_status ? t(`cases.legalStatuses.${s.legal_status}`) : '—'}</Item> : null}
      </dl>
      {s.documents.length ? (
        <ul data-testid="referral-documents">
          {s.documents.map((d, i) => (
            <li key={i}>
              {t(`cases.documentTypes.${d.type}`)}: <bdi dir="ltr">{d.number}</bdi>
              {d.expires_on ? ` · ${t('referrals.expires', { day: formatDay(d.expires_on, lang) })}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {s.notes.length ? (
        <ul class="list-unstyled" data-testid="referral-notes">
          {s.notes.map((n, i) => (
            <li key={i} class="mb-3 border-start border-3 ps-3">
              <div class="small text-muted">{formatDay(n.written_at.slice(0, 10), lang)}</div>
              <p style={{ whiteSpace: 'pre-wrap' }}>{n.text}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The form of one act: a note (required to cancel), a reason to decline, an outcome to complete. */
function ActForm({ r, act, onCancel, done }: { r: Referral; act: Act; onCancel: () => void; done: Done }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [outcomeReason, setOutcomeReason] = useState('');
  const [consentId, setConsentId] = useState('');
  const [override, setOverride] = useState('');
  const { can } = useSession();
  const mayOverride = can('referrals.override');
  // Sending a draft: the valid consents of the case to the referral's organisation.
  const { data: consents } = useData(
    async () => (act === 'send' && r.case_id ? (await referralsApi.consents(r.case_id)).items.filter((c) => c.valid && c.organization_id === r.to_organization_id) : []),
    [act, r.id],
  );
  const labels = {
    consent_id: t('referrals.consent'),
    override_reason: t('referrals.overrideReason'), note: t(act === 'cancel' ? 'referrals.cancelNote' : 'referrals.note'), reason: t('referrals.declineReason'), outcome: t('referrals.outcome'), outcome_reason: t('referrals.outcomeReason') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (act === 'cancel' && !note.trim()) e.note = ['fieldErrors.required'];
      if (act === 'send' && !consentId && !override.trim()) e.consent_id = ['referrals.consentOrOverride'];
      if (act === 'decline' && !reason.trim()) e.reason = ['fieldErrors.required'];
      if (act === 'complete' && !outcome) e.outcome = ['fieldErrors.required'];
      if (act === 'complete' && outcome === 'unsuccessful' && !outcomeReason.trim()) e.outcome_reason = ['fieldErrors.required'];
      return e;
    },
    // Starting the work is the one act that asks nothing: completing or cancelling remain.
    confirm:
      act === 'start'
        ? undefined
        : () =>
            ask({
              title: t(`referrals.confirm.${act}.title`, { reference: r.reference }),
              confirmLabel: t(`referrals.confirm.${act}.button`, { reference: r.reference }),
              body: <Consequences items={[t(`referrals.confirm.${act}.what`, { organization: r.side === 'sender' ? r.to_organization : r.from_organization }), t('referrals.confirm.final')]} />,
            }),
    action: async () => {
      const body: Record<string, string | number> = {};
      if (note.trim()) body.note = note.trim();
      if (act === 'send' && consentId) body.consent_id = Number(consentId);
      else if (act === 'send') body.override_reason = override.trim();
      if (act === 'decline') body.reason = reason.trim();
      if (act === 'complete') {
        body.outcome = outcome;
        if (outcome === 'unsuccessful' && outcomeReason.trim()) body.outcome_reason = outcomeReason.trim();
      }
      done(await referralsApi.act(r.id, act, body), (t) => t(`referrals.done.${act}`));
    },
  });
  return (
    <ActionPanel id="referral-act-form" title={t(`referrals.acts.${act}`)}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="referral-act-form-heading">
        {act === 'send' ? (
          <>
            <SelectField
              id="consent_id"
              label={labels.consent_id}
              value={consentId}
              onValue={setConsentId}
              empty={consents?.length ? t('referrals.choose') : t('referrals.noConsent')}
              options={(consents ?? []).map((c) => ({ value: String(c.id), label: t('referrals.consentOption', { day: formatDay(c.given_on, lang), purpose: c.purpose }) }))}
              error={errors.fields.consent_id}
            />
            {mayOverride ? <TextAreaField id="override_reason" label={labels.override_reason} hint={t('referrals.overrideHint')} maxLength={1000} value={override} onValue={setOverride} error={errors.fields.override_reason} /> : null}
          </>
        ) : null}
        {act === 'decline' ? <TextAreaField id="reason" label={labels.reason} required maxLength={1000} value={reason} onValue={setReason} error={errors.fields.reason} /> : null}
        {act === 'complete' ? (
          <>
            <SelectField
              id="outcome"
              label={labels.outcome}
              required
              value={outcome}
              onValue={setOutcome}
              empty={t('referrals.choose')}
              options={OUTCOMES.map((o) => ({ value: o, label: t(`referrals.outcomes.${o}`) }))}
              error={errors.fields.outcome}
            />
            {/* It asks why the referral did not succeed: a question only for that outcome. */}
            {outcome === 'unsuccessful' ? (
              <TextAreaField id="outcome_reason" label={labels.outcome_reason} required maxLength={1000} value={outcomeReason} onValue={setOutcomeReason} error={errors.fields.outcome_reason} />
            ) : null}
          </>
        ) : null}
        <TextAreaField id="note" label={labels.note} required={act === 'cancel'} maxLength={1000} value={note} onValue={setNote} error={errors.fields.note} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t(`referrals.acts.${act}`)} testId="referral-act-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}
