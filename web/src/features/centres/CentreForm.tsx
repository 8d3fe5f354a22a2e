// The form of a centre's details, shared by the create and edit pages.
import { useState } from 'preact/hooks';
import { FormPage, PageForm } from '../../components/FormPage';
import { FormErrors, Notice, SelectField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { listAll } from '../../lib/api';
import { changedFields } from '../../lib/changedFields';
import { type TFunction, useT } from '../../lib/i18n';
import { useData } from '../../lib/useData';
import { accountsApi, type Organization } from '../accounts/index';
import { MunicipalityCodes, useMunicipalities } from './municipalities';
import { CATEGORIES, type Centre, CENTRE_SERVICES, CENTRE_STATUSES, CENTRE_STRUCTURES, CENTRE_TYPES, type CentreInput, type CentreService } from './api';

export const typeOptions = (t: TFunction) => CENTRE_TYPES.map((v) => ({ value: v, label: t(`centreTypes.${v}`) }));
export const statusOptions = (t: TFunction) => CENTRE_STATUSES.map((v) => ({ value: v, label: t(`centreStatuses.${v}`) }));
const structureOptions = (t: TFunction) => CENTRE_STRUCTURES.map((v) => ({ value: v, label: t(`centreStructures.${v}`) }));
/** A temporary structure for minors has at most this many places (DL 133/2023); +50% only on override. */
const TEMPORARY_MINORS_PLACES = 50;

/**
 * Organisations that may run a centre: the operators, else every organisation. The centre's
 * current operator stays on the list even when it is not (or no longer) of the operator type.
 */
function useOperators(current?: number): Organization[] {
  const { data } = useData(async () => {
    const all = await listAll((page, per_page) => accountsApi.listOrganizations({ page, per_page }));
    const ops = all.filter((o) => o.type === 'centre_operator' || o.id === current);
    return (ops.length ? ops : all).sort((a, b) => a.name.localeCompare(b.name));
  }, [current]);
  return data ?? [];
}

const ISTAT_RE = /^\d{6}$/;
const INT_RE = /^\d+$/;

function parseCoordinate(s: string): number | null {
  const v = Number(s.trim().replace(',', '.'));
  return s.trim() && Number.isFinite(v) ? v : null;
}

/** The form's state: what the person typed, as typed. */
function draftOf(c?: Centre) {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    fields: {
      name: text(c?.name),
      type: c?.type ?? 'cas',
      operator_id: text(c?.operator_id),
      address: text(c?.address),
      istat_code: text(c?.istat_code),
      latitude: text(c?.latitude),
      longitude: text(c?.longitude),
      status: c?.status ?? 'active',
      structure: c?.structure ?? 'ordinary',
      accessibility_notes: text(c?.accessibility_notes),
      contact_name: text(c?.contact_name),
      contact_phone: text(c?.contact_phone),
      contact_email: text(c?.contact_email),
    },
    places: Object.fromEntries(CATEGORIES.map((k) => [k, String(c?.places[k] ?? 0)])) as Record<string, string>,
    // The server answers services as strings (its Centre schema has no enum for them) but takes only
    // its codes: the answer holds what it once took.
    services: (c?.services ?? []) as CentreService[],
    stepFree: c?.step_free_access ?? false,
  };
}

function toInput(d: ReturnType<typeof draftOf>): CentreInput {
  const f = d.fields;
  const opt = (s: string) => s.trim() || null;
  return {
    name: f.name.trim(),
    type: f.type,
    operator_id: Number(f.operator_id),
    address: f.address.trim(),
    istat_code: f.istat_code.trim(),
    latitude: parseCoordinate(f.latitude),
    longitude: parseCoordinate(f.longitude),
    places_single_men: Number(d.places.single_men),
    places_single_women: Number(d.places.single_women),
    places_families: Number(d.places.families),
    places_minors: Number(d.places.minors),
    step_free_access: d.stepFree,
    accessibility_notes: opt(f.accessibility_notes),
    services: d.services,
    status: f.status,
    structure: f.structure as CentreInput['structure'],
    contact_name: opt(f.contact_name),
    contact_phone: opt(f.contact_phone),
    contact_email: opt(f.contact_email),
  };
}

