import { useEffect, useState } from 'preact/hooks';
import { api, listAll, ROLES, type Organization, type Role, type User } from '../api';
import { CheckboxField, ErrorSummary, Notice, SelectField, Spinner, TextField } from '../components/forms';
import { Icon } from '../components/Icon';
import { usePageTitle } from '../components/PageTitle';
import { Pagination, ResultsSummary } from '../components/Pagination';
import { useFormErrors, type FieldErrors } from '../components/useFormErrors';
import { PER_PAGE, pageParam, useList } from '../components/useList';
import { describeError } from '../errors';
import { useT } from '../i18n';
import { Link, navigate, setQuery, useLocation } from '../router';
import { useSession } from '../session';
import { MIN_PASSWORD } from './Account';

let flash: string | null = null;

/** Organisations for selects; null when the user may not list them. */
function useOrganizations(): Organization[] | null {
  const { can } = useSession();
  const [orgs, setOrgs] = useState<Organization[] | null>(null);
  useEffect(() => {
    if (!can('organizations.read')) return;
    listAll((page, per_page) => api.listOrganizations({ page, per_page }))
      .then((list) => setOrgs(list.sort((a, b) => a.name.localeCompare(b.name))))
      .catch(() => setOrgs(null));
  }, []);
  return orgs;
}

export function Users() {
  const loc = useLocation();
  const { can } = useSession();
  const manage = can('users.manage');
  const num = (k: string) => {
    const n = Number(loc.query.get(k));
    return Number.isInteger(n) && n > 0 ? n : 0;
  };
  if (manage && loc.query.get('new')) return <UserCreate />;
  if (manage && num('edit')) return <UserEdit id={num('edit')} />;
  if (manage && num('reset')) return <PasswordReset id={num('reset')} />;
  return <UserList manage={manage} />;
}

