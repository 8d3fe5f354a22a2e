import type { ComponentChildren, VNode } from 'preact';
import { useState } from 'preact/hooks';
import { FormPage, PageForm } from '../../components/FormPage';
import { Icon } from '../../components/Icon';
import { ActionsHeader, DataTable, FilterBar, ListHeader, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { newPasswordErrors, PasswordFields } from '../../components/PasswordFields';
import { setFlash, useFlash } from '../../components/flash';
import { CheckboxField, FormErrors, LoadState, Notice, SelectField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { PER_PAGE, useList } from '../../components/useList';
import { listAll } from '../../lib/api';
import { type TFunction, useT } from '../../lib/i18n';
import { type Role, ROLES, type User } from '../../lib/identity';
import { Link, navigate, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { accountsApi, type Organization } from './api';

/** Organisations for selects; null when the user may not list them. */
function useOrganizations(): Organization[] | null {
  const { can } = useSession();
  const { data } = useData(async () => {
    if (!can('organizations.read')) return null;
    const list = await listAll((page, per_page) => accountsApi.listOrganizations({ page, per_page }));
    return list.sort((a, b) => a.name.localeCompare(b.name));
  }, []);
  return data;
}

export function Users() {
  const { t } = useT();
  const loc = useLocation();
  const { can } = useSession();
  const manage = can('users.manage');
  const num = (k: string) => {
    const n = Number(loc.query.get(k));
    return Number.isInteger(n) && n > 0 ? n : 0;
  };
  if (manage && loc.query.get('new')) return <UserCreate />;
  if (manage && num('edit')) return <ExistingUserPage id={num('edit')} title={t('users.editTitle')} form={UserEditForm} />;
  if (manage && num('reset')) return <ExistingUserPage id={num('reset')} title={t('users.resetTitle')} form={PasswordResetForm} />;
  return <UserList manage={manage} />;
}

function UserList({ manage }: { manage: boolean }) {
  const { t } = useT();
  const title = t('users.title');
  usePageTitle(title);
  const message = useFlash();
  const filters = useFilters(['q', 'organization_id', 'role'] as const);
  const { q, organization_id, role } = filters.values;
  const { inputs, setter } = filters;
  const orgs = useOrganizations();
  const list = useList(() => accountsApi.listUsers({ q, organization_id, role, page: filters.page, per_page: PER_PAGE }), filters.key);

  return (
    <div>
      <ListHeader title={title} newHref={manage ? '/users?new=1' : undefined} newLabel={t('users.new')} newTestId="user-new" />
      {message ? <Notice kind="success">{message}</Notice> : null}
      <FilterBar
        label={t('users.filters')}
        onApply={() => setQuery({ q: inputs.q.trim(), organization_id: inputs.organization_id, role: inputs.role, page: null })}
        resetHref="/users"
        active={filters.active}
        buttonsClass="col-12 col-md-6 col-lg-3"
      >
        <div class="col-12 col-md-6 col-lg-3">
          <TextField id="user-q" label={t('users.search')} type="search" value={inputs.q} onValue={setter('q')} />
        </div>
        {orgs ? (
          <div class="col-12 col-md-6 col-lg-3">
            <SelectField
              id="user-org"
              label={t('users.organization')}
              value={inputs.organization_id}
              onValue={setter('organization_id')}
              empty={t('common.all')}
              options={orgOptions(orgs)}
            />
          </div>
        ) : null}
        <div class="col-12 col-md-6 col-lg-3">
          <SelectField id="user-role" label={t('users.role')} value={inputs.role} onValue={setter('role')} empty={t('common.all')} options={roleOptions(t)} />
        </div>
      </FilterBar>
      <DataTable
        list={list}
        label={title}
        testId="user-table"
        head={
          <>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.organization')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('common.status')}</th>
            {manage ? <ActionsHeader /> : null}
          </>
        }
        row={(u) => (
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
              <span class={`badge ${u.active ? 'bg-success' : 'bg-secondary'}`}>{u.active ? t('users.active') : t('users.inactive')}</span>
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
        )}
      />
    </div>
  );
}

const roleOptions = (t: TFunction) => ROLES.map((r) => ({ value: r, label: t(`roles.${r}.name`) }));
const orgOptions = (orgs: Organization[]) => orgs.map((o) => ({ value: String(o.id), label: o.name }));

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function UserCreate() {
  const { t } = useT();
  const orgs = useOrganizations();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState('');
  const [orgId, setOrgId] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const labels = {
    email: t('users.email'),
    display_name: t('users.displayName'),
    role: t('users.role'),
    organization_id: t('users.organization'),
    password: t('users.initialPassword'),
    confirm_password: t('account.confirmPassword'),
  };

  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      if (!email.trim()) f.email = ['fieldErrors.required'];
      else if (!EMAIL_RE.test(email.trim())) f.email = ['fieldErrors.invalid_email'];
      if (!displayName.trim()) f.display_name = ['fieldErrors.required'];
      if (!role) f.role = ['fieldErrors.required'];
      if (!orgId) f.organization_id = ['fieldErrors.required'];
      return { ...f, ...newPasswordErrors('password', password, confirm) };
    },
    action: async () => {
      const u = await accountsApi.createUser({
        email: email.trim(),
        display_name: displayName.trim(),
        role: role as Role,
        organization_id: Number(orgId),
        password,
      });
      setFlash(t('users.created', { name: u.display_name }));
      navigate('/users');
    },
  });

  return (
    <FormPage title={t('users.new')} backHref="/users" backLabel={t('users.backToList')}>
      <FormErrors errors={errors} labels={labels} />
      <UserForm onSubmit={submit} class="mt-4" testId="user-form" busy={busy}>
        <TextField id="email" label={labels.email} type="email" autoComplete="off" dir="ltr" required value={email} onValue={setEmail} error={errors.fields.email} />
        <TextField id="display_name" label={labels.display_name} required maxLength={200} value={displayName} onValue={setDisplayName} error={errors.fields.display_name} />
        <SelectField id="role" label={labels.role} required value={role} onValue={setRole} empty={t('common.choose')} options={roleOptions(t)} error={errors.fields.role} />
        {orgs ? (
          <SelectField
            id="organization_id"
            label={labels.organization_id}
            required
            value={orgId}
            onValue={setOrgId}
            empty={t('common.choose')}
            options={orgOptions(orgs)}
            error={errors.fields.organization_id}
          />
        ) : (
          <TextField id="organization_id" label={labels.organization_id} inputMode="numeric" required value={orgId} onValue={setOrgId} error={errors.fields.organization_id} />
        )}
        <PasswordFields id="password" label={labels.password} password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} errors={errors.fields} />
      </UserForm>
    </FormPage>
  );
}

