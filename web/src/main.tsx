import { render } from 'preact';
import './styles/main.scss';
import { App } from './app/App';
import { initI18n } from './lib/i18n';

initI18n().finally(() => {
  render(<App />, document.getElementById('app')!);
});

// The app's files kept for use without a network (service-worker/sw.js); only in a build, where
// the worker and the list of files exist.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      /* no worker: the app works as before, only not offline */
    });
  });
}
