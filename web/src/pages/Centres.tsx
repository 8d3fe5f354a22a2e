import { useEffect, useState } from 'preact/hooks';
import { api, listAll, type Organization } from '../api';
import { setFlash, useFlash } from '../components/flash';
import { FormErrors, Notice, SelectField, TextField } from '../components/forms';
import { FormPage, PageForm } from '../components/FormPage';
import { DataTable, FilterBar, ListHeader, useFilters } from '../components/ListPage';
import { usePageTitle } from '../components/PageTitle';
import type { FieldErrors } from '../components/useFormErrors';
import { useFormSubmit } from '../components/useFormSubmit';
import { PER_PAGE, useList } from '../components/useList';
import { useT, type TFunction } from '../i18n';
import { CATEGORIES, CENTRE_SERVICES, CENTRE_STATUSES, CENTRE_TYPES, reception, type CentreInput } from '../reception';
import { Link, navigate, setQuery, useLocation } from '../router';
import { useSession } from '../session';
import { StatusBadge } from './centreParts';

export function Centres() {
  const loc = useLocation();
  const { can } = useSession();
  const manage = can('centres.manage');
  if (manage && loc.query.get('new')) return <CentreForm />;
  return <CentreList manage={manage} />;
}

export const typeOptions = (t: TFunction) => CENTRE_TYPES.map((v) => ({ value: v, label: t(`centreTypes.${v}`) }));
export const statusOptions = (t: TFunction) => CENTRE_STATUSES.map((v) => ({ value: v, label: t(`centreStatuses.${v}`) }));

function CentreList({ manage }: { manage: boolean }) {
  const { t } = useT();
  const title = t('centres.title');
  usePageTitle(title);
  const message = useFlash();
  const filters = useFilters(['q', 'type', 'status', 'istat_code'] as const);
  const { q, type, status, istat_code } = filters.values;
  const { inputs, setter } = filters;
  const municipalities = useMunicipalities();
  const list = useList(
    () => reception.listCentres({ q, type, status, istat_code, page: filters.page, per_page: PER_PAGE }),
    filters.key,
  );

  return (
    <div>
      <ListHeader title={title} newHref={manage ? '/centres?new=1' : undefined} newLabel={t('centres.new')} newTestId="centre-new" />
      {message ? <Notice kind="success">{message}</Notice> : null}
      <FilterBar
        label={t('centres.filters')}
        onApply={() =>
          setQuery({ q: inputs.q.trim(), type: inputs.type, status: inputs.status, istat_code: inputs.istat_code.trim(), page: null })
        }
        resetHref="/centres"
        active={filters.active}
        buttonsClass="col-12 col-md-6 col-lg-4"
      >
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="centre-q" label={t('centres.search')} type="search" value={inputs.q} onValue={setter('q')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField id="centre-type" label={t('centres.type')} value={inputs.type} onValue={setter('type')} empty={t('common.all')} options={typeOptions(t)} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="centre-status"
            label={t('centres.status')}
            value={inputs.status}
            onValue={setter('status')}
            empty={t('common.all')}
            options={statusOptions(t)}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField
            id="centre-istat"
            label={t('centres.istat')}
            hint={t('centres.istatHint')}
            inputMode="numeric"
            maxLength={6}
            dir="ltr"
            value={inputs.istat_code}
            onValue={setter('istat_code')}
          />
        </div>
      </FilterBar>
      <DataTable
        list={list}
        label={title}
        testId="centre-table"
        head={
          <>
            <th scope="col">{t('centres.name')}</th>
            <th scope="col">{t('centres.type')}</th>
            <th scope="col">{t('centres.municipality')}</th>
            <th scope="col" class="text-end">
              {t('centres.placesTotal')}
            </th>
            <th scope="col">{t('centres.status')}</th>
          </>
        }
        row={(c) => (
          <tr key={c.id}>
            <td>
              <Link href={`/centres/${c.id}`} data-centre={c.id}>
                <bdi>{c.name}</bdi>
              </Link>
            </td>
            <td>{t(`centreTypes.${c.type}`, { defaultValue: c.type })}</td>
            <td>
              <Municipality code={c.istat_code} names={municipalities} />
            </td>
            <td class="text-end">{c.places.total}</td>
            <td>
              <StatusBadge status={c.status} />
            </td>
          </tr>
        )}
      />
    </div>
  );
}

/** Municipality names by ISTAT code, from the municipalities in the organisations directory. */
export function useMunicipalities(): Record<string, string> {
  const { can } = useSession();
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!can('organizations.read')) return;
    listAll((page, per_page) => api.listOrganizations({ type: 'municipality', page, per_page }))
      .then((all) => setNames(Object.fromEntries(all.filter((o) => o.istat_code).map((o) => [o.istat_code as string, o.name]))))
      .catch(() => setNames({}));
  }, []);
  return names;
}

