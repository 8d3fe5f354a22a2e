// Editing a centre's details, places and status (the Prefettura's centres.manage).
import { setFlash } from '../../components/flash';
import { LoadState } from '../../components/forms';
import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { useData } from '../../lib/useData';
import { CentreForm } from './CentreForm';
import { centresApi } from './api';

export function CentreEditPage({ id }: { id: number }) {
  const { t } = useT();
  const { data: centre, error } = useData(() => centresApi.getCentre(id), [id]);
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
                const updated = await centresApi.updateCentre(id, body);
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
