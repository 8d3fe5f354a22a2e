// One integration agreement: the balance and today's outcome first, then the explanation line by
// line (what each entry counted and the balance after it, then why the outcome is what it is),
// the entries as recorded, and the SUI's acts: record an entry (a mistake is voided by a
// correction with its reason, never edited) and, once the window opens, the verification, which
// says what it will record and asks first.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons, PanelOpener } from '../../components/ActionPanel';
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { FormPage } from '../../components/FormPage';
import { useActionPanel } from '../../components/useActionPanel';
import { CheckboxField, FormErrors, LoadState, Notice, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useFlash } from '../../components/flash';
import { formatDay, today } from '../../lib/dates';
import { withReadableDates } from '../../lib/errors';
import { type Msg, type TFunction, useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type Agreement, LEVELS, type LossBand, NOTE_MAX, RECORDED_KINDS, type RecordedKind, agreementsApi } from './api';
import { OutcomeBadge, italianLevel, levelName, lineText, personName, signedCredits } from './parts';

type Action = 'entry' | 'verify';

/** The label of the level's choice, by the kind of entry. */
const LEVEL_LABEL: Partial<Record<RecordedKind, string>> = {
  italian_level: 'agreements.italianLevel',
  civic_knowledge: 'agreements.civicLevel',
  course: 'agreements.course',
  loss: 'agreements.lossBand',
  exemption: 'agreements.ground',
};

export function AgreementPage({ id }: { id: number }) {
  const { t } = useT();
  const { can } = useSession();
  const loaded = useData(() => agreementsApi.get(id), [id]);
  const bands = useData(() => agreementsApi.lossBands(), []);
  const [shown, setShown] = useState<Agreement | null>(null);
  const [done, setDone] = useState<Msg | null>(null);
  const flash = useFlash();
  const panel = useActionPanel<Action>();
  const a = shown ?? loaded.data;
  const lossBands = bands.data?.items ?? [];
  const save = async (call: () => Promise<Agreement>, message: Msg) => {
    setShown(await withReadableDates(call()));
    setDone(() => message);
    panel.finish('agreement-done');
  };
  const running = a ? a.recorded_outcome === null : false;
  return (
    <FormPage title={a ? t('agreements.pageTitle', { id: a.id, name: personName(a) }) : t('agreements.title')} backHref="/integration-agreements" backLabel={t('agreements.backToList')}>
      <LoadState error={loaded.error} ready={!!a}>
        {() =>
          a ? (
            <div data-testid="agreement">
              <div id="agreement-done" tabIndex={-1}>
                {done || flash ? <Notice kind="success">{done ? done(t) : flash}</Notice> : null}
              </div>
              <Balance agreement={a} bands={lossBands} />
              {can('integration_agreements.manage') && running ? <Actions agreement={a} bands={lossBands} panel={panel} save={save} /> : null}
              <Explanation agreement={a} bands={lossBands} />
              <Entries agreement={a} bands={lossBands} />
            </div>
          ) : null
        }
      </LoadState>
    </FormPage>
  );
}

