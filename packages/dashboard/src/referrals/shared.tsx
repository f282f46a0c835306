import { useSubscription } from '@apollo/client/react';
import { useEffect } from 'react';
import type { LiveConnection } from '../apollo';
import { describeFailure } from '../errors';
import type { ReferralStatus, Urgency } from '../gql/graphql';
import type { MessageKey, Translator } from '../i18n';
import { ReferralUpdatedSubscription } from './operations';

/**
 * Keeps a referral screen current: every change to a referral of this organisation triggers `refresh`,
 * and so does the live socket coming back after a gap, when changes may have been missed.
 */
export function useReferralUpdates(live: LiveConnection, refresh: () => void): void {
  useSubscription(ReferralUpdatedSubscription, { onData: refresh });
  useEffect(() => live.onReconnected(refresh), [live, refresh]);
}

export function StatusBadge({ status, translator }: { status: ReferralStatus; translator: Translator }) {
  return (
    <span className={`referral-status referral-status-${status.toLowerCase()}`} data-status={status}>
      {translator.t(`referralStatus_${status}`)}
    </span>
  );
}

export function UrgencyBadge({ urgency, translator }: { urgency: Urgency; translator: Translator }) {
  return (
    <span className={`referral-urgency referral-urgency-${urgency.toLowerCase()}`}>
      {translator.t(`referralUrgency_${urgency}`)}
    </span>
  );
}

/** A calendar day (YYYY-MM-DD) in the viewer's locale; read as UTC so no time zone moves it a day. */
export const formatDay = (translator: Translator, day: string): string =>
  new Intl.DateTimeFormat(translator.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** Input the API refused, by the field it named, in words a caseworker can act on. */
const FIELD_PROBLEMS: Record<string, MessageKey> = {
  'input.givenBy': 'referralProblemMinorConsent',
  'input.age': 'referralProblemAge',
  'input.dateOfBirth': 'referralProblemAge',
  'input.nationality': 'referralProblemNationality',
  'input.fullName': 'referralProblemFullName',
  'input.summary': 'referralProblemSummary',
  'input.needs': 'referralProblemNeeds',
  'input.toOrganisationId': 'referralProblemReceiver',
  'input.toFacilityId': 'referralProblemReceiver',
  'input.grantedToOrganisationId': 'referralProblemReceiver',
  'input.consentId': 'referralProblemConsent',
  'input.expiresAt': 'referralProblemConsentExpiry',
  unitId: 'referralProblemUnit',
  reason: 'referralProblemReason',
};

/** A failed request as one sentence: the refused field when the API names one, else the error code's sentence. */
export function failureSentence(translator: Translator, error: unknown): string {
  const failure = describeFailure(error);
  if (!failure.code) return translator.t('errorNetwork');
  const extensions = failure.error?.extensions ?? {};
  if (failure.code === 'BAD_USER_INPUT' && Array.isArray(extensions['fields'])) {
    const known = extensions['fields'].map((field) => FIELD_PROBLEMS[String(field)]).find(Boolean);
    if (known) return translator.t(known);
  }
  const sentence = translator.errorMessage(failure.code);
  const status = extensions['status'];
  if (failure.code === 'INVALID_TRANSITION' && typeof status === 'string' && isReferralStatus(status)) {
    return `${sentence} ${translator.t('referralNowStatus', { status: translator.t(`referralStatus_${status}`) })}`;
  }
  return sentence;
}

const ALL_STATUSES: readonly ReferralStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'ACCEPTED',
  'DECLINED',
  'WITHDRAWN',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
];
const isReferralStatus = (value: string): value is ReferralStatus => ALL_STATUSES.some((status) => status === value);