/** A municipality: its name when known, and its ISTAT code. */
export function Municipality({ code, names }: { code: string; names: Record<string, string> }) {
  // One isolate for name and code, so the parentheses stay with the (Latin) name in Arabic.
  return <bdi>{names[code] ? `${names[code]} (${code})` : code}</bdi>;
}

/** Organisations that may run a centre: the operators, else every organisation. */
function useOperators(): Organization[] {
  const [orgs, setOrgs] = useState<Organization[]>([]);
  useEffect(() => {
    listAll((page, per_page) => api.listOrganizations({ page, per_page }))
      .then((all) => {
        const ops = all.filter((o) => o.type === 'centre_operator');
        setOrgs((ops.length ? ops : all).sort((a, b) => a.name.localeCompare(b.name)));
      })
      .catch(() => setOrgs([]));
  }, []);
  return orgs;
}

const ISTAT_RE = /^\d{6}$/;
const INT_RE = /^\d+$/;

function parseCoordinate(s: string): number | null {
  const v = Number(s.trim().replace(',', '.'));
  return s.trim() && Number.isFinite(v) ? v : null;
}

function CentreForm() {
  const { t } = useT();
  const operators = useOperators();
  const [f, setF] = useState({
    name: '',
    type: 'cas',
    operator_id: '',
    address: '',
    istat_code: '',
    latitude: '',
    longitude: '',
    status: 'active',
    accessibility_notes: '',
    contact_name: '',
    contact_phone: '',
    contact_email: '',
  });
  const [places, setPlaces] = useState<Record<string, string>>({ single_men: '0', single_women: '0', families: '0', minors: '0' });
  const [services, setServices] = useState<string[]>([]);
  const [stepFree, setStepFree] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF((prev) => ({ ...prev, [k]: v }));

  const labels: Record<string, string> = {
    name: t('centres.name'),
    type: t('centres.type'),
    operator_id: t('centres.operator'),
    address: t('centres.address'),
    istat_code: t('centres.istat'),
    latitude: t('centres.latitude'),
    longitude: t('centres.longitude'),
    status: t('centres.status'),
    places: t('centres.places'),
    accessibility_notes: t('centres.accessibilityNotes'),
    contact_name: t('centres.contactName'),
    contact_phone: t('centres.contactPhone'),
    contact_email: t('centres.contactEmail'),
  };
  for (const c of CATEGORIES) labels[`places_${c}`] = t(`categories.${c}`);

  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (f.name.trim().length < 2) e.name = [f.name.trim() ? 'fieldErrors.min_length' : 'fieldErrors.required', { n: 2 }];
      if (!f.operator_id) e.operator_id = ['fieldErrors.required'];
      if (f.address.trim().length < 3) e.address = [f.address.trim() ? 'fieldErrors.min_length' : 'fieldErrors.required', { n: 3 }];
      if (!ISTAT_RE.test(f.istat_code.trim())) e.istat_code = ['fieldErrors.istat_format'];
      let sum = 0;
      for (const c of CATEGORIES) {
        const v = places[c].trim();
        if (!INT_RE.test(v)) e[`places_${c}`] = ['fieldErrors.whole_number'];
        else sum += Number(v);
      }
      if (sum === 0 && !CATEGORIES.some((c) => e[`places_${c}`])) e.places_single_men = ['fieldErrors.no_places'];
      const lat = parseCoordinate(f.latitude);
      const lon = parseCoordinate(f.longitude);
      if (f.latitude.trim() && (lat === null || Math.abs(lat) > 90)) e.latitude = ['fieldErrors.invalid'];
      if (f.longitude.trim() && (lon === null || Math.abs(lon) > 180)) e.longitude = ['fieldErrors.invalid'];
      if (!!f.latitude.trim() !== !!f.longitude.trim()) e[f.latitude.trim() ? 'longitude' : 'latitude'] = ['fieldErrors.both_coordinates'];
      if (f.contact_email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.contact_email.trim())) e.contact_email = ['fieldErrors.invalid_email'];
      return e;
    },
    action: async () => {
      const opt = (s: string) => s.trim() || null;
      const body: CentreInput = {
        name: f.name.trim(),
        type: f.type,
        operator_id: Number(f.operator_id),
        address: f.address.trim(),
        istat_code: f.istat_code.trim(),
        latitude: parseCoordinate(f.latitude),
        longitude: parseCoordinate(f.longitude),
        places_single_men: Number(places.single_men),
        places_single_women: Number(places.single_women),
        places_families: Number(places.families),
        places_minors: Number(places.minors),
        step_free_access: stepFree,
        accessibility_notes: opt(f.accessibility_notes),
        services,
        status: f.status,
        contact_name: opt(f.contact_name),
        contact_phone: opt(f.contact_phone),
        contact_email: opt(f.contact_email),
      };
      const created = await reception.createCentre(body);
      setFlash(t('centres.saved', { name: created.name }));
      navigate(`/centres/${created.id}`);
    },
  });

  return (
    <FormPage title={t('centres.new')} backHref="/centres" backLabel={t('centres.backToList')}>
      <FormErrors errors={errors} labels={labels} />
      <PageForm onSubmit={submit} class="mt-4" testId="centre-form" saveTestId="centre-save" busy={busy} cancelHref="/centres">
        <TextField id="name" label={labels.name} required maxLength={200} value={f.name} onValue={set('name')} error={errors.fields.name} />
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField id="type" label={labels.type} required value={f.type} onValue={set('type')} options={typeOptions(t)} error={errors.fields.type} />
          </div>
          <div class="col-12 col-md-6">
            <SelectField id="status" label={labels.status} required value={f.status} onValue={set('status')} options={statusOptions(t)} error={errors.fields.status} />
          </div>
        </div>
        <SelectField
          id="operator_id"
          label={labels.operator_id}
          required
          value={f.operator_id}
          onValue={set('operator_id')}
          empty={t('common.choose')}
          options={operators.map((o) => ({ value: String(o.id), label: o.name }))}
          error={errors.fields.operator_id}
        />
        <TextField id="address" label={labels.address} required maxLength={300} value={f.address} onValue={set('address')} error={errors.fields.address} />
        <TextField
          id="istat_code"
          label={labels.istat_code}
          hint={t('centres.istatHint')}
          required
          inputMode="numeric"
          maxLength={6}
          dir="ltr"
          value={f.istat_code}
          onValue={set('istat_code')}
          error={errors.fields.istat_code}
        />
        <fieldset class="mb-2">
          <legend class="h5">{t('centres.places')}</legend>
          <p class="form-text mt-0">{t('centres.placesHint')}</p>
          <div class="row">
            {CATEGORIES.map((c) => (
              <div class="col-12 col-sm-6 col-lg-3" key={c}>
                <TextField
                  id={`places_${c}`}
                  label={labels[`places_${c}`]}
                  inputMode="numeric"
                  maxLength={5}
                  dir="ltr"
                  value={places[c]}
                  onValue={(v) => setPlaces((p) => ({ ...p, [c]: v }))}
                  error={errors.fields[`places_${c}`] ?? (c === 'single_men' ? errors.fields.places : undefined)}
                />
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset class="mb-4" data-testid="centre-services">
          <legend class="h5">{t('centres.services')}</legend>
          <div class="row">
            {CENTRE_SERVICES.map((s) => (
              <div class="col-12 col-md-6" key={s}>
                <div class="form-check my-1">
                  <input
                    id={`service-${s}`}
                    type="checkbox"
                    checked={services.includes(s)}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      setServices((prev) => (on ? [...prev, s] : prev.filter((x) => x !== s)));
                    }}
                  />
                  <label for={`service-${s}`}>{t(`centreServices.${s}`)}</label>
                </div>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset class="mb-2">
          <legend class="h5">{t('centres.accessibility')}</legend>
          <div class="form-check mb-3">
            <input id="step_free_access" type="checkbox" checked={stepFree} onChange={(e) => setStepFree((e.currentTarget as HTMLInputElement).checked)} />
            <label for="step_free_access">{t('centres.stepFree')}</label>
          </div>
          <TextField
            id="accessibility_notes"
            label={labels.accessibility_notes}
            maxLength={1000}
            value={f.accessibility_notes}
            onValue={set('accessibility_notes')}
            error={errors.fields.accessibility_notes}
          />
        </fieldset>
        <fieldset class="mb-2">
          <legend class="h5">{t('centres.coordinates')}</legend>
          <p class="form-text mt-0">{t('centres.coordinatesHint')}</p>
          <div class="row">
            <div class="col-12 col-md-6">
              <TextField id="latitude" label={labels.latitude} inputMode="decimal" dir="ltr" value={f.latitude} onValue={set('latitude')} error={errors.fields.latitude} />
            </div>
            <div class="col-12 col-md-6">
              <TextField id="longitude" label={labels.longitude} inputMode="decimal" dir="ltr" value={f.longitude} onValue={set('longitude')} error={errors.fields.longitude} />
            </div>
          </div>
        </fieldset>
        <fieldset class="mb-2">
          <legend class="h5">{t('centres.contact')}</legend>
          <TextField id="contact_name" label={labels.contact_name} maxLength={200} value={f.contact_name} onValue={set('contact_name')} error={errors.fields.contact_name} />
          <div class="row">
            <div class="col-12 col-md-6">
              <TextField
                id="contact_phone"
                label={labels.contact_phone}
                type="tel"
                autoComplete="off"
                dir="ltr"
                maxLength={40}
                value={f.contact_phone}
                onValue={set('contact_phone')}
                error={errors.fields.contact_phone}
              />
            </div>
            <div class="col-12 col-md-6">
              <TextField
                id="contact_email"
                label={labels.contact_email}
                type="email"
                autoComplete="off"
                dir="ltr"
                maxLength={254}
                value={f.contact_email}
                onValue={set('contact_email')}
                error={errors.fields.contact_email}
              />
            </div>
          </div>
        </fieldset>
      </PageForm>
    </FormPage>
  );
}