function Balance({ agreement: a, bands }: { agreement: Agreement; bands: LossBand[] }) {
  const { t, lang } = useT();
  const verified = a.recorded_outcome !== null;
  return (
    <section class="card-wrapper mb-4" aria-labelledby="balance-heading" data-testid="agreement-balance">
      <div class="card shadow-sm">
        <div class="card-body">
          <h2 id="balance-heading" class="h4">
            {t('agreements.balance')}
          </h2>
          <p class="fs-5 mb-2 d-flex flex-wrap align-items-center gap-2">
            <strong data-testid="agreement-credits">{t('agreements.creditCount', { count: a.credits, n: formatNumber(a.credits, lang) })}</strong>
            <OutcomeBadge outcome={a.outcome} />
          </p>
          <p class="small">{verified && a.verified_on ? t('agreements.verifiedOn', { day: formatDay(a.verified_on, lang) }) : t(`agreements.outcomeHints.${a.outcome}`)}</p>
          <dl class="row mb-0">
            <dt class="col-12 col-md-4 fw-semibold">{t('agreements.person')}</dt>
            <dd class="col-12 col-md-8">
              <bdi>{personName(a)}</bdi>
            </dd>
            {a.procedure_file_id ? (
              <>
                <dt class="col-12 col-md-4 fw-semibold">{t('agreements.file')}</dt>
                <dd class="col-12 col-md-8">
                  <Link href={`/procedure-files/${a.procedure_file_id}`}>{t('agreements.openFile')}</Link>
                </dd>
              </>
            ) : null}
            <dt class="col-12 col-md-4 fw-semibold">{t('agreements.signedOn')}</dt>
            <dd class="col-12 col-md-8">{formatDay(a.signed_on, lang)}</dd>
            <dt class="col-12 col-md-4 fw-semibold">{t('agreements.expiresOn')}</dt>
            <dd class="col-12 col-md-8" data-testid="agreement-expires">
              {formatDay(a.expires_on, lang)}
            </dd>
            <dt class="col-12 col-md-4 fw-semibold">{t('agreements.verificationFrom')}</dt>
            <dd class="col-12 col-md-8">{formatDay(a.verification_from, lang)}</dd>
            <dt class="col-12 col-md-4 fw-semibold">{t('agreements.italianLevel')}</dt>
            <dd class="col-12 col-md-8">{a.italian_level ? levelText(a.italian_level, t) : t('agreements.noneYet')}</dd>
            <dt class="col-12 col-md-4 fw-semibold">{t('agreements.civicLevel')}</dt>
            <dd class="col-12 col-md-8">{a.civic_level ? levelName('civic_knowledge', a.civic_level, t, bands) : t('agreements.noneYet')}</dd>
            {a.exemption ? (
              <>
                <dt class="col-12 col-md-4 fw-semibold">{t('agreements.kinds.exemption')}</dt>
                <dd class="col-12 col-md-8">{levelName('exemption', a.exemption, t, bands)}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>
    </section>
  );
}

/** "A2 (spoken only)" from the balance's "a2_spoken". */
function levelText(level: string, t: TFunction): string {
  const spoken = level.endsWith('_spoken');
  const name = italianLevel(level, t);
  return spoken ? `${name} (${t('agreements.spokenOnly')})` : name;
}

function Explanation({ agreement: a, bands }: { agreement: Agreement; bands: LossBand[] }) {
  const { t, lang } = useT();
  const title = t('agreements.explanation');
  return (
    <section aria-labelledby="explanation-heading" class="mb-4">
      <h2 id="explanation-heading" class="h4">
        {title}
      </h2>
      <div class="table-responsive" tabIndex={0} role="region" aria-label={title}>
        <table class="table table-sm" data-testid="agreement-explanation">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.line')}</th>
              <th scope="col" class="text-end">
                {t('agreements.credits')}
              </th>
              <th scope="col" class="text-end">
                {t('agreements.runningBalance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.explanation.map((line, i) => (
              <tr key={i} data-line={line.code} class={line.entry_id === null ? 'fw-semibold' : undefined}>
                <td>{lineText(line, t, lang, bands)}</td>
                <td class="text-end">{line.entry_id === null ? '' : signedCredits(line.credits, lang)}</td>
                <td class="text-end">{formatNumber(line.balance, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Entries({ agreement: a, bands }: { agreement: Agreement; bands: LossBand[] }) {
  const { t, lang } = useT();
  const voided = new Set(a.entries.filter((e) => e.kind === 'correction' && e.corrects !== null).map((e) => e.corrects));
  return (
    <section aria-labelledby="entries-heading" class="mb-4">
      <h2 id="entries-heading" class="h4">
        {t('agreements.entries')}
      </h2>
      <ol class="list-unstyled" data-testid="agreement-entries">
        {a.entries.map((e) => (
          <li key={e.id} class={`mb-3 ps-3 border-start border-3 ${voided.has(e.id) ? 'text-secondary' : 'border-primary'}`} data-entry={e.id} data-kind={e.kind}>
            <div class="fw-semibold">
              {t('agreements.entryNumbered', { id: e.id })} · {t(`agreements.kinds.${e.kind}`)}
              {e.level ? ` · ${levelName(e.kind, e.level, t, bands)}${e.spoken_only ? ` (${t('agreements.spokenOnly')})` : ''}` : ''}
              {e.corrects !== null ? ` · ${t('agreements.voids', { id: e.corrects })}` : ''}
              {voided.has(e.id) ? <span class="badge bg-secondary ms-2">{t('agreements.voided')}</span> : null}
            </div>
            <div class="small">{t('agreements.recordedBy', { day: formatDay(e.on, lang), name: e.recorded_by_name })}</div>
            {e.note ? (
              <div class="small preserve-lines" dir="auto">
                {e.note}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

interface ActionProps {
  agreement: Agreement;
  bands: LossBand[];
  save: (call: () => Promise<Agreement>, done: Msg) => Promise<void>;
  onCancel: () => void;
}

function Actions({ agreement: a, bands, panel, save }: { agreement: Agreement; bands: LossBand[]; panel: ReturnType<typeof useActionPanel<Action>>; save: ActionProps['save'] }) {
  const { t, lang } = useT();
  const button = (action: Action, label: string) => <PanelOpener panel={panel} action={action} label={label} testId={`agreement-action-${action}`} />;
  const props = { agreement: a, bands, save, onCancel: panel.close };
  return (
    <section aria-labelledby="actions-heading" class="mb-4">
      <h2 id="actions-heading" class="h4">
        {t('agreements.actions.title')}
      </h2>
      <div class="d-flex flex-wrap gap-2">
        {button('entry', t('agreements.actions.entry'))}
        {today() >= a.verification_from ? button('verify', t('agreements.actions.verify')) : <span class="small align-self-center">{t('agreements.actions.verifyFrom', { day: formatDay(a.verification_from, lang) })}</span>}
      </div>
      {panel.action === 'entry' ? <EntryForm {...props} /> : null}
      {panel.action === 'verify' ? <VerifyForm {...props} /> : null}
    </section>
  );
}

function EntryForm({ agreement: a, bands, save, onCancel }: ActionProps) {
  const { t, lang } = useT();
  const [kind, setKind] = useState<RecordedKind>('civic_session_attended');
  const [on, setOn] = useState(today());
  const [level, setLevel] = useState('');
  const [spokenOnly, setSpokenOnly] = useState(false);
  const [corrects, setCorrects] = useState('');
  const [note, setNote] = useState('');
  const levels = kind === 'loss' ? bands.map((b) => ({ value: b.code, label: `${b.description} (${signedCredits(-b.credits, lang)})` })) : (LEVELS[kind] ?? []).map((l) => ({ value: l, label: levelName(kind, l, t, bands) }));
  const correctable = a.entries.filter((e) => !['signature', 'correction', 'extension'].includes(e.kind) && !a.entries.some((c) => c.corrects === e.id));
  const labels = { kind: t('agreements.entryKind'), on: t('agreements.entryOn'), level: t(LEVEL_LABEL[kind] ?? 'agreements.level'), spoken_only: t('agreements.spokenOnly'), corrects: t('agreements.corrects'), note: kind === 'correction' ? t('agreements.reason') : t('agreements.evidence') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => {
      const f: FieldErrors = {};
      if (!on) f.on = ['fieldErrors.required'];
      if (levels.length && !level) f.level = ['fieldErrors.required'];
      if (kind === 'correction' && !corrects) f.corrects = ['fieldErrors.required'];
      if (kind === 'correction' && !note.trim()) f.note = ['fieldErrors.required'];
      return f;
    },
    action: () =>
      save(
        () =>
          agreementsApi.addEntry(a.id, {
            kind,
            on,
            level: levels.length ? level : null,
            spoken_only: kind === 'italian_level' ? spokenOnly : null,
            corrects: kind === 'correction' ? Number(corrects) : null,
            note: note.trim() || null,
          }),
        (tt) => tt('agreements.done.entry', { kind: tt(`agreements.kinds.${kind}`) }),
      ),
  });
  const choose = (k: RecordedKind) => {
    setKind(k);
    setLevel('');
  };
  return (
    <ActionPanel id="agreement-entry" title={t('agreements.actions.entry')}>
      <form onSubmit={submit} noValidate data-testid="agreement-entry-form">
        <FormErrors errors={errors} labels={labels} />
        <SelectField id="kind" label={labels.kind} required value={kind} onValue={(v) => choose(v as RecordedKind)} options={RECORDED_KINDS.map((k) => ({ value: k, label: t(`agreements.kinds.${k}`) }))} error={errors.fields.kind} />
        <TextField id="on" type="date" required label={labels.on} max={today()} value={on} onValue={setOn} error={errors.fields.on} />
        {levels.length ? <SelectField id="level" label={labels.level} required value={level} onValue={setLevel} empty={t('agreements.choose')} options={levels} error={errors.fields.level} /> : null}
        {kind === 'italian_level' ? <CheckboxField id="spoken_only" label={labels.spoken_only} hint={t('agreements.spokenOnlyHint')} checked={spokenOnly} onValue={setSpokenOnly} /> : null}
        {kind === 'correction' ? (
          <SelectField
            id="corrects"
            label={labels.corrects}
            required
            value={corrects}
            onValue={setCorrects}
            empty={t('agreements.choose')}
            options={correctable.map((e) => ({ value: String(e.id), label: `${t('agreements.entryNumbered', { id: e.id })} · ${t(`agreements.kinds.${e.kind}`)}${e.level ? ` · ${levelName(e.kind, e.level, t, bands)}` : ''}` }))}
            error={errors.fields.corrects}
          />
        ) : null}
        <TextAreaField id="note" label={labels.note} required={kind === 'correction'} hint={kind === 'correction' ? t('agreements.reasonHint') : t('agreements.evidenceHint')} maxLength={NOTE_MAX} rows={2} value={note} onValue={setNote} error={errors.fields.note} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('agreements.actions.entry')} testId="agreement-entry-save" />
      </form>
    </ActionPanel>
  );
}

function VerifyForm({ agreement: a, save, onCancel }: ActionProps) {
  const { t, lang } = useT();
  const [verifiedOn, setVerifiedOn] = useState(today());
  const { ask, dialog } = useConfirm();
  const labels = { verified_on: t('agreements.verifiedOnLabel') };
  // Today's outcome is what the verification records: an extension moves the expiry by a year.
  const consequence = a.outcome === 'extension' ? t('agreements.confirmVerify.extension') : t('agreements.confirmVerify.final', { outcome: t(`agreements.outcomes.${a.outcome}`) });
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (verifiedOn ? {} : { verified_on: ['fieldErrors.required'] }),
    confirm: () =>
      ask({
        title: t('agreements.confirmVerify.title', { id: a.id }),
        body: (
          <>
            <Facts
              testId="agreement-verify-facts"
              items={[
                [t('agreements.person'), <bdi>{personName(a)}</bdi>],
                [t('agreements.credits'), formatNumber(a.credits, lang)],
                [t('agreements.outcome'), t(`agreements.outcomes.${a.outcome}`)],
                [labels.verified_on, formatDay(verifiedOn, lang)],
              ]}
            />
            <Consequences items={[consequence, t('agreements.confirmVerify.final2')]} />
          </>
        ),
        confirmLabel: t('agreements.confirmVerify.button'),
      }),
    action: () => save(() => agreementsApi.verify(a.id, { verified_on: verifiedOn }), (tt) => tt('agreements.done.verified')),
  });
  return (
    <ActionPanel id="agreement-verify" title={t('agreements.actions.verify')}>
      <form onSubmit={submit} noValidate data-testid="agreement-verify-form">
        <FormErrors errors={errors} labels={labels} />
        <p>{t(`agreements.outcomeHints.${a.outcome}`)}</p>
        <TextField id="verified_on" type="date" required label={labels.verified_on} min={a.verification_from} max={today()} value={verifiedOn} onValue={setVerifiedOn} error={errors.fields.verified_on} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('agreements.actions.verify')} testId="agreement-verify-save" />
        {dialog}
      </form>
    </ActionPanel>
  );
}
