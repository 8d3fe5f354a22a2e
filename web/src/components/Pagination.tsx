import { useT } from '../lib/i18n';
import { Link } from '../lib/router';
import { Icon } from './Icon';

function hrefFor(page: number): string {
  const q = new URLSearchParams(window.location.search);
  if (page <= 1) q.delete('page');
  else q.set('page', String(page));
  const s = q.toString();
  return window.location.pathname + (s ? `?${s}` : '');
}

function pageList(current: number, last: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - current) <= 1) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

export function ResultsSummary({ page, perPage, total, capped }: { page: number; perPage: number; total: number; capped?: boolean }) {
  const { t } = useT();
  if (total === 0) return <p class="results-summary">{t('list.empty')}</p>;
  const from = (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  return <p class="results-summary">{t(capped ? 'list.summaryCapped' : 'list.summary', { from, to, total })}</p>;
}

export function Pagination({ page, perPage, total }: { page: number; perPage: number; total: number }) {
  const { t } = useT();
  const last = Math.max(1, Math.ceil(total / perPage));
  if (last <= 1) return null;
  return (
    <nav class="pagination-wrapper mt-4" aria-label={t('list.pagination')}>
      <ul class="pagination">
        <li class={`page-item${page <= 1 ? ' disabled' : ''}`}>
          {page <= 1 ? (
            <span class="page-link" aria-hidden="true">
              <Icon name="chevron-left" class="icon-primary" directional />
            </span>
          ) : (
            <Link class="page-link" href={hrefFor(page - 1)}>
              <Icon name="chevron-left" class="icon-primary" directional />
              <span class="visually-hidden">{t('list.previous')}</span>
            </Link>
          )}
        </li>
        {pageList(page, last).map((n, i) =>
          n === null ? (
            <li class="page-item" key={`gap${i}`}>
              <span class="page-link" aria-hidden="true">
                …
              </span>
            </li>
          ) : (
            <li class="page-item" key={n}>
              <Link
                class={`page-link${n === page ? ' active' : ''}`}
                href={hrefFor(n)}
                aria-current={n === page ? 'page' : undefined}
              >
                <span class="visually-hidden">{t('list.page')} </span>
                {n}
              </Link>
            </li>
          ),
        )}
        <li class={`page-item${page >= last ? ' disabled' : ''}`}>
          {page >= last ? (
            <span class="page-link" aria-hidden="true">
              <Icon name="chevron-right" class="icon-primary" directional />
            </span>
          ) : (
            <Link class="page-link" href={hrefFor(page + 1)}>
              <span class="visually-hidden">{t('list.next')}</span>
              <Icon name="chevron-right" class="icon-primary" directional />
            </Link>
          )}
        </li>
      </ul>
    </nav>
  );
}
