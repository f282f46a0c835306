import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { describeFailure } from './errors';
import { LanguageSwitch, useTranslator } from './i18n';
import { LoginMutation } from './operations';
import type { SessionStore, SignedOutReason } from './session';

/**
 * The API does not say whether it runs the demo network, so the list is shown in development builds and
 * when the page is opened with `?demo` (the quick start's link); a real deployment's page never lists it.
 */
const showDemoAccounts = (): boolean => import.meta.env.DEV || new URLSearchParams(window.location.search).has('demo');

export function SignIn({
  sessions,
  signedOutReason,
}: {
  sessions: SessionStore;
  signedOutReason: SignedOutReason | null;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [login, { loading }] = useMutation(LoginMutation);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      if (data) sessions.start(data.login);
    } catch (error) {
      const { code } = describeFailure(error);
      setFailure(code ? translator.errorMessage(code) : t('errorNetwork'));
    }
  };

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-top">
        <span className="app-name">{t('appName')}</span>
        <LanguageSwitch />
      </div>
      <section className="panel" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signInTitle')}</h1>
        <p>{t('signInIntro')}</p>
        {signedOutReason === 'sessionEnded' && !failure && (
          <p className="notice" role="status">
            {t('sessionEnded')}
          </p>
        )}
        <form onSubmit={(event) => void submit(event)} noValidate aria-describedby={failure ? errorId : undefined}>
          <label htmlFor="email">{t('email')}</label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <label htmlFor="password">{t('password')}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {failure && (
            <p id={errorId} className="error" role="alert">
              {failure}
            </p>
          )}
          <button type="submit" disabled={loading || !email || !password}>
            {loading ? t('signingIn') : t('signInButton')}
          </button>
        </form>
      </section>
      {showDemoAccounts() && (
        <section className="panel" aria-labelledby="demo-accounts-title">
          <h2 id="demo-accounts-title">{t('demoAccountsTitle')}</h2>
          <p>{t('demoAccountsIntro', { password: DEMO_PASSWORD })}</p>
          <table className="demo-accounts">
            <thead>
              <tr>
                <th scope="col">{t('demoOrganisation')}</th>
                <th scope="col">{t('demoRole')}</th>
                <th scope="col">{t('demoEmail')}</th>
              </tr>
            </thead>
            <tbody>
              {DEMO_ACCOUNTS.map((account) => (
                <tr key={account.email}>
                  <td>{account.organisation}</td>
                  <td>{translator.role(account.role)}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setEmail(account.email);
                        setPassword(DEMO_PASSWORD);
                        setFailure(null);
                      }}
                    >
                      {account.email}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
