import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { RequestError } from '../status';
import type { AdminOrganisationsQuery as Result, AdminUserRowFragment, OrganisationKind } from '../gql/graphql';
import { useTranslator } from '../i18n';
import {
  AdminOrganisationsQuery,
  CreateOrganisationMutation,
  ReissueInvitationMutation,
  SetOrganisationActiveMutation,
} from './operations';
import {
  AdminScreen,
  ConfirmPanel,
  InvitationLinkPanel,
  RefusalMessage,
  StatusBadge,
  type IssuedInvitation,
} from './parts';
import { useRefusal, type Refusal } from './refusals';
import './admin.css';

type OrganisationRow = Result['organisations'][number];

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'NGO',
  'GOVERNMENT',
  'LAW_ENFORCEMENT',
  'FOREIGN_PARTNER',
];

/** The network administrator's onboarding desk: every organisation, new ones with their first admin. */
export function Organisations() {
  const { t } = useTranslator();
  const { data, error, refetch } = useQuery(AdminOrganisationsQuery, { fetchPolicy: 'cache-and-network' });
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  return (
    <AdminScreen title="adminOrganisationsTitle" intro="adminOrganisationsIntro">
      {issued ? (
        <InvitationLinkPanel invitation={issued} onDone={() => setIssued(null)} />
      ) : (
        <CreateOrganisationForm onCreated={setIssued} />
      )}
      {error && !data ? (
        <RequestError error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <OrganisationTable organisations={data.organisations} users={data.users} onIssued={setIssued} />
      )}
    </AdminScreen>
  );
}

interface OrganisationDraft {
  name: string;
  shortName: string;
  kind: OrganisationKind;
  country: string;
  region: string;
  adminEmail: string;
  adminDisplayName: string;
}

const NO_ORGANISATION: OrganisationDraft = {
  name: '',
  shortName: '',
  kind: 'NGO',
  country: '',
  region: '',
  adminEmail: '',
  adminDisplayName: '',
};

