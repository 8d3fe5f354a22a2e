// The files of administrative procedures (decision 0040): the deadline view on top, then the files,
// earliest due first unless sorted by a column (the server sorts and pages: a national SUI keeps
// hundreds of thousands), searched by protocol number and filtered by procedure, clock state and
// "overdue"; every file of the filters saved as CSV or XLSX by the server; the SUI opens a new
// file from here.
import { Icon } from '../../components/Icon';
import { DataTable, FilterBar, ListHeader, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { useFlash } from '../../components/flash';
import { Notice, SelectField, TextField } from '../../components/forms';
import { PER_PAGE, useList } from '../../components/useList';
import { SortHeader, type SortDirection } from '../../components/useTableFilter';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { CLOCK_STATES, type ClockState, type FileQuery, type FileSort, proceduresApi } from './api';
import { DeadlineSummary } from './DeadlineSummary';
import { NewFile } from './FileForm';
import { ClockSummary, Label, personName } from './parts';

/** The sort keys without their '-': each descending key names one. */
type Descending<S> = S extends `-${infer K}` ? K : never;
type SortKey = Descending<FileSort>;

/** "-due_on" as SortHeader's state. */
function sortState(sort: string): { key: SortKey; direction: SortDirection } {
  return sort.startsWith('-') ? { key: sort.slice(1) as SortKey, direction: 'descending' } : { key: sort as SortKey, direction: 'ascending' };
}

export function ProcedureFiles() {
  const loc = useLocation();
  const { can } = useSession();
  const manage = can('procedure_files.manage');
  if (manage && loc.query.get('new')) return <NewFile />;
  return <FileList manage={manage} />;
}

function FileList({ manage }: { manage: boolean }) {
  const { t, lang } = useT();
  const title = t('procedures.files.title');
  usePageTitle(title);
  const message = useFlash();
  const catalogue = useData(() => proceduresApi.catalogue(lang), [lang]);
  const procedures = catalogue.data?.items ?? [];
  const filters = useFilters(['protocol_number', 'procedure_id', 'state', 'overdue', 'person_id', 'sort'] as const);
  const { protocol_number, procedure_id, state, overdue, person_id, sort } = filters.values;
  const { inputs, setter } = filters;
  // The filters and the order, as the list and its files take them.
  const query: FileQuery = {
    protocol_number: protocol_number || undefined,
    procedure_id: procedure_id ? Number(procedure_id) : undefined,
    state: (state || undefined) as ClockState | undefined,
    overdue: (overdue || undefined) as FileQuery['overdue'],
    person_id: person_id ? Number(person_id) : undefined,
    sort: (sort || undefined) as FileSort | undefined,
  };
  const list = useList(() => proceduresApi.list({ ...query, page: filters.page, per_page: PER_PAGE }), `${filters.key}|${lang}`);
  const sorted = sortState(sort || 'due_on');
  const onSort = (key: SortKey) => setQuery({ sort: sorted.key === key && sorted.direction === 'ascending' ? `-${key}` : key, page: null });
  return (
    <div>
      <ListHeader title={title} newHref={manage ? '/procedure-files?new=1' : undefined} newLabel={t('procedures.files.new')} newTestId="procedure-file-new" />
      <p>
        {t('procedures.files.intro')} <Link href="/procedures">{t('procedures.catalogue.link')}</Link>
      </p>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <DeadlineSummary />
      <FilterBar
        label={t('procedures.files.filters')}
        onApply={() =>
          setQuery({ protocol_number: inputs.protocol_number.trim(), procedure_id: inputs.procedure_id, state: inputs.state, overdue: inputs.overdue, person_id: inputs.person_id, sort: sort || null, page: null })
        }
        resetHref="/procedure-files"
        active={filters.active}
        buttonsClass="col-12 col-md-6 col-lg-4"
      >
        <div class="col-12 col-md-6 col-lg-4">
          <TextField
            id="procedure-file-protocol"
            label={t('procedures.protocolNumber')}
            hint={t('procedures.files.protocolHint')}
            type="search"
            dir="ltr"
            value={inputs.protocol_number}
            onValue={setter('protocol_number')}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="procedure-file-procedure"
            label={t('procedures.procedure')}
            value={inputs.procedure_id}
            onValue={setter('procedure_id')}
            empty={t('common.all')}
            options={procedures.map((p) => ({ value: String(p.id), label: p.label }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="procedure-file-state"
            label={t('procedures.clockState')}
            value={inputs.state}
            onValue={setter('state')}
            empty={t('common.all')}
            options={CLOCK_STATES.map((s) => ({ value: s, label: t(`procedures.states.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="procedure-file-overdue"
            label={t('procedures.files.dueDate')}
            value={inputs.overdue}
            onValue={setter('overdue')}
            empty={t('common.all')}
            options={[{ value: 'true', label: t('procedures.files.overdueOnly') }]}
          />
        </div>
      </FilterBar>
      {person_id ? <p>{t('procedures.files.ofOnePerson')}</p> : null}
      {sort ? null : <p class="small">{t('procedures.files.order')}</p>}
      {list.data?.items.length ? (
        <div class="d-flex flex-wrap align-items-center gap-2 mb-3" data-testid="procedure-files-downloads">
          {/* Every file of the filters, in this order, made by the server in the page's language. */}
          {(['csv', 'xlsx'] as const).map((format) => (
            <a key={format} href={proceduresApi.listFile(query, format, lang)} download class="btn btn-outline-primary btn-sm" data-testid={`procedure-files-${format}`}>
              <Icon name="files" class="icon-primary icon-sm me-1" />
              {t(`procedures.files.download.${format}`)}
            </a>
          ))}
          <span class="small">{t('procedures.files.downloadAll')}</span>
        </div>
      ) : null}
      <DataTable
        list={list}
        label={title}
        testId="procedure-file-table"
        head={
          <>
            <SortHeader column="protocol_number" sort={sorted} onSort={onSort}>
              {t('procedures.protocolNumber')}
            </SortHeader>
            <SortHeader column="procedure" sort={sorted} onSort={onSort}>
              {t('procedures.procedure')}
            </SortHeader>
            <th scope="col">{t('procedures.person')}</th>
            <SortHeader column="step" sort={sorted} onSort={onSort}>
              {t('procedures.currentStep')}
            </SortHeader>
            <SortHeader column="filed_on" sort={sorted} onSort={onSort}>
              {t('procedures.filedOn')}
            </SortHeader>
            <SortHeader column="due_on" sort={sorted} onSort={onSort}>
              {t('procedures.dueOn')}
            </SortHeader>
            <th scope="col">{t('procedures.clockState')}</th>
          </>
        }
        row={(f) => (
          <tr key={f.id} data-file={f.id} data-clock-state={f.clock.state}>
            <td>
              <Link href={`/procedure-files/${f.id}`} data-procedure-file={f.id}>
                <bdi>{f.protocol_number}</bdi>
              </Link>
            </td>
            <td>
              <Label of={f.procedure} />
            </td>
            <td>
              <bdi>{personName(f.person)}</bdi>
            </td>
            <td>
              <Label of={f.current_step} />
            </td>
            <td>{formatDay(f.filed_on, lang)}</td>
            <td>{f.clock.due_on ? formatDay(f.clock.due_on, lang) : '—'}</td>
            <td>
              <ClockSummary clock={f.clock} />
            </td>
          </tr>
        )}
      />
    </div>
  );
}
