import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { RequestError } from '../status';
import type { AdminUserRowFragment } from '../gql/graphql';
import { useTranslator } from '../i18n';
import type { Role } from '../vocabulary';
import {
  InviteUserMutation,
  ReissueInvitationMutation,
  SetUserActiveMutation,
  SetUserRolesMutation,
  StaffQuery,
} from './operations';
import {
  ConfirmPanel,
  AdminScreen,
  InvitationLinkPanel,
  RefusalMessage,
  RoleChoice,
  StatusBadge,
  type IssuedInvitation,
} from './parts';
import { useRefusal, type Refusal } from './refusals';
import './admin.css';

/** An organisation admin's staff: who has which role, who may sign in, who has not started yet. */
export function Staff() {
  const { t } = useTranslator();
  const { data, error, refetch } = useQuery(StaffQuery, { fetchPolicy: 'cache-and-network' });
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  return (
    <AdminScreen title="adminStaffTitle" intro="adminStaffIntro">
      {issued ? (
        <InvitationLinkPanel invitation={issued} onDone={() => setIssued(null)} />
      ) : (
        <InviteForm onInvited={setIssued} />
      )}
      {error && !data ? (
        <RequestError error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">{t('adminStaffTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adminName')}</th>
              <th scope="col">{t('adminRoles')}</th>
              <th scope="col">{t('adminStatus')}</th>
              <th scope="col">{t('colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((user) => (
              <StaffRow key={user.id} user={user} self={user.id === data.me.id} onIssued={setIssued} />
            ))}
          </tbody>
        </table>
      )}
    </AdminScreen>
  );
}

function InviteForm({ onInvited }: { onInvited(invitation: IssuedInvitation): void }) {
  const { t } = useTranslator();
  const explain = useRefusal();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [invite, { loading }] = useMutation(InviteUserMutation, {
    refetchQueries: [StaffQuery],
    awaitRefetchQueries: true,
  });
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    try {
      const { data } = await invite({
        variables: { input: { email: email.trim(), displayName: displayName.trim(), roles } },
      });
      if (!data) return;
      setEmail('');
      setDisplayName('');
      setRoles([]);
      onInvited(data.inviteUser);
    } catch (error) {
      setRefusal(explain(error, { FORBIDDEN: 'adminRefusalNetworkRole' }));
    }
  };

  return (
    <form
      className="panel admin-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-describedby={refusal ? `${id}-refusal` : undefined}
    >
      <h2 id={`${id}-title`}>{t('adminInviteTitle')}</h2>
      <div className="admin-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('adminName')}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={200}
            autoComplete="off"
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
      </div>
      <RoleChoice legend={t('adminRoles')} roles={roles} onChange={setRoles} idPrefix={`${id}-role`} />
      {refusal && <RefusalMessage refusal={refusal} id={`${id}-refusal`} />}
      <div className="admin-actions">
        <button type="submit" disabled={loading || roles.length === 0}>
          {loading ? t('saving') : t('adminInviteButton')}
        </button>
      </div>
    </form>
  );
}

type Mode = 'view' | 'roles' | 'confirm';

