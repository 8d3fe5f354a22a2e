// Every namespace of en: one chunk, loaded when the language is chosen (../i18n.ts).
import { byNamespace } from './namespaces';

export default byNamespace(
  import.meta.glob<Record<string, unknown>>(['../../locales/en.json', '../../features/*/locales/en.json'], { eager: true, import: 'default' }),
);
