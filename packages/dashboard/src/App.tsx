import { ApolloProvider, useMutation, useQuery } from '@apollo/client/react';
import { Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { AcceptInvitation } from './admin/AcceptInvitation';
import { INVITATION_PATH } from './admin/parts';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router';
import { createAnonymousClient, createSessionClient, GRAPHQL_PATH, type SessionClient } from './apollo';
import { LanguageSwitch, useTranslator } from './i18n';
import { MeQuery, SignOutMutation } from './operations';
import { SCREENS, visibleIn, type ScreenProps } from './screens';
import { SessionStore } from './session';
import { SignIn } from './SignIn';

const sessions = new SessionStore(GRAPHQL_PATH);
const anonymousClient = createAnonymousClient();

export function App() {
  const session = useSyncExternalStore(sessions.subscribe, sessions.current);
  // An invitation link opens its own page, signed out: it is how a new account gets its password.
  const [accepting, setAccepting] = useState(() => window.location.pathname === INVITATION_PATH);
  if (accepting) {
    return (
      <ApolloProvider client={anonymousClient}>
        <AcceptInvitation sessions={sessions} onDone={() => setAccepting(false)} />
      </ApolloProvider>
    );
  }
  if (!session) {
    return (
      <ApolloProvider client={anonymousClient}>
        <SignIn sessions={sessions} signedOutReason={sessions.signedOutReason()} />
      </ApolloProvider>
    );
  }
  return (
    <BrowserRouter>
      <SignedIn />
    </BrowserRouter>
  );
}

function SignedIn() {
  const [sessionClient, setSessionClient] = useState<SessionClient | null>(null);
  useEffect(() => {
    const created = createSessionClient(sessions);
    setSessionClient(created);
    return () => created.dispose();
  }, []);
  if (!sessionClient) return null;
  return (
    <ApolloProvider client={sessionClient.client}>
      <Screens live={sessionClient.live} />
    </ApolloProvider>
  );
}

function Screens({ live }: Pick<ScreenProps, 'live'>) {
  const { t } = useTranslator();
  const roles = useQuery(MeQuery).data?.me.roles ?? [];
  return (
    <>
      <SkipLink />
      <Header />
      <Navigation roles={roles} />
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p className="panel" role="status">
              {t('loading')}
            </p>
          }
        >
          <Routes>
            {SCREENS.map((screen) => (
              <Route key={screen.path} path={screen.path} element={screen.render({ live, roles })} />
            ))}
            <Route path="*" element={<p className="panel">{t('pageNotFound')}</p>} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}

/** An entry with another entry beneath it (`/referrals` above `/referrals/new`) is current only on its own path. */
const hasEntryBeneath = (path: string): boolean =>
  SCREENS.some((other) => other.nav && other.path !== path && other.path.startsWith(path === '/' ? '/' : `${path}/`));

function Navigation({ roles }: Pick<ScreenProps, 'roles'>) {
  const { t } = useTranslator();
  return (
    <nav className="app-nav" aria-label={t('navLabel')}>
      <ul>
        {SCREENS.filter((screen) => screen.nav && visibleIn(screen, roles)).map((screen) => (
          <li key={screen.path}>
            <NavLink to={screen.path} end={hasEntryBeneath(screen.path)}>
              {screen.nav && t(screen.nav)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SkipLink() {
  const { t } = useTranslator();
  return (
    <a className="skip-link" href="#main">
      {t('skipToContent')}
    </a>
  );
}

function Header() {
  const { t } = useTranslator();
  const { data } = useQuery(MeQuery);
  const [signOut, { loading }] = useMutation(SignOutMutation);
  const leave = async () => {
    // The session ends locally whatever the answer: a gateway out of reach must not keep anyone signed in.
    await signOut().catch(() => undefined);
    sessions.end('signedOut');
  };
  return (
    <header className="app-header">
      <span className="app-name">{t('appName')}</span>
      {data && (
        <span className="signed-in-as">
          {t('signedInAs', { name: data.me.displayName, organisation: data.me.organisation.shortName })}
        </span>
      )}
      <LanguageSwitch />
      <button type="button" className="secondary" onClick={() => void leave()} disabled={loading}>
        {t('signOut')}
      </button>
    </header>
  );
}
