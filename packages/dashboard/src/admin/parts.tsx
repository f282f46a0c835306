import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslator, type MessageKey } from '../i18n';
import type { Role } from '../vocabulary';
import type { Refusal } from './refusals';

/** The path of the dashboard's accept-invitation page; the token rides in the fragment, never sent to a server. */
export const INVITATION_PATH = '/invitation';

export const invitationLink = (token: string): string =>
  `${window.location.origin}${INVITATION_PATH}#${encodeURIComponent(token)}`;

/** The roles an organisation admin may give; NETWORK_ADMIN is the platform operators' alone. */
export const GRANTABLE_ROLES: readonly Role[] = [
  'CASEWORKER',
  'SHELTER_COORDINATOR',
  'REPATRIATION_LIAISON',
  'ORG_ADMIN',
  'VIEWER',
];

/** An administration screen: a section titled for screen readers, with its introduction when it has one. */
export function AdminScreen({
  title,
  intro,
  children,
}: {
  title: MessageKey;
  intro?: MessageKey;
  children: ReactNode;
}) {
  const { t } = useTranslator();
  const titleId = useId();
  return (
    <section className="admin-screen" aria-labelledby={titleId}>
      <h1 id={titleId}>{t(title)}</h1>
      {intro && <p>{t(intro)}</p>}
      {children}
    </section>
  );
}

export interface IssuedInvitation {
  token: string;
  expiresAt: string;
  user: { displayName: string; email: string };
}

/**
 * The one moment the invitation link exists outside the invitee's hands: shown once, copyable, never
 * stored. Focus moves here so a keyboard or screen-reader user finds it at once.
 */
export function InvitationLinkPanel({ invitation, onDone }: { invitation: IssuedInvitation; onDone(): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const inputId = useId();
  const link = invitationLink(invitation.token);
  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for the person to copy.
      field.current?.select();
      setCopied('select');
    }
  };

  return (
    <section className="panel admin-invitation" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} tabIndex={-1} ref={heading}>
        {t('adminInvitationTitle', { name: invitation.user.displayName })}
      </h2>
      <p className="notice">
        <strong>{t('adminInvitationOnce')}</strong>{' '}
        {t('adminInvitationSend', {
          name: invitation.user.displayName,
          email: invitation.user.email,
          date: translator.formatDateTime(invitation.expiresAt),
        })}
      </p>
      <label htmlFor={inputId}>{t('adminInvitationLink')}</label>
      <div className="admin-copy">
        <input id={inputId} ref={field} readOnly value={link} onFocus={(event) => event.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {t('adminCopyLink')}
        </button>
      </div>
      <p role="status">{copied === 'yes' ? t('adminCopied') : copied === 'select' ? t('adminCopyYourself') : ''}</p>
      <button type="button" className="secondary" onClick={onDone}>
        {t('adminInvitationDone')}
      </button>
    </section>
  );
}

/** Asks before a change with consequences, and says what they are in words. */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslator();
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="admin-confirm" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {children}
      <div className="admin-actions">
        <button type="button" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/** A refusal as sentences, with the records in the way listed when the API names them. */
export function RefusalMessage({ refusal, id }: { refusal: Refusal; id?: string }) {
  const { t } = useTranslator();
  return (
    <div className="error" role="alert" id={id}>
      <p>{refusal.text}</p>
      {refusal.referrals.length > 0 && (
        <>
          <p>{t('adminReferralsInTheWay')}</p>
          <ul className="admin-referrals">
            {refusal.referrals.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function RoleChoice({
  legend,
  roles,
  onChange,
  idPrefix,
}: {
  legend: string;
  roles: readonly Role[];
  onChange(roles: Role[]): void;
  idPrefix: string;
}) {
  const translator = useTranslator();
  return (
    <fieldset className="admin-roles">
      <legend>{legend}</legend>
      {GRANTABLE_ROLES.map((role) => (
        <div className="field checkbox" key={role}>
          <input
            id={`${idPrefix}-${role}`}
            type="checkbox"
            checked={roles.includes(role)}
            onChange={(event) =>
              onChange(event.target.checked ? [...roles, role] : roles.filter((held) => held !== role))
            }
          />
          <label htmlFor={`${idPrefix}-${role}`}>{translator.role(role)}</label>
        </div>
      ))}
      <p className="admin-hint">{translator.t('adminNetworkRoleNote')}</p>
    </fieldset>
  );
}

/** The documented password policy (README, Administration), so nobody has to guess before being refused. */
export function PasswordPolicy({ id }: { id: string }) {
  const { t } = useTranslator();
  return (
    <div id={id} className="admin-policy">
      <p>{t('adminPolicyIntro')}</p>
      <ul>
        <li>{t('adminPolicyLength')}</li>
        <li>{t('adminPolicyEmail')}</li>
        <li>{t('adminPolicyDifferent')}</li>
        <li>{t('adminPolicyCommon')}</li>
      </ul>
    </div>
  );
}

/** Words and a mark, so colour is never the only signal. */
export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslator();
  return (
    <span className={`admin-status ${active ? 'admin-status-active' : 'admin-status-inactive'}`}>
      {active ? t('adminActive') : t('adminInactive')}
    </span>
  );
}
