import { useEffect, useMemo, useState } from 'preact/hooks';
import { FormPage, PageForm } from '../../components/FormPage';
import { setFlash } from '../../components/flash';
import { CheckboxField, FormErrors, SelectField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { COUNTRY_CODES, countryName } from '../../lib/countries';
import { changedFields } from '../../lib/changedFields';
import { type TFunction, useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { DuplicateList } from './DuplicateList';
import { PersonSearch } from './PersonSearch';
import { type DuplicateCandidate, type FamilyGroup, peopleApi, type Person, type PersonInput, personName, type Sex, SEXES } from './api';

/** Countries sorted by their name in the language shown, stateless and unknown first. */
export function useCountryOptions(t: TFunction, lang: string) {
  return useMemo(() => {
    const collator = new Intl.Collator(lang);
    const countries = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, lang) })).sort((a, b) => collator.compare(a.label, b.label));
    return [{ value: 'XX', label: t('persons.stateless') }, { value: 'ZZ', label: t('persons.unknownCountry') }, ...countries];
  }, [lang]);
}

/** The identity fields as typed in the form. */
type Draft = {
  family_name: string;
  given_names: string;
  family_name_original: string;
  given_names_original: string;
  sex: Sex | '';
  birth_date: string;
  birth_date_estimated: boolean;
  unaccompanied_minor: boolean;
  nationality: string;
  languages: string;
  cui: string;
  codice_fiscale: string;
};

function draftOf(p?: Person): Draft {
  return {
    family_name: p?.family_name ?? '',
    given_names: p?.given_names ?? '',
    family_name_original: p?.family_name_original ?? '',
    given_names_original: p?.given_names_original ?? '',
    sex: p?.sex ?? '',
    birth_date: p?.birth_date ?? '',
    birth_date_estimated: p?.birth_date_estimated ?? false,
    unaccompanied_minor: p?.unaccompanied_minor ?? false,
    nationality: p?.nationality ?? '',
    languages: p?.languages.join(', ') ?? '',
    cui: p?.cui ?? '',
    codice_fiscale: p?.codice_fiscale ?? '',
  };
}

const languageList = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/** The body to send, once validate() has passed (so `sex` is chosen). */
function bodyOf(d: Draft): PersonInput {
  const opt = (s: string) => s.trim() || null;
  return {
    family_name: d.family_name.trim(),
    given_names: d.given_names.trim(),
    family_name_original: opt(d.family_name_original),
    given_names_original: opt(d.given_names_original),
    sex: d.sex as Sex,
    birth_date: opt(d.birth_date),
    birth_date_estimated: d.birth_date_estimated,
    unaccompanied_minor: d.unaccompanied_minor,
    nationality: d.nationality,
    languages: languageList(d.languages),
    cui: opt(d.cui),
    codice_fiscale: opt(d.codice_fiscale.toUpperCase()),
  };
}

function validate(d: Draft): FieldErrors {
  const e: FieldErrors = {};
  if (!d.family_name.trim()) e.family_name = ['fieldErrors.required'];
  if (!d.given_names.trim()) e.given_names = ['fieldErrors.required'];
  if (!d.sex) e.sex = ['fieldErrors.required'];
  if (!d.nationality) e.nationality = ['fieldErrors.required'];
  if (languageList(d.languages).some((l) => !/^[a-z]{2,3}$/.test(l))) e.languages = ['fieldErrors.language_codes'];
  if (d.codice_fiscale.trim() && !/^[A-Za-z0-9]{11,16}$/.test(d.codice_fiscale.trim())) e.codice_fiscale = ['fieldErrors.invalid'];
  return e;
}

function fieldLabels(t: TFunction) {
  return {
    family_name: t('persons.familyName'),
    given_names: t('persons.givenNames'),
    family_name_original: t('persons.familyNameOriginal'),
    given_names_original: t('persons.givenNamesOriginal'),
    sex: t('persons.sex'),
    birth_date: t('persons.birthDate'),
    nationality: t('persons.nationality'),
    languages: t('persons.languages'),
    cui: t('persons.cui'),
    codice_fiscale: t('persons.codiceFiscale'),
    family_group_id: t('person.family'),
    family_of: t('person.family'),
    family_with: t('person.familyWith'),
  };
}

