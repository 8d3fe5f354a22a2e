// The header's link to the inbox with how many tasks wait (and how many are overdue), read again
// on every change of page so that a task done elsewhere leaves the count. Its name is its visible
// words (the label, hidden on small screens but read, and the number) and then how many are overdue.
import { Icon } from '../../components/Icon';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { tasksApi } from './api';

export function TaskCount({ path }: { path: string }) {
  const { t } = useT();
  const { data } = useData(() => tasksApi.count(), [path], { keepPrevious: true });
  const overdue = data?.overdue ?? 0;
  return (
    <Link href="/tasks" class="btn btn-outline-light btn-sm task-count" data-testid="header-tasks">
      <Icon name="list" class="icon-white icon-sm me-1" />
      <span class="task-count-label">{t('tasks.title')}</span>
      {data ? (
        <>
          <span class={`badge ms-1 ${overdue ? 'bg-danger' : 'bg-light text-dark'}`} data-testid="header-tasks-count">
            {data.total}
          </span>
          {overdue ? <span class="visually-hidden"> {t('tasks.overdueCount', { count: overdue })}</span> : null}
        </>
      ) : null}
    </Link>
  );
}
