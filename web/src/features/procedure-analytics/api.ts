// Client for the procedures' bottleneck figures (GET /api/v1/procedure-files/analytics; decision
// 0044). Types are the server's.
import { fileUrl, type Query, request, type Schema } from '../../lib/api';

export type Analytics = Schema<'ProcedureAnalytics'>;
export type ProcedureFigures = Analytics['procedures'][number];
export type StepFigures = ProcedureFigures['steps'][number];
export type TrendPoint = ProcedureFigures['trend'][number];

const PATH = '/procedure-files/analytics';

export const analyticsApi = {
  get: (query: Query) => request<Analytics>('GET', PATH, { query }),
  catalogue: () => request<Schema<'ProcedureList'>>('GET', '/procedures'),
  file: (query: Query, format: 'csv' | 'xlsx', lang: string) => fileUrl(PATH, { ...query, format, lang }),
};
