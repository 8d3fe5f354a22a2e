import { render } from 'preact';
import './styles/main.scss';
import { App } from './app/App';
import { initI18n } from './lib/i18n';

initI18n().finally(() => {
  render(<App />, document.getElementById('app')!);
});