/** The identity fields, the same for recording a person and for correcting one. */
function PersonFields({
  draft,
  set,
  errors,
  labels,
}: {
  draft: Draft;
  set: <K extends keyof Draft>(k: K) => (v: Draft[K]) => void;
  errors: Record<string, string>;
  labels: ReturnType<typeof fieldLabels>;
}) {
  const { t, lang } = useT();
  const countries = useCountryOptions(t, lang);
  return (
    <div class="row">
      <div class="col-12 col-md-6">
        <TextField id="family_name" label={labels.family_name} hint={t('persons.latinHint')} required maxLength={100} value={draft.family_name} onValue={set('family_name')} error={errors.family_name} />
      </div>
      <div class="col-12 col-md-6">
        <TextField id="given_names" label={labels.given_names} required maxLength={100} value={draft.given_names} onValue={set('given_names')} error={errors.given_names} />
      </div>
      <div class="col-12 col-md-6">
        <TextField
          id="family_name_original"
          label={labels.family_name_original}
          hint={t('persons.originalHint')}
          maxLength={100}
          dir="auto"
          value={draft.family_name_original}
          onValue={set('family_name_original')}
          error={errors.family_name_original}
        />
      </div>
      <div class="col-12 col-md-6">
        <TextField
          id="given_names_original"
          label={labels.given_names_original}
          maxLength={100}
          dir="auto"
          value={draft.given_names_original}
          onValue={set('given_names_original')}
          error={errors.given_names_original}
        />
      </div>
      <div class="col-12 col-md-6">
        <SelectField
          id="sex"
          label={labels.sex}
          required
          value={draft.sex}
          onValue={set('sex')}
          empty={t('common.choose')}
          options={SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }))}
          error={errors.sex}
        />
      </div>
      <div class="col-12 col-md-6">
        <SelectField
          id="nationality"
          label={labels.nationality}
          required
          value={draft.nationality}
          onValue={set('nationality')}
          empty={t('common.choose')}
          options={countries}
          error={errors.nationality}
        />
      </div>
      <div class="col-12 col-md-6">
        <TextField id="birth_date" label={labels.birth_date} type="date" value={draft.birth_date} onValue={set('birth_date')} error={errors.birth_date} />
        <CheckboxField id="birth_date_estimated" label={t('persons.birthDateEstimated')} checked={draft.birth_date_estimated} onValue={set('birth_date_estimated')} />
        <CheckboxField
          id="unaccompanied_minor"
          label={t('persons.unaccompaniedMinor')}
          hint={t('persons.unaccompaniedMinorHint')}
          checked={draft.unaccompanied_minor}
          onValue={set('unaccompanied_minor')}
        />
      </div>
      <div class="col-12 col-md-6">
        <TextField id="languages" label={labels.languages} hint={t('persons.languagesHint')} dir="ltr" value={draft.languages} onValue={set('languages')} error={errors.languages} />
      </div>
      <div class="col-12 col-md-6">
        <TextField id="cui" label={labels.cui} maxLength={20} dir="ltr" value={draft.cui} onValue={set('cui')} error={errors.cui} />
      </div>
      <div class="col-12 col-md-6">
        <TextField id="codice_fiscale" label={labels.codice_fiscale} maxLength={16} dir="ltr" value={draft.codice_fiscale} onValue={set('codice_fiscale')} error={errors.codice_fiscale} />
      </div>
    </div>
  );
}

/** 'keep': the family the person has now (or none); 'leave': no family; 'join': another person's. */
type FamilyChoice = 'keep' | 'leave' | 'join';

