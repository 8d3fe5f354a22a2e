// The overview feature's public entry: the officer's lists across centres, the placement desk and
// the movements export. The rest of features/overview/ is internal.
export { DeskPage } from './DeskPage';
export { OfficerWork } from './OfficerWork';
export { Downloads } from './WorkList';
export { ContractsEndingPage, InvoicesToCheckPage, MovementsPage, OverCapacityPage, UnconfirmedRegistersPage } from './pages';
