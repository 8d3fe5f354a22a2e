import { useEffect } from 'preact/hooks';
import { t } from '../lib/i18n';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);
}
