import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { LanguageSwitch, useTranslator } from '../i18n';
import type { SessionStore } from '../session';
import { AcceptInvitationMutation } from './operations';
import { NewPasswordFields, NO_PASSWORD, usePasswordMismatch } from './passwords';
import { RefusalMessage } from './parts';
import { useRefusal, type Refusal } from './refusals';
import './admin.css';

const tokenFromLink = (): string => decodeURIComponent(window.location.hash.replace(/^#/, ''));

/**
 * Opened, signed out, from the link an administrator sent: the invitee sets a password and is signed in.
 * The token comes from the address's fragment, which browsers never send to a server or in a Referer.
 */
export function AcceptInvitation({ sessions, onDone }: { sessions: SessionStore; onDone(): void }) {
  const { t } = useTranslator();
  const explain = useRefusal();
  const [token] = useState(tokenFromLink);
  const [password, setPassword] = useState(NO_PASSWORD);
  const [mismatch, checkMismatch] = usePasswordMismatch();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [accept, { loading }] = useMutation(AcceptInvitationMutation);
  const errorId = useId();

  const leave = () => {
    window.history.replaceState(null, '', '/');
    onDone();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    if (!checkMismatch(password)) return;
    try {
      const { data } = await accept({ variables: { token, password: password.password } });
      if (!data) return;
      // The link is spent: leave no token in the address bar or the history.
      window.history.replaceState(null, '', '/');
      await sessions.replace(data.acceptInvitation);
      onDone();
    } catch (error) {
      setRefusal(explain(error, { UNAUTHENTICATED: 'adminRefusalInvitationInvalid' }));
    }
  };

  const problem = mismatch ?? refusal;
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-top">
        <span className="app-name">{t('appName')}</span>
        <LanguageSwitch />
      </div>
      <section className="panel" aria-labelledby="accept-title">
        <h1 id="accept-title">{t('adminAcceptTitle')}</h1>
        {token ? (
          <>
            <p>{t('adminAcceptIntro')}</p>
            <form onSubmit={(event) => void submit(event)} noValidate aria-describedby={problem ? errorId : undefined}>
              <NewPasswordFields value={password} onChange={setPassword} label={t('adminNewPassword')} />
              {mismatch && (
                <p id={errorId} className="error" role="alert">
                  {mismatch}
                </p>
              )}
              {refusal && !mismatch && <RefusalMessage refusal={refusal} id={errorId} />}
              <button type="submit" disabled={loading || !password.password || !password.repeated}>
                {loading ? t('adminSettingPassword') : t('adminAcceptButton')}
              </button>
            </form>
          </>
        ) : (
          <p className="error" role="alert">
            {t('adminAcceptNoToken')}
          </p>
        )}
        <p>
          <button type="button" className="link" onClick={leave}>
            {t('adminAcceptSignInInstead')}
          </button>
        </p>
      </section>
    </main>
  );
}