function UserForm(p: { onSubmit: (e: Event) => void; class: string; testId: string; busy: boolean; children: ComponentChildren }) {
  return <PageForm {...p} saveTestId="user-save" cancelHref="/users" />;
}

/** The page of an existing user: loads it, then shows its `form`. */
function ExistingUserPage({ id, title, form: Form }: { id: number; title: string; form: (p: { user: User }) => VNode }) {
  const { t } = useT();
  const { data: user, error } = useData(() => accountsApi.getUser(id), [id]);
  return (
    <FormPage title={title} backHref="/users" backLabel={t('users.backToList')}>
      <LoadState error={error} ready={!!user}>
        {() => user && <Form key={user.id} user={user} />}
      </LoadState>
    </FormPage>
  );
}

function UserEditForm({ user }: { user: User }) {
  const { t } = useT();
  const { user: me, refresh } = useSession();
  const [displayName, setDisplayName] = useState(user.display_name);
  const [role, setRole] = useState<string>(user.role);
  const [active, setActive] = useState(user.active);
  const labels = { display_name: t('users.displayName'), role: t('users.role'), active: t('users.activeLabel') };

  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (displayName.trim() ? {} : { display_name: ['fieldErrors.required'] }),
    action: async () => {
      const patch: Partial<{ display_name: string; role: Role; active: boolean }> = {};
      if (displayName.trim() !== user.display_name) patch.display_name = displayName.trim();
      if (role !== user.role) patch.role = role as Role;
      if (active !== user.active) patch.active = active;
      if (Object.keys(patch).length) await accountsApi.updateUser(user.id, patch);
      if (user.id === me.id) await refresh().catch(() => undefined);
      setFlash(t('users.saved', { name: displayName.trim() }));
      navigate('/users');
    },
  });

  return (
    <>
      <dl class="row profile-list mt-4">
        <dt class="col-sm-4 col-lg-3">{t('users.email')}</dt>
        <dd class="col-sm-8 col-lg-9">
          <bdi>{user.email}</bdi>
        </dd>
        <dt class="col-sm-4 col-lg-3">{t('users.organization')}</dt>
        <dd class="col-sm-8 col-lg-9">{user.organization?.name}</dd>
      </dl>
      <FormErrors errors={errors} labels={labels} />
      <UserForm onSubmit={submit} class="mt-2" testId="user-form" busy={busy}>
        <TextField id="display_name" label={labels.display_name} required maxLength={200} value={displayName} onValue={setDisplayName} error={errors.fields.display_name} />
        <SelectField id="role" label={labels.role} required value={role} onValue={setRole} options={roleOptions(t)} error={errors.fields.role} />
        <CheckboxField id="active" label={labels.active} hint={t('users.activeHint')} checked={active} onValue={setActive} error={errors.fields.active} />
      </UserForm>
    </>
  );
}

function PasswordResetForm({ user }: { user: User }) {
  const { t } = useT();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const labels = { new_password: t('account.newPassword'), confirm_password: t('account.confirmPassword') };

  const { errors, busy, submit } = useFormSubmit({
    validate: () => newPasswordErrors('new_password', password, confirm),
    action: async () => {
      await accountsApi.resetPassword(user.id, password);
      setFlash(t('users.passwordReset', { name: user.display_name }));
      navigate('/users');
    },
  });

  return (
    <>
      <p class="mt-3">{t('users.resetIntro', { name: user.display_name, email: user.email })}</p>
      <FormErrors errors={errors} labels={labels} />
      <UserForm onSubmit={submit} class="mt-2" testId="reset-form" busy={busy}>
        <PasswordFields id="new_password" label={labels.new_password} password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} errors={errors.fields} />
      </UserForm>
    </>
  );
}
