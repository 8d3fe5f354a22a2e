// The SUI officer's way to the person of a file (decision 0043): without persons.read, a search by
// name and birth date that shows identity fields only (record number, names, birth date,
// nationality), and, when nobody matches, the registration of the person with those few fields.
// Inside the file's form: Enter searches instead of submitting it, and the registration's buttons
// are plain buttons (a form cannot hold another).
import { useMemo, useState } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { SelectField, Spinner, TextField } from '../../components/forms';
import { ApiError } from '../../lib/api';
import { COUNTRY_CODES, countryName, nationality } from '../../lib/countries';
import { formatDay, today } from '../../lib/dates';
import { describeError, describeFieldError } from '../../lib/errors';
import { useT } from '../../lib/i18n';
import { type PersonIdentity, proceduresApi } from './api';
import { personName } from './parts';

const SEXES = ['female', 'male', 'unspecified'] as const;
type Sex = (typeof SEXES)[number];

export function IdentityLookup({
  id,
  label,
  hint,
  error,
  testId,
  onPick,
}: {
  /** The field the server names in its errors (person_id, sponsor_person_id). */
  id: string;
  label: string;
  hint: string;
  error?: string;
  testId: string;
  onPick: (p: PersonIdentity) => void;
}) {
  const { t, lang } = useT();
  const [name, setName] = useState('');
  const [birth, setBirth] = useState('');
  const [results, setResults] = useState<{ items: PersonIdentity[]; more: boolean } | null>(null);
  const [searching, setSearching] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [registering, setRegistering] = useState(false);

  const search = async () => {
    const missing: Record<string, string> = {};
    if (name.trim().length < 2) missing[`${id}-name`] = t('fieldErrors.too_short', { count: 2 });
    if (!birth) missing[`${id}-birth`] = t('fieldErrors.required');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    setSearching(true);
    setProblem(null);
    setRegistering(false);
    try {
      setResults(await proceduresApi.identify(name.trim(), birth));
    } catch (e) {
      setProblem(e);
    } finally {
      setSearching(false);
    }
  };

  return (
    <fieldset class="mb-4" data-testid={testId}>
      <legend class="form-label fw-semibold">{label}</legend>
      <p class="form-text mt-0" id={`${id}-hint`}>
        {hint}
      </p>
      <div
        class="row align-items-end"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
            e.preventDefault();
            void search();
          }
        }}
      >
        <div class="col-12 col-md-5">
          <TextField id={`${id}-name`} label={t('procedures.identity.name')} hint={t('procedures.identity.nameHint')} value={name} onValue={setName} error={local[`${id}-name`] ?? error} />
        </div>
        <div class="col-12 col-md-4">
          <TextField id={`${id}-birth`} type="date" label={t('persons.birthDate')} max={today()} value={birth} onValue={setBirth} error={local[`${id}-birth`]} />
        </div>
        <div class="col-12 col-md-3 mb-4">
          <button type="button" class="btn btn-outline-primary" data-testid={`${testId}-search`} onClick={search}>
            <Icon name="search" class="icon-primary icon-sm me-1" />
            {t('common.search')}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {searching ? <Spinner label={t('common.loading')} /> : null}
        {problem ? <div class="alert alert-danger">{describeError(problem, t)}</div> : null}
        {results && !searching ? (
          <>
            {results.items.length ? (
              <ul class="list-unstyled" data-testid={`${testId}-results`} aria-label={t('procedures.identity.results')}>
                {results.items.map((p) => (
                  <li key={p.id} class="d-flex flex-wrap align-items-center gap-2 mb-2">
                    <button type="button" class="btn btn-primary btn-sm" data-testid={`${testId}-pick`} onClick={() => onPick(p)}>
                      {t('procedures.files.pick', { name: personName(p) })}
                    </button>
                    <span>
                      <bdi>{personName(p)}</bdi>
                      {p.birth_date ? ` · ${formatDay(p.birth_date, lang)}` : ''} · {nationality(p.nationality, lang, t)} · {t('procedures.identity.record', { id: p.id })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p data-testid={`${testId}-none`}>{t('procedures.identity.none')}</p>
            )}
            {results.more ? <p class="form-text">{t('procedures.identity.more')}</p> : null}
            {registering ? (
              <Register id={id} testId={testId} name={name} birth={birth} onDone={onPick} onCancel={() => setRegistering(false)} />
            ) : (
              <button type="button" class="btn btn-outline-primary btn-sm mb-3" data-testid={`${testId}-register`} onClick={() => setRegistering(true)}>
                {t('procedures.identity.register')}
              </button>
            )}
          </>
        ) : null}
      </div>
    </fieldset>
  );
}

/** The registration of a person nobody found: the names, sex and nationality; the birth date searched. */
function Register({ id, testId, name, birth, onDone, onCancel }: { id: string; testId: string; name: string; birth: string; onDone: (p: PersonIdentity) => void; onCancel: () => void }) {
  const { t, lang } = useT();
  const words = name.trim().split(/\s+/);
  const [family, setFamily] = useState(words.length > 1 ? words.slice(-1).join(' ') : words[0] ?? '');
  const [given, setGiven] = useState(words.length > 1 ? words.slice(0, -1).join(' ') : '');
  const [sex, setSex] = useState<Sex | ''>('');
  const [country, setCountry] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const countries = useMemo(() => {
    const collator = new Intl.Collator(lang);
    const all = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, lang) })).sort((a, b) => collator.compare(a.label, b.label));
    return [{ value: 'XX', label: t('persons.stateless') }, { value: 'ZZ', label: t('persons.unknownCountry') }, ...all];
  }, [lang]);
  const field = (f: string) => `${id}-new-${f}`;

  const save = async () => {
    const missing: Record<string, string> = {};
    if (!family.trim()) missing.family_name = t('fieldErrors.required');
    if (!given.trim()) missing.given_names = t('fieldErrors.required');
    if (!sex) missing.sex = t('fieldErrors.required');
    if (!country) missing.nationality = t('fieldErrors.required');
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) {
      document.getElementById(field(Object.keys(missing)[0]))?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(await proceduresApi.register({ family_name: family.trim(), given_names: given.trim(), sex: sex as Sex, birth_date: birth, nationality: country }));
    } catch (e) {
      const fields: Record<string, string> = {};
      if (e instanceof ApiError) for (const [k, reason] of Object.entries(e.fields)) fields[k] = describeFieldError(reason, t);
      setErrors(fields);
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="border rounded p-3 mb-3" role="group" aria-labelledby={`${field('title')}`} data-testid={`${testId}-new`}>
      <h3 class="h6" id={field('title')}>
        {t('procedures.identity.registerTitle', { day: formatDay(birth, lang) })}
      </h3>
      {problem ? (
        <div class="alert alert-danger" role="alert">
          {describeError(problem, t)}
        </div>
      ) : null}
      <TextField id={field('family_name')} label={t('persons.familyName')} required value={family} onValue={setFamily} error={errors.family_name} />
      <TextField id={field('given_names')} label={t('persons.givenNames')} required value={given} onValue={setGiven} error={errors.given_names} />
      <SelectField id={field('sex')} label={t('persons.sex')} required empty={t('procedures.choose')} value={sex} onValue={setSex} options={SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }))} error={errors.sex} />
      <SelectField id={field('nationality')} label={t('persons.nationality')} required empty={t('procedures.choose')} value={country} onValue={setCountry} options={countries} error={errors.nationality ?? errors.birth_date} />
      <div class="d-flex flex-wrap gap-2">
        <button type="button" class="btn btn-primary btn-sm" disabled={busy} data-testid={`${testId}-register-save`} onClick={save}>
          {t('procedures.identity.registerSave')}
        </button>
        <button type="button" class="btn btn-outline-primary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
