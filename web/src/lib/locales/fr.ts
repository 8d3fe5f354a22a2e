// Every namespace of fr: one chunk, loaded when the language is chosen (../i18n.ts).
import { byNamespace } from './namespaces';

export default byNamespace(
  import.meta.glob<Record<string, unknown>>(['../../locales/fr.json', '../../features/*/locales/fr.json'], { eager: true, import: 'default' }),
);