function CreateOrganisationForm({ onCreated }: { onCreated(invitation: IssuedInvitation): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const explain = useRefusal();
  const [draft, setDraft] = useState(NO_ORGANISATION);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [create, { loading }] = useMutation(CreateOrganisationMutation, {
    refetchQueries: [AdminOrganisationsQuery],
    awaitRefetchQueries: true,
  });
  const id = useId();
  const set = <K extends keyof OrganisationDraft>(key: K, value: OrganisationDraft[K]) =>
    setDraft({ ...draft, [key]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    try {
      const { data } = await create({
        variables: {
          input: {
            name: draft.name.trim(),
            shortName: draft.shortName.trim(),
            kind: draft.kind,
            country: draft.country.trim().toUpperCase(),
            region: draft.region.trim() || null,
            adminEmail: draft.adminEmail.trim(),
            adminDisplayName: draft.adminDisplayName.trim(),
          },
        },
      });
      if (!data) return;
      setDraft(NO_ORGANISATION);
      onCreated(data.createOrganisation);
    } catch (error) {
      setRefusal(explain(error));
    }
  };

  const text = (key: Exclude<keyof OrganisationDraft, 'kind'>, label: string, extra: object = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} value={draft[key]} onChange={(event) => set(key, event.target.value)} {...extra} />
    </div>
  );
  return (
    <form
      className="panel admin-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-describedby={refusal ? `${id}-refusal` : undefined}
    >
      <h2 id={`${id}-title`}>{t('adminCreateOrganisationTitle')}</h2>
      <div className="admin-grid">
        {text('name', t('adminOrganisationName'), { required: true, maxLength: 200 })}
        {text('shortName', t('adminShortName'), {
          required: true,
          maxLength: 20,
          autoCapitalize: 'characters',
          'aria-describedby': `${id}-short-hint`,
        })}
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('adminKind')}</label>
          <select
            id={`${id}-kind`}
            value={draft.kind}
            onChange={(event) => set('kind', ORGANISATION_KINDS.find((k) => k === event.target.value) ?? 'NGO')}
          >
            {ORGANISATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`adminOrganisationKind_${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {text('country', t('adminCountry'), {
          required: true,
          maxLength: 2,
          autoCapitalize: 'characters',
          'aria-describedby': `${id}-country-hint`,
        })}
        {text('region', t('adminRegion'), { maxLength: 100 })}
      </div>
      <p className="admin-hint" id={`${id}-short-hint`}>
        {t('adminShortNameHint')}
      </p>
      <p className="admin-hint" id={`${id}-country-hint`}>
        {t('adminCountryHint')}
      </p>
      <h3>{t('adminFirstAdmin')}</h3>
      <p className="admin-hint">{t('adminFirstAdminHint')}</p>
      <div className="admin-grid">
        {text('adminDisplayName', t('adminName'), { required: true, maxLength: 200, autoComplete: 'off' })}
        {text('adminEmail', t('email'), { required: true, type: 'email', maxLength: 254, autoComplete: 'off' })}
      </div>
      {refusal && <RefusalMessage refusal={refusal} id={`${id}-refusal`} />}
      <div className="admin-actions">
        <button type="submit" disabled={loading}>
          {loading ? t('saving') : t('adminCreateOrganisationButton')}
        </button>
      </div>
    </form>
  );
}

/** Counts and the first admin's invitation state per organisation, from the network-wide staff list. */
function staffOf(users: readonly AdminUserRowFragment[], organisationId: string) {
  const members = users.filter((user) => user.organisation.id === organisationId);
  return {
    total: members.length,
    active: members.filter((user) => user.active).length,
    waitingAdmins: members.filter((user) => user.roles.includes('ORG_ADMIN') && user.pendingInvitation),
  };
}

function OrganisationTable({
  organisations,
  users,
  onIssued,
}: {
  organisations: readonly OrganisationRow[];
  users: readonly AdminUserRowFragment[];
  onIssued(invitation: IssuedInvitation): void;
}) {
  const { t } = useTranslator();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <table className="admin-table">
      <caption className="visually-hidden">{t('adminOrganisationsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('demoOrganisation')}</th>
          <th scope="col">{t('adminKind')}</th>
          <th scope="col">{t('adminCountry')}</th>
          <th scope="col">{t('adminStatus')}</th>
          <th scope="col">{t('adminStaff')}</th>
          <th scope="col">{t('colActions')}</th>
        </tr>
      </thead>
      <tbody>
        {organisations.map((organisation) => (
          <OrganisationRowView
            key={organisation.id}
            organisation={organisation}
            staff={staffOf(users, organisation.id)}
            confirming={confirming === organisation.id}
            onConfirm={(open) => setConfirming(open ? organisation.id : null)}
            onIssued={onIssued}
          />
        ))}
      </tbody>
    </table>
  );
}

function OrganisationRowView({
  organisation,
  staff,
  confirming,
  onConfirm,
  onIssued,
}: {
  organisation: OrganisationRow;
  staff: ReturnType<typeof staffOf>;
  confirming: boolean;
  onConfirm(open: boolean): void;
  onIssued(invitation: IssuedInvitation): void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const explain = useRefusal();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [setActive, { loading }] = useMutation(SetOrganisationActiveMutation, {
    refetchQueries: [AdminOrganisationsQuery],
  });
  const [reissue, reissuing] = useMutation(ReissueInvitationMutation, { refetchQueries: [AdminOrganisationsQuery] });
  const label = `${organisation.name} (${organisation.shortName})`;

  const change = async () => {
    setRefusal(null);
    try {
      await setActive({ variables: { id: organisation.id, active: !organisation.active } });
      onConfirm(false);
    } catch (error) {
      setRefusal(explain(error, { BAD_USER_INPUT: 'adminRefusalOwnOrganisation' }));
    }
  };
  const renew = async (userId: string) => {
    setRefusal(null);
    try {
      const { data } = await reissue({ variables: { userId } });
      if (data) onIssued(data.reissueInvitation);
    } catch (error) {
      setRefusal(explain(error));
    }
  };

  return (
    <>
      <tr data-organisation={organisation.shortName}>
        <th scope="row" data-label={t('demoOrganisation')}>
          <span className="facility-name">{organisation.name}</span>
          <span className="unit-name">{organisation.shortName}</span>
        </th>
        <td data-label={t('adminKind')}>{t(`adminOrganisationKind_${organisation.kind}`)}</td>
        <td data-label={t('adminCountry')}>{[organisation.country, organisation.region].filter(Boolean).join(', ')}</td>
        <td data-label={t('adminStatus')}>
          <StatusBadge active={organisation.active} />
        </td>
        <td data-label={t('adminStaff')}>
          {t('adminStaffCount', { total: staff.total, active: staff.active })}
          {staff.waitingAdmins.map((admin) => (
            <span key={admin.id} className="admin-waiting">
              {admin.pendingInvitation?.expired
                ? t('adminAdminInvitationExpired', { name: admin.displayName })
                : t('adminAdminInvitationPending', {
                    name: admin.displayName,
                    date: translator.formatDateTime(admin.pendingInvitation?.expiresAt ?? ''),
                  })}
            </span>
          ))}
        </td>
        <td data-label={t('colActions')}>
          <div className="admin-row-actions">
            <button
              type="button"
              className="secondary"
              aria-label={t(organisation.active ? 'adminDeactivateNamed' : 'adminReactivateNamed', { name: label })}
              onClick={() => onConfirm(true)}
            >
              {organisation.active ? t('adminDeactivate') : t('adminReactivate')}
            </button>
            {staff.waitingAdmins.map((admin) => (
              <button
                key={admin.id}
                type="button"
                className="secondary"
                disabled={reissuing.loading}
                aria-label={t('adminNewLinkFor', { name: admin.displayName })}
                onClick={() => void renew(admin.id)}
              >
                {t('adminNewLink')}
              </button>
            ))}
          </div>
        </td>
      </tr>
      {(confirming || refusal) && (
        <tr className="admin-detail-row">
          <td colSpan={6}>
            {confirming && (
              <ConfirmPanel
                title={t(organisation.active ? 'adminDeactivateNamed' : 'adminReactivateNamed', { name: label })}
                confirmLabel={organisation.active ? t('adminDeactivate') : t('adminReactivate')}
                busy={loading}
                onConfirm={() => void change()}
                onCancel={() => {
                  setRefusal(null);
                  onConfirm(false);
                }}
              >
                <p>
                  {organisation.active
                    ? t('adminDeactivateOrganisationBody', { name: organisation.shortName, count: staff.total })
                    : t('adminReactivateOrganisationBody', { name: organisation.shortName })}
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
