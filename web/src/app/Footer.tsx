import { Icon } from '../components/Icon';
import { useT } from '../lib/i18n';

export function Footer() {
  const { t } = useT();
  return (
    <footer class="it-footer">
      <div class="it-footer-main">
        <div class="container">
          <div class="row">
            <div class="col-12 footer-items-wrapper logo-wrapper d-flex align-items-center">
              <Icon name="pa" class="icon icon-white footer-logo me-3" />
              <div class="it-brand-text">
                <p class="footer-brand-title mb-0">{t('app.name')}</p>
                <p class="mb-0">{t('footer.owner')}</p>
              </div>
            </div>
          </div>
          <div class="row">
            <div class="col-12 footer-items-wrapper">
              <p class="mb-0">{t('footer.purpose')}</p>
            </div>
          </div>
        </div>
      </div>
      <div class="it-footer-small-prints clearfix">
        <div class="container">
          <p class="footer-small mb-0 py-3">{t('footer.small', { year: String(new Date().getFullYear()) })}</p>
        </div>
      </div>
    </footer>
  );
}
