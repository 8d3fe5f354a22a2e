import { useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { ActionsHeader } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { newPasswordErrors, PasswordField, PasswordFields } from '../../components/PasswordFields';
import { FormErrors, LoadState, Notice, SelectField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDateTime } from '../../lib/dates';
import { describeError } from '../../lib/errors';
import { useT } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type ApiToken, authApi, type NewApiToken } from './api';

export function Account() {
  const { t } = useT();
  const { user } = useSession();
  usePageTitle(t('account.title'));
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1}>
        {t('account.title')}
      </h1>
      <section class="mt-4" aria-labelledby="profile-heading">
        <h2 id="profile-heading" class="h4">
          {t('account.profile')}
        </h2>
        <dl class="row profile-list">
          <dt class="col-sm-4 col-lg-3">{t('users.displayName')}</dt>
          <dd class="col-sm-8 col-lg-9">
            <bdi>{user.display_name}</bdi>
          </dd>
          <dt class="col-sm-4 col-lg-3">{t('users.email')}</dt>
          <dd class="col-sm-8 col-lg-9">
            <bdi>{user.email}</bdi>
          </dd>
          <dt class="col-sm-4 col-lg-3">{t('users.organization')}</dt>
          <dd class="col-sm-8 col-lg-9">
            <bdi>{user.organization.name}</bdi>
          </dd>
          <dt class="col-sm-4 col-lg-3">{t('users.role')}</dt>
          <dd class="col-sm-8 col-lg-9">{t(`roles.${user.role}.name`)}</dd>
        </dl>
      </section>
      <ChangePassword />
      <Tokens />
    </div>
  );
}

