// The register feature's public entry: what other features and the app may use. The rest of features/register/ is internal.
export { RegisterCentresPage } from './RegisterCentresPage';
export { RegisterDayPage } from './RegisterDayPage';
export { RegisterOverviewPage } from './RegisterOverviewPage';
export { RegisterSection } from './RegisterSection';
export { SignatureSheetPage } from './SignatureSheetPage';
export { NoticesPage } from './NoticesPage';
