import { useEffect, useState } from 'preact/hooks';
import { usePageTitle } from '../../components/PageTitle';
import { PasswordField } from '../../components/PasswordFields';
import { FormErrors, Notice } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import type { SignedInUser } from '../../lib/identity';
import { Link } from '../../lib/router';
import { AccountEmailField } from './AccountEmailField';
import { authApi } from './api';

export function Login({
  reason,
  onLoggedIn,
}: {
  reason?: 'expired' | 'logged_out';
  onLoggedIn: (user: SignedInUser, csrf: string | null) => void;
}) {
  const { t } = useT();
  usePageTitle(t('login.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [blockedUntil, setBlockedUntil] = useState(0);
  const [, setNow] = useState(Date.now());

  // While rate-limited the button stays disabled; re-render once the wait is over.
  useEffect(() => {
    if (!blockedUntil) return;
    const id = window.setTimeout(() => setBlockedUntil(0), Math.max(0, blockedUntil - Date.now()));
    return () => window.clearTimeout(id);
  }, [blockedUntil]);
  const blocked = blockedUntil > Date.now();

  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const fields: FieldErrors = {};
      if (!email.trim()) fields.email = ['fieldErrors.required'];
      if (!password) fields.password = ['fieldErrors.required'];
      return fields;
    },
    action: async () => {
      const session = await authApi.login(email.trim(), password);
      errors.clear();
      onLoggedIn(session.user, session.csrf_token);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 429) {
        setBlockedUntil(Date.now() + (err.retryAfter ?? 60) * 1000);
        setNow(Date.now());
      }
      setPassword('');
    },
  });

  const labels = { email: t('login.email'), password: t('login.password') };

  return (
    <div class="row justify-content-center">
      <div class="col-12 col-md-8 col-lg-6">
        <h1 id="main-heading" tabIndex={-1} class="mb-4">
          {t('login.title')}
        </h1>
        <p class="lead">{t('login.intro')}</p>
        {/* One message at a time: an error replaces the notice about how the last session ended. */}
        {reason === 'expired' && !errors.message ? <Notice kind="warning">{t('login.sessionExpired')}</Notice> : null}
        {reason === 'logged_out' && !errors.message ? <Notice kind="success">{t('login.loggedOut')}</Notice> : null}
        <FormErrors errors={errors} labels={labels} />
        <form onSubmit={submit} noValidate class="mt-4" aria-labelledby="main-heading">
          <AccountEmailField label={labels.email} value={email} onValue={setEmail} error={errors.fields.email} />
          <PasswordField id="password" label={labels.password} current value={password} onValue={setPassword} error={errors.fields.password} />
          <button type="submit" class="btn btn-primary" disabled={busy || blocked} data-testid="login-submit">
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p class="mt-4">
          <Link href="/forgot-password" data-testid="forgot-password">
            {t('reset.forgotLink')}
          </Link>
        </p>
      </div>
    </div>
  );
}
