// The forgotten password: a form for the e-mail address (the answer is the same whether or not
// it is registered), and the page the e-mailed link opens (/reset?token=...) to choose a new one.
import { useState } from 'preact/hooks';
import { usePageTitle } from '../../components/PageTitle';
import { newPasswordErrors, PasswordFields } from '../../components/PasswordFields';
import { FormErrors, Notice } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { AccountEmailField } from './AccountEmailField';
import { authApi } from './api';

export function ForgotPassword() {
  const { t } = useT();
  usePageTitle(t('reset.forgotTitle'));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const labels = { email: t('login.email') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const fields: FieldErrors = {};
      if (!email.trim()) fields.email = ['fieldErrors.required'];
      return fields;
    },
    action: async () => {
      await authApi.requestPasswordReset(email.trim());
      errors.clear();
      setSent(true);
    },
  });
  return (
    <div class="row justify-content-center">
      <div class="col-12 col-md-8 col-lg-6">
        <h1 id="main-heading" tabIndex={-1} class="mb-4">
          {t('reset.forgotTitle')}
        </h1>
        {sent ? (
          <Notice kind="success">{t('reset.sent')}</Notice>
        ) : (
          <>
            <p class="lead">{t('reset.forgotIntro')}</p>
            <FormErrors errors={errors} labels={labels} />
            <form onSubmit={submit} noValidate class="mt-4" aria-labelledby="main-heading">
              <AccountEmailField label={labels.email} value={email} onValue={setEmail} error={errors.fields.email} />
              <button type="submit" class="btn btn-primary" disabled={busy} data-testid="reset-request-submit">
                {t('reset.send')}
              </button>
            </form>
          </>
        )}
        <p class="mt-4">
          <Link href="/login">{t('reset.backToLogin')}</Link>
        </p>
      </div>
    </div>
  );
}

export function ResetPassword({ token }: { token: string }) {
  const { t } = useT();
  usePageTitle(t('reset.title'));
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const labels = { new_password: t('account.newPassword'), confirm_password: t('account.confirmPassword') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => newPasswordErrors('new_password', next, confirm),
    action: async () => {
      await authApi.confirmPasswordReset(token, next);
      errors.clear();
      setNext('');
      setConfirm('');
      setDone(true);
    },
  });
  return (
    <div class="row justify-content-center">
      <div class="col-12 col-md-8 col-lg-6">
        <h1 id="main-heading" tabIndex={-1} class="mb-4">
          {t('reset.title')}
        </h1>
        {done ? (
          <Notice kind="success">{t('reset.done')}</Notice>
        ) : !token ? (
          <Notice kind="warning">{t('errors.invalid_reset_link')}</Notice>
        ) : (
          <>
            <p class="lead">{t('reset.intro')}</p>
            <FormErrors errors={errors} labels={labels} />
            <form onSubmit={submit} noValidate class="mt-4" aria-labelledby="main-heading">
              <PasswordFields id="new_password" label={labels.new_password} password={next} confirm={confirm} onPassword={setNext} onConfirm={setConfirm} errors={errors.fields} />
              <button type="submit" class="btn btn-primary" disabled={busy} data-testid="reset-submit">
                {t('reset.submit')}
              </button>
            </form>
          </>
        )}
        <p class="mt-4">
          <Link href={done ? '/login' : '/forgot-password'}>{done ? t('reset.backToLogin') : t('reset.askAgain')}</Link>
        </p>
      </div>
    </div>
  );
}
