import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Spinner } from '../components/forms';
import { Organizations, Users } from '../features/accounts/index';
import { Audit } from '../features/audit/index';
import { Account, authApi, ForgotPassword, Login, ResetPassword } from '../features/auth/index';
import { CentreEditPage, CentrePage, Centres, LotEditPage, Lots, NewLotPage } from '../features/centres/index';
import { CostsPage } from '../features/costs/index';
import { HandoversPage } from '../features/handovers/index';
import { CasePage, Cases } from '../features/cases/index';
import { DirectoryFeedback, DirectoryImport, DirectoryModeration, DirectoryServicePage, DirectoryServices } from '../features/directory/index';
import { Guidance, GuidancePageView, isCategory } from '../features/guidance/index';
import { Opportunities, OpportunityPage } from '../features/opportunities/index';
import { TimelinessPage } from '../features/screening/index';
import { Catalogue, FilePage, LawSettings, ProcedureFiles } from '../features/procedures/index';
import { AgreementPage, Agreements } from '../features/agreements/index';
import { ProcedureAnalytics } from '../features/procedure-analytics/index';
import { FindingPage, Findings, forgetInspectionCopies, InspectionPage, Inspections, RiskRanking, Sanctions } from '../features/monitoring/index';
import { ContractsEndingPage, DeskPage, InvoicesToCheckPage, MovementsPage, OverCapacityPage, UnconfirmedRegistersPage } from '../features/overview/index';
import { DuplicatePairs, Duplicates, PersonPage, Persons } from '../features/people/index';
import { Occupancy } from '../features/reception/index';
import { ReferralMetrics, ReferralPage, Referrals } from '../features/referrals/index';
import { NoticesPage, RegisterCentresPage, RegisterDayPage, RegisterOverviewPage, SignatureSheetPage } from '../features/register/index';
import { TasksPage } from '../features/tasks/index';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../lib/api';
import { describeError } from '../lib/errors';
import { useT } from '../lib/i18n';
import type { SignedInUser } from '../lib/identity';
import { forgetUser, rememberedUser, rememberUser } from '../lib/offlineSession';
import { navigate, useLocation } from '../lib/router';
import { makeCan, SessionContext, type SessionValue } from '../lib/session';
import { Footer } from './Footer';
import { Header } from './Header';
import { Home } from './Home';
import { Forbidden, NotFound } from './Status';

type State =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'anon'; reason?: 'expired' | 'logged_out' }
  | { status: 'auth'; user: SignedInUser };

