// The directory's staff pages (decision 0038): the services list, a service with its edit form,
// the moderation queue, the public's feedback and the admin's HSDS upload.
export { FeedbackPage as DirectoryFeedback } from './FeedbackPage';
export { ImportPage as DirectoryImport } from './ImportPage';
export { Moderation as DirectoryModeration } from './Moderation';
export { ServicePage as DirectoryServicePage } from './ServicePage';
export { Services as DirectoryServices } from './Services';
