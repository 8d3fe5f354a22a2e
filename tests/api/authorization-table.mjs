// Who may call each route: one entry per route that GET /api/v1/openapi.json documents, for an
// anonymous caller and each of the seven roles. 1 = allowed (passes authentication and the
// policy: any status but 401 and 403), 0 = refused (401 for anonymous, 403 for a role).
// authorization.test.mjs fails when a documented route is missing here or an entry names a route
// that does not exist, so a new route cannot ship without a decision on who may call it.
import { ROLES } from '../support/client.mjs';

export const CALLERS = ['anonymous', ...ROLES];

// prettier-ignore
const TABLE = {
  //                                              anon admin pref insp case serv sui  anal
  'POST /api/v1/auth/login':                       [1,   1,    1,   1,   1,   1,   1,   1],
  'POST /api/v1/auth/logout':                      [0,   1,    1,   1,   1,   1,   1,   1],
  'GET /api/v1/auth/me':                           [0,   1,    1,   1,   1,   1,   1,   1],
  'POST /api/v1/auth/password':                    [0,   1,    1,   1,   1,   1,   1,   1],
  'POST /api/v1/auth/password-reset':              [1,   1,    1,   1,   1,   1,   1,   1],
  'POST /api/v1/auth/password-reset/confirm':      [1,   1,    1,   1,   1,   1,   1,   1],
  'GET /api/v1/auth/tokens':                       [0,   1,    1,   1,   1,   1,   1,   1],
  'POST /api/v1/auth/tokens':                      [0,   1,    1,   1,   1,   1,   1,   1],
  'DELETE /api/v1/auth/tokens/{id}':               [0,   1,    1,   1,   1,   1,   1,   1],
  'GET /api/v1/organizations':                     [0,   1,    1,   1,   1,   1,   1,   1],
  'POST /api/v1/organizations':                    [0,   1,    0,   0,   0,   0,   0,   0],
  'GET /api/v1/organizations/{id}':                [0,   1,    1,   1,   1,   1,   1,   1],
  'PATCH /api/v1/organizations/{id}':              [0,   1,    0,   0,   0,   0,   0,   0],
  'GET /api/v1/users':                             [0,   1,    1,   1,   1,   1,   1,   0],
  'POST /api/v1/users':                            [0,   1,    0,   0,   0,   0,   0,   0],
  'GET /api/v1/users/{id}':                        [0,   1,    1,   1,   1,   1,   1,   0],
  'PATCH /api/v1/users/{id}':                      [0,   1,    0,   0,   0,   0,   0,   0],
  'POST /api/v1/users/{id}/password':              [0,   1,    0,   0,   0,   0,   0,   0],
  'GET /api/v1/audit':                             [0,   1,    0,   0,   0,   0,   0,   0],
  'GET /api/v1/audit/reads':                       [0,   1,    0,   0,   0,   0,   0,   0],
  'GET /api/v1/persons':                         [0,   0,    1,   0,   1,   0,   0,   0],
  'POST /api/v1/persons':                        [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/persons/{id}':                    [0,   0,    1,   0,   1,   0,   0,   0],
  'PATCH /api/v1/persons/{id}':                  [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/persons/{id}/placements':         [0,   0,    1,   1,   1,   0,   0,   0],
  'POST /api/v1/persons/{id}/section-extension': [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/minors-in-sections':              [0,   0,    1,   1,   1,   0,   0,   0],
  'POST /api/v1/family-groups':                  [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/family-groups/{id}':              [0,   0,    1,   0,   1,   0,   0,   0],
  'GET /api/v1/municipalities':                  [1,   1,    1,   1,   1,   1,   1,   1],
  'GET /api/v1/centres':                         [0,   0,    1,   1,   1,   0,   0,   1],
  'POST /api/v1/centres':                        [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/centres/{id}':                    [0,   0,    1,   1,   1,   0,   0,   1],
  'PATCH /api/v1/centres/{id}':                  [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/centres/{id}/contracts':          [0,   0,    1,   1,   1,   0,   0,   0],
  'POST /api/v1/centres/{id}/contracts':         [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/centres/{id}/derogations':        [0,   0,    1,   1,   1,   0,   0,   1],
  'POST /api/v1/centres/{id}/derogations':       [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/lots':                             [0,   0,    1,   1,   1,   0,   0,   0],
  'POST /api/v1/lots':                            [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/lots/{id}':                        [0,   0,    1,   1,   1,   0,   0,   0],
  'PATCH /api/v1/lots/{id}':                      [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/centres/{id}/guests':             [0,   0,    1,   1,   1,   0,   0,   0],
  'GET /api/v1/centres/{id}/occupancy':          [0,   0,    1,   1,   1,   0,   0,   1],
  'GET /api/v1/occupancy':                       [0,   0,    1,   1,   1,   0,   0,   1],
  'GET /api/v1/placement-desk':                  [0,   0,    1,   1,   1,   0,   0,   1],
  'GET /api/v1/overview/over-capacity':          [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/overview/unconfirmed-registers':  [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/overview/invoices':               [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/overview/contracts-ending':       [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/movements':                       [0,   0,    1,   0,   1,   0,   0,   0],
  'POST /api/v1/placements':                     [0,   0,    1,   0,   0,   0,   0,   0],
  'POST /api/v1/placements/transfers':           [0,   0,    1,   0,   0,   0,   0,   0],
  'POST /api/v1/placements/exits':               [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/placements/{id}':                 [0,   0,    1,   1,   1,   0,   0,   0],
  'GET /api/v1/centres/{id}/register':                                        [0, 0, 1, 1, 1, 0, 0, 0],
  'GET /api/v1/centres/{id}/register/{day}':                                  [0, 0, 1, 1, 1, 0, 0, 0],
  'POST /api/v1/centres/{id}/register/{day}/absences':                        [0, 0, 0, 0, 1, 0, 0, 0],
  'POST /api/v1/centres/{id}/register/{day}/absences/{absence_id}/withdrawal': [0, 0, 0, 0, 1, 0, 0, 0],
  'POST /api/v1/centres/{id}/register/{day}/confirmation':                    [0, 0, 0, 0, 1, 0, 0, 0],
  'GET /api/v1/centres/{id}/register/{day}/sheets':                           [0, 0, 1, 1, 1, 0, 0, 0],
  'POST /api/v1/centres/{id}/register/{day}/sheets':                          [0, 0, 0, 0, 1, 0, 0, 0],
  // Documents: the roles that upload and read files at all; which document a caller reads is
  // decided per document (its uploader's, then its owner module's rule). The admin holds no
  // action on case data.
  'POST /api/v1/documents':                      [0,   0,    1,   1,   1,   0,   0,   0],
  'GET /api/v1/documents/{id}':                  [0,   0,    1,   1,   1,   0,   0,   0],
  'GET /api/v1/documents/{id}/content':          [0,   0,    1,   1,   1,   0,   0,   0],
  'POST /api/v1/placements/{id}/correction':                                 [0, 0, 1, 0, 0, 0, 0, 0],
  'GET /api/v1/absence-notices':                                              [0, 0, 1, 1, 1, 0, 0, 0],
  'GET /api/v1/absence-notices/{id}':                                         [0, 0, 1, 1, 1, 0, 0, 0],
  'POST /api/v1/absence-notices/{id}/sending':                                [0, 0, 0, 0, 1, 0, 0, 0],
  'POST /api/v1/absence-notices/{id}/decision':                               [0, 0, 1, 0, 0, 0, 0, 0],
  'GET /api/v1/centres/{id}/costs/{month}':     [0,   0,    1,   0,   1,   0,   0,   0],
  'GET /api/v1/centres/{id}/invoices':           [0,   0,    1,   0,   1,   0,   0,   0],
  'POST /api/v1/centres/{id}/invoices':          [0,   0,    1,   0,   1,   0,   0,   0],
  'GET /api/v1/centres/{id}/invoices/draft/{month}': [0, 0,    1,   0,   1,   0,   0,   0],
  'GET /api/v1/invoices/{id}':                   [0,   0,    1,   0,   1,   0,   0,   0],
  'GET /api/v1/invoices/{id}/reconciliation':    [0,   0,    1,   0,   1,   0,   0,   0],
  'POST /api/v1/invoices/{id}/withdrawal':       [0,   0,    1,   0,   1,   0,   0,   0],
  'POST /api/v1/invoices/{id}/credit-notes':     [0,   0,    1,   0,   1,   0,   0,   0],
  'GET /api/v1/centres/{id}/sai-budgets':        [0,   0,    1,   0,   1,   0,   0,   0],
  'POST /api/v1/centres/{id}/sai-budgets':       [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/invoices/{id}/credit-notes':      [0,   0,    1,   0,   1,   0,   0,   0],
  'GET /api/v1/centres/{id}/handovers/{month}': [0,  0,    1,   0,   1,   0,   0,   0],
  'POST /api/v1/centres/{id}/handovers':         [0,   0,    0,   0,   1,   0,   0,   0],
  'POST /api/v1/handovers/{id}/cancellation':    [0,   0,    0,   0,   1,   0,   0,   0],
  'POST /api/v1/centres/{id}/pocket-money-suspensions': [0, 0, 1, 0,   0,   0,   0,   0],
  'GET /api/v1/openapi.json':                      [1,   1,    1,   1,   1,   1,   1,   1],
  'GET /healthz':                                  [1,   1,    1,   1,   1,   1,   1,   1],
  'GET /api/v1/checklists':                        [0,   0,    1,   1,   1,   0,   0,   1],
  'POST /api/v1/checklists':                       [0,   0,    1,   0,   0,   0,   0,   0],
  'GET /api/v1/checklists/{id}':                   [0,   0,    1,   1,   1,   0,   0,   1],
  'GET /api/v1/inspections':                       [0,   0,    1,   1,   1,   0,   0,   0],
  'POST /api/v1/inspections':                      [0,   0,    1,   1,   0,   0,   0,   0],
  'GET /api/v1/inspections/{id}':                  [0,   0,    1,   1,   1,   0,   0,   0],
  'POST /api/v1/inspections/{id}/answers':         [0,   0,    1,   1,   0,   0,   0,   0],
  'POST /api/v1/inspections/{id}/start':           [0,   0,    1,   1,   0,   0,   0,   0],
  'POST /api/v1/inspections/{id}/completion':      [0,   0,    1,   1,   0,   0,   0,   0],
  'POST /api/v1/inspections/{id}/report':          [0,   0,    1,   1,   0,   0,   0,   0],
  'GET /api/v1/findings':                          [0,   0,    1,   1,   1,   0,   0,   0],
  'GET /api/v1/findings/{id}':                     [0,   0,    1,   1,   1,   0,   0,   0],
  'PATCH /api/v1/findings/{id}':                   [0,   0,    1,   1,   0,   0,   0,   0],
  'POST /api/v1/findings/{id}/reply':              [0,   0,    0,   0,   1,   0,   0,   0],
  'POST /api/v1/findings/{id}/closure':            [0,   0,    1,   1,   0,   0,   0,   0],
  'POST /api/v1/findings/{id}/escalation':         [0,   0,    1,   1,   0,   0,   0,   0],
  'GET /api/v1/sanctions':                         [0,   0,    1,   1,   0,   0,   0,   0],
  'POST /api/v1/sanctions':                        [0,   0,    1,   1,   0,   0,   0,   0],
  'GET /api/v1/sanctions/{id}':                    [0,   0,    1,   1,   0,   0,   0,   0],
  'GET /api/v1/centres/{id}/penalties':            [0,   0,    1,   1,   0,   0,   0,   0],
  'GET /readyz':                                   [1,   1,    1,   1,   1,   1,   1,   1],
  'GET /metrics':                                  [1,   1,    1,   1,   1,   1,   1,   1],
};

// Routes on one's own credentials: a signed-in session only, never an API token (403
// session_required for a token, whatever its role).
export const SESSION_ONLY = new Set(['POST /api/v1/auth/password', 'POST /api/v1/auth/tokens']);

// {"METHOD /pattern": {anonymous: bool, admin: bool, ...}}
export const AUTHORIZATION = Object.fromEntries(
  Object.entries(TABLE).map(([route, row]) => {
    if (row.length !== CALLERS.length) throw new Error(`${route}: ${row.length} columns`);
    return [route, Object.fromEntries(CALLERS.map((c, i) => [c, row[i] === 1]))];
  }),
);
