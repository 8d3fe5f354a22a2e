// Writing an opportunity (publishers): the Italian texts, the dates, who it is for, and the
// translations in the other five languages. Publishing or withdrawing asks first, saying what the
// public will see; a draft stays the organisation's own.
import { useState } from 'preact/hooks';
import { useConfirm } from '../../components/ConfirmDialog';
import { FormPage, PageForm } from '../../components/FormPage';
import { setFlash } from '../../components/flash';
import { CheckboxField, FormErrors, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { useMunicipalities } from '../centres/index';
import { languageName } from './parts';
import { KINDS, type Opportunity, type OpportunityInput, STATUSES, TARGET_GROUPS, TEXT_MAX, TITLE_MAX, TRANSLATED, type Translation, opportunitiesApi } from './api';

type Kind = (typeof KINDS)[number];
type Status = (typeof STATUSES)[number];
type Language = (typeof TRANSLATED)[number];
type Texts = { title: string; description: string; how_to_apply: string };

interface Draft {
  kind: Kind | '';
  status: Status;
  title: string;
  description: string;
  how_to_apply: string;
  url: string;
  place: string;
  municipality: string;
  starts_on: string;
  ends_on: string;
  expires_on: string;
  free: boolean;
  target_groups: string[];
  translations: Record<Language, Texts>;
}

const noTexts = (): Texts => ({ title: '', description: '', how_to_apply: '' });

function draftOf(o?: Opportunity): Draft {
  const translations = Object.fromEntries(TRANSLATED.map((l) => [l, noTexts()])) as Record<Language, Texts>;
  for (const t of o?.translations ?? []) translations[t.language] = { title: t.title, description: t.description, how_to_apply: t.how_to_apply };
  return {
    kind: o?.kind ?? '',
    status: o?.status ?? 'draft',
    title: o?.title ?? '',
    description: o?.description ?? '',
    how_to_apply: o?.how_to_apply ?? '',
    url: o?.url ?? '',
    place: o?.place ?? '',
    municipality: o?.municipality?.istat_code ?? '',
    starts_on: o?.starts_on ?? '',
    ends_on: o?.ends_on ?? '',
    expires_on: o?.expires_on ?? '',
    free: o?.free ?? true,
    target_groups: [...(o?.target_groups ?? [])],
    translations,
  };
}

/** The body the API takes: empty optional texts as null, only the translations that have a title. */
function bodyOf(d: Draft): OpportunityInput {
  const translations: Translation[] = TRANSLATED.filter((l) => d.translations[l].title.trim() || d.translations[l].description.trim()).map((language) => ({
    language,
    ...d.translations[language],
  }));
  return {
    kind: d.kind as Kind,
    status: d.status,
    title: d.title,
    description: d.description,
    how_to_apply: d.how_to_apply,
    url: d.url.trim() || null,
    place: d.place.trim() || null,
    municipality: d.municipality.trim() || null,
    starts_on: d.starts_on || null,
    ends_on: d.ends_on || null,
    expires_on: d.expires_on,
    free: d.free,
    target_groups: d.target_groups as OpportunityInput['target_groups'],
    translations,
  };
}

export function NewOpportunity() {
  const { t } = useT();
  return (
    <FormPage title={t('opportunities.new')} backHref="/opportunities" backLabel={t('opportunities.backToList')}>
      <OpportunityForm
        cancelHref="/opportunities"
        save={async (body) => {
          const created = await opportunitiesApi.create(body);
          setFlash(t('opportunities.saved', { title: created.title }));
          navigate(`/opportunities/${created.id}`);
        }}
      />
    </FormPage>
  );
}

export function EditOpportunity({ opportunity, onSaved }: { opportunity: Opportunity; onSaved: (o: Opportunity) => void }) {
  return <OpportunityForm opportunity={opportunity} cancelHref={`/opportunities/${opportunity.id}`} save={async (body) => onSaved(await opportunitiesApi.update(opportunity.id, body))} />;
}

function OpportunityForm({ opportunity, cancelHref, save }: { opportunity?: Opportunity; cancelHref: string; save: (body: OpportunityInput) => Promise<void> }) {
  const { t, lang } = useT();
  const [d, setD] = useState<Draft>(() => draftOf(opportunity));
  const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  const setTranslation = (l: Language, k: keyof Texts) => (v: string) =>
    setD((old) => ({ ...old, translations: { ...old.translations, [l]: { ...old.translations[l], [k]: v } } }));
  const municipalities = useMunicipalities();
  const { ask, dialog } = useConfirm();
  const wasStatus = opportunity?.status ?? 'draft';
  const labels: Record<string, string> = {
    kind: t('opportunities.kind'),
    title: t('opportunities.titleField'),
    description: t('opportunities.description'),
    how_to_apply: t('opportunities.howToApply'),
    url: t('opportunities.url'),
    place: t('opportunities.place'),
    municipality: t('opportunities.municipality'),
    starts_on: t('opportunities.startsOn'),
    ends_on: t('opportunities.endsOn'),
    expires_on: t('opportunities.expiresOn'),
    target_groups: t('opportunities.targetGroups'),
    translations: t('opportunities.translations'),
    status: t('opportunities.status'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      for (const k of ['kind', 'title', 'description', 'how_to_apply', 'expires_on'] as const) if (!String(d[k]).trim()) f[k] = ['fieldErrors.required'];
      if (d.url.trim() && !d.url.trim().startsWith('https://')) f.url = ['opportunities.errors.notHttps'];
      if (d.starts_on && d.ends_on && d.ends_on < d.starts_on) f.ends_on = ['opportunities.errors.endsBeforeStarts'];
      return f;
    },
    // Publishing shows it to the public, withdrawing takes it away: both ask first.
    confirm:
      d.status !== wasStatus && d.status !== 'draft'
        ? () =>
            ask({
              title: t(`opportunities.confirm.${d.status}.title`, { title: d.title }),
              body: <p>{t(`opportunities.confirm.${d.status}.body`, { day: formatDay(d.expires_on, lang) })}</p>,
              confirmLabel: t(`opportunities.confirm.${d.status}.button`),
            })
        : undefined,
    action: () => save(bodyOf(d)),
  });
  return (
    <PageForm onSubmit={submit} class="opportunity-form" testId="opportunity-form" saveTestId="opportunity-save" busy={busy} cancelHref={cancelHref}>
      <FormErrors errors={errors} labels={labels} />
      <SelectField id="kind" label={labels.kind} required value={d.kind} onValue={set('kind')} empty={t('opportunities.choose')} options={KINDS.map((k) => ({ value: k, label: t(`opportunities.kinds.${k}`) }))} error={errors.fields.kind} />
      <TextField id="title" label={labels.title} required maxLength={TITLE_MAX} value={d.title} onValue={set('title')} error={errors.fields.title} />
      <TextAreaField id="description" label={labels.description} required maxLength={TEXT_MAX} rows={5} value={d.description} onValue={set('description')} error={errors.fields.description} />
      <TextAreaField id="how_to_apply" label={labels.how_to_apply} required maxLength={TEXT_MAX} rows={3} value={d.how_to_apply} onValue={set('how_to_apply')} error={errors.fields.how_to_apply} />
      <div class="row">
        <div class="col-12 col-md-4">
          <TextField id="starts_on" type="date" label={labels.starts_on} value={d.starts_on} onValue={set('starts_on')} error={errors.fields.starts_on} />
        </div>
        <div class="col-12 col-md-4">
          <TextField id="ends_on" type="date" label={labels.ends_on} value={d.ends_on} onValue={set('ends_on')} error={errors.fields.ends_on} />
        </div>
        <div class="col-12 col-md-4">
          <TextField id="expires_on" type="date" required label={labels.expires_on} hint={t('opportunities.expiresHint')} value={d.expires_on} onValue={set('expires_on')} error={errors.fields.expires_on} />
        </div>
      </div>
      <TextField id="place" label={labels.place} maxLength={300} value={d.place} onValue={set('place')} error={errors.fields.place} />
      <TextField id="municipality" label={labels.municipality} hint={t('opportunities.municipalityHint')} list="opportunity-municipalities" autoComplete="off" value={d.municipality} onValue={set('municipality')} error={errors.fields.municipality} />
      <datalist id="opportunity-municipalities">
        {Object.entries(municipalities)
          .sort(([, a], [, b]) => a.localeCompare(b, 'it'))
          .map(([code, name]) => (
            <option key={code} value={code} label={name} />
          ))}
      </datalist>
      <TextField id="url" type="url" dir="ltr" label={labels.url} hint={t('opportunities.urlHint')} maxLength={2000} value={d.url} onValue={set('url')} error={errors.fields.url} />
      <CheckboxField id="free" label={t('opportunities.free')} checked={d.free} onValue={set('free')} />
      <fieldset class="mb-4" aria-describedby={errors.fields.target_groups ? 'target_groups-error' : undefined}>
        <legend class="form-label fw-semibold h6">{labels.target_groups}</legend>
        <p class="form-text">{t('opportunities.targetGroupsHint')}</p>
        {TARGET_GROUPS.map((g) => (
          <div class="form-check" key={g}>
            <input
              id={`target_groups-${g}`}
              type="checkbox"
              checked={d.target_groups.includes(g)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                set('target_groups')(on ? [...d.target_groups, g] : d.target_groups.filter((x) => x !== g));
              }}
            />
            <label for={`target_groups-${g}`}>{t(`opportunities.targetGroupNames.${g}`)}</label>
          </div>
        ))}
        {errors.fields.target_groups ? (
          <div id="target_groups-error" class="field-error">
            {errors.fields.target_groups}
          </div>
        ) : null}
      </fieldset>
      <h2 class="h4">{labels.translations}</h2>
      <p>{t('opportunities.translationsHint')}</p>
      {errors.fields.translations ? <p class="field-error">{errors.fields.translations}</p> : null}
      {TRANSLATED.map((l) => (
        <details class="mb-3" key={l} open={!!d.translations[l].title}>
          <summary class="fw-semibold">{languageName(l, lang)}</summary>
          <div lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'} class="pt-2">
            <TextField id={`translation-${l}-title`} label={labels.title} maxLength={TITLE_MAX} value={d.translations[l].title} onValue={setTranslation(l, 'title')} />
            <TextAreaField id={`translation-${l}-description`} label={labels.description} maxLength={TEXT_MAX} rows={4} value={d.translations[l].description} onValue={setTranslation(l, 'description')} />
            <TextAreaField id={`translation-${l}-how_to_apply`} label={labels.how_to_apply} maxLength={TEXT_MAX} rows={2} value={d.translations[l].how_to_apply} onValue={setTranslation(l, 'how_to_apply')} />
          </div>
        </details>
      ))}
      <SelectField id="status" label={labels.status} value={d.status} onValue={set('status')} options={STATUSES.map((s) => ({ value: s, label: t(`opportunities.statuses.${s}`) }))} hint={t('opportunities.statusHint')} />
      {dialog}
    </PageForm>
  );
}
