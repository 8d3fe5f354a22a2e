// Every namespace of it: Italian: part of the main bundle (../i18n.ts imports it statically).
import { byNamespace } from './namespaces';

export default byNamespace(
  import.meta.glob<Record<string, unknown>>(['../../locales/it.json', '../../features/*/locales/it.json'], { eager: true, import: 'default' }),
);
