// The admin's catalogue editor (decision 0043): a procedure's names in six languages, its steps
// with their office, the documents it asks for (required or only in some cases), its term rules,
// fee, legal basis and guides. The server's checks are the rules (catalogue_routes.cc body_spec
// and catalogue.cc check): each of its field errors shows at its field, whose id is the field's
// name in the request ("steps[1].office"); translations and guides are lists there and keyed by
// language here, so their errors are moved to the language's field.
//
// A change of law is a new rule with the day it applies from: files filed before that day keep
// the old rule. The form says so where the terms are, offers "a change of law" that copies the
// rule in force, and asks before saving whenever a rule was added, changed or removed, saying
// which open files each change reaches.
import { useState } from 'preact/hooks';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { FormPage, PageForm } from '../../components/FormPage';
import { setFlash } from '../../components/flash';
import { CheckboxField, EuroField, FormErrors, LoadState, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { ApiError } from '../../lib/api';
import { formatDay, today } from '../../lib/dates';
import { type Lang, LANGUAGES, type TFunction, useT } from '../../lib/i18n';
import { euroText, euroToCents } from '../../lib/money';
import { formatNumber } from '../../lib/numbers';
import { navigate } from '../../lib/router';
import { useData } from '../../lib/useData';
import { COUNTINGS, NAME_LANGUAGES, SATURDAYS, type Procedure, type ProcedureInput, proceduresApi } from './api';
import { ALWAYS_BEFORE } from './FilePage';

type NameLang = (typeof NAME_LANGUAGES)[number];
type Names = Record<NameLang, string>;
type Counting = (typeof COUNTINGS)[number];
type Saturday = (typeof SATURDAYS)[number];
const ALL_LANGS = LANGUAGES.map((l) => l.code);

interface StepDraft {
  key: number;
  code: string;
  name: string;
  office: string;
  names: Names;
}
interface DocumentDraft {
  key: number;
  code: string;
  name: string;
  required: boolean;
  names: Names;
}
interface TermDraft {
  key: number;
  term: string;
  /** '' for a rule without a start (the first rule of a term, "always"). */
  applies_from: string;
  amount: string;
  counting: Counting;
  saturday: Saturday;
  start_event: string;
  silent_consent: boolean;
  legal_reference: string;
}
interface Draft {
  code: string;
  name: string;
  names: Names;
  description: string;
  legal_basis: string;
  fee: string;
  fee_note: string;
  max_suspensions: string;
  max_suspension_days: string;
  active: boolean;
  clock_term: string;
  steps: StepDraft[];
  documents: DocumentDraft[];
  terms: TermDraft[];
  guides: Record<Lang, string>;
}

let nextKey = 1;
const key = () => nextKey++;

function namesOf(list: { language: string; name: string }[] = []): Names {
  const out = Object.fromEntries(NAME_LANGUAGES.map((l) => [l, ''])) as Names;
  for (const n of list) if ((NAME_LANGUAGES as readonly string[]).includes(n.language)) out[n.language as NameLang] = n.name;
  return out;
}

function termOf(r?: Procedure['terms'][number]): TermDraft {
  return {
    key: key(),
    term: r?.term ?? 'decision',
    applies_from: r && r.applies_from >= ALWAYS_BEFORE ? r.applies_from : '',
    amount: r ? String(r.amount) : '',
    counting: r?.counting ?? 'calendar',
    saturday: r?.saturday ?? 'stays',
    start_event: r?.start_event ?? '',
    silent_consent: r?.silent_consent ?? false,
    legal_reference: r?.legal_reference ?? '',
  };
}

function draftOf(p?: Procedure): Draft {
  const guides = Object.fromEntries(ALL_LANGS.map((l) => [l, p?.guides.find((g) => g.language === l)?.text ?? ''])) as Record<Lang, string>;
  return {
    code: p?.code ?? '',
    name: p?.name ?? '',
    names: namesOf(p?.names),
    description: p?.description ?? '',
    legal_basis: p?.legal_basis ?? '',
    fee: p?.fee_cents != null ? euroText(p.fee_cents) : '',
    fee_note: p?.fee_note ?? '',
    max_suspensions: String(p?.max_suspensions ?? 1),
    max_suspension_days: String(p?.max_suspension_days ?? 30),
    active: p?.active ?? true,
    clock_term: p?.clock_term ?? 'decision',
    steps: p ? p.steps.map((s) => ({ key: key(), code: s.code, name: s.name, office: s.office, names: namesOf(s.names) })) : [{ key: key(), code: 'filed', name: '', office: '', names: namesOf() }],
    documents: (p?.documents ?? []).map((d) => ({ key: key(), code: d.code, name: d.name, required: d.required, names: namesOf(d.names) })),
    terms: p ? p.terms.map(termOf) : [{ ...termOf(), start_event: 'filed' }],
    guides,
  };
}

const filled = (names: Names) => NAME_LANGUAGES.filter((l) => names[l].trim());
const translations = (names: Names) => filled(names).map((l) => ({ language: l, name: names[l].trim() }));

function bodyOf(d: Draft): ProcedureInput {
  return {
    code: d.code.trim(),
    name: d.name.trim(),
    names: translations(d.names),
    description: d.description.trim(),
    legal_basis: d.legal_basis.trim(),
    fee_cents: d.fee.trim() ? euroToCents(d.fee) : null,
    fee_note: d.fee_note.trim(),
    max_suspensions: Number(d.max_suspensions),
    max_suspension_days: Number(d.max_suspension_days),
    active: d.active,
    clock_term: d.clock_term.trim(),
    steps: d.steps.map((s) => ({ code: s.code.trim(), name: s.name.trim(), office: s.office.trim(), names: translations(s.names) })),
    documents: d.documents.map((x) => ({ code: x.code.trim(), name: x.name.trim(), required: x.required, names: translations(x.names) })),
    terms: d.terms.map((r) => ({
      term: r.term.trim(),
      ...(r.applies_from ? { applies_from: r.applies_from } : {}),
      amount: Number(r.amount),
      counting: r.counting,
      saturday: r.saturday,
      start_event: r.start_event,
      silent_consent: r.silent_consent,
      legal_reference: r.legal_reference.trim(),
    })),
    guides: ALL_LANGS.filter((l) => d.guides[l].trim()).map((l) => ({ language: l, text: d.guides[l].trim() })),
  };
}

/**
 * The server names a translation or a guide by its place in the list sent ("steps[2].names[1].name");
 * the form by its language ("steps[2].names.fr"). Moves those errors to the language's field.
 */
function errorsByLanguage(err: unknown, d: Draft): unknown {
  if (!(err instanceof ApiError)) return err;
  const moves: [string, string][] = [];
  const namesAt = (prefix: string, names: Names) => filled(names).forEach((l, i) => moves.push([`${prefix}names[${i}]`, `${prefix}names-${l}`]));
  namesAt('', d.names);
  d.steps.forEach((s, i) => namesAt(`steps[${i}].`, s.names));
  d.documents.forEach((x, i) => namesAt(`documents[${i}].`, x.names));
  ALL_LANGS.filter((l) => d.guides[l].trim()).forEach((l, i) => moves.push([`guides[${i}]`, `guides-${l}`]));
  const fields: ApiError['fields'] = {};
  for (const [field, reason] of Object.entries(err.fields)) {
    const move = moves.find(([from]) => field.startsWith(`${from}.`));
    fields[move ? move[1] : field] = reason;
  }
  return new ApiError(err.status, err.code, err.message, fields, err.retryAfter);
}

/** What a save changes in the term rules: what the confirmation says. */
function termChanges(before: Procedure['terms'], d: Draft, t: TFunction, lang: string): string[] {
  const id = (term: string, from: string) => `${term}@${from >= ALWAYS_BEFORE ? from : ''}`;
  const day = (from: string) => (from && from >= ALWAYS_BEFORE ? formatDay(from, lang) : t('procedures.catalogue.always'));
  const now = new Map(d.terms.map((r) => [id(r.term.trim(), r.applies_from), r]));
  const was = new Map(before.map((r) => [id(r.term, r.applies_from), r]));
  const out: string[] = [];
  for (const [k, r] of now) {
    const old = was.get(k);
    if (!old) out.push(t('procedures.editor.confirm.added', { term: r.term.trim(), day: day(r.applies_from) }));
    else if (old.amount !== Number(r.amount) || old.counting !== r.counting || old.saturday !== r.saturday || old.start_event !== r.start_event || old.silent_consent !== r.silent_consent)
      out.push(t('procedures.editor.confirm.changed', { term: r.term.trim(), day: day(r.applies_from) }));
  }
  for (const [k, r] of was) if (!now.has(k)) out.push(t('procedures.editor.confirm.removed', { term: r.term, day: day(r.applies_from) }));
  return out;
}

export function CatalogueForm({ id }: { id?: number }) {
  const { t, lang } = useT();
  // The labels in the app's language (the dialog names the procedure); the edited names stay.
  const loaded = useData(() => (id ? proceduresApi.procedure(id, lang) : Promise.resolve(null)), [id]);
  const title = id ? t('procedures.editor.editTitle') : t('procedures.editor.new');
  return (
    <FormPage title={title} backHref="/procedures" backLabel={t('procedures.editor.back')}>
      <LoadState error={loaded.error} ready={!loaded.loading && (!id || !!loaded.data)}>
        {() => <Editor procedure={loaded.data ?? undefined} />}
      </LoadState>
    </FormPage>
  );
}

function Editor({ procedure }: { procedure?: Procedure }) {
  const { t, lang } = useT();
  const [d, setD] = useState<Draft>(() => draftOf(procedure));
  const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const setItem = <L extends 'steps' | 'documents' | 'terms'>(list: L, i: number, change: Partial<Draft[L][number]>) =>
    setD((x) => ({ ...x, [list]: (x[list] as Draft[L][number][]).map((item, j) => (j === i ? { ...item, ...change } : item)) }));
  const remove = (list: 'steps' | 'documents' | 'terms', i: number) => setD((x) => ({ ...x, [list]: (x[list] as unknown[]).filter((_, j) => j !== i) }));
  const { ask, dialog } = useConfirm();
  const num = (x: number) => formatNumber(x, lang);

  const labels: Record<string, string> = {
    code: t('procedures.editor.code'),
    name: t('procedures.editor.nameIt'),
    description: t('procedures.editor.description'),
    legal_basis: t('procedures.catalogue.legalBasis'),
    fee_cents: t('procedures.catalogue.fee'),
    fee_note: t('procedures.editor.feeNote'),
    max_suspensions: t('procedures.editor.maxSuspensions'),
    max_suspension_days: t('procedures.editor.maxSuspensionDays'),
    clock_term: t('procedures.editor.clockTerm'),
    steps: t('procedures.file.steps'),
    documents: t('procedures.file.documents'),
    terms: t('procedures.catalogue.terms'),
    guides: t('procedures.editor.guides'),
  };
  const langName = (l: string) => LANGUAGES.find((x) => x.code === l)?.label ?? l;
  for (const l of NAME_LANGUAGES) labels[`names-${l}`] = t('procedures.editor.nameIn', { language: langName(l) });
  for (const l of ALL_LANGS) labels[`guides-${l}`] = t('procedures.editor.guideIn', { language: langName(l) });
  d.steps.forEach((_, i) => {
    const n = num(i + 1);
    labels[`steps[${i}].code`] = t('procedures.editor.stepField', { n, field: t('procedures.editor.code') });
    labels[`steps[${i}].name`] = t('procedures.editor.stepField', { n, field: t('procedures.editor.nameIt') });
    labels[`steps[${i}].office`] = t('procedures.editor.stepField', { n, field: t('procedures.editor.office') });
    for (const l of NAME_LANGUAGES) labels[`steps[${i}].names-${l}`] = t('procedures.editor.stepField', { n, field: labels[`names-${l}`] });
  });
  d.documents.forEach((_, i) => {
    const n = num(i + 1);
    labels[`documents[${i}].code`] = t('procedures.editor.documentField', { n, field: t('procedures.editor.code') });
    labels[`documents[${i}].name`] = t('procedures.editor.documentField', { n, field: t('procedures.editor.nameIt') });
    for (const l of NAME_LANGUAGES) labels[`documents[${i}].names-${l}`] = t('procedures.editor.documentField', { n, field: labels[`names-${l}`] });
  });
  d.terms.forEach((_, i) => {
    const n = num(i + 1);
    for (const [f, k] of [
      ['term', 'procedures.editor.termCode'],
      ['applies_from', 'procedures.editor.appliesFrom'],
      ['amount', 'procedures.editor.amount'],
      ['counting', 'procedures.editor.counting'],
      ['saturday', 'procedures.editor.saturday'],
      ['start_event', 'procedures.catalogue.runsFrom'],
      ['legal_reference', 'procedures.catalogue.legalReference'],
    ])
      labels[`terms[${i}].${f}`] = t('procedures.editor.termField', { n, field: t(k) });
  });

  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      const need = (field: string, value: string) => {
        if (!value.trim()) f[field] = ['fieldErrors.required'];
      };
      need('code', d.code);
      need('name', d.name);
      need('legal_basis', d.legal_basis);
      if (d.fee.trim() && euroToCents(d.fee) === null) f.fee_cents = ['fieldErrors.wrong_type', { expected: 'number' }];
      d.steps.forEach((s, i) => {
        need(`steps[${i}].code`, s.code);
        need(`steps[${i}].name`, s.name);
        need(`steps[${i}].office`, s.office);
      });
      d.documents.forEach((x, i) => {
        need(`documents[${i}].code`, x.code);
        need(`documents[${i}].name`, x.name);
      });
      d.terms.forEach((r, i) => {
        need(`terms[${i}].term`, r.term);
        need(`terms[${i}].start_event`, r.start_event);
        need(`terms[${i}].legal_reference`, r.legal_reference);
        if (!/^\d+$/.test(r.amount.trim())) f[`terms[${i}].amount`] = ['fieldErrors.required'];
      });
      if (!d.guides.it.trim()) f['guides-it'] = ['fieldErrors.required'];
      return f;
    },
    // Existing files follow the rules: a change to them is asked about, saying what it reaches.
    confirm: async () => {
      if (!procedure) return true;
      const changes = termChanges(procedure.terms, d, t, lang);
      if (!changes.length) return true;
      return ask({
        title: t('procedures.editor.confirm.title', { procedure: procedure.label }),
        body: (
          <>
            <Consequences items={changes} />
            <p class="mb-0">{t('procedures.editor.confirm.rule')}</p>
          </>
        ),
        confirmLabel: t('procedures.editor.confirm.button', { count: changes.length, n: num(changes.length) }),
      });
    },
    action: async () => {
      const body = bodyOf(d);
      try {
        const saved = procedure ? await proceduresApi.replaceProcedure(procedure.id, body, lang) : await proceduresApi.createProcedure(body, lang);
        setFlash(t('procedures.editor.saved', { procedure: saved.label }));
        navigate(`/procedures#procedure-${saved.code}`);
      } catch (e) {
        throw errorsByLanguage(e, d);
      }
    },
  });
  const err = errors.fields;
  const stepOptions = d.steps.filter((s) => s.code.trim()).map((s) => ({ value: s.code.trim(), label: s.name.trim() || s.code.trim() }));

  const names = (prefix: string, value: Names, onValue: (v: Names) => void, testId: string) => {
    const open = NAME_LANGUAGES.some((l) => err[`${prefix}names-${l}`]);
    return (
      <details class="mb-3" open={open || undefined} data-testid={testId}>
        <summary>{t('procedures.editor.otherLanguages', { count: filled(value).length, n: num(filled(value).length) })}</summary>
        <div class="mt-2">
          {NAME_LANGUAGES.map((l) => (
            <TextField key={l} id={`${prefix}names-${l}`} label={labels[`names-${l}`]} dir="auto" maxLength={300} value={value[l]} onValue={(v) => onValue({ ...value, [l]: v })} error={err[`${prefix}names-${l}`]} />
          ))}
        </div>
      </details>
    );
  };
  const listError = (field: string) => (err[field] ? (
      <p class="field-error" id={field} tabIndex={-1}>
        {err[field]}
      </p>
    ) : null);

  return (
    <PageForm onSubmit={submit} class="catalogue-form" testId="catalogue-form" saveTestId="catalogue-save" busy={busy} cancelHref="/procedures">
      <FormErrors errors={errors} labels={labels} />
      <p class="form-text">{t('procedures.editor.intro')}</p>
      <TextField id="code" label={labels.code} required dir="ltr" maxLength={60} hint={t('procedures.editor.codeHint')} value={d.code} onValue={set('code')} error={err.code} />
      <TextField id="name" label={labels.name} required maxLength={200} value={d.name} onValue={set('name')} error={err.name} />
      {names('', d.names, set('names'), 'procedure-names')}
      <TextAreaField id="description" label={labels.description} maxLength={2000} value={d.description} onValue={set('description')} error={err.description} />
      <TextField id="legal_basis" label={labels.legal_basis} required maxLength={500} value={d.legal_basis} onValue={set('legal_basis')} error={err.legal_basis} />
      <div class="row">
        <div class="col-12 col-md-6">
          <EuroField id="fee_cents" label={labels.fee_cents} value={d.fee} onValue={set('fee')} error={err.fee_cents} />
        </div>
        <div class="col-12 col-md-6">
          <TextField id="fee_note" label={labels.fee_note} maxLength={300} value={d.fee_note} onValue={set('fee_note')} error={err.fee_note} />
        </div>
        <div class="col-12 col-md-6">
          <TextField id="max_suspensions" label={labels.max_suspensions} inputMode="numeric" dir="ltr" value={d.max_suspensions} onValue={set('max_suspensions')} error={err.max_suspensions} />
        </div>
        <div class="col-12 col-md-6">
          <TextField id="max_suspension_days" label={labels.max_suspension_days} inputMode="numeric" dir="ltr" value={d.max_suspension_days} onValue={set('max_suspension_days')} error={err.max_suspension_days} />
        </div>
      </div>
      <CheckboxField id="active" label={t('procedures.editor.active')} checked={d.active} onValue={set('active')} />

      <h2 class="h4 mt-4">{labels.steps}</h2>
      <p class="form-text">{t('procedures.editor.stepsHint')}</p>
      {listError('steps')}
      <ol class="list-unstyled" data-testid="editor-steps">
        {d.steps.map((s, i) => (
          <li key={s.key} class="border rounded p-3 mb-3" data-testid="editor-step">
            <h3 class="h6">{t('procedures.editor.stepN', { n: num(i + 1) })}</h3>
            <TextField id={`steps[${i}].code`} label={t('procedures.editor.code')} required dir="ltr" maxLength={60} value={s.code} onValue={(v) => setItem('steps', i, { code: v })} error={err[`steps[${i}].code`]} />
            <TextField id={`steps[${i}].name`} label={t('procedures.editor.nameIt')} required maxLength={200} value={s.name} onValue={(v) => setItem('steps', i, { name: v })} error={err[`steps[${i}].name`]} />
            <TextField id={`steps[${i}].office`} label={t('procedures.editor.office')} required maxLength={200} value={s.office} onValue={(v) => setItem('steps', i, { office: v })} error={err[`steps[${i}].office`]} />
            {names(`steps[${i}].`, s.names, (v) => setItem('steps', i, { names: v }), 'step-names')}
            <div class="d-flex flex-wrap gap-2">
              {i > 0 ? (
                <button type="button" class="btn btn-outline-primary btn-sm" onClick={() => setD((x) => ({ ...x, steps: [...x.steps.slice(0, i - 1), x.steps[i], x.steps[i - 1], ...x.steps.slice(i + 1)] }))}>
                  {t('procedures.editor.moveUp', { n: num(i + 1) })}
                </button>
              ) : null}
              {d.steps.length > 1 ? (
                <button type="button" class="btn btn-outline-danger btn-sm" onClick={() => remove('steps', i)}>
                  {t('procedures.editor.removeStep', { n: num(i + 1) })}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <button type="button" class="btn btn-outline-primary mb-4" data-testid="editor-add-step" onClick={() => setD((x) => ({ ...x, steps: [...x.steps, { key: key(), code: '', name: '', office: '', names: namesOf() }] }))}>
        {t('procedures.editor.addStep')}
      </button>

      <h2 class="h4 mt-4">{labels.documents}</h2>
      {listError('documents')}
      <ul class="list-unstyled" data-testid="editor-documents">
        {d.documents.map((x, i) => (
          <li key={x.key} class="border rounded p-3 mb-3" data-testid="editor-document">
            <h3 class="h6">{t('procedures.editor.documentN', { n: num(i + 1) })}</h3>
            <TextField id={`documents[${i}].code`} label={t('procedures.editor.code')} required dir="ltr" maxLength={60} value={x.code} onValue={(v) => setItem('documents', i, { code: v })} error={err[`documents[${i}].code`]} />
            <TextField id={`documents[${i}].name`} label={t('procedures.editor.nameIt')} required maxLength={300} value={x.name} onValue={(v) => setItem('documents', i, { name: v })} error={err[`documents[${i}].name`]} />
            <CheckboxField id={`documents[${i}].required`} label={t('procedures.editor.required')} hint={t('procedures.editor.requiredHint')} checked={x.required} onValue={(v) => setItem('documents', i, { required: v })} />
            {names(`documents[${i}].`, x.names, (v) => setItem('documents', i, { names: v }), 'document-names')}
            <button type="button" class="btn btn-outline-danger btn-sm" onClick={() => remove('documents', i)}>
              {t('procedures.editor.removeDocument', { n: num(i + 1) })}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="btn btn-outline-primary mb-4" data-testid="editor-add-document" onClick={() => setD((x) => ({ ...x, documents: [...x.documents, { key: key(), code: '', name: '', required: true, names: namesOf() }] }))}>
        {t('procedures.editor.addDocument')}
      </button>

      <h2 class="h4 mt-4">{labels.terms}</h2>
      <div class="alert alert-warning" data-testid="editor-law-change">
        <p class="mb-0">{t('procedures.editor.lawChange')}</p>
      </div>
      {listError('terms')}
      <TextField id="clock_term" label={labels.clock_term} required dir="ltr" maxLength={60} hint={t('procedures.editor.clockTermHint')} value={d.clock_term} onValue={set('clock_term')} error={err.clock_term} />
      <ul class="list-unstyled" data-testid="editor-terms">
        {d.terms.map((r, i) => (
          <li key={r.key} class="border rounded p-3 mb-3" data-testid="editor-term">
            <h3 class="h6">{t('procedures.editor.termN', { n: num(i + 1) })}</h3>
            <TextField id={`terms[${i}].term`} label={t('procedures.editor.termCode')} required dir="ltr" maxLength={60} value={r.term} onValue={(v) => setItem('terms', i, { term: v })} error={err[`terms[${i}].term`]} />
            <TextField id={`terms[${i}].applies_from`} type="date" label={t('procedures.editor.appliesFrom')} hint={t('procedures.editor.appliesFromHint')} value={r.applies_from} onValue={(v) => setItem('terms', i, { applies_from: v })} error={err[`terms[${i}].applies_from`]} />
            <div class="row">
              <div class="col-12 col-md-6">
                <TextField id={`terms[${i}].amount`} label={t('procedures.editor.amount')} required inputMode="numeric" dir="ltr" value={r.amount} onValue={(v) => setItem('terms', i, { amount: v })} error={err[`terms[${i}].amount`]} />
              </div>
              <div class="col-12 col-md-6">
                <SelectField id={`terms[${i}].counting`} label={t('procedures.editor.counting')} value={r.counting} onValue={(v) => setItem('terms', i, { counting: v })} options={COUNTINGS.map((c) => ({ value: c, label: t(`procedures.editor.countings.${c}`) }))} error={err[`terms[${i}].counting`]} />
              </div>
            </div>
            <SelectField id={`terms[${i}].saturday`} label={t('procedures.editor.saturday')} value={r.saturday} onValue={(v) => setItem('terms', i, { saturday: v })} options={SATURDAYS.map((c) => ({ value: c, label: t(`procedures.editor.saturdays.${c}`) }))} error={err[`terms[${i}].saturday`]} />
            <SelectField id={`terms[${i}].start_event`} label={t('procedures.catalogue.runsFrom')} required empty={t('procedures.choose')} value={r.start_event} onValue={(v: string) => setItem('terms', i, { start_event: v })} options={stepOptions} error={err[`terms[${i}].start_event`]} />
            <CheckboxField id={`terms[${i}].silent_consent`} label={t('procedures.silentConsent')} checked={r.silent_consent} onValue={(v) => setItem('terms', i, { silent_consent: v })} />
            <TextField id={`terms[${i}].legal_reference`} label={t('procedures.catalogue.legalReference')} required maxLength={500} value={r.legal_reference} onValue={(v) => setItem('terms', i, { legal_reference: v })} error={err[`terms[${i}].legal_reference`]} />
            <div class="d-flex flex-wrap gap-2">
              <button
                type="button"
                class="btn btn-outline-primary btn-sm"
                data-testid="editor-law-change-add"
                onClick={() => setD((x) => ({ ...x, terms: [...x.terms, { ...r, key: key(), applies_from: today(), legal_reference: '' }] }))}
              >
                {t('procedures.editor.addLawChange', { term: r.term || '…' })}
              </button>
              {d.terms.length > 1 ? (
                <button type="button" class="btn btn-outline-danger btn-sm" onClick={() => remove('terms', i)}>
                  {t('procedures.editor.removeTerm', { n: num(i + 1) })}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <button type="button" class="btn btn-outline-primary mb-4" onClick={() => setD((x) => ({ ...x, terms: [...x.terms, termOf()] }))}>
        {t('procedures.editor.addTerm')}
      </button>

      <h2 class="h4 mt-4">{labels.guides}</h2>
      <p class="form-text">{t('procedures.editor.guidesHint')}</p>
      {listError('guides')}
      {ALL_LANGS.map((l) => (
        <TextAreaField key={l} id={`guides-${l}`} label={labels[`guides-${l}`]} required={l === 'it'} rows={4} maxLength={8000} value={d.guides[l]} onValue={(v) => setD((x) => ({ ...x, guides: { ...x.guides, [l]: v } }))} error={err[`guides-${l}`]} />
      ))}
      {dialog}
    </PageForm>
  );
}
