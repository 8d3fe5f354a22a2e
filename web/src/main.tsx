import { render } from 'preact';
import './styles/main.scss';
import { App } from './App';
import { initI18n } from './i18n';

initI18n().finally(() => {
  render(<App />, document.getElementById('app')!);
});
