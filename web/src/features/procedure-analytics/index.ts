// The procedures' bottleneck figures (decision 0044): a feature of its own, beside the files and
// the catalogue (features/procedures), so that its strings are a namespace of their own.
export { ProcedureAnalytics } from './ProcedureAnalytics';
