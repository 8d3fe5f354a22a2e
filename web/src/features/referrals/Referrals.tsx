// The inbox (referrals sent to the user's organisation) and the outbox (sent from it; the
// Prefettura's: all of them), one page each (issue 11 point 7): searched by reference, name or
// organisation, filtered by state and escalation, sorted, paged, and saved as CSV or XLSX by the
// server in the page's language. Unread referrals (changed since the user last opened them) and
// escalated ones (unanswered past their term) are marked in words, not colour alone.
import { DataTable, FilterBar, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { CheckboxField, SelectField, TextField } from '../../components/forms';
import { PER_PAGE } from '../../components/useList';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, setQuery } from '../../lib/router';
import { useData } from '../../lib/useData';
import { DESCENDING, type ReferralRow, referralsApi, SORT_KEYS, STATES } from './api';

export type Box = 'inbox' | 'outbox';

export function Referrals({ box }: { box: Box }) {
  const { t, lang } = useT();
  const title = t(`referrals.${box}.title`);
  usePageTitle(title);
  const filters = useFilters(['q', 'state', 'escalated', 'sort'] as const);
  const { inputs, setter, values } = filters;
  const query = { ...values, box, sort: values.sort || '-sent_at' };
  // useData rather than useList: the answer carries the unread and escalated counts beside the page.
  const list = useData(() => referralsApi.list({ ...query, page: filters.page, per_page: PER_PAGE }), [`${box}|${filters.key}`], { keepPrevious: true });
  const base = `/referrals/${box}`;
  const counts = list.data;
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1} class="mb-3">
        {title}
      </h1>
      <p class="text-muted">{t(`referrals.${box}.intro`)}</p>
      {counts ? (
        <p data-testid="referral-counts">
          {box === 'inbox' ? t('referrals.unreadCount', { count: counts.unread }) + ' ' : ''}
          {t('referrals.escalatedCount', { count: counts.escalated })}
        </p>
      ) : null}
      <FilterBar label={t('referrals.filters')} onApply={() => setQuery({ ...inputs, q: inputs.q.trim(), page: null })} resetHref={base} active={filters.active} buttonsClass="col-12 col-lg-4">
        <div class="col-12 col-md-6 col-lg-4">
          <TextField id="referral-q" label={t('referrals.search')} hint={t('referrals.searchHint')} type="search" value={inputs.q} onValue={setter('q')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="referral-state"
            label={t('referrals.state')}
            value={inputs.state}
            onValue={setter('state')}
            empty={t('common.all')}
            options={STATES.filter((s) => box === 'outbox' || s !== 'draft').map((s) => ({ value: s, label: t(`referrals.states.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="referral-sort"
            label={t('referrals.sort')}
            value={inputs.sort || '-sent_at'}
            onValue={setter('sort')}
            options={SORT_KEYS.map((k) => ({ value: DESCENDING.includes(k) ? `-${k}` : k, label: t(`referrals.sorts.${k}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <CheckboxField id="referral-escalated" label={t('referrals.onlyEscalated')} checked={inputs.escalated === 'true'} onValue={(v) => setter('escalated')(v ? 'true' : '')} />
        </div>
      </FilterBar>
      <div class="d-flex flex-wrap gap-2 mb-3" role="group" aria-label={t('referrals.downloads')}>
        <a href={referralsApi.listFile(query, 'csv', lang)} download class="btn btn-outline-primary btn-sm" data-testid="referrals-csv">
          {t('referrals.downloadCsv')}
        </a>
        <a href={referralsApi.listFile(query, 'xlsx', lang)} download class="btn btn-outline-primary btn-sm" data-testid="referrals-xlsx">
          {t('referrals.downloadXlsx')}
        </a>
      </div>
      <DataTable
        list={list}
        label={title}
        testId="referral-table"
        head={
          <>
            <th scope="col">{t('referrals.reference')}</th>
            <th scope="col">{t('referrals.person')}</th>
            <th scope="col">{box === 'inbox' ? t('referrals.from') : t('referrals.to')}</th>
            <th scope="col">{t('referrals.state')}</th>
            <th scope="col">{t('referrals.urgency')}</th>
            <th scope="col">{t('referrals.sentOn')}</th>
            <th scope="col">{t('referrals.answerDue')}</th>
          </>
        }
        row={(r) => <Row key={r.id} r={r} box={box} lang={lang} />}
      />
    </div>
  );
}

function Row({ r, box, lang }: { r: ReferralRow; box: Box; lang: string }) {
  const { t } = useT();
  return (
    <tr class={r.unread ? 'fw-semibold' : undefined}>
      <td>
        <Link href={`/referrals/${r.id}`}>
          <bdi dir="ltr">{r.reference}</bdi>
        </Link>
        {r.unread ? <span class="badge bg-primary ms-2">{t('referrals.unread')}</span> : null}
      </td>
      <td>{r.person_name ? <bdi>{r.person_name}</bdi> : <span class="text-muted">{t('referrals.notShared')}</span>}</td>
      <td>
        <bdi>{box === 'inbox' ? r.from_organization : r.to_organization}</bdi>
      </td>
      <td>{t(`referrals.states.${r.state}`)}</td>
      <td>{t(`referrals.urgencies.${r.urgency}`)}</td>
      <td>{r.sent_at ? formatDay(r.sent_at.slice(0, 10), lang) : '—'}</td>
      <td>
        {r.answer_due_at && r.state === 'sent' ? formatDay(r.answer_due_at.slice(0, 10), lang) : '—'}
        {r.escalated ? <span class="badge bg-danger ms-2">{t('referrals.escalated')}</span> : null}
      </td>
    </tr>
  );
}