/**
 * A create (no `centre`) or edit page for a centre. `save` gets every field when creating, only
 * the changed ones when editing; an error it throws is shown by the fields it names.
 */
export function CentreForm({
  title,
  backHref,
  backLabel,
  centre,
  save,
}: {
  title: string;
  backHref: string;
  backLabel: string;
  centre?: Centre;
  save: (body: Partial<CentreInput>) => Promise<void>;
}) {
  const { t } = useT();
  const operators = useOperators(centre?.operator_id);
  const municipalities = useMunicipalities();
  const [initial] = useState(() => draftOf(centre));
  const [f, setF] = useState(initial.fields);
  const [places, setPlaces] = useState(initial.places);
  const [services, setServices] = useState<CentreService[]>(initial.services);
  const [stepFree, setStepFree] = useState(initial.stepFree);
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
    structure: t('centres.structure'),
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
      if (f.structure === 'temporary_minors') {
        for (const c of CATEGORIES) if (c !== 'minors' && Number(places[c]) > 0) e[`places_${c}`] = ['fieldErrors.temporary_structure_minors_only'];
        if (Number(places.minors) > TEMPORARY_MINORS_PLACES) e.places_minors = ['fieldErrors.above_maximum', { max: TEMPORARY_MINORS_PLACES }];
      }
      const lat = parseCoordinate(f.latitude);
      const lon = parseCoordinate(f.longitude);
      if (f.latitude.trim() && (lat === null || Math.abs(lat) > 90)) e.latitude = ['fieldErrors.invalid'];
      if (f.longitude.trim() && (lon === null || Math.abs(lon) > 180)) e.longitude = ['fieldErrors.invalid'];
      if (!!f.latitude.trim() !== !!f.longitude.trim()) e[f.latitude.trim() ? 'longitude' : 'latitude'] = ['fieldErrors.both_coordinates'];
      if (f.contact_email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.contact_email.trim())) e.contact_email = ['fieldErrors.invalid_email'];
      return e;
    },
    action: async () => {
      const body = toInput({ fields: f, places, services, stepFree });
      await save(centre ? changedFields(toInput(initial), body) : body);
    },
  });

  // Suspending or closing stops placements: say so while the choice can still be undone.
  const stopping = centre && f.status !== centre.status && (f.status === 'suspended' || f.status === 'closed') ? f.status : null;

  return (
    <FormPage title={title} backHref={backHref} backLabel={backLabel}>
      <FormErrors errors={errors} labels={labels} />
      <PageForm onSubmit={submit} class="mt-4" testId="centre-form" saveTestId="centre-save" busy={busy} cancelHref={backHref}>
        <TextField id="name" label={labels.name} required maxLength={200} value={f.name} onValue={set('name')} error={errors.fields.name} />
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField id="type" label={labels.type} required value={f.type} onValue={set('type')} options={typeOptions(t)} error={errors.fields.type} />
          </div>
          <div class="col-12 col-md-6">
            <SelectField
              id="status"
              label={labels.status}
              hint={t('centres.statusHint')}
              required
              value={f.status}
              onValue={set('status')}
              options={statusOptions(t)}
              error={errors.fields.status}
            />
          </div>
        </div>
        <SelectField
          id="structure"
          label={labels.structure}
          hint={t('centres.structureHint')}
          value={f.structure}
          onValue={set('structure')}
          options={structureOptions(t)}
          error={errors.fields.structure}
        />
        <div aria-live="polite" data-testid="status-warning">
          {stopping ? <Notice kind="warning">{t(stopping === 'closed' ? 'centreEdit.closedWarning' : 'centreEdit.suspendedWarning')}</Notice> : null}
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
          list="istat-codes"
        />
        <MunicipalityCodes id="istat-codes" names={municipalities} />
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
