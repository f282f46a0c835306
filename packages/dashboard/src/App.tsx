import { ApolloProvider, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createAnonymousClient, createSessionClient, GRAPHQL_PATH, type SessionClient } from './apollo';
import { BedBoard } from './BedBoard';
import { LanguageSwitch, useTranslator } from './i18n';
import { MeQuery, SignOutMutation } from './operations';
import { SessionStore } from './session';
import { SignIn } from './SignIn';

const sessions = new SessionStore(GRAPHQL_PATH);
const anonymousClient = createAnonymousClient();

export function App() {
  const session = useSyncExternalStore(sessions.subscribe, sessions.current);
  if (!session) {
    return (
      <ApolloProvider client={anonymousClient}>
        <SignIn sessions={sessions} signedOutReason={sessions.signedOutReason()} />
      </ApolloProvider>
    );
  }
  return <SignedIn />;
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
      <SkipLink />
      <Header />
      <main id="main" tabIndex={-1}>
        <BedBoard live={sessionClient.live} />
      </main>
    </ApolloProvider>
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