function UserList({ manage }: { manage: boolean }) {
  const { t } = useT();
  usePageTitle(t('users.title'));
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const org = loc.query.get('organization_id') ?? '';
  const role = loc.query.get('role') ?? '';
  const page = pageParam(loc.query);
  const [qInput, setQInput] = useState(q);
  const [orgInput, setOrgInput] = useState(org);
  const [roleInput, setRoleInput] = useState(role);
  const [message] = useState(() => {
    const m = flash;
    flash = null;
    return m;
  });
  useEffect(() => {
    setQInput(q);
    setOrgInput(org);
    setRoleInput(role);
  }, [q, org, role]);
  const orgs = useOrganizations();
  const list = useList(
    () => api.listUsers({ q, organization_id: org, role, page, per_page: PER_PAGE }),
    `${q}|${org}|${role}|${page}`,
  );

  return (
    <div>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-4">
        <h1 id="main-heading" tabIndex={-1} class="mb-0">
          {t('users.title')}
        </h1>
        {manage ? (
          <Link href="/users?new=1" class="btn btn-primary" data-testid="user-new">
            <Icon name="plus" class="icon-white icon-sm me-1" />
            {t('users.new')}
          </Link>
        ) : null}
      </div>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <form
        role="search"
        aria-label={t('users.filters')}
        class="row align-items-end filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: qInput.trim(), organization_id: orgInput, role: roleInput, page: null });
        }}
      >
        <div class="col-12 col-md-6 col-lg-3">
          <TextField id="user-q" label={t('users.search')} type="search" value={qInput} onValue={setQInput} />
        </div>
        {orgs ? (
          <div class="col-12 col-md-6 col-lg-3">
            <SelectField
              id="user-org"
              label={t('users.organization')}
              value={orgInput}
              onValue={setOrgInput}
              empty={t('common.all')}
              options={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
            />
          </div>
        ) : null}
        <div class="col-12 col-md-6 col-lg-3">
          <SelectField
            id="user-role"
            label={t('users.role')}
            value={roleInput}
            onValue={setRoleInput}
            empty={t('common.all')}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}.name`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-3 mb-4 d-flex gap-2">
          <button type="submit" class="btn btn-primary">
            <Icon name="search" class="icon-white icon-sm me-1" />
            {t('common.search')}
          </button>
          {q || org || role ? (
            <button type="button" class="btn btn-outline-primary" onClick={() => navigate('/users')}>
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
            <div class="table-responsive" tabIndex={0} role="region" aria-label={t('users.title')}>
              <table class="table table-hover" data-testid="user-table" aria-busy={list.loading ? 'true' : 'false'}>
                <caption class="visually-hidden">{t('users.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('users.displayName')}</th>
                    <th scope="col">{t('users.email')}</th>
                    <th scope="col">{t('users.organization')}</th>
                    <th scope="col">{t('users.role')}</th>
                    <th scope="col">{t('common.status')}</th>
                    {manage ? (
                      <th scope="col">
                        <span class="visually-hidden">{t('common.actions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((u) => (
                    <tr key={u.id}>
                      <td>
                        <bdi>{u.display_name}</bdi>
                      </td>
                      <td>
                        <bdi>{u.email}</bdi>
                      </td>
                      <td>
                        <bdi>{u.organization?.name}</bdi>
                      </td>
                      <td>{t(`roles.${u.role}.name`, { defaultValue: u.role })}</td>
                      <td>
                        <span class={`badge ${u.active ? 'bg-success' : 'bg-secondary'}`}>
                          {u.active ? t('users.active') : t('users.inactive')}
                        </span>
                      </td>
                      {manage ? (
                        <td class="text-end">
                          <div class="d-flex flex-column align-items-stretch gap-1 row-actions">
                          <Link href={`/users?edit=${u.id}`} class="btn btn-outline-primary btn-xs text-nowrap">
                            <Icon name="pencil" class="icon-primary icon-xs me-1" />
                            {t('common.edit')}
                            <span class="visually-hidden"> {u.display_name}</span>
                          </Link>
                          <Link href={`/users?reset=${u.id}`} class="btn btn-outline-primary btn-xs text-nowrap">
                            <Icon name="key" class="icon-primary icon-xs me-1" />
                            {t('users.resetPassword')}
                            <span class="visually-hidden"> {u.display_name}</span>
                          </Link>
                          </div>
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

function BackToList() {
  const { t } = useT();
  return (
    <Link href="/users" class="back-link d-inline-flex align-items-center mb-3">
      <Icon name="chevron-left" class="icon-primary icon-sm" directional />
      {t('users.backToList')}
    </Link>
  );
}

function FormButtons({ busy }: { busy: boolean }) {
  const { t } = useT();
  return (
    <div class="d-flex gap-2">
      <button type="submit" class="btn btn-primary" disabled={busy} data-testid="user-save">
        {t('common.save')}
      </button>
      <Link href="/users" class="btn btn-outline-primary">
        {t('common.cancel')}
      </Link>
    </div>
  );
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function UserCreate() {
  const { t } = useT();
  const title = t('users.new');
  usePageTitle(title);
  const orgs = useOrganizations();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState('');
  const [orgId, setOrgId] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const labels = {
    email: t('users.email'),
    display_name: t('users.displayName'),
    role: t('users.role'),
    organization_id: t('users.organization'),
    password: t('users.initialPassword'),
    confirm_password: t('account.confirmPassword'),
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const f: FieldErrors = {};
    if (!email.trim()) f.email = ['fieldErrors.required'];
    else if (!EMAIL_RE.test(email.trim())) f.email = ['fieldErrors.invalid_email'];
    if (!displayName.trim()) f.display_name = ['fieldErrors.required'];
    if (!role) f.role = ['fieldErrors.required'];
    if (!orgId) f.organization_id = ['fieldErrors.required'];
    if (!password) f.password = ['fieldErrors.required'];
    else if (password.length < MIN_PASSWORD) f.password = ['fieldErrors.password_too_short', { min: MIN_PASSWORD }];
    if (password && confirm !== password) f.confirm_password = ['fieldErrors.mismatch'];
    if (Object.keys(f).length) {
      errors.fail('form.fixErrors', f);
      return;
    }
    setBusy(true);
    try {
      const u = await api.createUser({
        email: email.trim(),
        display_name: displayName.trim(),
        role: role as Role,
        organization_id: Number(orgId),
        password,
      });
      flash = t('users.created', { name: u.display_name });
      navigate('/users');
    } catch (err) {
      errors.failFromApi(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <BackToList />
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      {errors.message ? (
        <ErrorSummary message={errors.message} fieldErrors={errors.fields} labels={labels} focusRef={errors.summaryRef} />
      ) : null}
      <form onSubmit={submit} noValidate class="row mt-4" aria-labelledby="main-heading" data-testid="user-form">
        <div class="col-12 col-lg-8">
          <TextField id="email" label={labels.email} type="email" autoComplete="off" dir="ltr" required value={email} onValue={setEmail} error={errors.fields.email} />
          <TextField id="display_name" label={labels.display_name} required maxLength={200} value={displayName} onValue={setDisplayName} error={errors.fields.display_name} />
          <SelectField
            id="role"
            label={labels.role}
            required
            value={role}
            onValue={setRole}
            empty={t('common.choose')}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}.name`) }))}
            error={errors.fields.role}
          />
          {orgs ? (
            <SelectField
              id="organization_id"
              label={labels.organization_id}
              required
              value={orgId}
              onValue={setOrgId}
              empty={t('common.choose')}
              options={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
              error={errors.fields.organization_id}
            />
          ) : (
            <TextField id="organization_id" label={labels.organization_id} inputMode="numeric" required value={orgId} onValue={setOrgId} error={errors.fields.organization_id} />
          )}
          <TextField
            id="password"
            label={labels.password}
            type="password"
            autoComplete="new-password"
            required
            hint={t('account.passwordHint', { min: MIN_PASSWORD })}
            value={password}
            onValue={setPassword}
            error={errors.fields.password}
          />
          <TextField id="confirm_password" label={labels.confirm_password} type="password" autoComplete="new-password" required value={confirm} onValue={setConfirm} error={errors.fields.confirm_password} />
          <FormButtons busy={busy} />
        </div>
      </form>
    </div>
  );
}

