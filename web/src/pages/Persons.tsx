import { useMemo, useState } from 'preact/hooks';
import { useFlash, setFlash } from '../components/flash';
import { CheckboxField, FormErrors, Notice, SelectField, TextField } from '../components/forms';
import { FormPage, PageForm } from '../components/FormPage';
import { DataTable, FilterBar, ListHeader, useFilters } from '../components/ListPage';
import { usePageTitle } from '../components/PageTitle';
import type { FieldErrors } from '../components/useFormErrors';
import { useFormSubmit } from '../components/useFormSubmit';
import { PER_PAGE, useList } from '../components/useList';
import { useT, type TFunction } from '../i18n';
import { COUNTRY_CODES, SEXES, countryName, formatDay, reception } from '../reception';
import { navigate, setQuery, useLocation } from '../router';
import { useSession } from '../session';
import { nationality } from './Centre';

export function Persons() {
  const loc = useLocation();
  const { can } = useSession();
  const manage = can('persons.manage');
  if (manage && loc.query.get('new')) return <PersonForm />;
  return <PersonList manage={manage} />;
}

/** Countries sorted by their name in the language shown, stateless and unknown first. */
function useCountryOptions(t: TFunction, lang: string) {
  return useMemo(() => {
    const collator = new Intl.Collator(lang);
    const countries = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, lang) })).sort((a, b) => collator.compare(a.label, b.label));
    return [{ value: 'XX', label: t('persons.stateless') }, { value: 'ZZ', label: t('persons.unknownCountry') }, ...countries];
  }, [lang]);
}

function PersonList({ manage }: { manage: boolean }) {
  const { t, lang } = useT();
  const title = t('persons.title');
  usePageTitle(title);
  const message = useFlash();
  const filters = useFilters(['q', 'nationality'] as const);
  const { q } = filters.values;
  const { inputs, setter } = filters;
  const countries = useCountryOptions(t, lang);
  const list = useList(
    () => reception.listPersons({ q, nationality: filters.values.nationality, page: filters.page, per_page: PER_PAGE }),
    filters.key,
  );
  return (
    <div>
      <ListHeader title={title} newHref={manage ? '/persons?new=1' : undefined} newLabel={t('persons.new')} newTestId="person-new" />
      {message ? <Notice kind="success">{message}</Notice> : null}
      <FilterBar
        label={t('persons.filters')}
        onApply={() => setQuery({ q: inputs.q.trim(), nationality: inputs.nationality, page: null })}
        resetHref="/persons"
        active={filters.active}
        buttonsClass="col-12 col-md-4"
      >
        <div class="col-12 col-md-4">
          <TextField id="person-q" label={t('persons.search')} hint={t('persons.searchHint')} type="search" value={inputs.q} onValue={setter('q')} />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            id="person-nationality"
            label={t('persons.nationality')}
            value={inputs.nationality}
            onValue={setter('nationality')}
            empty={t('common.all')}
            options={countries}
          />
        </div>
      </FilterBar>
      <DataTable
        list={list}
        label={title}
        testId="person-table"
        head={
          <>
            <th scope="col">{t('persons.name')}</th>
            <th scope="col">{t('persons.nationality')}</th>
            <th scope="col">{t('persons.sex')}</th>
            <th scope="col">{t('persons.birthDate')}</th>
            <th scope="col">{t('persons.cui')}</th>
          </>
        }
        row={(p) => (
          <tr key={p.id}>
            <td>
              <bdi>
                {p.family_name} {p.given_names}
              </bdi>
              {p.family_name_original || p.given_names_original ? (
                <div class="small">
                  <bdi>{[p.family_name_original, p.given_names_original].filter(Boolean).join(' ')}</bdi>
                </div>
              ) : null}
            </td>
            <td>{nationality(p.nationality, lang, t)}</td>
            <td>{t(`sexes.${p.sex}`, { defaultValue: p.sex })}</td>
            <td>
              {p.birth_date ? formatDay(p.birth_date, lang) : '—'}
              {p.birth_date && p.birth_date_estimated ? ` (${t('persons.estimated')})` : ''}
            </td>
            <td>{p.cui ? <bdi dir="ltr">{p.cui}</bdi> : '—'}</td>
          </tr>
        )}
      />
    </div>
  );
}

