// The integration agreements (DPR 179/2011; decision 0042): those whose verification is due
// first (the server's order: the earliest expiry first), each with its credits and today's
// outcome; the SUI records a newly signed agreement from here.
import { useState } from 'preact/hooks';
import { useConfirm, Facts } from '../../components/ConfirmDialog';
import { CsvDownload } from '../../components/CsvDownload';
import { FormPage, PageForm } from '../../components/FormPage';
import { DataTable, FilterBar, ListHeader, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { setFlash, useFlash } from '../../components/flash';
import { FormErrors, Notice, SelectField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { PER_PAGE, useList } from '../../components/useList';
import { formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { Link, navigate, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { type Agreement, agreementsApi } from './api';
import { OutcomeBadge, personName } from './parts';

export function Agreements() {
  const loc = useLocation();
  const { can } = useSession();
  const manage = can('integration_agreements.manage');
  if (manage && loc.query.get('new')) return <NewAgreement personId={loc.query.get('person_id') ?? ''} fileId={loc.query.get('procedure_file_id') ?? ''} />;
  return <AgreementList manage={manage} />;
}

function AgreementList({ manage }: { manage: boolean }) {
  const { t, lang } = useT();
  const title = t('agreements.title');
  usePageTitle(title);
  const message = useFlash();
  const filters = useFilters(['verification_due', 'person_id'] as const);
  const { verification_due, person_id } = filters.values;
  const list = useList(() => agreementsApi.list({ verification_due, person_id, page: filters.page, per_page: PER_PAGE }), filters.key);
  return (
    <div>
      <ListHeader title={title} newHref={manage ? '/integration-agreements?new=1' : undefined} newLabel={t('agreements.new')} newTestId="agreement-new" />
      <p>{t('agreements.intro')}</p>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <FilterBar
        label={t('agreements.filters')}
        onApply={() => setQuery({ verification_due: filters.inputs.verification_due, person_id: filters.inputs.person_id, page: null })}
        resetHref="/integration-agreements"
        active={filters.active}
        buttonsClass="col-12 col-md-6 col-lg-4"
      >
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="agreement-verification-due"
            label={t('agreements.verification')}
            value={filters.inputs.verification_due}
            onValue={filters.setter('verification_due')}
            empty={t('common.all')}
            options={[{ value: 'true', label: t('agreements.verificationDueOnly') }]}
          />
        </div>
      </FilterBar>
      {person_id ? <p>{t('agreements.ofOnePerson')}</p> : null}
      <p class="small">{t('agreements.order')}</p>
      {list.data?.items.length ? (
        <div class="mb-3">
          <CsvDownload
            filename={`accordi-integrazione-${today()}-p${list.data.page}.csv`}
            testId="agreements-csv"
            columns={['agreements.number', 'agreements.person', 'agreements.signedOn', 'agreements.expiresOn', 'agreements.verificationFrom', 'agreements.credits', 'agreements.outcome']}
            rows={list.data.items}
            cells={(a) => [a.id, personName(a), { day: a.signed_on }, { day: a.expires_on }, { day: a.verification_from }, a.credits, t(`agreements.outcomes.${a.outcome}`)]}
          />
          <span class="small ms-2">{t('agreements.csvPage')}</span>
        </div>
      ) : null}
      <DataTable
        list={list}
        label={title}
        testId="agreement-table"
        head={
          <>
            <th scope="col">{t('agreements.number')}</th>
            <th scope="col">{t('agreements.person')}</th>
            <th scope="col">{t('agreements.signedOn')}</th>
            <th scope="col">{t('agreements.expiresOn')}</th>
            <th scope="col" class="text-end">
              {t('agreements.credits')}
            </th>
            <th scope="col">{t('agreements.outcome')}</th>
          </>
        }
        row={(a: Agreement) => (
          <tr key={a.id} data-agreement={a.id}>
            <td>
              <Link href={`/integration-agreements/${a.id}`}>{t('agreements.numbered', { id: a.id })}</Link>
            </td>
            <td>
              <bdi>{personName(a)}</bdi>
            </td>
            <td>{formatDay(a.signed_on, lang)}</td>
            <td>{formatDay(a.expires_on, lang)}</td>
            <td class="text-end">{formatNumber(a.credits, lang)}</td>
            <td>
              <OutcomeBadge outcome={a.outcome} />
            </td>
          </tr>
        )}
      />
    </div>
  );
}

/**
 * Recording a signed agreement: the person (by the number of their record, or carried from the
 * procedure file the link came from) and the day of signature. It cannot be undone: it says so
 * and asks first.
 */
function NewAgreement({ personId, fileId }: { personId: string; fileId: string }) {
  const { t, lang } = useT();
  const title = t('agreements.newTitle');
  const [person, setPerson] = useState(personId);
  const [signedOn, setSignedOn] = useState(today());
  const { ask, dialog } = useConfirm();
  const labels = { person_id: t('agreements.personNumber'), signed_on: t('agreements.signedOn'), procedure_file_id: t('agreements.file') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => {
      const f: FieldErrors = {};
      if (!/^\d+$/.test(person.trim())) f.person_id = ['fieldErrors.required'];
      if (!signedOn) f.signed_on = ['fieldErrors.required'];
      return f;
    },
    confirm: () =>
      ask({
        title: t('agreements.confirmNew.title'),
        body: (
          <>
            <Facts
              items={[
                [labels.person_id, <bdi dir="ltr">{person.trim()}</bdi>],
                [labels.signed_on, formatDay(signedOn, lang)],
              ]}
            />
            <p>{t('agreements.confirmNew.body')}</p>
          </>
        ),
        confirmLabel: t('agreements.confirmNew.button'),
      }),
    action: async () => {
      const saved = await agreementsApi.create({ person_id: Number(person.trim()), procedure_file_id: fileId ? Number(fileId) : null, signed_on: signedOn });
      setFlash(t('agreements.done.created', { id: saved.id }));
      navigate(`/integration-agreements/${saved.id}`);
    },
  });
  return (
    <FormPage title={title} backHref="/integration-agreements" backLabel={t('agreements.backToList')}>
      <PageForm onSubmit={submit} class="" testId="agreement-form" saveTestId="agreement-save" busy={busy} cancelHref="/integration-agreements">
        <FormErrors errors={errors} labels={labels} />
        {fileId ? <p>{t('agreements.fromFile')}</p> : null}
        <TextField id="person_id" label={labels.person_id} required inputMode="numeric" dir="ltr" hint={t('agreements.personNumberHint')} readOnly={!!personId} value={person} onValue={setPerson} error={errors.fields.person_id} />
        {errors.fields.procedure_file_id ? <p class="field-error">{errors.fields.procedure_file_id}</p> : null}
        <TextField id="signed_on" type="date" required label={labels.signed_on} max={today()} value={signedOn} onValue={setSignedOn} error={errors.fields.signed_on} />
        {dialog}
      </PageForm>
    </FormPage>
  );
}
