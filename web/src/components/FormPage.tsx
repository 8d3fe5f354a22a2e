import type { ComponentChildren } from 'preact';
import { useT } from '../lib/i18n';
import { Link } from '../lib/router';
import { Icon } from './Icon';
import { usePageTitle } from './PageTitle';

/** A create or edit page: a link back to its list and the heading. */
export function FormPage({ title, backHref, backLabel, children }: { title: string; backHref: string; backLabel: string; children: ComponentChildren }) {
  usePageTitle(title);
  return (
    <div>
      <Link href={backHref} class="back-link d-inline-flex align-items-center mb-3">
        <Icon name="chevron-left" class="icon-primary icon-sm" directional />
        {backLabel}
      </Link>
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}

/** The form of a FormPage, labelled by its heading, with save and cancel buttons. */
export function PageForm({
  onSubmit,
  class: cls,
  testId,
  saveTestId,
  busy,
  cancelHref,
  children,
}: {
  onSubmit: (e: Event) => void;
  class: string;
  testId: string;
  saveTestId: string;
  busy: boolean;
  cancelHref: string;
  children: ComponentChildren;
}) {
  const { t } = useT();
  return (
    <form onSubmit={onSubmit} noValidate class={`row ${cls}`} aria-labelledby="main-heading" data-testid={testId}>
      <div class="col-12 col-lg-8">
        {children}
        <div class="d-flex gap-2">
          <button type="submit" class="btn btn-primary" disabled={busy} data-testid={saveTestId}>
            {t('common.save')}
          </button>
          <Link href={cancelHref} class="btn btn-outline-primary">
            {t('common.cancel')}
          </Link>
        </div>
      </div>
    </form>
  );
}
