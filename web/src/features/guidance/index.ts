// The guidance feature's public entry: the list of pages and a page (decision 0033).
export { Guidance } from './Guidance';
export { GuidancePageView } from './GuidancePageView';
export { isCategory } from './api';
