// The case page's section on consents and referrals (issue 11 points 3 and 7): the person's
// consents to share data (recorded with the signed form if there is one, withdrawn with a date
// and a reason after a confirmation: never deleted), the referrals of the case with their state,
// and the referral form: to an organisation, with a reason, an urgency, the data shared (only
// what a valid consent to that organisation covers) and the notes picked; sent at once or kept as
// a draft. Sending without consent is offered only to roles that may override (the Prefettura).
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { TableRegion } from '../../components/TableRegion';
import { CheckboxField, FormErrors, LoadState, Notice, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay, today } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { documentsApi, ACCEPTED_TYPES } from '../documents/index';
import { CATEGORIES, type ConsentView, DATA_ITEMS, type DataItem, RECIPIENT_TYPES, type Referral, referralsApi, URGENCIES } from './api';

/** A case note the sender may pick for the recipient. */
export interface PickableNote {
  id: number;
  written_at: string;
  sensitivity: string;
}

type Panel = 'consent' | 'referral' | { withdraw: ConsentView } | { edit: number } | null;

export function CaseReferrals({ caseId, personName, notes }: { caseId: number; personName: string; notes: PickableNote[] }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const [reload, setReload] = useState(0);
  const [panel, setPanel] = useState<Panel>(null);
  // Translated when shown, so that it follows a change of language.
  const [message, setMessage] = useState<Msg | null>(null);
  const consents = useData(() => referralsApi.consents(caseId), [caseId, reload]);
  const referrals = useData(() => referralsApi.list({ box: 'outbox', case_id: caseId, per_page: 100 }), [caseId, reload]);
  if (!can('consents.read') && !can('referrals.read')) return null;
  const manageConsents = can('consents.manage');
  const send = can('referrals.manage');
  const done = (text: Msg) => {
    setPanel(null);
    // A function given to a state setter is an updater: the message is wrapped.
    setMessage(() => text);
    setReload((n) => n + 1);
  };
  return (
    <section aria-labelledby="case-referrals-heading" class="mb-5" data-testid="case-referrals">
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
        <h2 id="case-referrals-heading" class="h3 mb-0">
          {t('referrals.caseSection')}
        </h2>
        {panel === null ? (
          <div class="d-flex flex-wrap gap-2">
            {manageConsents ? (
              <button type="button" class="btn btn-outline-primary btn-sm" data-testid="consent-open" onClick={() => setPanel('consent')}>
                {t('referrals.recordConsent')}
              </button>
            ) : null}
            {send ? (
              <button type="button" class="btn btn-outline-primary btn-sm" data-testid="referral-open" onClick={() => setPanel('referral')}>
                {t('referrals.newReferral')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <div aria-live="polite">{message ? <Notice kind="success">{message(t)}</Notice> : null}</div>
      {panel === 'consent' ? <ConsentForm caseId={caseId} personName={personName} onCancel={() => setPanel(null)} done={done} /> : null}
      {panel !== null && typeof panel === 'object' && 'withdraw' in panel ? <WithdrawForm consent={panel.withdraw} personName={personName} onCancel={() => setPanel(null)} done={done} /> : null}
      {panel === 'referral' ? (
        <ReferralForm caseId={caseId} notes={notes} consents={consents.data?.items ?? []} onCancel={() => setPanel(null)} done={done} />
      ) : null}
      {panel !== null && typeof panel === 'object' && 'edit' in panel ? (
        <EditDraft id={panel.edit} caseId={caseId} notes={notes} consents={consents.data?.items ?? []} onCancel={() => setPanel(null)} done={done} />
      ) : null}

      <h3 class="h5">{t('referrals.consents')}</h3>
      <LoadState error={consents.error} ready={!!consents.data}>
        {() =>
          consents.data?.items.length ? (
            <TableRegion label={t('referrals.consents')} captionHidden testId="consent-table">
              <thead>
                <tr>
                  <th scope="col">{t('referrals.to')}</th>
                  <th scope="col">{t('referrals.dataItems')}</th>
                  <th scope="col">{t('referrals.purpose')}</th>
                  <th scope="col">{t('referrals.givenOn')}</th>
                  <th scope="col">{t('referrals.consentState')}</th>
                </tr>
              </thead>
              <tbody>
                {consents.data.items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" class="fw-normal">
                      <bdi>{c.organization}</bdi>
                    </th>
                    <td>{c.data_items.map((i) => t(`referrals.items.${i}`)).join(', ')}</td>
                    <td class="text-break">{c.purpose}</td>
                    <td>
                      {formatDay(c.given_on, lang)} · <bdi>{c.recorded_by_name}</bdi>
                      {c.forms.map((f) => (
                        <div key={f.id}>
                          <a href={documentsApi.contentUrl(f.id)}>
                            <bdi>{f.filename}</bdi>
                          </a>
                        </div>
                      ))}
                    </td>
                    <td>
                      {c.valid ? t('referrals.consentStates.valid') : t('referrals.withdrawnOn', { day: formatDay(c.withdrawn_on, lang), reason: c.withdrawal_reason ?? '' })}
                      {c.valid && manageConsents && panel === null ? (
                        <button type="button" class="btn btn-link btn-sm p-0 ms-2" data-testid={`consent-withdraw-${c.id}`} onClick={() => setPanel({ withdraw: c })}>
                          {t('referrals.withdraw')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          ) : (
            <p>{t('referrals.noConsents')}</p>
          )
        }
      </LoadState>

      <h3 class="h5">{t('referrals.referralsOfCase')}</h3>
      <LoadState error={referrals.error} ready={!!referrals.data}>
        {() =>
          referrals.data?.items.length ? (
            <ul data-testid="case-referral-list">
              {referrals.data.items.map((r) => (
                <li key={r.id}>
                  <Link href={`/referrals/${r.id}`}>
                    <bdi dir="ltr">{r.reference}</bdi>
                  </Link>{' '}
                  · <bdi>{r.to_organization}</bdi> · {t(`referrals.states.${r.state}`)}
                  {r.escalated ? <span class="badge bg-danger ms-2">{t('referrals.escalated')}</span> : null}
                  {r.state === 'draft' && send && panel === null ? (
                    <button type="button" class="btn btn-link btn-sm p-0 ms-2" data-testid={`referral-edit-${r.id}`} onClick={() => setPanel({ edit: r.id })}>
                      {t('referrals.editDraft')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('referrals.noReferrals')}</p>
          )
        }
      </LoadState>
    </section>
  );
}

function useRecipients() {
  return useData(async () => (await referralsApi.organizations()).items.filter((o) => RECIPIENT_TYPES.includes(o.type)), []);
}

function ItemBoxes({ id, label, allowed, chosen, onChosen, error }: { id: string; label: string; allowed: readonly DataItem[]; chosen: DataItem[]; onChosen: (v: DataItem[]) => void; error?: string }) {
  const { t } = useT();
  return (
    <fieldset class="mb-3" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend class="form-label fw-semibold fs-6">{label}</legend>
      {allowed.length ? null : <p class="text-muted">{t('referrals.noItemsAllowed')}</p>}
      {allowed.map((item) => (
        <CheckboxField
          key={item}
          id={`${id}-${item}`}
          label={t(`referrals.items.${item}`)}
          checked={chosen.includes(item)}
          onValue={(on) => onChosen(on ? [...chosen, item] : chosen.filter((x) => x !== item))}
        />
      ))}
      {error ? (
        <div id={`${id}-error`} class="field-error">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

function ConsentForm({ caseId, personName, onCancel, done }: { caseId: number; personName: string; onCancel: () => void; done: (m: Msg) => void }) {
  const { t } = useT();
  const { data: orgs } = useRecipients();
  const [org, setOrg] = useState('');
  const [items, setItems] = useState<DataItem[]>([]);
  const [purpose, setPurpose] = useState('');
  const [givenOn, setGivenOn] = useState(today());
  const [file, setFile] = useState<File | null>(null);
  const labels = { organization_id: t('referrals.to'), data_items: t('referrals.dataItems'), purpose: t('referrals.purpose'), given_on: t('referrals.givenOn'), document_id: t('referrals.form') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!org) e.organization_id = ['fieldErrors.required'];
      if (!items.length) e.data_items = ['fieldErrors.required'];
      if (!purpose.trim()) e.purpose = ['fieldErrors.required'];
      if (!givenOn) e.given_on = ['fieldErrors.required'];
      return e;
    },
    action: async () => {
      const document = file ? await documentsApi.upload(file) : null;
      await referralsApi.recordConsent(caseId, {
        organization_id: Number(org),
        data_items: items,
        purpose: purpose.trim(),
        given_on: givenOn,
        ...(document ? { document_id: document.id } : {}),
      });
      done((t) => t('referrals.done.consent', { name: personName }));
    },
  });
  return (
    <ActionPanel id="consent-form" title={t('referrals.recordConsent')}>
      <p>{t('referrals.consentIntro', { name: personName })}</p>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="consent-form-heading">
        <SelectField id="organization_id" label={labels.organization_id} required value={org} onValue={setOrg} empty={t('referrals.choose')} options={(orgs ?? []).map((o) => ({ value: String(o.id), label: o.name }))} error={errors.fields.organization_id} />
        <ItemBoxes id="data_items" label={labels.data_items} allowed={DATA_ITEMS} chosen={items} onChosen={setItems} error={errors.fields.data_items} />
        <TextAreaField id="purpose" label={labels.purpose} required maxLength={500} value={purpose} onValue={setPurpose} error={errors.fields.purpose} />
        <TextField id="given_on" label={labels.given_on} required type="date" max={today()} value={givenOn} onValue={setGivenOn} error={errors.fields.given_on} />
        <div class="mb-3">
          <label class="form-label fw-semibold" for="consent-file">
            {labels.document_id}
          </label>
          <input id="consent-file" type="file" class="form-control" accept={ACCEPTED_TYPES} onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('referrals.recordConsent')} testId="consent-submit" />
      </form>
    </ActionPanel>
  );
}

function WithdrawForm({ consent, personName, onCancel, done }: { consent: ConsentView; personName: string; onCancel: () => void; done: (m: Msg) => void }) {
  const { t } = useT();
  const { ask, dialog } = useConfirm();
  const [on, setOn] = useState(today());
  const [reason, setReason] = useState('');
  const labels = { withdrawn_on: t('referrals.withdrawnOnLabel'), reason: t('referrals.withdrawalReason') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!on) e.withdrawn_on = ['fieldErrors.required'];
      if (!reason.trim()) e.reason = ['fieldErrors.required'];
      return e;
    },
    confirm: () =>
      ask({
        title: t('referrals.confirm.withdraw.title', { name: personName }),
        confirmLabel: t('referrals.confirm.withdraw.button'),
        body: <Consequences items={[t('referrals.confirm.withdraw.what', { organization: consent.organization }), t('referrals.confirm.withdraw.kept')]} />,
      }),
    action: async () => {
      await referralsApi.withdraw(consent.id, { withdrawn_on: on, reason: reason.trim() });
      done((t) => t('referrals.done.withdraw'));
    },
  });
  return (
    <ActionPanel id="withdraw-form" title={t('referrals.withdrawTitle', { organization: consent.organization })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="withdraw-form-heading">
        <TextField id="withdrawn_on" label={labels.withdrawn_on} required type="date" min={consent.given_on} max={today()} value={on} onValue={setOn} error={errors.fields.withdrawn_on} />
        <TextAreaField id="reason" label={labels.reason} required maxLength={1000} value={reason} onValue={setReason} error={errors.fields.reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('referrals.withdraw')} testId="withdraw-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}

interface FormProps {
  caseId: number;
  notes: PickableNote[];
  consents: ConsentView[];
  onCancel: () => void;
  done: (m: Msg) => void;
}

/** A draft opened for editing in the referral form, as the server has it. */
function EditDraft({ id, ...props }: FormProps & { id: number }) {
  const draft = useData(() => referralsApi.get(id), [id]);
  return (
    <LoadState error={draft.error} ready={!!draft.data}>
      {() => (draft.data ? <ReferralForm {...props} editing={draft.data} /> : null)}
    </LoadState>
  );
}

/** The referral form: a new referral, or a draft being edited (then saved with PATCH and, unless kept as a draft, sent). */
function ReferralForm({ caseId, notes, consents, onCancel, done, editing }: FormProps & { editing?: Referral }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const { ask, dialog } = useConfirm();
  const mayOverride = can('referrals.override');
  const { data: orgs } = useRecipients();
  const [org, setOrg] = useState(editing ? String(editing.to_organization_id) : '');
  const [reason, setReason] = useState<string>(editing?.reason ?? '');
  const [category, setCategory] = useState<string>(editing?.category ?? '');
  const [urgency, setUrgency] = useState<string>(editing?.urgency ?? 'normal');
  const [items, setItems] = useState<DataItem[]>(editing ? [...editing.data_items] : []);
  const [picked, setPicked] = useState<number[]>(editing ? [...editing.note_ids] : []);
  const [override, setOverride] = useState('');
  const [draft, setDraft] = useState(!!editing);
  // The consent that covers the sharing: the latest valid one to the chosen organisation.
  const consent = [...consents].reverse().find((c) => c.valid && String(c.organization_id) === org) ?? null;
  const allowed = mayOverride && override.trim() ? DATA_ITEMS : DATA_ITEMS.filter((i) => consent?.data_items.includes(i));
  const orgName = orgs?.find((o) => String(o.id) === org)?.name ?? '';
  const labels = {
    organization_id: t('referrals.to'),
    reason: t('referrals.reason'),
    category: t('referrals.category'),
    urgency: t('referrals.urgency'),
    data_items: t('referrals.dataItems'),
    note_ids: t('referrals.notesShared'),
    consent_id: t('referrals.consent'),
    override_reason: t('referrals.overrideReason'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!org) e.organization_id = ['fieldErrors.required'];
      if (!reason.trim()) e.reason = ['fieldErrors.required'];
      if (!items.length) e.data_items = ['fieldErrors.required'];
      if (!draft && !consent && !override.trim()) e.consent_id = ['referrals.consentOrOverride'];
      return e;
    },
    confirm: () =>
      draft
        ? Promise.resolve(true)
        : ask({
            title: t('referrals.confirm.sendNew.title', { organization: orgName }),
            confirmLabel: t('referrals.confirm.sendNew.button', { organization: orgName }),
            body: <Consequences items={[t('referrals.confirm.send.what', { organization: orgName }), t('referrals.confirm.send.items', { items: items.map((i) => t(`referrals.items.${i}`)).join(', ') }), t('referrals.confirm.final')]} />,
          }),
    action: async () => {
      const sharedNotes = items.includes('notes') ? picked : [];
      const sending: Record<string, string | number> = consent && !override.trim() ? { consent_id: consent.id } : { override_reason: override.trim() };
      if (editing) {
        const saved = await referralsApi.edit(editing.id, {
          organization_id: Number(org),
          reason: reason.trim(),
          category: (category || null) as (typeof CATEGORIES)[number] | null,
          urgency: urgency as (typeof URGENCIES)[number],
          data_items: items,
          note_ids: sharedNotes,
        });
        if (!draft) await referralsApi.act(saved.id, 'send', sending);
        done((t) => t(draft ? 'referrals.done.draft' : 'referrals.done.send', { reference: saved.reference }));
        return;
      }
      const made = await referralsApi.create({
        case_id: caseId,
        organization_id: Number(org),
        reason: reason.trim(),
        category: (category || null) as (typeof CATEGORIES)[number] | null,
        urgency: urgency as (typeof URGENCIES)[number],
        data_items: items,
        ...(sharedNotes.length ? { note_ids: sharedNotes } : {}),
        ...(draft ? {} : { send: true, ...sending }),
      });
      done((t) => t(draft ? 'referrals.done.draft' : 'referrals.done.send', { reference: made.reference }));
    },
  });
  return (
    <ActionPanel id="referral-form" title={editing ? t('referrals.editDraftOf', { reference: editing.reference }) : t('referrals.newReferral')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="referral-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField id="organization_id" label={labels.organization_id} required value={org} onValue={(v: string) => { setOrg(v); setItems([]); }} empty={t('referrals.choose')} options={(orgs ?? []).map((o) => ({ value: String(o.id), label: o.name }))} error={errors.fields.organization_id} />
          </div>
          <div class="col-12 col-md-6">
            <SelectField id="urgency" label={labels.urgency} required value={urgency} onValue={setUrgency} options={URGENCIES.map((u) => ({ value: u, label: t(`referrals.urgencies.${u}`) }))} error={errors.fields.urgency} />
          </div>
        </div>
        <TextAreaField id="reason" label={labels.reason} required maxLength={2000} value={reason} onValue={setReason} error={errors.fields.reason} />
        {org ? (
          <p data-testid="referral-consent-state">
            {consent ? t('referrals.consentFound', { day: formatDay(consent.given_on, lang), items: consent.data_items.map((i) => t(`referrals.items.${i}`)).join(', ') }) : t('referrals.noConsentFor', { organization: orgName })}
          </p>
        ) : null}
        {errors.fields.consent_id ? <div class="field-error mb-3" id="consent_id">{errors.fields.consent_id}</div> : null}
        {mayOverride ? <TextAreaField id="override_reason" label={labels.override_reason} hint={t('referrals.overrideHint')} maxLength={1000} value={override} onValue={setOverride} error={errors.fields.override_reason} /> : null}
        <ItemBoxes id="data_items" label={labels.data_items} allowed={allowed} chosen={items} onChosen={setItems} error={errors.fields.data_items} />
        {items.includes('vulnerability_categories') ? (
          <SelectField id="category" label={labels.category} value={category} onValue={setCategory} empty={t('referrals.noCategory')} options={CATEGORIES.map((c) => ({ value: c, label: t(`vulnerability.person.${c}`) }))} error={errors.fields.category} />
        ) : null}
        {items.includes('notes') ? (
          <fieldset class="mb-3" id="note_ids">
            <legend class="form-label fw-semibold fs-6">{labels.note_ids}</legend>
            {notes.length ? null : <p class="text-muted">{t('referrals.noNotes')}</p>}
            {notes.map((n) => (
              <CheckboxField
                key={n.id}
                id={`note-${n.id}`}
                label={t('referrals.noteOf', { day: formatDay(n.written_at.slice(0, 10), lang), sensitivity: t(`cases.sensitivities.${n.sensitivity}`) })}
                checked={picked.includes(n.id)}
                onValue={(on) => setPicked(on ? [...picked, n.id] : picked.filter((x) => x !== n.id))}
              />
            ))}
          </fieldset>
        ) : null}
        <CheckboxField id="draft" label={t('referrals.keepDraft')} checked={draft} onValue={setDraft} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={draft ? t('referrals.saveDraft') : t('referrals.acts.send')} testId="referral-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}
