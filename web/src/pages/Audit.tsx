import { useEffect, useState } from 'preact/hooks';
import { api, listAll, type AuditEntry, type User } from '../api';
import { SelectField, Spinner, TextField } from '../components/forms';
import { Icon } from '../components/Icon';
import { usePageTitle } from '../components/PageTitle';
import { Pagination, ResultsSummary } from '../components/Pagination';
import { PER_PAGE, pageParam, useList } from '../components/useList';
import { describeError } from '../errors';
import { formatDateTime, hasKey, useT } from '../i18n';
import { navigate, setQuery, useLocation } from '../router';
import { useSession } from '../session';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar day (yyyy-mm-dd) as an ISO-8601 UTC instant at its start or end. */
function dayBound(day: string, end: boolean): string {
  if (!DATE_RE.test(day)) return '';
  const d = new Date(`${day}T${end ? '23:59:59' : '00:00:00'}`);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function detailsText(details: unknown): string {
  if (details === null || details === undefined || details === '') return '';
  if (typeof details === 'string') return details;
  try {
    return JSON.stringify(details, null, 2);
  } catch {
    return String(details);
  }
}

export function Audit() {
  const { t, lang } = useT();
  usePageTitle(t('audit.title'));
  const { can } = useSession();
  const loc = useLocation();
  const get = (k: string) => loc.query.get(k) ?? '';
  const actor = get('actor_user_id');
  const action = get('action');
  const entityType = get('entity_type');
  const from = get('from');
  const to = get('to');
  const page = pageParam(loc.query);

  const [actorIn, setActorIn] = useState(actor);
  const [actionIn, setActionIn] = useState(action);
  const [entityIn, setEntityIn] = useState(entityType);
  const [fromIn, setFromIn] = useState(from);
  const [toIn, setToIn] = useState(to);
  useEffect(() => {
    setActorIn(actor);
    setActionIn(action);
    setEntityIn(entityType);
    setFromIn(from);
    setToIn(to);
  }, [actor, action, entityType, from, to]);

  const [users, setUsers] = useState<User[] | null>(null);
  useEffect(() => {
    if (!can('users.read')) return;
    listAll((p, per_page) => api.listUsers({ page: p, per_page }))
      .then((list) => setUsers(list.sort((a, b) => a.email.localeCompare(b.email))))
      .catch(() => setUsers(null));
  }, []);

  const list = useList(
    () =>
      api.listAudit({
        actor_user_id: actor,
        action,
        entity_type: entityType,
        from: from ? dayBound(from, false) : '',
        to: to ? dayBound(to, true) : '',
        page,
        per_page: PER_PAGE,
      }),
    `${actor}|${action}|${entityType}|${from}|${to}|${page}`,
  );

  const outcomeLabel = (o: string) => (hasKey(`audit.outcomes.${o}`) ? t(`audit.outcomes.${o}`) : o);
  const rangeError = fromIn && toIn && fromIn > toIn ? t('audit.rangeError') : undefined;

  return (
    <div>
      <h1 id="main-heading" tabIndex={-1} class="mb-4">
        {t('audit.title')}
      </h1>
      <p>{t('audit.intro')}</p>
      <form
        role="search"
        aria-label={t('audit.filters')}
        class="row align-items-end filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (rangeError) return;
          setQuery({
            actor_user_id: actorIn.trim(),
            action: actionIn.trim(),
            entity_type: entityIn.trim(),
            from: fromIn,
            to: toIn,
            page: null,
          });
        }}
      >
        <div class="col-12 col-md-6 col-lg-4">
          {users ? (
            <SelectField
              id="audit-actor"
              label={t('audit.actor')}
              value={actorIn}
              onValue={setActorIn}
              empty={t('common.all')}
              options={users.map((u) => ({ value: String(u.id), label: `${u.display_name} (${u.email})` }))}
            />
          ) : (
            <TextField id="audit-actor" label={t('audit.actorId')} inputMode="numeric" value={actorIn} onValue={setActorIn} />
          )}
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="audit-action" label={t('audit.action')} hint={t('audit.actionHint')} dir="ltr" value={actionIn} onValue={setActionIn} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="audit-entity" label={t('audit.entityType')} hint={t('audit.entityHint')} dir="ltr" value={entityIn} onValue={setEntityIn} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="audit-from" label={t('audit.from')} type="date" value={fromIn} onValue={setFromIn} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="audit-to" label={t('audit.to')} type="date" value={toIn} onValue={setToIn} error={rangeError} />
        </div>
        <div class="col-12 col-md-6 col-lg-4 mb-4 d-flex gap-2">
          <button type="submit" class="btn btn-primary">
            <Icon name="search" class="icon-white icon-sm me-1" />
            {t('common.search')}
          </button>
          {actor || action || entityType || from || to ? (
            <button type="button" class="btn btn-outline-primary" onClick={() => navigate('/audit')}>
              {t('common.reset')}
            </button>
          ) : null}
        </div>
      </form>
      {list.error ? (
        <div class="alert alert-danger" role="alert">
          {describeError(list.error, t)}
        </div>
      ) : !list.data ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <>
          <div aria-live="polite">
            <ResultsSummary page={list.data.page} perPage={list.data.per_page} total={list.data.total} />
          </div>
          {list.data.items.length ? (
            <div class="table-responsive" tabIndex={0} role="region" aria-label={t('audit.title')}>
              <table class="table audit-table" data-testid="audit-table" aria-busy={list.loading ? 'true' : 'false'}>
                <caption class="visually-hidden">{t('audit.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('audit.at')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.entity')}</th>
                    <th scope="col">{t('audit.outcome')}</th>
                    <th scope="col">{t('audit.clientAddress')}</th>
                    <th scope="col">{t('audit.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((e: AuditEntry, index) => {
                    const details = detailsText(e.details);
                    const ok = /^(success|ok|succeeded|allowed)$/i.test(e.outcome);
                    return (
                      <tr key={e.seq ?? `pending-${index}`}>
                        <td>{e.seq ?? '—'}</td>
                        <td class="text-nowrap">
                          <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                        </td>
                        <td>
                          {e.actor_email ? (
                            <bdi>{e.actor_email}</bdi>
                          ) : e.actor_user_id !== null && e.actor_user_id !== undefined ? (
                            <bdi>#{e.actor_user_id}</bdi>
                          ) : (
                            t('audit.system')
                          )}
                        </td>
                        <td>
                          <code dir="ltr">{e.action}</code>
                        </td>
                        <td>
                          {e.entity_type ? (
                            <code dir="ltr">
                              {e.entity_type}
                              {e.entity_id !== null && e.entity_id !== undefined && e.entity_id !== '' ? ` #${e.entity_id}` : ''}
                            </code>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>
                          <span class={`badge ${ok ? 'bg-success' : 'bg-danger'}`}>{outcomeLabel(e.outcome)}</span>
                        </td>
                        <td>{e.client_address ? <bdi>{e.client_address}</bdi> : '—'}</td>
                        <td>
                          {details ? (
                            <details>
                              <summary>{t('audit.showDetails')}</summary>
                              <pre dir="ltr" class="audit-details">{details}</pre>
                            </details>
                          ) : (
                            '—'
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
          <Pagination page={list.data.page} perPage={list.data.per_page} total={list.data.total} />
        </>
      )}
    </div>
  );
}
