// Editing a centre's details, places and status (the Prefettura's centres.manage).
import { useEffect, useState } from 'preact/hooks';
import { setFlash } from '../components/flash';
import { LoadState } from '../components/forms';
import { useT } from '../i18n';
import { reception, type Centre } from '../reception';
import { navigate } from '../router';
import { CentreForm } from './CentreForm';

export function CentreEditPage({ id }: { id: number }) {
  const { t } = useT();
  const [centre, setCentre] = useState<Centre | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    reception.getCentre(id).then(setCentre).catch(setError);
  }, [id]);
  const back = `/centres/${id}`;
  return (
    <LoadState error={error} ready={!!centre}>
      {() =>
        centre && (
          <CentreForm
            title={t('centreEdit.title', { name: centre.name })}
            backHref={back}
            backLabel={t('register.backToCentre')}
            centre={centre}
            save={async (body) => {
              if (Object.keys(body).length) {
                const updated = await reception.updateCentre(id, body);
                setFlash(t('centreEdit.saved', { name: updated.name }));
              } else {
                setFlash(t('centreEdit.unchanged'));
              }
              navigate(back);
            }}
          />
        )
      }
    </LoadState>
  );
}
