// One opportunity as the staff read it: the Italian texts and the translations, dates, who it is
// for, its state; those who may change it edit it here (publishing and withdrawing ask first).
import { useState } from 'preact/hooks';
import { FormPage } from '../../components/FormPage';
import { useFlash } from '../../components/flash';
import { LoadState, Notice } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { useData } from '../../lib/useData';
import { type Opportunity, opportunitiesApi } from './api';
import { EditOpportunity } from './OpportunityForm';
import { StatusBadge, languageName } from './parts';

export function OpportunityPage({ id }: { id: number }) {
  const { t } = useT();
  const loaded = useData(() => opportunitiesApi.get(id), [id]);
  const [shown, setShown] = useState<Opportunity | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const flash = useFlash();
  const o = shown ?? loaded.data;
  return (
    <FormPage title={o?.title ?? t('opportunities.title')} backHref="/opportunities" backLabel={t('opportunities.backToList')}>
      <LoadState error={loaded.error} ready={!!o}>
        {() =>
          o && editing ? (
            <EditOpportunity
              opportunity={o}
              onSaved={(next) => {
                setShown(next);
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : o ? (
            <>
              {flash || saved ? <Notice kind="success">{flash || t('opportunities.saved', { title: o.title })}</Notice> : null}
              <Details o={o} />
              {o.editable ? (
                <button type="button" class="btn btn-primary" data-testid="opportunity-edit" onClick={() => (setSaved(false), setEditing(true))}>
                  {t('opportunities.edit')}
                </button>
              ) : null}
            </>
          ) : null
        }
      </LoadState>
    </FormPage>
  );
}

function Details({ o }: { o: Opportunity }) {
  const { t, lang } = useT();
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt class="col-12 col-md-4 fw-semibold">{label}</dt>
        <dd class="col-12 col-md-8">
          <bdi>{value}</bdi>
        </dd>
      </>
    ) : null;
  return (
    <div data-testid="opportunity-details">
      <p>
        <StatusBadge opportunity={o} /> <span class="ms-2">{t(`opportunities.kinds.${o.kind}`)}</span>
      </p>
      <p class="preserve-lines" dir="auto">{o.description}</p>
      <dl class="row">
        {row(t('opportunities.howToApply'), o.how_to_apply)}
        {row(t('opportunities.publisher'), o.publisher.name)}
        {row(t('opportunities.place'), [o.place, o.municipality?.name].filter(Boolean).join(', '))}
        {row(t('opportunities.startsOn'), o.starts_on ? formatDay(o.starts_on, lang) : null)}
        {row(t('opportunities.endsOn'), o.ends_on ? formatDay(o.ends_on, lang) : null)}
        {row(t('opportunities.expiresOn'), formatDay(o.expires_on, lang))}
        {row(t('opportunities.cost'), o.free ? t('opportunities.freeOfCharge') : t('opportunities.paid'))}
        {row(
          t('opportunities.targetGroups'),
          o.target_groups.length ? o.target_groups.map((g) => t(`opportunities.targetGroupNames.${g}`)).join(', ') : t('opportunities.everyone'),
        )}
        {row(t('opportunities.url'), o.url)}
        {row(t('opportunities.translations'), o.translations.length ? o.translations.map((x) => languageName(x.language, lang)).join(', ') : t('opportunities.noTranslations'))}
        {row(t('opportunities.updated'), t('opportunities.updatedBy', { day: formatDay(o.updated_at.slice(0, 10), lang), name: o.updated_by_name }))}
      </dl>
    </div>
  );
}
