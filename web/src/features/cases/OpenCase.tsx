// Opening a case: the case worker finds the person (a guest of the organisation's centres) and
// opens the case; a person who has one already is taken to it (a closed case is reopened there).
import { useState } from 'preact/hooks';
import { FormPage } from '../../components/FormPage';
import { Notice } from '../../components/forms';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { PersonSearch } from '../people/index';
import { casesApi } from './api';

export function OpenCase() {
  const { t } = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async (personId: number) => {
    setBusy(true);
    setError(null);
    try {
      const c = await casesApi.openCase(personId);
      navigate(`/cases/${c.id}`);
    } catch (err) {
      const existing = err instanceof ApiError ? err.fields.person_id?.params?.case_id : undefined;
      if (typeof existing === 'number') navigate(`/cases/${existing}`);
      else setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormPage title={t('cases.new')} backHref="/cases" backLabel={t('cases.backToList')}>
      <p>{t('cases.openIntro')}</p>
      <div aria-live="polite">{error ? <Notice kind="warning">{error}</Notice> : null}</div>
      <PersonSearch
        id="case-person"
        label={t('cases.findPerson')}
        hint={t('cases.findPersonHint')}
        action={(p) => (
          <button type="button" class="btn btn-primary btn-sm" disabled={busy} data-testid="case-open" onClick={() => void open(p.id)}>
            {t('cases.openFor', { name: `${p.family_name} ${p.given_names}` })}
          </button>
        )}
      />
    </FormPage>
  );
}
