// The files of administrative procedures (decision 0040): the deadline view on top, then the files,
// earliest due first (the server's order), searched by protocol number and filtered by procedure,
// clock state and "overdue"; the SUI opens a new file from here.
import { CsvDownload } from '../../components/CsvDownload';
import { DataTable, FilterBar, ListHeader, useFilters } from '../../components/ListPage';
import { usePageTitle } from '../../components/PageTitle';
import { useFlash } from '../../components/flash';
import { Notice, SelectField, TextField } from '../../components/forms';
import { PER_PAGE, useList } from '../../components/useList';
import { formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { CLOCK_STATES, type ProcedureFile, proceduresApi } from './api';
import { DeadlineSummary } from './DeadlineSummary';
import { NewFile } from './FileForm';
import { ClockSummary, personName } from './parts';

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
  const catalogue = useData(() => proceduresApi.catalogue(), []);
  const procedures = catalogue.data?.items ?? [];
  const filters = useFilters(['protocol_number', 'procedure_id', 'state', 'overdue', 'person_id'] as const);
  const { protocol_number, procedure_id, state, overdue, person_id } = filters.values;
  const { inputs, setter } = filters;
  const list = useList(
    () => proceduresApi.list({ protocol_number, procedure_id, state, overdue, person_id, page: filters.page, per_page: PER_PAGE }),
    filters.key,
  );
  const stepName = (f: ProcedureFile) => f.current_step.name;
  return (
    <div>
      <ListHeader title={title} newHref={manage ? '/procedure-files?new=1' : undefined} newLabel={t('procedures.files.new')} newTestId="procedure-file-new" />
      <p>
        {t('procedures.files.intro')} <Link href="/procedures">{t('procedures.catalogue.link')}</Link>
      </p>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {catalogue.data ? <DeadlineSummary procedures={procedures} /> : null}
      <FilterBar
        label={t('procedures.files.filters')}
        onApply={() =>
          setQuery({ protocol_number: inputs.protocol_number.trim(), procedure_id: inputs.procedure_id, state: inputs.state, overdue: inputs.overdue, person_id: inputs.person_id, page: null })
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
            options={procedures.map((p) => ({ value: String(p.id), label: p.name }))}
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
      <p class="small">{t('procedures.files.order')}</p>
      {list.data?.items.length ? (
        <div class="mb-3">
          <CsvDownload
            filename={`pratiche-${today()}-p${list.data.page}.csv`}
            testId="procedure-files-csv"
            columns={[
              'procedures.protocolNumber',
              'procedures.procedure',
              'procedures.person',
              'procedures.currentStep',
              'procedures.filedOn',
              'procedures.dueOn',
              'procedures.clockState',
              'procedures.daysLeftColumn',
              'procedures.suspendedDays',
            ]}
            rows={list.data.items}
            cells={(f) => [
              f.protocol_number,
              f.procedure.name,
              personName(f.person),
              stepName(f),
              { day: f.filed_on },
              f.clock.due_on ? { day: f.clock.due_on } : null,
              t(`procedures.states.${f.clock.state}`),
              f.clock.days_left,
              f.clock.suspended_days,
            ]}
          />
          <span class="small ms-2">{t('procedures.files.csvPage')}</span>
        </div>
      ) : null}
      <DataTable
        list={list}
        label={title}
        testId="procedure-file-table"
        head={
          <>
            <th scope="col">{t('procedures.protocolNumber')}</th>
            <th scope="col">{t('procedures.procedure')}</th>
            <th scope="col">{t('procedures.person')}</th>
            <th scope="col">{t('procedures.currentStep')}</th>
            <th scope="col">{t('procedures.dueOn')}</th>
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
              <bdi lang="it">{f.procedure.name}</bdi>
            </td>
            <td>
              <bdi>{personName(f.person)}</bdi>
            </td>
            <td>
              <bdi lang="it">{stepName(f)}</bdi>
            </td>
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
