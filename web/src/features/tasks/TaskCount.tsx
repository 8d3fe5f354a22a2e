// The header's link to the inbox with how many tasks wait (and how many are overdue), read again
// on every change of page so that a task done elsewhere leaves the count.
import { Icon } from '../../components/Icon';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { tasksApi } from './api';

export function TaskCount({ path }: { path: string }) {
  const { t } = useT();
  const { data } = useData(() => tasksApi.count(), [path], { keepPrevious: true });
  const total = data?.total ?? 0;
  const overdue = data?.overdue ?? 0;
  const label = data ? t('tasks.headerLabel', { count: total, overdue }) : t('tasks.title');
  return (
    <Link href="/tasks" class="btn btn-outline-light btn-sm task-count" data-testid="header-tasks" aria-label={label}>
      <Icon name="list" class="icon-white icon-sm me-1" />
      <span class="task-count-label d-none d-md-inline">{t('tasks.title')}</span>
      {data ? (
        <span class={`badge ms-1 ${overdue ? 'bg-danger' : 'bg-light text-dark'}`} data-testid="header-tasks-count" aria-hidden="true">
          {total}
        </span>
      ) : null}
    </Link>
  );
}