function FamilyPicker({
  self,
  family,
  choice,
  onChoice,
  other,
  onOther,
  error,
}: {
  self?: Person;
  family: FamilyGroup | null;
  choice: FamilyChoice;
  onChoice: (c: FamilyChoice) => void;
  other: Person | null;
  onOther: (p: Person | null) => void;
  error?: string;
}) {
  const { t } = useT();
  const relatives = family?.members.filter((m) => m.id !== self?.id) ?? [];
  const options: { value: FamilyChoice; label: string }[] = family
    ? [
        { value: 'keep', label: t('person.familyKeep') },
        { value: 'leave', label: t('person.familyLeave') },
      ]
    : [{ value: 'keep', label: t('person.familyNone') }];
  options.push({ value: 'join', label: t('person.familyJoin') });
  return (
    <fieldset class="mb-4" data-testid="family-picker" aria-describedby="family-current">
      <legend class="h5 fw-semibold">{t('person.family')}</legend>
      <p id="family-current" class="form-text">
        {relatives.length ? (
          <>
            {t('person.familyNow')}{' '}
            {relatives.map((m, i) => (
              <span key={m.id}>
                {i ? ', ' : ''}
                <bdi>{personName(m)}</bdi>
              </span>
            ))}
          </>
        ) : (
          t('person.familyNoneNow')
        )}
      </p>
      {options.map((o) => (
        <div class="form-check" key={o.value}>
          <input id={`family-${o.value}`} name="family" type="radio" checked={choice === o.value} onChange={() => onChoice(o.value)} />
          <label for={`family-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {choice === 'join' ? (
        <div class="mt-3 ps-4">
          {other ? (
            <p class="d-flex flex-wrap align-items-center gap-2" data-testid="family-chosen">
              <span>
                {t('person.familyChosen')} <bdi>{personName(other)}</bdi>
              </span>
              <button type="button" class="btn btn-link btn-xs p-0" onClick={() => onOther(null)}>
                {t('person.familyChange')}
              </button>
            </p>
          ) : (
            <PersonSearch
              id="family_with"
              label={t('person.familyWith')}
              hint={t('placements.searchPersonHint')}
              error={error}
              action={(p) => (
                <button type="button" class="btn btn-outline-primary btn-xs" disabled={p.id === self?.id} data-family-pick={p.id} onClick={() => onOther(p)}>
                  {t('person.familyPick')}
                  <span class="visually-hidden"> {personName(p)}</span>
                </button>
              )}
            />
          )}
        </div>
      ) : null}
    </fieldset>
  );
}

/** Records a new person, or (given `person`) corrects one; both can set the family. */
export function PersonForm({ person, family = null }: { person?: Person; family?: FamilyGroup | null }) {
  const { t } = useT();
  const [draft, setDraft] = useState(() => draftOf(person));
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setDraft((d) => ({ ...d, [k]: v }));
  const [choice, setChoice] = useState<FamilyChoice>('keep');
  const [other, setOther] = useState<Person | null>(null);
  const labels = fieldLabels(t);
  const back = person ? `/persons/${person.id}` : '/persons';
  // Before a new record is saved, the persons it may duplicate (decision 0026): shown once for the
  // identity typed; saving again with the same identity records the person all the same.
  const [candidates, setCandidates] = useState<{ identity: string; items: DuplicateCandidate[] } | null>(null);
  const identityOf = (d: Draft) => JSON.stringify([d.family_name, d.given_names, d.birth_date, d.nationality, d.cui].map((s) => s.trim()));
  // The warning appears above the family fields, out of sight of a user at the Save button on a
  // phone: the focus moves to it (and so the page scrolls to it) when new candidates are found.
  useEffect(() => {
    if (candidates?.items.length) document.getElementById('duplicates-heading')?.focus();
  }, [candidates]);

  /** The family change to send with the rest, in the same write: none, leave, or join another's. */
  const familyChange = (): { family_group_id?: null; family_of?: number } => {
    if (choice === 'leave') return person?.family_group_id ? { family_group_id: null } : {};
    if (choice !== 'join' || !other) return {};
    if (other.family_group_id && other.family_group_id === person?.family_group_id) return {};
    return { family_of: other.id };
  };

  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e = validate(draft);
      if (choice === 'join' && !other) e.family_with = ['person.familyChoose'];
      return e;
    },
    action: async () => {
      if (!person) {
        const identity = identityOf(draft);
        if (candidates?.identity !== identity) {
          const query = { family_name: draft.family_name.trim(), given_names: draft.given_names.trim(), birth_date: draft.birth_date, nationality: draft.nationality, cui: draft.cui.trim() };
          const found = await peopleApi.duplicates(Object.fromEntries(Object.entries(query).filter(([, v]) => v)));
          setCandidates({ identity, items: found.items });
          if (found.items.length) return;
        }
        const created = await peopleApi.createPerson({ ...bodyOf(draft), ...familyChange() });
        setFlash(t('persons.saved', { name: personName(created) }));
        // The next step is to place the person: the person's page says so.
        navigate(`/persons/${created.id}?created=1`);
        return;
      }
      const body = { ...changedFields(bodyOf(draftOf(person)), bodyOf(draft)), ...familyChange() };
      const saved = Object.keys(body).length ? await peopleApi.updatePerson(person.id, body) : person;
      setFlash(t('person.updated', { name: personName(saved) }));
      navigate(back);
    },
  });

  return (
    <FormPage
      title={person ? t('person.editTitle', { name: personName(person) }) : t('persons.new')}
      backHref={back}
      backLabel={person ? t('person.backToPerson') : t('persons.backToList')}
    >
      <FormErrors errors={errors} labels={labels} />
      <PageForm onSubmit={submit} class="mt-4" testId="person-form" saveTestId="person-save" busy={busy} cancelHref={back}>
        <PersonFields draft={draft} set={set} errors={errors.fields} labels={labels} />
        {candidates?.items.length && candidates.identity === identityOf(draft) ? (
          <section class="callout warning mb-4" aria-labelledby="duplicates-heading" data-testid="duplicate-warning" role="alert">
            <h2 id="duplicates-heading" class="callout-title h5" tabIndex={-1}>
              {t('duplicates.warningTitle', { count: candidates.items.length })}
            </h2>
            <p>{t('duplicates.warningText')}</p>
            <DuplicateList items={candidates.items} label={t('duplicates.candidates')} />
            <p class="mb-0">{t('duplicates.warningSaveAgain')}</p>
          </section>
        ) : null}
        <FamilyPicker
          self={person}
          family={family}
          choice={choice}
          onChoice={setChoice}
          other={other}
          onOther={setOther}
          error={errors.fields.family_with ?? errors.fields.family_of ?? errors.fields.family_group_id}
        />
      </PageForm>
    </FormPage>
  );
}
