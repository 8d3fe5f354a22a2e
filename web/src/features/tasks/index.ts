// The tasks feature's public entry: the inbox page and the header's count.
export { TasksPage } from './TasksPage';
export { TaskCount } from './TaskCount';
