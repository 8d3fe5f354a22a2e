import { DataTable, FilterBar, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { SelectField, TextField } from '../../components/forms';
import { PER_PAGE, useList } from '../../components/useList';
import { listAll } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { hasKey, useT } from '../../lib/i18n';
import type { User } from '../../lib/identity';
import { Link, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { accountsApi } from '../accounts/index';
import { AUDIT_ACTIONS } from './actions';
import { AUDIT_ENTITY_TYPES, auditApi, type AuditEntry, type ReadEntry } from './api';
import { actionLabel, AuditDetails, entityLabel } from './details';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar day (yyyy-mm-dd) as an ISO-8601 UTC instant at its start or end. */
function dayBound(day: string, end: boolean): string {
  if (!DATE_RE.test(day)) return '';
  const d = new Date(`${day}T${end ? '23:59:59' : '00:00:00'}`);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A filter's days as the API's bounds: from the start of `from` to the end of `to`. */
function dayRange(from: string, to: string) {
  return { from: dayBound(from, false), to: dayBound(to, true) };
}

/** The from/to day fields of a filter; a range that ends before it starts is named on `to`. */
function DateRangeFields({ prefix, inputs, setter }: { prefix: string; inputs: { from: string; to: string }; setter: (key: 'from' | 'to') => (v: string) => void }) {
  const { t } = useT();
  return (
    <>
      <div class="col-12 col-md-6 col-lg-4">
        <TextField id={`${prefix}-from`} label={t('audit.from')} type="date" value={inputs.from} onValue={setter('from')} />
      </div>
      <div class="col-12 col-md-6 col-lg-4">
        <TextField id={`${prefix}-to`} label={t('audit.to')} type="date" value={inputs.to} onValue={setter('to')} error={rangeError(inputs, t)} />
      </div>
    </>
  );
}

function rangeError(inputs: { from: string; to: string }, t: (key: string) => string): string | undefined {
  return inputs.from && inputs.to && inputs.from > inputs.to ? t('audit.rangeError') : undefined;
}

/** The known codes, and the one in the address if it is not among them (an older or newer code). */
function withCurrent(codes: readonly string[], current: string): string[] {
  return current && !codes.includes(current) ? [...codes, current] : [...codes];
}

/** The actor filter: a list of accounts when the admin may read them, else an id. */
function ActorField({ users, value, onValue }: { users: User[] | null; value: string; onValue: (v: string) => void }) {
  const { t } = useT();
  return users ? (
    <SelectField
      id="audit-actor"
      label={t('audit.actor')}
      value={value}
      onValue={onValue}
      empty={t('common.all')}
      options={users.map((u) => ({ value: String(u.id), label: u.email ? `${u.display_name} (${u.email})` : u.display_name }))}
    />
  ) : (
    <TextField id="audit-actor" label={t('audit.actorId')} inputMode="numeric" value={value} onValue={onValue} />
  );
}

function ActorCell({ email, id }: { email: string | null; id: number | null }) {
  const { t } = useT();
  if (email) return <bdi>{email}</bdi>;
  if (id !== null && id !== undefined) return <bdi>#{id}</bdi>;
  return <>{t('audit.system')}</>;
}

export function Audit() {
  const { t } = useT();
  const title = t('audit.title');
  usePageTitle(title);
  const { can } = useSession();
  const reads = useLocation().query.get('log') === 'reads';

  const { data: users } = useData(async () => {
    if (!can('users.read')) return null;
    const list = await listAll((p, per_page) => accountsApi.listUsers({ page: p, per_page }));
    return list.sort((a, b) => (a.email ?? a.display_name).localeCompare(b.email ?? b.display_name));
  }, []);

  const tab = (href: string, active: boolean, label: string, testId: string) => (
    <li class="nav-item">
      <Link href={href} class={`nav-link${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined} data-testid={testId}>
        {label}
      </Link>
    </li>
  );
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1} class="mb-4">
        {title}
      </h1>
      <ul class="nav nav-tabs mb-4">
        {tab('/audit', !reads, t('audit.tabs.trail'), 'audit-tab-trail')}
        {tab('/audit?log=reads', reads, t('audit.tabs.reads'), 'audit-tab-reads')}
      </ul>
      {reads ? <ReadLog users={users} /> : <Trail users={users} />}
    </div>
  );
}

/** Changes and sign-ins: the hash-chained trail. */
function Trail({ users }: { users: User[] | null }) {
  const { t, lang } = useT();
  const title = t('audit.title');
  const filters = useFilters(['actor_user_id', 'action', 'entity_type', 'from', 'to'] as const);
  const { actor_user_id, action, entity_type, from, to } = filters.values;
  const { inputs, setter } = filters;

  const list = useList(
    () =>
      auditApi.listAudit({
        actor_user_id,
        action,
        entity_type,
        ...dayRange(from, to),
        page: filters.page,
        per_page: PER_PAGE,
      }),
    filters.key,
  );

  const outcomeLabel = (o: string) => (hasKey(`audit.outcomes.${o}`) ? t(`audit.outcomes.${o}`) : o);

  return (
    <div>
      <p>{t('audit.intro')}</p>
      <FilterBar
        label={t('audit.filters')}
        onApply={() => {
          if (rangeError(inputs, t)) return;
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
          <ActorField users={users} value={inputs.actor_user_id} onValue={setter('actor_user_id')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="audit-action"
            label={t('audit.action')}
            value={inputs.action}
            onValue={setter('action')}
            empty={t('common.all')}
            options={withCurrent(AUDIT_ACTIONS, inputs.action).map((a) => ({ value: a, label: actionLabel(a, t) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="audit-entity"
            label={t('audit.entityType')}
            value={inputs.entity_type}
            onValue={setter('entity_type')}
            empty={t('common.all')}
            options={withCurrent(AUDIT_ENTITY_TYPES, inputs.entity_type).map((e) => ({ value: e, label: entityLabel(e, null, t) }))}
          />
        </div>
        <DateRangeFields prefix="audit" inputs={inputs} setter={setter} />
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
          const details = <AuditDetails details={e.details} entityType={e.entity_type} lang={lang} t={t} />;
          const hasDetails = e.details !== null && e.details !== undefined && Object.keys(e.details).length > 0;
          const ok = /^(success|ok|succeeded|allowed)$/i.test(e.outcome);
          return (
            <tr key={e.seq ?? `pending-${index}`}>
              <td>{e.seq ?? '—'}</td>
              <td class="text-nowrap">
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
              </td>
              <td>
                <ActorCell email={e.actor_email} id={e.actor_user_id} />
              </td>
              <td data-action={e.action}>{actionLabel(e.action, t)}</td>
              <td>{e.entity_type ? <bdi>{entityLabel(e.entity_type, e.entity_id, t)}</bdi> : '—'}</td>
              <td>
                <span class={`badge ${ok ? 'bg-success' : 'bg-danger'}`}>{outcomeLabel(e.outcome)}</span>
              </td>
              <td>{e.client_address ? <bdi>{e.client_address}</bdi> : '—'}</td>
              <td>
                {hasDetails ? (
                  <details>
                    <summary>{t('audit.showDetails')}</summary>
                    {details}
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

/** Reads of personal data and refused reads (decision 0010): appended, not chained. */
function ReadLog({ users }: { users: User[] | null }) {
  const { t, lang } = useT();
  const filters = useFilters(['actor_user_id', 'person_id', 'outcome', 'from', 'to'] as const);
  const { actor_user_id, person_id, outcome, from, to } = filters.values;
  const { inputs, setter } = filters;
  const list = useList(
    () =>
      auditApi.listReads({
        actor_user_id,
        person_id,
        outcome,
        ...dayRange(from, to),
        page: filters.page,
        per_page: PER_PAGE,
      }),
    filters.key,
  );
  const personError = inputs.person_id.trim() && !/^[1-9]\d*$/.test(inputs.person_id.trim()) ? t('audit.reads.personError') : undefined;
  const label = t('audit.tabs.reads');

  return (
    <div>
      <p>{t('audit.reads.intro')}</p>
      <FilterBar
        label={t('audit.reads.filters')}
        onApply={() => {
          if (rangeError(inputs, t) || personError) return;
          setQuery({
            actor_user_id: inputs.actor_user_id.trim(),
            person_id: inputs.person_id.trim(),
            outcome: inputs.outcome,
            from: inputs.from,
            to: inputs.to,
            page: null,
          });
        }}
        resetHref="/audit?log=reads"
        active={filters.active}
        buttonsClass="col-12 col-md-6 col-lg-4"
      >
        <div class="col-12 col-md-6 col-lg-4">
          <ActorField users={users} value={inputs.actor_user_id} onValue={setter('actor_user_id')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="reads-person" label={t('audit.reads.person')} inputMode="numeric" dir="ltr" value={inputs.person_id} onValue={setter('person_id')} error={personError} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="reads-outcome"
            label={t('audit.outcome')}
            value={inputs.outcome}
            onValue={setter('outcome')}
            empty={t('common.all')}
            options={(['success', 'denied'] as const).map((o) => ({ value: o, label: t(`audit.reads.outcomes.${o}`) }))}
          />
        </div>
        <DateRangeFields prefix="reads" inputs={inputs} setter={setter} />
      </FilterBar>
      <DataTable
        list={list}
        label={label}
        testId="reads-table"
        tableClass="table audit-table"
        head={
          <>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.reads.route')}</th>
            <th scope="col">{t('audit.reads.persons')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.clientAddress')}</th>
          </>
        }
        row={(e: ReadEntry) => (
          <tr key={e.id}>
            <td class="text-nowrap">
              <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
            </td>
            <td>
              <ActorCell email={e.actor_email} id={e.actor_user_id} />
            </td>
            <td>
              <code dir="ltr">{e.route}</code>
              <div class="small text-muted">
                <bdi dir="ltr">{e.path}</bdi>
              </div>
            </td>
            <td>
              {e.person_ids.length === 0 ? (
                '—'
              ) : (
                <details>
                  <summary>{t('audit.reads.personCount', { count: e.person_ids.length })}</summary>
                  <p dir="ltr" class="audit-details">{e.person_ids.join(', ')}</p>
                </details>
              )}
            </td>
            <td>
              <span class={`badge ${e.outcome === 'success' ? 'bg-success' : 'bg-danger'}`}>
                {t(`audit.reads.outcomes.${e.outcome}`)} ({e.status})
              </span>
            </td>
            <td>{e.client_address ? <bdi>{e.client_address}</bdi> : '—'}</td>
          </tr>
        )}
      />
    </div>
  );
}
