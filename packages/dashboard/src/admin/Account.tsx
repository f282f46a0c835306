import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslator } from '../i18n';
import { AccountQuery, ChangePasswordMutation } from './operations';
import { NewPasswordFields, NO_PASSWORD, usePasswordMismatch } from './passwords';
import { AdminScreen, RefusalMessage } from './parts';
import { useRefusal, type Refusal } from './refusals';
import './admin.css';

/** Every signed-in user's own account: who they are signed in as, and a new password. */
export function Account() {
  const translator = useTranslator();
  const { t } = translator;
  const explain = useRefusal();
  const me = useQuery(AccountQuery).data?.me;
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState(NO_PASSWORD);
  const [mismatch, checkMismatch] = usePasswordMismatch();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState(false);
  const [change, { loading }] = useMutation(ChangePasswordMutation);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    setDone(false);
    if (!checkMismatch(password)) return;
    try {
      await change({ variables: { currentPassword: current, newPassword: password.password } });
      setCurrent('');
      setPassword(NO_PASSWORD);
      setDone(true);
    } catch (error) {
      setRefusal(explain(error));
    }
  };

  const problem = mismatch ?? refusal;
  return (
    <AdminScreen title="adminAccountTitle">
      {me && (
        <dl className="panel admin-facts">
          <dt>{t('adminName')}</dt>
          <dd>{me.displayName}</dd>
          <dt>{t('email')}</dt>
          <dd>{me.email}</dd>
          <dt>{t('demoOrganisation')}</dt>
          <dd>
            {me.organisation.name} ({me.organisation.shortName})
          </dd>
          <dt>{t('adminRoles')}</dt>
          <dd>{me.roles.map((role) => translator.role(role)).join(', ')}</dd>
        </dl>
      )}
      <form
        className="panel admin-form"
        aria-labelledby={`${id}-password`}
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-describedby={problem ? `${id}-problem` : undefined}
      >
        <h2 id={`${id}-password`}>{t('adminChangePasswordTitle')}</h2>
        <label htmlFor={`${id}-current`}>{t('adminCurrentPassword')}</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <NewPasswordFields value={password} onChange={setPassword} label={t('adminNewPassword')} />
        {mismatch && (
          <p id={`${id}-problem`} className="error" role="alert">
            {mismatch}
          </p>
        )}
        {refusal && !mismatch && <RefusalMessage refusal={refusal} id={`${id}-problem`} />}
        {done && (
          <p className="admin-done" role="status">
            {t('adminPasswordChanged')}
          </p>
        )}
        <div className="admin-actions">
          <button type="submit" disabled={loading || !current || !password.password || !password.repeated}>
            {loading ? t('saving') : t('adminChangePasswordButton')}
          </button>
        </div>
      </form>
    </AdminScreen>
  );
}
