// On a case page (case workers): the opportunities recommended to the person, newest first, and
// the form to recommend a current one with a note. Recorded on the case and audited.
import { useState } from 'preact/hooks';
import { FormErrors, LoadState, Notice, SelectField, TextAreaField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { opportunitiesApi } from './api';

export function CaseOpportunities({ caseId }: { caseId: number }) {
  const { t, lang } = useT();
  const recommended = useData(() => opportunitiesApi.ofCase(caseId), [caseId]);
  const current = useData(() => opportunitiesApi.list({ current: 'true', per_page: 100, sort: 'title' }), []);
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const labels = { opportunity: t('opportunities.recommend.choice'), note: t('opportunities.recommend.note') };
  const { errors, busy, submit } = useFormSubmit({
    start: () => setDone(null),
    validate: (): FieldErrors => (choice ? {} : { opportunity: ['fieldErrors.required'] }),
    action: async () => {
      const made = await opportunitiesApi.recommend(Number(choice), { case_id: caseId, note: note.trim() || null });
      setDone(t('opportunities.recommend.done', { title: made.opportunity.name }));
      setChoice('');
      setNote('');
      recommended.reload();
    },
  });
  return (
    <section class="mb-5" aria-labelledby="case-opportunities-title" data-testid="case-opportunities">
      <h2 id="case-opportunities-title" class="h4">
        {t('opportunities.recommend.title')}
      </h2>
      <LoadState error={recommended.error} ready={!!recommended.data}>
        {() =>
          recommended.data?.items.length ? (
            <ul class="list-unstyled">
              {recommended.data.items.map((r) => (
                <li key={r.id} class="mb-2">
                  <Link href={`/opportunities/${r.opportunity.id}`}>
                    <bdi>{r.opportunity.name}</bdi>
                  </Link>{' '}
                  <span class="text-muted small">
                    {t('opportunities.recommend.by', { name: r.recommended_by_name, day: formatDay(r.recommended_at.slice(0, 10), lang) })}
                    {r.current ? '' : ` · ${t('opportunities.statuses.expired')}`}
                  </span>
                  {r.note ? <div class="preserve-lines small">{r.note}</div> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('opportunities.recommend.none')}</p>
          )
        }
      </LoadState>
      <form onSubmit={submit} noValidate aria-labelledby="case-opportunities-title">
        <FormErrors errors={errors} labels={labels} />
        {done ? <Notice kind="success">{done}</Notice> : null}
        <SelectField
          id="opportunity"
          label={labels.opportunity}
          value={choice}
          onValue={setChoice}
          empty={t('opportunities.choose')}
          options={(current.data?.items ?? []).map((o) => ({ value: String(o.id), label: `${o.title} (${t(`opportunities.kinds.${o.kind}`)})` }))}
          error={errors.fields.opportunity}
        />
        <TextAreaField id="recommendation-note" label={labels.note} maxLength={500} rows={2} value={note} onValue={setNote} />
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="opportunity-recommend">
          {t('opportunities.recommend.button')}
        </button>
      </form>
    </section>
  );
}
