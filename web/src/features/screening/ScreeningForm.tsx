// A screening with one instrument version (issue 11 point 2). IPSN: the indicators in their groups;
// beside them, live, the categories the marked ones point to with how many. PROTECT: the ten
// questions answered yes or no; live, the score, its band and whether the referral cut-off is
// reached. Then the operator confirms or rejects each suggested category with a note (and a
// severity when confirmed). Saving keeps a draft; completing is irreversible and asks first.
import { useRef, useState } from 'preact/hooks';
import { ActionPanel } from '../../components/ActionPanel';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { FormErrors, SelectField, TextAreaField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { type Msg, useT } from '../../lib/i18n';
import {
  type Category,
  countsOf,
  type Decision,
  INDICATOR_GROUPS,
  INDICATORS,
  type Instrument,
  PROTECT_ITEMS,
  type Screening,
  type Section,
  scoreOf,
  SEVERITIES,
  type Severity,
  screeningApi,
  STAGES,
} from './api';

type Stage = (typeof STAGES)[number];
type Choice = { confirmed: boolean | null; severity: Severity | ''; note: string };

const KNOWN: readonly string[] = [...INDICATORS, ...PROTECT_ITEMS];

export function ScreeningForm({
  caseId,
  instrument,
  draft,
  onCancel,
  done,
}: {
  caseId: number;
  instrument: Instrument;
  draft: Screening | null;
  onCancel: () => void;
  done: (s: Section, message: Msg) => void;
}) {
  const { t } = useT();
  const { ask, dialog } = useConfirm();
  const ipsn = instrument.code === 'ipsn';
  const [answers, setAnswers] = useState<Record<string, boolean>>(() => Object.fromEntries((draft?.answers ?? []).map((a) => [a.code, a.value])));
  const [stage, setStage] = useState<Stage>((draft?.stage as Stage | undefined) ?? 'first');
  const [trigger, setTrigger] = useState(draft?.trigger_reason ?? '');
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  // Which of the two submit buttons was pressed: read when the submit event runs, after the click.
  const mode = useRef<'save' | 'complete'>('save');
  const label = (code: string) => (KNOWN.includes(code) ? t(`screening.codes.${code}`) : code);
  const codes = ipsn ? instrument.indicators.map((i) => i.code) : instrument.items;
  const answerList = codes.map((code) => ({ code, value: !!answers[code] }));
  const suggestions: { category: Category; count: number }[] = ipsn
    ? countsOf(instrument, answers)
    : scoreOf(instrument, answers).referral
      ? [{ category: 'torture_violence', count: 1 }]
      : [];
  const protect = scoreOf(instrument, answers);
  const choice = (c: string): Choice => choices[c] ?? { confirmed: null, severity: '', note: '' };
  const setChoice = (c: string, patch: Partial<Choice>) => setChoices({ ...choices, [c]: { ...choice(c), ...patch } });
  const toggle = (code: string, value: boolean) => setAnswers({ ...answers, [code]: value });

  const decisions = (): Decision[] =>
    suggestions.map(({ category }) => {
      const c = choice(category);
      return c.confirmed
        ? { category, confirmed: true, severity: c.severity as Severity, note: c.note.trim() }
        : { category, confirmed: false, note: c.note.trim() };
    });
  const labels: Record<string, string> = { trigger_reason: t('screening.triggerReason'), stage: t('screening.stage') };
  suggestions.forEach(({ category }, k) => {
    const name = t(`vulnerability.person.${category}`);
    labels[`decision-${category}`] = name;
    labels[`decisions[${k}].note`] = t('screening.noteFor', { category: name });
    labels[`decisions[${k}].severity`] = t('screening.severityFor', { category: name });
  });

  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!draft && stage === 'trigger' && !trigger.trim()) e.trigger_reason = ['fieldErrors.required'];
      if (mode.current === 'complete')
        suggestions.forEach(({ category }, k) => {
          const c = choice(category);
          if (c.confirmed === null) e[`decision-${category}`] = ['fieldErrors.required'];
          if (c.confirmed && !c.severity) e[`decisions[${k}].severity`] = ['fieldErrors.required'];
          if (!c.note.trim()) e[`decisions[${k}].note`] = ['fieldErrors.required'];
        });
      return e;
    },
    confirm: () => {
      if (mode.current !== 'complete') return Promise.resolve(true);
      const confirmed = decisions().filter((d) => d.confirmed);
      const categories = confirmed.map((d) => t(`vulnerability.person.${d.category}`)).join(', ');
      return ask({
              title: t('screening.confirmComplete.title'),
              confirmLabel: t('screening.confirmComplete.button'),
              body: (
                <Consequences
                  items={[
                    confirmed.length
                      ? t('screening.confirmComplete.flags', { count: confirmed.length, categories })
                      : t('screening.confirmComplete.noFlags'),
                    t('screening.confirmComplete.final'),
                  ]}
                />
              ),
      });
    },
    action: async () => {
      let id = draft?.id;
      let next: Section | null = null;
      if (!id) {
        next = await screeningApi.start(caseId, {
          instrument_version_id: instrument.id,
          stage,
          trigger_reason: stage === 'trigger' ? trigger.trim() : undefined,
          answers: answerList,
        });
        id = next.screenings.find((s) => s.status === 'draft')?.id;
      }
      if (!id) return;
      if (mode.current === 'complete') {
        next = await screeningApi.complete(id, { instrument_version_id: instrument.id, answers: answerList, decisions: decisions() });
        done(next, (t) => t('screening.saved.completed'));
      } else {
        if (draft) next = await screeningApi.save(id, { instrument_version_id: instrument.id, answers: answerList });
        if (next) done(next, (t) => t('screening.saved.draft'));
      }
    },
  });

  const title = t(`screening.instruments.${instrument.code}`, { version: instrument.version });
  return (
    <ActionPanel id="screening-form" title={title}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="screening-form-heading">
        {!draft ? (
          <>
            <SelectField
              id="stage"
              label={labels.stage}
              required
              value={stage}
              onValue={setStage}
              options={STAGES.map((s) => ({ value: s, label: t(`screening.stages.${s}`) }))}
            />
            {stage === 'trigger' ? (
              <TextAreaField id="trigger_reason" label={labels.trigger_reason} required maxLength={1000} value={trigger} onValue={setTrigger} error={errors.fields.trigger_reason} />
            ) : null}
          </>
        ) : null}
        <div class="row">
          <div class="col-12 col-lg-8">
            {ipsn ? (
              INDICATOR_GROUPS.map((group) => {
                const inGroup = instrument.indicators.filter((i) => i.group === group);
                return inGroup.length ? (
                  <fieldset key={group} class="mb-3" data-testid={`group-${group}`}>
                    <legend class="h6">{t(`screening.groups.${group}`)}</legend>
                    {inGroup.map((i) => (
                      <div key={i.code} class="form-check">
                        <input id={`answer-${i.code}`} type="checkbox" checked={!!answers[i.code]} onChange={(e) => toggle(i.code, e.currentTarget.checked)} />
                        <label for={`answer-${i.code}`}>{label(i.code)}</label>
                      </div>
                    ))}
                  </fieldset>
                ) : null;
              })
            ) : (
              <fieldset class="mb-3">
                <legend class="h6">{t('screening.protectQuestion')}</legend>
                {instrument.items.map((item) => (
                  <div key={item} class="form-check">
                    <input id={`answer-${item}`} type="checkbox" checked={!!answers[item]} onChange={(e) => toggle(item, e.currentTarget.checked)} />
                    <label for={`answer-${item}`}>{label(item)}</label>
                  </div>
                ))}
              </fieldset>
            )}
          </div>
          <div class="col-12 col-lg-4">
            <div class="border rounded p-3 mb-3" aria-live="polite" data-testid="screening-live">
              {ipsn ? (
                <>
                  <h4 class="h6">{t('screening.pointsTo')}</h4>
                  {suggestions.length ? (
                    <ul class="mb-0">
                      {suggestions.map((s) => {
                        const category = t(`vulnerability.person.${s.category}`);
                        return <li key={s.category}>{t('screening.indicatorCount', { category, count: s.count })}</li>;
                      })}
                    </ul>
                  ) : (
                    <p class="mb-0">{t('screening.noneMarked')}</p>
                  )}
                </>
              ) : (
                <>
                  <p class="mb-1">{t('screening.scoreBand', { score: protect.score, band: protect.band ? t(`vulnerability.severity.${protect.band}`) : '—' })}</p>
                  <p class="mb-0">
                    {protect.referral ? t('screening.cutOffReached', { cutOff: instrument.referral_cut_off ?? 0 }) : t('screening.cutOffNotReached', { cutOff: instrument.referral_cut_off ?? 0 })}
                  </p>
                </>
              )}
            </div>
          </div>
        </div>

        {suggestions.length ? (
          <fieldset class="mb-3" data-testid="screening-decisions">
            <legend class="h5">{t('screening.decide')}</legend>
            {suggestions.map(({ category }, k) => {
              const c = choice(category);
              const name = t(`vulnerability.person.${category}`);
              return (
                <div key={category} class="border-start border-3 ps-3 mb-3" data-testid={`decision-${category}`}>
                  <fieldset id={`decision-${category}`} aria-invalid={errors.fields[`decision-${category}`] ? 'true' : undefined}>
                    <legend class="h6">{name}</legend>
                    <div class="form-check form-check-inline">
                      <input id={`confirm-${category}`} type="radio" name={`choice-${category}`} checked={c.confirmed === true} onChange={() => setChoice(category, { confirmed: true })} />
                      <label for={`confirm-${category}`}>{t('screening.confirm')}</label>
                    </div>
                    <div class="form-check form-check-inline">
                      <input
                        id={`reject-${category}`}
                        type="radio"
                        name={`choice-${category}`}
                        checked={c.confirmed === false}
                        onChange={() => setChoice(category, { confirmed: false, severity: '' })}
                      />
                      <label for={`reject-${category}`}>{t('screening.reject')}</label>
                    </div>
                    {errors.fields[`decision-${category}`] ? <div class="field-error">{errors.fields[`decision-${category}`]}</div> : null}
                  </fieldset>
                  {c.confirmed ? (
                    <SelectField
                      id={`decisions[${k}].severity`}
                      label={labels[`decisions[${k}].severity`]}
                      required
                      value={c.severity}
                      onValue={(v: Severity | '') => setChoice(category, { severity: v })}
                      empty={t('screening.choose')}
                      options={SEVERITIES.map((s) => ({ value: s, label: t(`vulnerability.severity.${s}`) }))}
                      error={errors.fields[`decisions[${k}].severity`]}
                    />
                  ) : null}
                  <TextAreaField
                    id={`decisions[${k}].note`}
                    label={labels[`decisions[${k}].note`]}
                    required
                    maxLength={2000}
                    rows={2}
                    value={c.note}
                    onValue={(v) => setChoice(category, { note: v })}
                    error={errors.fields[`decisions[${k}].note`]}
                  />
                </div>
              );
            })}
          </fieldset>
        ) : null}

        <div class="d-flex flex-wrap gap-2">
          <button type="submit" class="btn btn-outline-primary" disabled={busy} data-testid="screening-save" onClick={() => (mode.current = 'save')}>
            {t('screening.saveDraft')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy} data-testid="screening-complete" onClick={() => (mode.current = 'complete')}>
            {t('screening.complete')}
          </button>
          <button type="button" class="btn btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      {dialog}
    </ActionPanel>
  );
}