const ROUTES: Record<string, { permission?: string; render: () => preact.JSX.Element }> = {
  // The staff app's home; "/" and the language prefixes are the public portal (portal.html).
  '/home': { render: () => <Home /> },
  '/account': { render: () => <Account /> },
  '/organizations': { permission: 'organizations.read', render: () => <Organizations /> },
  '/users': { permission: 'users.read', render: () => <Users /> },
  '/audit': { permission: 'audit.read', render: () => <Audit /> },
  '/centres': { permission: 'centres.read', render: () => <Centres /> },
  '/occupancy': { permission: 'occupancy.read', render: () => <Occupancy /> },
  '/persons': { permission: 'persons.read', render: () => <Persons /> },
  '/absence-notices': { permission: 'notices.read', render: () => <NoticesPage /> },
  '/lots': { permission: 'contracts.read', render: () => <Lots /> },
  '/lots/new': { permission: 'contracts.manage', render: () => <NewLotPage /> },
  '/register': { permission: 'register.record', render: () => <RegisterCentresPage /> },
  '/inspections': { permission: 'inspections.read', render: () => <Inspections /> },
  '/findings': { permission: 'findings.read', render: () => <Findings /> },
  '/inspection-risk': { permission: 'inspections.manage', render: () => <RiskRanking /> },
  '/sanctions': { permission: 'sanctions.read', render: () => <Sanctions /> },
  '/cases': { permission: 'cases.read', render: () => <Cases /> },
  '/screening-timeliness': { permission: 'screening.statistics', render: () => <TimelinessPage /> },
  '/tasks': { permission: 'tasks.read', render: () => <TasksPage /> },
  '/guidance': { permission: 'guidance.read', render: () => <Guidance /> },
  '/opportunities': { permission: 'opportunities.read', render: () => <Opportunities /> },
  '/procedure-files': { permission: 'procedure_files.read', render: () => <ProcedureFiles /> },
  '/integration-agreements': { permission: 'integration_agreements.read', render: () => <Agreements /> },
  '/procedures': { permission: 'procedures.read', render: () => <Catalogue /> },
  '/procedures/law': { permission: 'procedures.read', render: () => <LawSettings /> },
  '/procedures/analytics': { permission: 'procedure_analytics.read', render: () => <ProcedureAnalytics /> },
  '/directory/services': { permission: 'directory.listings.read', render: () => <DirectoryServices /> },
  '/directory/moderation': { permission: 'directory.moderate', render: () => <DirectoryModeration /> },
  '/directory/feedback': { permission: 'directory.feedback.read', render: () => <DirectoryFeedback /> },
  '/directory/import': { permission: 'directory.import', render: () => <DirectoryImport /> },
  '/referrals/inbox': { permission: 'referrals.receive', render: () => <Referrals key="inbox" box="inbox" /> },
  '/referrals/outbox': { permission: 'referrals.manage', render: () => <Referrals key="outbox" box="outbox" /> },
  '/referrals/metrics': { permission: 'referrals.metrics', render: () => <ReferralMetrics /> },
  '/placement-desk': { permission: 'occupancy.read', render: () => <DeskPage /> },
  '/movements': { permission: 'movements.export', render: () => <MovementsPage /> },
  '/overview/over-capacity': { permission: 'overview.read', render: () => <OverCapacityPage /> },
  '/overview/unconfirmed-registers': { permission: 'overview.read', render: () => <UnconfirmedRegistersPage /> },
  '/overview/invoices': { permission: 'overview.read', render: () => <InvoicesToCheckPage /> },
  '/overview/contracts-ending': { permission: 'overview.read', render: () => <ContractsEndingPage /> },
};

