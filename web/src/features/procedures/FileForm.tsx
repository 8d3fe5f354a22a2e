// Opening a file (the SUI): the procedure, the person (found with the persons' search, or, for the
// SUI officer who may not read persons' records, with the identity lookup of decision 0043), the
// protocol number and the filing day, whose rules the file follows; the family member in Italy for
// a family reunification, the employer for a work entry.
import { useState } from 'preact/hooks';
import { FormPage, PageForm } from '../../components/FormPage';
import { setFlash } from '../../components/flash';
import { FormErrors, LoadState, SelectField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type Person, PersonSearch } from '../people/index';
import { EMPLOYER_MAX, PROTOCOL_MAX, TAKES_EMPLOYER, TAKES_SPONSOR, proceduresApi } from './api';
import { IdentityLookup } from './IdentityLookup';
import { personName } from './parts';

export function NewFile() {
  const { t, lang } = useT();
  const catalogue = useData(() => proceduresApi.catalogue(lang), [lang]);
  return (
    <FormPage title={t('procedures.files.new')} backHref="/procedure-files" backLabel={t('procedures.files.backToList')}>
      <LoadState error={catalogue.error} ready={!!catalogue.data}>
        {() => <FileForm procedures={(catalogue.data?.items ?? []).filter((p) => p.active)} />}
      </LoadState>
    </FormPage>
  );
}

type Chosen = Pick<Person, 'id' | 'family_name' | 'given_names'>;

