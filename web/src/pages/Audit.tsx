import { useEffect, useState } from 'preact/hooks';
import { api, listAll, type AuditEntry, type User } from '../api';
import { SelectField, TextField } from '../components/forms';
import { DataTable, FilterBar, useFilters } from '../components/ListPage';
import { usePageTitle } from '../components/PageTitle';
import { PER_PAGE, useList } from '../components/useList';
import { formatDateTime, hasKey, useT } from '../i18n';
import { setQuery } from '../router';
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
  const title = t('audit.title');
  usePageTitle(title);
  const { can } = useSession();
  const filters = useFilters(['actor_user_id', 'action', 'entity_type', 'from', 'to'] as const);
  const { actor_user_id, action, entity_type, from, to } = filters.values;
  const { inputs, setter } = filters;

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
        actor_user_id,
        action,
        entity_type,
        from: from ? dayBound(from, false) : '',
        to: to ? dayBound(to, true) : '',
        page: filters.page,
        per_page: PER_PAGE,
      }),
    filters.key,
  );

  const outcomeLabel = (o: string) => (hasKey(`audit.outcomes.${o}`) ? t(`audit.outcomes.${o}`) : o);
  const rangeError = inputs.from && inputs.to && inputs.from > inputs.to ? t('audit.rangeError') : undefined;

  return (
    <div>
      <h1 id="main-heading" tabIndex={-1} class="mb-4">
        {title}
      </h1>
      <p>{t('audit.intro')}</p>
      <FilterBar
        label={t('audit.filters')}
        onApply={() => {
          if (rangeError) return;
          setQuery({
            actor_user_id: inputs.actor_user_id.trim(),
            action: inputs.action.trim(),
            entity_type: inputs.entity_type.trim(),
            from: inputs.from,
            to: inputs.to,
            page: null,
          });
        }}
        resetHref="/audit"
        active={filters.active}
        buttonsClass="col-12 col-md-6 col-lg-4"
      >
        <div class="col-12 col-md-6 col-lg-4">
          {users ? (
            <SelectField
              id="audit-actor"
              label={t('audit.actor')}
              value={inputs.actor_user_id}
              onValue={setter('actor_user_id')}
              empty={t('common.all')}
              options={users.map((u) => ({ value: String(u.id), label: `${u.display_name} (${u.email})` }))}
            />
          ) : (
            <TextField id="audit-actor" label={t('audit.actorId')} inputMode="numeric" value={inputs.actor_user_id} onValue={setter('actor_user_id')} />
          )}
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="audit-action" label={t('audit.action')} hint={t('audit.actionHint')} dir="ltr" value={inputs.action} onValue={setter('action')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="audit-entity" label={t('audit.entityType')} hint={t('audit.entityHint')} dir="ltr" value={inputs.entity_type} onValue={setter('entity_type')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="audit-from" label={t('audit.from')} type="date" value={inputs.from} onValue={setter('from')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="audit-to" label={t('audit.to')} type="date" value={inputs.to} onValue={setter('to')} error={rangeError} />
        </div>
      </FilterBar>
      <DataTable
        list={list}
        label={title}
        testId="audit-table"
        tableClass="table audit-table"
        head={
          <>
            <th scope="col">#</th>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.clientAddress')}</th>
            <th scope="col">{t('audit.details')}</th>
          </>
        }
        row={(e: AuditEntry, index) => {
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
        }}
      />
    </div>
  );
}
