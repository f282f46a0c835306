import { describeFailure } from '../errors';
import { useTranslator, type MessageKey } from '../i18n';
import type { ErrorCode } from '../vocabulary';

/** Why the API refused, when it says so (`extensions.reason`): one sentence each, in the reader's language. */
const REASONS: Record<string, MessageKey> = {
  PASSWORD_TOO_SHORT: 'adminRefusalPasswordTooShort',
  PASSWORD_TOO_LONG: 'adminRefusalPasswordTooLong',
  PASSWORD_CONTAINS_EMAIL: 'adminRefusalPasswordContainsEmail',
  PASSWORD_TOO_FEW_DIFFERENT_CHARACTERS: 'adminRefusalPasswordFewCharacters',
  PASSWORD_TOO_COMMON: 'adminRefusalPasswordCommon',
  PASSWORD_UNCHANGED: 'adminRefusalPasswordUnchanged',
  WRONG_CURRENT_PASSWORD: 'adminRefusalWrongCurrentPassword',
  LAST_ORG_ADMIN: 'adminRefusalLastAdmin',
  INVITATION_ACCEPTED: 'adminRefusalInvitationAccepted',
  ACCOUNT_INACTIVE: 'adminRefusalAccountInactive',
  BEDS_HELD: 'adminRefusalBedsHeld',
};

/** Which input was wrong (`extensions.fields`), for refusals that give no reason. */
const FIELDS: Record<string, MessageKey> = {
  'input.name': 'adminRefusalName',
  'input.shortName': 'adminRefusalShortName',
  'input.country': 'adminRefusalCountry',
  'input.region': 'adminRefusalRegion',
  'input.adminEmail': 'adminRefusalEmail',
  'input.email': 'adminRefusalEmail',
  'input.adminDisplayName': 'adminRefusalDisplayName',
  'input.displayName': 'adminRefusalDisplayName',
  'input.roles': 'adminRefusalRoles',
  'input.district': 'adminRefusalDistrict',
  'input.state': 'adminRefusalState',
  'input.address': 'adminRefusalAddress',
  'input.minAge': 'adminRefusalAges',
  'input.maxAge': 'adminRefusalAges',
  'input.capacity': 'adminRefusalBeds',
  'input.occupied': 'adminRefusalBeds',
};

/** A duplicate is CONFLICT naming the field that is already taken. */
const TAKEN: Record<string, MessageKey> = {
  'input.shortName': 'adminRefusalShortNameTaken',
  'input.adminEmail': 'adminRefusalEmailTaken',
  'input.email': 'adminRefusalEmailTaken',
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

export interface Refusal {
  /** One or more sentences saying what was refused and what to do. */
  text: string;
  /** Referral codes standing in the way, when the refusal names them (a facility with held beds). */
  referrals: string[];
}

/**
 * Turns a failed administration request into sentences: the API's reason or fields when it gives them,
 * else `overrides` for codes whose meaning the screen knows (FORBIDDEN on a role change can only be the
 * network-admin role), else the contract's sentence for the code.
 */
export function useRefusal(): (error: unknown, overrides?: Partial<Record<ErrorCode, MessageKey>>) => Refusal {
  const translator = useTranslator();
  const { t } = translator;
  return (error, overrides = {}) => {
    const { code, error: first } = describeFailure(error);
    const extensions = first?.extensions ?? {};
    const referrals = strings(extensions['referrals']);
    if (!code) return { text: t('errorNetwork'), referrals };
    const reason = extensions['reason'];
    const reasonKey = typeof reason === 'string' ? REASONS[reason] : undefined;
    if (reasonKey) return { text: t(reasonKey), referrals };
    const fields = strings(extensions['fields']);
    const byField = code === 'CONFLICT' ? TAKEN : code === 'BAD_USER_INPUT' ? FIELDS : {};
    const sentences = [...new Set(fields.map((field) => byField[field]).filter((key) => key !== undefined))];
    if (sentences.length > 0) return { text: sentences.map((key) => t(key)).join(' '), referrals };
    const override = overrides[code];
    return { text: override ? t(override) : translator.errorMessage(code), referrals };
  };
}