function FileForm({ procedures }: { procedures: { id: number; code: string; label: string }[] }) {
  const { t } = useT();
  const [procedureId, setProcedureId] = useState('');
  const [person, setPerson] = useState<Chosen | null>(null);
  const [sponsor, setSponsor] = useState<Chosen | null>(null);
  const [protocol, setProtocol] = useState('');
  const [filedOn, setFiledOn] = useState(today());
  const [employer, setEmployer] = useState('');
  const code = procedures.find((p) => String(p.id) === procedureId)?.code ?? '';
  const takesSponsor = TAKES_SPONSOR.includes(code);
  const takesEmployer = TAKES_EMPLOYER.includes(code);
  const labels: Record<string, string> = {
    procedure_id: t('procedures.procedure'),
    person_id: t('procedures.person'),
    protocol_number: t('procedures.protocolNumber'),
    filed_on: t('procedures.filedOn'),
    sponsor_person_id: t('procedures.sponsor'),
    employer: t('procedures.employer'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      if (!procedureId) f.procedure_id = ['fieldErrors.required'];
      if (found ? !person : !/^\d+$/.test(personNumber.trim())) f.person_id = ['fieldErrors.required'];
      if (!protocol.trim()) f.protocol_number = ['fieldErrors.required'];
      if (!filedOn) f.filed_on = ['fieldErrors.required'];
      return f;
    },
    action: async () => {
      const created = await proceduresApi.create({
        procedure_id: Number(procedureId),
        person_id: found ? (person as Chosen).id : Number(personNumber.trim()),
        protocol_number: protocol.trim(),
        filed_on: filedOn,
        sponsor_person_id: !takesSponsor ? null : found ? (sponsor?.id ?? null) : sponsorNumber.trim() ? Number(sponsorNumber.trim()) : null,
        employer: takesEmployer && employer.trim() ? employer.trim() : null,
      });
      setFlash(t('procedures.files.created', { protocol: created.protocol_number }));
      navigate(`/procedure-files/${created.id}`);
    },
  });
  const { can } = useSession();
  const [personNumber, setPersonNumber] = useState('');
  const [sponsorNumber, setSponsorNumber] = useState('');
  // The persons' search needs persons.read, which the SUI officer does not hold (decision 0040
  // gives it none): it finds the person by identity only (persons.identify, decision 0043). With
  // neither, the file names the person by the number of their record.
  const search = can('persons.read');
  const identify = !search && can('persons.identify');
  const found = search || identify;
  const chosen = (p: Chosen | null, clear: () => void, testId: string) =>
    p ? (
      <p class="d-flex flex-wrap align-items-center gap-2" data-testid={testId}>
        <span>
          {t('procedures.files.chosen')} <bdi class="fw-semibold">{personName(p)}</bdi>
        </span>
        <button type="button" class="btn btn-outline-primary btn-sm" onClick={clear}>
          {t('procedures.files.changePerson')}
        </button>
      </p>
    ) : null;
  return (
    <PageForm onSubmit={submit} class="procedure-file-form" testId="procedure-file-form" saveTestId="procedure-file-save" busy={busy} cancelHref="/procedure-files">
      <FormErrors errors={errors} labels={labels} />
      <SelectField
        id="procedure_id"
        label={labels.procedure_id}
        required
        value={procedureId}
        onValue={setProcedureId}
        empty={t('procedures.choose')}
        options={procedures.map((p) => ({ value: String(p.id), label: p.label }))}
        error={errors.fields.procedure_id}
      />
      {identify && !person ? (
        <IdentityLookup id="person_id" label={labels.person_id} hint={t('procedures.identity.personHint')} error={errors.fields.person_id} testId="procedure-file-identity" onPick={setPerson} />
      ) : !found ? (
        <TextField id="person_id" label={labels.person_id} required inputMode="numeric" dir="ltr" hint={t('procedures.files.personNumberHint')} value={personNumber} onValue={setPersonNumber} error={errors.fields.person_id} />
      ) : person ? (
        chosen(person, () => setPerson(null), 'procedure-file-person')
      ) : (
        <PersonSearch
          id="person_id"
          label={labels.person_id}
          hint={t('procedures.files.personHint')}
          error={errors.fields.person_id}
          action={(p) => (
            <button type="button" class="btn btn-primary btn-sm" data-testid="procedure-file-pick" onClick={() => setPerson(p)}>
              {t('procedures.files.pick', { name: personName(p) })}
            </button>
          )}
        />
      )}
      <TextField id="protocol_number" label={labels.protocol_number} required dir="ltr" maxLength={PROTOCOL_MAX} value={protocol} onValue={setProtocol} error={errors.fields.protocol_number} />
      <TextField id="filed_on" type="date" label={labels.filed_on} required hint={t('procedures.files.filedOnHint')} max={today()} value={filedOn} onValue={setFiledOn} error={errors.fields.filed_on} />
      {takesSponsor && identify && !sponsor ? (
        <IdentityLookup id="sponsor_person_id" label={labels.sponsor_person_id} hint={t('procedures.files.sponsorHint')} error={errors.fields.sponsor_person_id} testId="procedure-file-sponsor-identity" onPick={setSponsor} />
      ) : takesSponsor && !found ? (
        <TextField id="sponsor_person_id" label={labels.sponsor_person_id} inputMode="numeric" dir="ltr" hint={t('procedures.files.personNumberHint')} value={sponsorNumber} onValue={setSponsorNumber} error={errors.fields.sponsor_person_id} />
      ) : takesSponsor ? (
        sponsor ? (
          chosen(sponsor, () => setSponsor(null), 'procedure-file-sponsor')
        ) : (
          <PersonSearch
            id="sponsor_person_id"
            label={labels.sponsor_person_id}
            hint={t('procedures.files.sponsorHint')}
            error={errors.fields.sponsor_person_id}
            action={(p) => (
              <button type="button" class="btn btn-outline-primary btn-sm" onClick={() => setSponsor(p)}>
                {t('procedures.files.pick', { name: personName(p) })}
              </button>
            )}
          />
        )
      ) : null}
      {takesEmployer ? <TextField id="employer" label={labels.employer} maxLength={EMPLOYER_MAX} value={employer} onValue={setEmployer} error={errors.fields.employer} /> : null}
    </PageForm>
  );
}