function PersonForm() {
  const { t, lang } = useT();
  const countries = useCountryOptions(t, lang);
  const [f, setF] = useState({
    family_name: '',
    given_names: '',
    family_name_original: '',
    given_names_original: '',
    sex: '',
    birth_date: '',
    nationality: '',
    languages: '',
    cui: '',
    codice_fiscale: '',
  });
  const [estimated, setEstimated] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF((p) => ({ ...p, [k]: v }));
  const labels = {
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
  };
  const langs = () =>
    f.languages
      .split(/[\s,;]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!f.family_name.trim()) e.family_name = ['fieldErrors.required'];
      if (!f.given_names.trim()) e.given_names = ['fieldErrors.required'];
      if (!f.sex) e.sex = ['fieldErrors.required'];
      if (!f.nationality) e.nationality = ['fieldErrors.required'];
      if (langs().some((l) => !/^[a-z]{2,3}$/.test(l))) e.languages = ['fieldErrors.language_codes'];
      if (f.codice_fiscale.trim() && !/^[A-Za-z0-9]{11,16}$/.test(f.codice_fiscale.trim())) e.codice_fiscale = ['fieldErrors.invalid'];
      return e;
    },
    action: async () => {
      const opt = (s: string) => s.trim() || null;
      const created = await reception.createPerson({
        family_name: f.family_name.trim(),
        given_names: f.given_names.trim(),
        family_name_original: opt(f.family_name_original),
        given_names_original: opt(f.given_names_original),
        sex: f.sex,
        birth_date: opt(f.birth_date),
        birth_date_estimated: estimated,
        nationality: f.nationality,
        languages: langs(),
        cui: opt(f.cui),
        codice_fiscale: opt(f.codice_fiscale.toUpperCase()),
      });
      setFlash(t('persons.saved', { name: `${created.family_name} ${created.given_names}` }));
      navigate('/persons');
    },
  });
  return (
    <FormPage title={t('persons.new')} backHref="/persons" backLabel={t('persons.backToList')}>
      <FormErrors errors={errors} labels={labels} />
      <PageForm onSubmit={submit} class="mt-4" testId="person-form" saveTestId="person-save" busy={busy} cancelHref="/persons">
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField id="family_name" label={labels.family_name} hint={t('persons.latinHint')} required maxLength={100} value={f.family_name} onValue={set('family_name')} error={errors.fields.family_name} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="given_names" label={labels.given_names} required maxLength={100} value={f.given_names} onValue={set('given_names')} error={errors.fields.given_names} />
          </div>
          <div class="col-12 col-md-6">
            <TextField
              id="family_name_original"
              label={labels.family_name_original}
              hint={t('persons.originalHint')}
              maxLength={100}
              dir="auto"
              value={f.family_name_original}
              onValue={set('family_name_original')}
              error={errors.fields.family_name_original}
            />
          </div>
          <div class="col-12 col-md-6">
            <TextField
              id="given_names_original"
              label={labels.given_names_original}
              maxLength={100}
              dir="auto"
              value={f.given_names_original}
              onValue={set('given_names_original')}
              error={errors.fields.given_names_original}
            />
          </div>
          <div class="col-12 col-md-6">
            <SelectField
              id="sex"
              label={labels.sex}
              required
              value={f.sex}
              onValue={set('sex')}
              empty={t('common.choose')}
              options={SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }))}
              error={errors.fields.sex}
            />
          </div>
          <div class="col-12 col-md-6">
            <SelectField
              id="nationality"
              label={labels.nationality}
              required
              value={f.nationality}
              onValue={set('nationality')}
              empty={t('common.choose')}
              options={countries}
              error={errors.fields.nationality}
            />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="birth_date" label={labels.birth_date} type="date" value={f.birth_date} onValue={set('birth_date')} error={errors.fields.birth_date} />
            <CheckboxField id="birth_date_estimated" label={t('persons.birthDateEstimated')} checked={estimated} onValue={setEstimated} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="languages" label={labels.languages} hint={t('persons.languagesHint')} dir="ltr" value={f.languages} onValue={set('languages')} error={errors.fields.languages} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="cui" label={labels.cui} maxLength={20} dir="ltr" value={f.cui} onValue={set('cui')} error={errors.fields.cui} />
          </div>
          <div class="col-12 col-md-6">
            <TextField
              id="codice_fiscale"
              label={labels.codice_fiscale}
              maxLength={16}
              dir="ltr"
              value={f.codice_fiscale}
              onValue={set('codice_fiscale')}
              error={errors.fields.codice_fiscale}
            />
          </div>
        </div>
      </PageForm>
    </FormPage>
  );
}