function useUser(id: number) {
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.getUser(id).then(setUser).catch(setError);
  }, [id]);
  return { user, error };
}

function UserEdit({ id }: { id: number }) {
  const { t } = useT();
  const title = t('users.editTitle');
  usePageTitle(title);
  const { user: me, refresh } = useSession();
  const { user, error } = useUser(id);
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState('');
  const [active, setActive] = useState(true);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  useEffect(() => {
    if (!user) return;
    setDisplayName(user.display_name);
    setRole(user.role);
    setActive(user.active);
  }, [user]);
  const labels = { display_name: t('users.displayName'), role: t('users.role'), active: t('users.activeLabel') };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!user) return;
    if (!displayName.trim()) {
      errors.fail('form.fixErrors', { display_name: ['fieldErrors.required'] });
      return;
    }
    const patch: Partial<{ display_name: string; role: Role; active: boolean }> = {};
    if (displayName.trim() !== user.display_name) patch.display_name = displayName.trim();
    if (role !== user.role) patch.role = role as Role;
    if (active !== user.active) patch.active = active;
    setBusy(true);
    try {
      if (Object.keys(patch).length) await api.updateUser(user.id, patch);
      if (user.id === me.id) await refresh().catch(() => undefined);
      flash = t('users.saved', { name: displayName.trim() });
      navigate('/users');
    } catch (err) {
      errors.failFromApi(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <BackToList />
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      {error ? (
        <div class="alert alert-danger" role="alert">
          {describeError(error, t)}
        </div>
      ) : !user ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <>
          <dl class="row profile-list mt-4">
            <dt class="col-sm-4 col-lg-3">{t('users.email')}</dt>
            <dd class="col-sm-8 col-lg-9">
              <bdi>{user.email}</bdi>
            </dd>
            <dt class="col-sm-4 col-lg-3">{t('users.organization')}</dt>
            <dd class="col-sm-8 col-lg-9">{user.organization?.name}</dd>
          </dl>
          {errors.message ? (
            <ErrorSummary message={errors.message} fieldErrors={errors.fields} labels={labels} focusRef={errors.summaryRef} />
          ) : null}
          <form onSubmit={submit} noValidate class="row mt-2" aria-labelledby="main-heading" data-testid="user-form">
            <div class="col-12 col-lg-8">
              <TextField id="display_name" label={labels.display_name} required maxLength={200} value={displayName} onValue={setDisplayName} error={errors.fields.display_name} />
              <SelectField
                id="role"
                label={labels.role}
                required
                value={role}
                onValue={setRole}
                options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}.name`) }))}
                error={errors.fields.role}
              />
              <CheckboxField id="active" label={labels.active} hint={t('users.activeHint')} checked={active} onValue={setActive} error={errors.fields.active} />
              <FormButtons busy={busy} />
            </div>
          </form>
        </>
      )}
    </div>
  );
}

function PasswordReset({ id }: { id: number }) {
  const { t } = useT();
  const title = t('users.resetTitle');
  usePageTitle(title);
  const { user, error } = useUser(id);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const labels = { new_password: t('account.newPassword'), confirm_password: t('account.confirmPassword') };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!user) return;
    const f: FieldErrors = {};
    if (!password) f.new_password = ['fieldErrors.required'];
    else if (password.length < MIN_PASSWORD) f.new_password = ['fieldErrors.password_too_short', { min: MIN_PASSWORD }];
    if (password && confirm !== password) f.confirm_password = ['fieldErrors.mismatch'];
    if (Object.keys(f).length) {
      errors.fail('form.fixErrors', f);
      return;
    }
    setBusy(true);
    try {
      await api.resetPassword(user.id, password);
      flash = t('users.passwordReset', { name: user.display_name });
      navigate('/users');
    } catch (err) {
      errors.failFromApi(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <BackToList />
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      {error ? (
        <div class="alert alert-danger" role="alert">
          {describeError(error, t)}
        </div>
      ) : !user ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <>
          <p class="mt-3">{t('users.resetIntro', { name: user.display_name, email: user.email })}</p>
          {errors.message ? (
            <ErrorSummary message={errors.message} fieldErrors={errors.fields} labels={labels} focusRef={errors.summaryRef} />
          ) : null}
          <form onSubmit={submit} noValidate class="row mt-2" aria-labelledby="main-heading" data-testid="reset-form">
            <div class="col-12 col-lg-8">
              <TextField
                id="new_password"
                label={labels.new_password}
                type="password"
                autoComplete="new-password"
                required
                hint={t('account.passwordHint', { min: MIN_PASSWORD })}
                value={password}
                onValue={setPassword}
                error={errors.fields.new_password}
              />
              <TextField id="confirm_password" label={labels.confirm_password} type="password" autoComplete="new-password" required value={confirm} onValue={setConfirm} error={errors.fields.confirm_password} />
              <FormButtons busy={busy} />
            </div>
          </form>
        </>
      )}
    </div>
  );
}
