// The placement desk (issue 9 point 9): centres with room for a whole family of N in a category
// on a day, in a municipality or anywhere, most free places first; each leads to placing the
// family there (the centre's page opens its placement form in that category).
import { TextField, SelectField } from '../../components/forms';
import { today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { Link, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { type Category, categoryOptions, useMunicipalities } from '../centres/index';
import { LIST_PATHS, overviewApi } from './api';
import { WorkList } from './WorkList';

export function DeskPage() {
  const { t, lang } = useT();
  const { can } = useSession();
  const names = useMunicipalities();
  const municipalities = Object.entries(names)
    .sort(([, a], [, b]) => a.localeCompare(b, 'it'))
    .map(([value, label]) => ({ value, label }));
  const placing = can('placements.manage');
  const category = useLocation().query.get('category') || 'single_men';
  return (
    <WorkList
      title={t('overview.desk.title')}
      intro={t('overview.desk.intro')}
      path={LIST_PATHS.desk}
      name="desk"
      filterKeys={['category', 'family_size', 'istat_code', 'date'] as const}
      filters={(v, set) => (
        <>
          <div class="col-12 col-md-4">
            <SelectField id="desk-category" label={t('overview.desk.category')} required value={(v.category || 'single_men') as Category} onValue={set('category')} options={categoryOptions(t)} />
          </div>
          <div class="col-12 col-md-4">
            <TextField
              id="desk-family-size"
              label={t('overview.desk.familySize')}
              hint={t('overview.desk.familySizeHint')}
              type="number"
              inputMode="numeric"
              min="1"
              max="30"
              value={v.family_size || '1'}
              onValue={set('family_size')}
            />
          </div>
          <div class="col-12 col-md-4">
            <SelectField id="desk-municipality" label={t('overview.desk.municipality')} value={v.istat_code} onValue={set('istat_code')} empty={t('common.all')} options={municipalities} />
          </div>
          <div class="col-12 col-md-4">
            <TextField id="desk-date" label={t('overview.date')} type="date" max={today()} value={v.date || today()} onValue={set('date')} />
          </div>
        </>
      )}
      defaultSort="-free"
      // The category is required: the page shows single men until another is chosen.
      load={(q) => overviewApi.desk({ ...q, category })}
      rowKey={(r) => r.centre_id}
      summary={(d) => {
        const label = t(`categories.${String(d.category)}`);
        return t('overview.desk.summary', { count: Number(d.family_size), category: label });
      }}
      columns={[
        {
          label: t('overview.columns.centre'),
          sort: 'name',
          // The way to place is beside the name: on a phone the columns further right need scrolling.
          cell: (r) => (
            <>
              <Link href={`/centres/${r.centre_id}`}>
                <bdi>{r.name}</bdi>
              </Link>
              {placing ? (
                <div class="mt-1">
                  <Link href={`/centres/${r.centre_id}?place=${category}`} class="btn btn-outline-primary btn-xs" data-place-centre={r.centre_id}>
                    {t('overview.desk.place')}
                    <span class="visually-hidden">
                      {' '}
                      <bdi>{r.name}</bdi>
                    </span>
                  </Link>
                </div>
              ) : null}
            </>
          ),
        },
        { label: t('overview.columns.freePlaces'), sort: 'free', numeric: true, cell: (r) => formatNumber(r.free_in_category, lang) },
        { label: t('overview.columns.municipality'), sort: 'municipality', cell: (r) => <bdi>{r.municipality}</bdi> },
        { label: t('overview.columns.type'), cell: (r) => t(`centreTypes.${r.type}`) },
      ]}
    />
  );
}
