// /tasks: the caller's inbox, what to do across modules (an overdue corrective action, a reply to
// verify, an absence notice to decide), the earliest due first, paged by the server. A task is
// done on its record's page, to which it links; it leaves the inbox when the record changes. One
// kind can be picked: a case worker's hundreds of screenings due would hide a referral waiting.
import { Pagination, ResultsSummary } from '../../components/Pagination';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { LoadState, SelectField } from '../../components/forms';
import { pageParam } from '../../components/useList';
import { formatDay } from '../../lib/dates';
import { hasKey, useT } from '../../lib/i18n';
import { Link, setQuery, useLocation } from '../../lib/router';
import { useData } from '../../lib/useData';
import { TASK_KINDS, type Task, type TaskKind, tasksApi } from './api';

const PER_PAGE = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The task's title in the reader's language: its kind's sentence with its words (days as days). */
function useTaskTitle() {
  const { t, lang } = useT();
  return (task: Task) => {
    const key = `tasks.kinds.${task.kind}`;
    // A kind the server raises before this app knows it: said as sent rather than hidden.
    if (!hasKey(key)) return task.kind;
    const words: Record<string, string> = {};
    for (const [name, value] of Object.entries(task.params)) words[name] = DAY.test(value) ? formatDay(value, lang) : value;
    if (task.params.severity && hasKey(`tasks.severities.${task.params.severity}`)) words.severity = t(`tasks.severities.${task.params.severity}`);
    return t(key, words);
  };
}

export function TasksPage() {
  const { t, lang } = useT();
  const loc = useLocation();
  const page = pageParam(loc.query);
  const title = useTaskTitle();
  usePageTitle(t('tasks.title'));
  const kind = (TASK_KINDS as readonly string[]).includes(loc.query.get('kind') ?? '') ? (loc.query.get('kind') as TaskKind) : '';
  const { data, error, loading } = useData(() => tasksApi.list(page, PER_PAGE, kind || undefined), [page, kind], { keepPrevious: true });
  return (
    <div data-testid="tasks-page">
      <h1 id="main-heading" tabIndex={-1}>
        {t('tasks.title')}
      </h1>
      <p class="lead">{t('tasks.intro')}</p>
      <div class="row">
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="task-kind"
            label={t('tasks.kindFilter')}
            value={kind}
            empty={t('tasks.allKinds')}
            options={TASK_KINDS.map((k) => ({ value: k, label: t(`tasks.kindNames.${k}`) }))}
            onValue={(v: string) => setQuery({ kind: v || null, page: null })}
          />
        </div>
      </div>
      <LoadState error={error} ready={!!data}>
        {() =>
          data && (
            <>
              <div aria-live="polite">
                {data.total ? <p data-testid="tasks-overdue">{t('tasks.overdueCount', { count: data.overdue })}</p> : null}
                <ResultsSummary page={data.page} perPage={data.per_page} total={data.total} />
              </div>
              {data.items.length ? (
                <TableRegion label={t('tasks.caption')} captionHidden testId="tasks-table">
                  <thead>
                    <tr aria-busy={loading ? 'true' : 'false'}>
                      <th scope="col">{t('tasks.task')}</th>
                      <th scope="col">{t('tasks.due')}</th>
                      <th scope="col">{t('common.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((task, i) => (
                      <tr key={`${data.page}-${i}`} data-kind={task.kind} data-overdue={task.overdue ? 'true' : 'false'}>
                        <th scope="row" class="fw-normal text-wrap">
                          <Link href={task.link}>
                            <bdi>{title(task)}</bdi>
                          </Link>
                        </th>
                        <td class="text-nowrap">{task.due ? formatDay(task.due, lang) : <span class="text-muted">{t('tasks.noTerm')}</span>}</td>
                        <td>{task.overdue ? <span class="badge bg-danger">{t('tasks.overdue')}</span> : <span class="badge bg-secondary">{t('tasks.pending')}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </TableRegion>
              ) : (
                <p data-testid="tasks-empty">{t('tasks.none')}</p>
              )}
              <Pagination page={data.page} perPage={data.per_page} total={data.total} />
            </>
          )
        }
      </LoadState>
    </div>
  );
}