/** Routes with a parameter: the pattern, the permission and the page for the matched id. */
const PARAM_ROUTES: { pattern: RegExp; permission: string; render: (id: number, m: RegExpExecArray) => preact.JSX.Element }[] = [
  { pattern: /^\/centres\/(\d+)$/, permission: 'centres.read', render: (id) => <CentrePage key={id} id={id} /> },
  { pattern: /^\/centres\/(\d+)\/edit$/, permission: 'centres.manage', render: (id) => <CentreEditPage key={id} id={id} /> },
  { pattern: /^\/centres\/(\d+)\/register$/, permission: 'register.read', render: (id) => <RegisterOverviewPage key={id} id={id} /> },
  { pattern: /^\/centres\/(\d+)\/costs$/, permission: 'costs.read', render: (id) => <CostsPage key={id} id={id} /> },
  { pattern: /^\/lots\/(\d+)\/edit$/, permission: 'contracts.manage', render: (id) => <LotEditPage key={id} id={id} /> },
  { pattern: /^\/centres\/(\d+)\/handovers$/, permission: 'handovers.read', render: (id) => <HandoversPage key={id} id={id} /> },
  { pattern: /^\/inspections\/(\d+)$/, permission: 'inspections.read', render: (id) => <InspectionPage key={id} id={id} /> },
  { pattern: /^\/findings\/(\d+)$/, permission: 'findings.read', render: (id) => <FindingPage key={id} id={id} /> },
  { pattern: /^\/cases\/(\d+)$/, permission: 'cases.read', render: (id) => <CasePage key={id} id={id} /> },
  { pattern: /^\/guidance\/([a-z_]+)$/, permission: 'guidance.read', render: (_, m) => (isCategory(m[1]) ? <GuidancePageView key={m[1]} category={m[1]} /> : <NotFound />) },
  { pattern: /^\/opportunities\/(\d+)$/, permission: 'opportunities.read', render: (id) => <OpportunityPage key={id} id={id} /> },
  { pattern: /^\/procedure-files\/(\d+)$/, permission: 'procedure_files.read', render: (id) => <FilePage key={id} id={id} /> },
  { pattern: /^\/integration-agreements\/(\d+)$/, permission: 'integration_agreements.read', render: (id) => <AgreementPage key={id} id={id} /> },
  {
    pattern: /^\/directory\/services\/([0-9a-f-]{36})$/,
    permission: 'directory.listings.read',
    render: (_, m) => <DirectoryServicePage key={m[1]} id={m[1]} />,
  },
  { pattern: /^\/referrals\/(\d+)$/, permission: 'referrals.read', render: (id) => <ReferralPage key={id} id={id} /> },
  { pattern: /^\/persons\/(\d+)$/, permission: 'persons.read', render: (id) => <PersonPage key={id} id={id} /> },
  { pattern: /^\/duplicate-pairs$/, permission: 'persons.read', render: () => <DuplicatePairs /> },
  { pattern: /^\/persons\/(\d+)\/duplicates$/, permission: 'persons.read', render: (id) => <Duplicates key={id} id={id} /> },
  {
    pattern: /^\/centres\/(\d+)\/register\/(\d{4}-\d{2}-\d{2})$/,
    permission: 'register.read',
    render: (id, m) => <RegisterDayPage key={`${id}/${m[2]}`} id={id} day={m[2]} />,
  },
  {
    pattern: /^\/centres\/(\d+)\/register\/(\d{4}-\d{2}-\d{2})\/sheet$/,
    permission: 'register.read',
    render: (id, m) => <SignatureSheetPage key={`${id}/${m[2]}/sheet`} id={id} day={m[2]} />,
  },
];

// Pages shown without signing in.
const PUBLIC_PAGES = new Set(['/login', '/forgot-password', '/reset']);

function findRoute(path: string): { permission?: string; render: () => preact.JSX.Element } | undefined {
  if (ROUTES[path]) return ROUTES[path];
  for (const r of PARAM_ROUTES) {
    const m = r.pattern.exec(path);
    if (m) return { permission: r.permission, render: () => r.render(Number(m[1]), m) };
  }
  return undefined;
}

/** Only same-app paths are accepted as a place to return to after login. */
function safeNext(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')) return next;
  return '/home';
}

