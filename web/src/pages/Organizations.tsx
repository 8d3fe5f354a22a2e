import { useEffect, useState } from 'preact/hooks';
import { api, ORG_TYPES, type Organization, type OrgType } from '../api';
import { ErrorSummary, Notice, SelectField, Spinner, TextField } from '../components/forms';
import { Icon } from '../components/Icon';
import { usePageTitle } from '../components/PageTitle';
import { Pagination, ResultsSummary } from '../components/Pagination';
import { useFormErrors, type FieldErrors } from '../components/useFormErrors';
import { PER_PAGE, pageParam, useList } from '../components/useList';
import { describeError } from '../errors';
import { formatDate, useT } from '../i18n';
import { Link, navigate, setQuery, useLocation } from '../router';
import { useSession } from '../session';

let flash: string | null = null;

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
  usePageTitle(t('organizations.title'));
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const type = loc.query.get('type') ?? '';
  const page = pageParam(loc.query);
  const [qInput, setQInput] = useState(q);
  const [typeInput, setTypeInput] = useState(type);
  const [message] = useState(() => {
    const m = flash;
    flash = null;
    return m;
  });
  useEffect(() => {
    setQInput(q);
    setTypeInput(type);
  }, [q, type]);
  const list = useList(() => api.listOrganizations({ q, type, page, per_page: PER_PAGE }), `${q}|${type}|${page}`);
  const typeOptions = ORG_TYPES.map((v) => ({ value: v, label: t(`orgTypes.${v}`) }));

  return (
    <div>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-4">
        <h1 id="main-heading" tabIndex={-1} class="mb-0">
          {t('organizations.title')}
        </h1>
        {manage ? (
          <Link href="/organizations?new=1" class="btn btn-primary" data-testid="org-new">
            <Icon name="plus" class="icon-white icon-sm me-1" />
            {t('organizations.new')}
          </Link>
        ) : null}
      </div>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <form
        role="search"
        aria-label={t('organizations.filters')}
        class="row align-items-end filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: qInput.trim(), type: typeInput, page: null });
        }}
      >
        <div class="col-12 col-md-5">
          <TextField id="org-q" label={t('organizations.search')} type="search" value={qInput} onValue={setQInput} />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            id="org-type"
            label={t('organizations.type')}
            value={typeInput}
            onValue={setTypeInput}
            empty={t('common.all')}
            options={typeOptions}
          />
        </div>
        <div class="col-12 col-md-3 mb-4 d-flex gap-2">
          <button type="submit" class="btn btn-primary">
            <Icon name="search" class="icon-white icon-sm me-1" />
            {t('common.search')}
          </button>
          {q || type ? (
            <button type="button" class="btn btn-outline-primary" onClick={() => navigate('/organizations')}>
              {t('common.reset')}
            </button>
          ) : null}
        </div>
      </form>
      {list.error ? (
        <div class="alert alert-danger" role="alert">
          {describeError(list.error, t)}
        </div>
      ) : !list.data ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <>
          <div aria-live="polite">
            <ResultsSummary page={list.data.page} perPage={list.data.per_page} total={list.data.total} />
          </div>
          {list.data.items.length ? (
            <div class="table-responsive" tabIndex={0} role="region" aria-label={t('organizations.title')}>
              <table class="table table-hover" data-testid="org-table" aria-busy={list.loading ? 'true' : 'false'}>
                <caption class="visually-hidden">{t('organizations.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('organizations.name')}</th>
                    <th scope="col">{t('organizations.type')}</th>
                    <th scope="col">{t('organizations.istat')}</th>
                    <th scope="col">{t('common.createdAt')}</th>
                    {manage ? (
                      <th scope="col">
                        <span class="visually-hidden">{t('common.actions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((o) => (
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
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Pagination page={list.data.page} perPage={list.data.per_page} total={list.data.total} />
        </>
      )}
    </div>
  );
}

const ISTAT_RE = /^\d{6}$/;

function OrganizationForm({ id }: { id?: number }) {
  const { t } = useT();
  const title = id ? t('organizations.editTitle') : t('organizations.new');
  usePageTitle(title);
  const [original, setOriginal] = useState<Organization | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [type, setType] = useState<string>('');
  const [istat, setIstat] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  useEffect(() => {
    if (!id) return;
    api
      .getOrganization(id)
      .then((o) => {
        setOriginal(o);
        setName(o.name);
        setType(o.type);
        setIstat(o.istat_code ?? '');
      })
      .catch(setLoadError);
  }, [id]);

  const labels = { name: t('organizations.name'), type: t('organizations.type'), istat_code: t('organizations.istat') };

  const submit = async (e: Event) => {
    e.preventDefault();
    const fields: FieldErrors = {};
    if (!name.trim()) fields.name = ['fieldErrors.required'];
    else if (name.trim().length < 2) fields.name = ['fieldErrors.min_length', { n: 2 }];
    if (!type) fields.type = ['fieldErrors.required'];
    if (istat.trim() && !ISTAT_RE.test(istat.trim())) fields.istat_code = ['fieldErrors.istat_format'];
    if (Object.keys(fields).length) {
      errors.fail('form.fixErrors', fields);
      return;
    }
    setBusy(true);
    const istatValue = istat.trim() || null;
    try {
      if (id && original) {
        const patch: Partial<{ name: string; type: OrgType; istat_code: string | null }> = {};
        if (name.trim() !== original.name) patch.name = name.trim();
        if (type !== original.type) patch.type = type as OrgType;
        if (istatValue !== (original.istat_code ?? null)) patch.istat_code = istatValue;
        if (Object.keys(patch).length) await api.updateOrganization(id, patch);
      } else {
        const body: { name: string; type: OrgType; istat_code?: string } = { name: name.trim(), type: type as OrgType };
        if (istatValue) body.istat_code = istatValue;
        await api.createOrganization(body);
      }
      flash = t('organizations.saved', { name: name.trim() });
      navigate('/organizations');
    } catch (err) {
      errors.failFromApi(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Link href="/organizations" class="back-link d-inline-flex align-items-center mb-3">
        <Icon name="chevron-left" class="icon-primary icon-sm" directional />
        {t('organizations.backToList')}
      </Link>
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      {loadError ? (
        <div class="alert alert-danger" role="alert">
          {describeError(loadError, t)}
        </div>
      ) : id && !original ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <>
          {errors.message ? (
            <ErrorSummary message={errors.message} fieldErrors={errors.fields} labels={labels} focusRef={errors.summaryRef} />
          ) : null}
          <form onSubmit={submit} noValidate class="row mt-4" aria-labelledby="main-heading" data-testid="org-form">
            <div class="col-12 col-lg-8">
              <TextField id="name" label={labels.name} required maxLength={200} value={name} onValue={setName} error={errors.fields.name} />
              <SelectField
                id="type"
                label={labels.type}
                required
                value={type}
                onValue={setType}
                empty={t('common.choose')}
                options={ORG_TYPES.map((v) => ({ value: v, label: t(`orgTypes.${v}`) }))}
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
              <div class="d-flex gap-2">
                <button type="submit" class="btn btn-primary" disabled={busy} data-testid="org-save">
                  {t('common.save')}
                </button>
                <Link href="/organizations" class="btn btn-outline-primary">
                  {t('common.cancel')}
                </Link>
              </div>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
