// Every namespace of uk: one chunk, loaded when the language is chosen (../i18n.ts).
import { byNamespace } from './namespaces';

export default byNamespace(
  import.meta.glob<Record<string, unknown>>(['../../locales/uk.json', '../../features/*/locales/uk.json'], { eager: true, import: 'default' }),
);