export function App() {
  const { t } = useT();
  const loc = useLocation();
  const [state, setState] = useState<State>({ status: 'loading' });
  const lastFocusKey = useRef<string | null>(null);

  const probe = () => {
    setState({ status: 'loading' });
    authApi
      .me()
      .then((s) => {
        setCsrfToken(s.csrf_token);
        setState({ status: 'auth', user: s.user });
      })
      .catch((err) => {
        // No network (status 0): the user this tab last had, so that a page that works offline
        // (an inspection in progress) opens; the server checks the session when it is back.
        const remembered = err instanceof ApiError && err.status === 0 ? rememberedUser() : null;
        if (err instanceof ApiError && err.status === 401) setState({ status: 'anon' });
        else if (remembered) setState({ status: 'auth', user: remembered });
        else setState({ status: 'error', error: err });
      });
  };

  useEffect(() => {
    if (state.status === 'auth') rememberUser(state.user);
    else if (state.status === 'anon') forgetUser();
  }, [state]);

  useEffect(() => {
    probe();
    setUnauthenticatedHandler(() => {
      setCsrfToken('');
      setState({ status: 'anon', reason: 'expired' });
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  // Redirects between the login page and the app; the pages of a forgotten password are open to
  // anyone.
  useEffect(() => {
    if (state.status === 'anon' && !PUBLIC_PAGES.has(loc.path)) {
      const here = loc.path + (loc.query.toString() ? `?${loc.query}` : '');
      const plain = here === '/home' || state.reason === 'logged_out';
      navigate(plain ? '/login' : `/login?next=${encodeURIComponent(here)}`, { replace: true });
    } else if (state.status === 'auth' && loc.path === '/login') {
      navigate(safeNext(loc.query.get('next')), { replace: true });
    }
  }, [state, loc.path]);

  const session: SessionValue | null = useMemo(() => {
    if (state.status !== 'auth') return null;
    return {
      user: state.user,
      can: makeCan(state.user),
      logout: async () => {
        try {
          await authApi.logout();
        } catch {
          /* the session is gone either way */
        }
        setCsrfToken('');
        await forgetInspectionCopies();
        setState({ status: 'anon', reason: 'logged_out' });
      },
      refresh: async () => {
        const s = await authApi.me();
        setCsrfToken(s.csrf_token);
        setState({ status: 'auth', user: s.user });
      },
    };
  }, [state]);

  // After each navigation move the focus to the new page's heading, so screen readers announce it
  // and keyboard users continue from the top of the content.
  const view = ['new', 'edit', 'reset'].map((k) => loc.query.get(k) ?? '').join('|');
  const transient =
    state.status === 'loading' ||
    (state.status === 'anon' && !PUBLIC_PAGES.has(loc.path)) ||
    (state.status === 'auth' && loc.path === '/login');
  const focusKey = transient ? null : `${loc.path}|${view}|${state.status}`;
  useEffect(() => {
    if (focusKey === null) return;
    const previous = lastFocusKey.current;
    lastFocusKey.current = focusKey;
    // Not on the first page shown after loading: the browser's own start position is right there.
    if (previous === null) return;
    const id = window.setTimeout(() => {
      const h = document.getElementById('main-heading');
      if (h && document.activeElement !== h) h.focus({ preventScroll: false });
    }, 0);
    return () => window.clearTimeout(id);
  }, [focusKey]);

  let content: preact.JSX.Element;
  if (state.status === 'loading') {
    content = <Spinner label={t('common.loading')} />;
  } else if (state.status === 'error') {
    content = (
      <div>
        <h1 id="main-heading" tabIndex={-1}>
          {t('errors.unavailableTitle')}
        </h1>
        <div class="alert alert-danger" role="alert">
          {describeError(state.error, t)}
        </div>
        <button type="button" class="btn btn-primary" onClick={probe}>
          {t('common.retry')}
        </button>
      </div>
    );
  } else if (state.status === 'anon') {
    content =
      loc.path === '/login' ? (
        <Login
          reason={state.reason}
          onLoggedIn={(user, csrf) => {
            setCsrfToken(csrf);
            setState({ status: 'auth', user });
          }}
        />
      ) : loc.path === '/forgot-password' ? (
        <ForgotPassword />
      ) : loc.path === '/reset' ? (
        <ResetPassword token={loc.query.get('token') ?? ''} />
      ) : (
        <Spinner label={t('common.loading')} />
      );
  } else if (loc.path === '/reset') {
    content = <ResetPassword token={loc.query.get('token') ?? ''} />;
  } else {
    const route = findRoute(loc.path);
    if (!route) content = <NotFound />;
    else if (route.permission && !session!.can(route.permission)) content = <Forbidden />;
    else content = route.render();
  }

  return (
    <SessionContext.Provider value={session}>
      <div class="skiplinks">
        <a
          class="visually-hidden-focusable"
          href="#main"
          onClick={(e) => {
            e.preventDefault();
            const main = document.getElementById('main');
            main?.focus();
            main?.scrollIntoView();
          }}
        >
          {t('a11y.skipToContent')}
        </a>
      </div>
      <Header session={session} path={loc.path} />
      <main id="main" tabIndex={-1} class="container py-5 app-main">
        {content}
      </main>
      <Footer />
    </SessionContext.Provider>
  );
}
