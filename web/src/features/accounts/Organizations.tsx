import { useState } from 'preact/hooks';
import { FormPage, PageForm } from '../../components/FormPage';
import { Icon } from '../../components/Icon';
import { ActionsHeader, DataTable, FilterBar, ListHeader, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { setFlash, useFlash } from '../../components/flash';
import { FormErrors, LoadState, Notice, SelectField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { PER_PAGE, useList } from '../../components/useList';
import { formatDate } from '../../lib/dates';
import { type TFunction, useT } from '../../lib/i18n';
import { ORG_TYPES, type OrgType } from '../../lib/identity';
import { Link, navigate, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { accountsApi, type Organization } from './api';

export function Organizations() {
  const loc = useLocation();
  const { can } = useSession();
  const manage = can('organizations.manage');
  if (manage && loc.query.get('new')) return <OrganizationForm />;
  const edit = Number(loc.query.get('edit'));
  if (manage && Number.isInteger(edit) && edit > 0) return <OrganizationForm id={edit} />;
  return <OrganizationList manage={manage} />;
}

function OrganizationList({ manage }: { manage: boolean }) {
  const { t, lang } = useT();
  const title = t('organizations.title');
  usePageTitle(title);
  const message = useFlash();
  const filters = useFilters(['q', 'type'] as const);
  const { q, type } = filters.values;
  const list = useList(() => accountsApi.listOrganizations({ q, type, page: filters.page, per_page: PER_PAGE }), filters.key);

  return (
    <div>
      <ListHeader title={title} newHref={manage ? '/organizations?new=1' : undefined} newLabel={t('organizations.new')} newTestId="org-new" />
      {message ? <Notice kind="success">{message}</Notice> : null}
      <FilterBar
        label={t('organizations.filters')}
        onApply={() => setQuery({ q: filters.inputs.q.trim(), type: filters.inputs.type, page: null })}
        resetHref="/organizations"
        active={filters.active}
        buttonsClass="col-12 col-md-3"
      >
        <div class="col-12 col-md-5">
          <TextField id="org-q" label={t('organizations.search')} type="search" value={filters.inputs.q} onValue={filters.setter('q')} />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            id="org-type"
            label={t('organizations.type')}
            value={filters.inputs.type}
            onValue={filters.setter('type')}
            empty={t('common.all')}
            options={typeOptions(t)}
          />
        </div>
      </FilterBar>
      <DataTable
        list={list}
        label={title}
        testId="org-table"
        head={
          <>
            <th scope="col">{t('organizations.name')}</th>
            <th scope="col">{t('organizations.type')}</th>
            <th scope="col">{t('organizations.istat')}</th>
            <th scope="col">{t('common.createdAt')}</th>
            {manage ? <ActionsHeader /> : null}
          </>
        }
        row={(o) => (
          <tr key={o.id}>
            <td>
              <bdi>{o.name}</bdi>
            </td>
            <td>{t(`orgTypes.${o.type}`, { defaultValue: o.type })}</td>
            <td>{o.istat_code ? <bdi>{o.istat_code}</bdi> : '—'}</td>
            <td>{formatDate(o.created_at, lang)}</td>
            {manage ? (
              <td class="text-end">
                <Link href={`/organizations?edit=${o.id}`} class="btn btn-outline-primary btn-xs">
                  <Icon name="pencil" class="icon-primary icon-xs me-1" />
                  {t('common.edit')}
                  <span class="visually-hidden"> {o.name}</span>
                </Link>
              </td>
            ) : null}
          </tr>
        )}
      />
    </div>
  );
}

const typeOptions = (t: TFunction) => ORG_TYPES.map((v) => ({ value: v, label: t(`orgTypes.${v}`) }));

const ISTAT_RE = /^\d{6}$/;

function OrganizationForm({ id }: { id?: number }) {
  const { t } = useT();
  const { data: original, error } = useData(async () => (id ? accountsApi.getOrganization(id) : null), [id]);
  return (
    <FormPage title={id ? t('organizations.editTitle') : t('organizations.new')} backHref="/organizations" backLabel={t('organizations.backToList')}>
      <LoadState error={error} ready={!id || !!original}>
        {() => <OrganizationFields id={id} original={original} />}
      </LoadState>
    </FormPage>
  );
}

/** The fields, started from the organisation as loaded (empty for a new one). */
function OrganizationFields({ id, original }: { id?: number; original: Organization | null }) {
  const { t } = useT();
  const [name, setName] = useState(original?.name ?? '');
  const [type, setType] = useState<string>(original?.type ?? '');
  const [istat, setIstat] = useState(original?.istat_code ?? '');

  const labels = { name: t('organizations.name'), type: t('organizations.type'), istat_code: t('organizations.istat') };

  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const fields: FieldErrors = {};
      if (!name.trim()) fields.name = ['fieldErrors.required'];
      else if (name.trim().length < 2) fields.name = ['fieldErrors.min_length', { n: 2 }];
      if (!type) fields.type = ['fieldErrors.required'];
      if (istat.trim() && !ISTAT_RE.test(istat.trim())) fields.istat_code = ['fieldErrors.istat_format'];
      return fields;
    },
    action: async () => {
      const istatValue = istat.trim() || null;
      if (id && original) {
        const patch: Partial<{ name: string; type: OrgType; istat_code: string | null }> = {};
        if (name.trim() !== original.name) patch.name = name.trim();
        if (type !== original.type) patch.type = type as OrgType;
        if (istatValue !== (original.istat_code ?? null)) patch.istat_code = istatValue;
        if (Object.keys(patch).length) await accountsApi.updateOrganization(id, patch);
      } else {
        const body: { name: string; type: OrgType; istat_code?: string } = { name: name.trim(), type: type as OrgType };
        if (istatValue) body.istat_code = istatValue;
        await accountsApi.createOrganization(body);
      }
      setFlash(t('organizations.saved', { name: name.trim() }));
      navigate('/organizations');
    },
  });

  return (
    <>
      <FormErrors errors={errors} labels={labels} />
      <PageForm onSubmit={submit} class="mt-4" testId="org-form" saveTestId="org-save" busy={busy} cancelHref="/organizations">
        <TextField id="name" label={labels.name} required maxLength={200} value={name} onValue={setName} error={errors.fields.name} />
        <SelectField
          id="type"
          label={labels.type}
          required
          value={type}
          onValue={setType}
          empty={t('common.choose')}
          options={typeOptions(t)}
          error={errors.fields.type}
        />
        <TextField
          id="istat_code"
          label={labels.istat_code}
          hint={t('organizations.istatHint')}
          inputMode="numeric"
          maxLength={6}
          dir="ltr"
          value={istat}
          onValue={setIstat}
          error={errors.fields.istat_code}
        />
      </PageForm>
    </>
  );
}