function ChangePassword() {
  const { t } = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const labels = {
    current_password: t('account.currentPassword'),
    new_password: t('account.newPassword'),
    confirm_password: t('account.confirmPassword'),
  };

  const { errors, busy, submit } = useFormSubmit({
    start: () => setDone(false),
    validate: () => {
      const fields: FieldErrors = {};
      if (!current) fields.current_password = ['fieldErrors.required'];
      return { ...fields, ...newPasswordErrors('new_password', next, confirm) };
    },
    action: async () => {
      await authApi.changePassword(current, next);
      errors.clear();
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    },
  });

  return (
    <section class="mt-5" aria-labelledby="password-heading">
      <h2 id="password-heading" class="h4">
        {t('account.changePassword')}
      </h2>
      {done ? <Notice kind="success">{t('account.passwordChanged')}</Notice> : null}
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate class="row" aria-labelledby="password-heading">
        <div class="col-12 col-lg-6">
          <PasswordField id="current_password" label={labels.current_password} current value={current} onValue={setCurrent} error={errors.fields.current_password} />
          <PasswordFields id="new_password" label={labels.new_password} password={next} confirm={confirm} onPassword={setNext} onConfirm={setConfirm} errors={errors.fields} />
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('account.changePasswordSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

const EXPIRY_CHOICES = [30, 90, 180, 365];

function tokenStatus(tok: ApiToken): 'revoked' | 'expired' | 'active' {
  if (tok.revoked_at) return 'revoked';
  if (Date.parse(tok.expires_at) < Date.now()) return 'expired';
  return 'active';
}

function Tokens() {
  const { t } = useT();
  const { data: tokens, error: loadError, reload } = useData(() => authApi.listTokens(), []);
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const createdRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  const { errors, busy, submit } = useFormSubmit({
    start: () => setNotice(null),
    validate: (): FieldErrors => (name.trim() ? {} : { token_name: ['fieldErrors.required'] }),
    action: async () => {
      const tok = await authApi.createToken(name.trim(), Number(days));
      errors.clear();
      setName('');
      setCopied(false);
      setCreated(tok);
      reload();
    },
  });

  const revoke = async (tok: ApiToken) => {
    if (!window.confirm(t('account.tokens.confirmRevoke', { name: tok.name }))) return;
    setNotice(null);
    try {
      await authApi.revokeToken(tok.id);
      setNotice(t('account.tokens.revoked', { name: tok.name }));
      reload();
    } catch (err) {
      setNotice(describeError(err, t));
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section class="mt-5" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" class="h4">
        {t('account.tokens.title')}
      </h2>
      <p>{t('account.tokens.intro')}</p>
      {created ? (
        <div class="alert alert-success" role="status" tabIndex={-1} ref={createdRef} data-testid="new-token">
          <p class="fw-semibold">{t('account.tokens.createdOnce', { name: created.name })}</p>
          <label class="form-label" for="new-token-value">
            {t('account.tokens.value')}
          </label>
          <div class="input-group">
            <input
              id="new-token-value"
              class="form-control token-value"
              readOnly
              dir="ltr"
              value={created.token}
              onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
            />
            <button type="button" class="btn btn-outline-primary" onClick={copy}>
              <Icon name="copy" class="icon-primary icon-sm me-1" />
              {copied ? t('account.tokens.copied') : t('account.tokens.copy')}
            </button>
          </div>
          <button type="button" class="btn btn-link px-0 mt-2" onClick={() => setCreated(null)}>
            {t('account.tokens.dismiss')}
          </button>
        </div>
      ) : null}
      {notice ? <Notice kind="info">{notice}</Notice> : null}
      <FormErrors errors={errors} labels={{ token_name: t('account.tokens.name'), name: t('account.tokens.name') }} />
      <form onSubmit={submit} noValidate class="row align-items-end" aria-labelledby="new-token-heading">
        <h3 id="new-token-heading" class="h5 col-12">
          {t('account.tokens.create')}
        </h3>
        <div class="col-12 col-md-5">
          <TextField
            id="token_name"
            label={t('account.tokens.name')}
            required
            maxLength={100}
            value={name}
            onValue={setName}
            error={errors.fields.token_name ?? errors.fields.name}
          />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            id="token_days"
            label={t('account.tokens.expiresIn')}
            value={days}
            onValue={setDays}
            options={EXPIRY_CHOICES.map((d) => ({ value: String(d), label: t('account.tokens.days', { count: d }) }))}
            error={errors.fields.expires_in_days}
          />
        </div>
        <div class="col-12 col-md-3 mb-4">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            <Icon name="plus" class="icon-white icon-sm me-1" />
            {t('account.tokens.createSubmit')}
          </button>
        </div>
      </form>
      <LoadState error={loadError} ready={tokens !== null}>
        {() => tokens && <TokenTable tokens={tokens} onRevoke={revoke} />}
      </LoadState>
    </section>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (tok: ApiToken) => void }) {
  const { t, lang } = useT();
  return tokens.length === 0 ? (
    <p>{t('account.tokens.none')}</p>
  ) : (
    <div class="table-responsive" tabIndex={0} role="region" aria-labelledby="tokens-heading">
      <table class="table" data-testid="tokens-table">
        <caption class="visually-hidden">{t('account.tokens.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.tokens.name')}</th>
            <th scope="col">{t('account.tokens.createdAt')}</th>
            <th scope="col">{t('account.tokens.expiresAt')}</th>
            <th scope="col">{t('account.tokens.lastUsedAt')}</th>
            <th scope="col">{t('common.status')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {tokens.map((tok) => {
            const status = tokenStatus(tok);
            return (
              <tr key={tok.id}>
                <td>
                  <bdi>{tok.name}</bdi>
                </td>
                <td>{formatDateTime(tok.created_at, lang)}</td>
                <td>{formatDateTime(tok.expires_at, lang)}</td>
                <td>{tok.last_used_at ? formatDateTime(tok.last_used_at, lang) : t('account.tokens.neverUsed')}</td>
                <td>
                  <span class={`badge ${status === 'active' ? 'bg-success' : 'bg-secondary'}`}>
                    {t(`account.tokens.status.${status}`)}
                  </span>
                </td>
                <td class="text-end">
                  {status === 'active' ? (
                    <button type="button" class="btn btn-outline-danger btn-xs" onClick={() => onRevoke(tok)}>
                      {t('account.tokens.revoke')}
                      <span class="visually-hidden"> {tok.name}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
