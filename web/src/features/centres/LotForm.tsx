// /lots/new and /lots/:id/edit: the Prefettura records a tender lot (its CIG, the tender, the
// lot's name, its period) or corrects one. The CIG of a recorded lot is shown, not edited: its
// contracts and their invoices carry a copy of it.
import { useState } from 'preact/hooks';
import { FormPage, PageForm } from '../../components/FormPage';
import { setFlash } from '../../components/flash';
import { FormErrors, LoadState, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { useData } from '../../lib/useData';
import { type TenderLot, centresApi } from './api';

const CIG_RE = /^[A-Z0-9]{10}$/;

function LotFields({ lot }: { lot?: TenderLot }) {
  const { t } = useT();
  const [f, setF] = useState({
    cig: lot?.cig ?? '',
    tender: lot?.tender ?? '',
    lot: lot?.lot ?? '',
    start_date: lot?.start_date ?? '',
    end_date: lot?.end_date ?? '',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((p) => ({ ...p, [k]: v }));
  const labels = {
    cig: t('contracts.cig'),
    tender: t('lots.tender'),
    lot: t('lots.lot'),
    start_date: t('lots.startDate'),
    end_date: t('lots.endDate'),
  };
  const cig = f.cig.trim().toUpperCase();
  const back = lot ? `/lots?q=${encodeURIComponent(lot.cig)}` : '/lots';
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!lot && !CIG_RE.test(cig)) e.cig = ['fieldErrors.cig_format'];
      if (f.tender.trim().length < 2) e.tender = ['fieldErrors.min_length', { n: 2 }];
      if (!f.start_date) e.start_date = ['fieldErrors.required'];
      if (!f.end_date) e.end_date = ['fieldErrors.required'];
      else if (f.start_date && f.end_date < f.start_date) e.end_date = ['fieldErrors.end_before_start'];
      return e;
    },
    action: async () => {
      const body = { tender: f.tender.trim(), lot: f.lot.trim(), start_date: f.start_date, end_date: f.end_date };
      const saved = lot ? await centresApi.updateLot(lot.id, body) : await centresApi.addLot({ ...body, cig });
      setFlash(t(lot ? 'lots.updated' : 'lots.created', { cig: saved.cig }));
      navigate(`/lots?q=${encodeURIComponent(saved.cig)}`);
    },
  });
  const title = lot ? t('lots.editTitle', { cig: lot.cig }) : t('lots.new');
  return (
    <FormPage title={title} backHref={back} backLabel={t('lots.back')}>
      <FormErrors errors={errors} labels={labels} />
      <PageForm onSubmit={submit} class="mt-4" testId="lot-form" saveTestId="lot-save" busy={busy} cancelHref={back}>
        <TextField
          id="cig"
          label={labels.cig}
          hint={lot ? t('lots.cigFixed') : t('contracts.cigHint')}
          required={!lot}
          readOnly={!!lot}
          maxLength={10}
          dir="ltr"
          value={f.cig}
          onValue={set('cig')}
          error={errors.fields.cig}
        />
        <TextField id="tender" label={labels.tender} hint={t('lots.tenderHint')} required maxLength={200} value={f.tender} onValue={set('tender')} error={errors.fields.tender} />
        <TextField id="lot" label={labels.lot} hint={t('lots.lotHint')} maxLength={100} value={f.lot} onValue={set('lot')} error={errors.fields.lot} />
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField id="start_date" label={labels.start_date} required type="date" value={f.start_date} onValue={set('start_date')} error={errors.fields.start_date} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="end_date" label={labels.end_date} required type="date" value={f.end_date} onValue={set('end_date')} error={errors.fields.end_date} />
          </div>
        </div>
      </PageForm>
    </FormPage>
  );
}

export function NewLotPage() {
  return <LotFields />;
}

export function LotEditPage({ id }: { id: number }) {
  const { data: lot, error } = useData(() => centresApi.lot(id), [id]);
  // The form starts from the loaded lot (decision 0011, point 5): rendered once it is there.
  return <LoadState error={error} ready={!!lot}>{() => lot && <LotFields lot={lot} />}</LoadState>;
}