function StaffRow({
  user,
  self,
  onIssued,
}: {
  user: AdminUserRowFragment;
  self: boolean;
  onIssued(invitation: IssuedInvitation): void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const explain = useRefusal();
  const [mode, setMode] = useState<Mode>('view');
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saveRoles, savingRoles] = useMutation(SetUserRolesMutation);
  const [setActive, settingActive] = useMutation(SetUserActiveMutation);
  const [reissue, reissuing] = useMutation(ReissueInvitationMutation, { refetchQueries: [StaffQuery] });
  const id = useId();
  const close = () => {
    setMode('view');
    setRefusal(null);
  };
  // Another organisation's platform role is not ours to manage; the API would refuse it anyway.
  const managedByOperators = user.roles.includes('NETWORK_ADMIN');

  const attempt = async (work: () => Promise<unknown>, done: () => void) => {
    setRefusal(null);
    try {
      await work();
      done();
    } catch (error) {
      setRefusal(explain(error, { FORBIDDEN: 'adminRefusalNetworkRole' }));
    }
  };

  return (
    <>
      <tr data-user={user.email}>
        <th scope="row" data-label={t('adminName')}>
          <span className="facility-name">
            {user.displayName}
            {self && ` ${t('adminYou')}`}
          </span>
          <span className="unit-name">{user.email}</span>
        </th>
        <td data-label={t('adminRoles')}>{user.roles.map((role) => translator.role(role)).join(', ')}</td>
        <td data-label={t('adminStatus')}>
          <StatusBadge active={user.active} />
          {user.pendingInvitation && (
            <span className="admin-waiting">
              {user.pendingInvitation.expired
                ? t('adminInvitationExpired')
                : t('adminInvitationPending', { date: translator.formatDateTime(user.pendingInvitation.expiresAt) })}
            </span>
          )}
        </td>
        <td data-label={t('colActions')}>
          <div className="admin-row-actions">
            {!managedByOperators && (
              <>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('adminChangeRolesOf', { name: user.displayName })}
                  onClick={() => {
                    setRoles(user.roles);
                    setRefusal(null);
                    setMode('roles');
                  }}
                >
                  {t('adminChangeRoles')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t(user.active ? 'adminDeactivateNamed' : 'adminReactivateNamed', {
                    name: user.displayName,
                  })}
                  onClick={() => {
                    setRefusal(null);
                    setMode('confirm');
                  }}
                >
                  {user.active ? t('adminDeactivate') : t('adminReactivate')}
                </button>
                {user.pendingInvitation && user.active && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={reissuing.loading}
                    aria-label={t('adminNewLinkFor', { name: user.displayName })}
                    onClick={() =>
                      void attempt(async () => {
                        const { data } = await reissue({ variables: { userId: user.id } });
                        if (data) onIssued(data.reissueInvitation);
                      }, close)
                    }
                  >
                    {t('adminNewLink')}
                  </button>
                )}
              </>
            )}
          </div>
        </td>
      </tr>
      {(mode !== 'view' || refusal) && (
        <tr className="admin-detail-row">
          <td colSpan={4}>
            {mode === 'roles' && (
              <form
                className="admin-confirm"
                aria-label={t('adminChangeRolesOf', { name: user.displayName })}
                onSubmit={(event) => {
                  event.preventDefault();
                  void attempt(() => saveRoles({ variables: { userId: user.id, roles } }), close);
                }}
              >
                <RoleChoice
                  legend={t('adminRolesOf', { name: user.displayName })}
                  roles={roles}
                  onChange={setRoles}
                  idPrefix={`${id}-role`}
                />
                <div className="admin-actions">
                  <button type="submit" disabled={savingRoles.loading || roles.length === 0}>
                    {t('adminSaveRoles')}
                  </button>
                  <button type="button" className="secondary" onClick={close}>
                    {t('cancel')}
                  </button>
                </div>
              </form>
            )}
            {mode === 'confirm' && (
              <ConfirmPanel
                title={t(user.active ? 'adminDeactivateNamed' : 'adminReactivateNamed', { name: user.displayName })}
                confirmLabel={user.active ? t('adminDeactivate') : t('adminReactivate')}
                busy={settingActive.loading}
                onConfirm={() =>
                  void attempt(() => setActive({ variables: { userId: user.id, active: !user.active } }), close)
                }
                onCancel={close}
              >
                <p>
                  {user.active
                    ? t('adminDeactivateUserBody', { name: user.displayName })
                    : t('adminReactivateUserBody', { name: user.displayName })}
                </p>
              </ConfirmPanel>
            )}
            {refusal && <RefusalMessage refusal={refusal} />}
          </td>
        </tr>
      )}
    </>
  );
}
