import type { ReferralStatus, Role, Urgency } from '../gql/graphql';

/** The tabs of a referral list, in the order a referral moves through them. */
export const STATUS_TABS: readonly ReferralStatus[] = [
  'SUBMITTED',
  'ACCEPTED',
  'COMPLETED',
  'DECLINED',
  'WITHDRAWN',
  'CANCELLED',
  'EXPIRED',
];
export const URGENCIES: readonly Urgency[] = ['ROUTINE', 'URGENT', 'EMERGENCY'];

export type ReferralAction = 'accept' | 'decline' | 'withdraw' | 'complete' | 'cancel';

type Side = 'sender' | 'receiver' | 'either';

/**
 * The API's referral state machine and role rules (packages/core/src/modules/referral): which side may take
 * each step, from which state, in which roles. The API decides; this only hides buttons that would be refused.
 */
const ACTION_RULES: Record<ReferralAction, { from: ReferralStatus; side: Side; roles: readonly Role[] }> = {
  accept: { from: 'SUBMITTED', side: 'receiver', roles: ['CASEWORKER', 'SHELTER_COORDINATOR', 'ORG_ADMIN'] },
  decline: { from: 'SUBMITTED', side: 'receiver', roles: ['CASEWORKER', 'SHELTER_COORDINATOR', 'ORG_ADMIN'] },
  withdraw: { from: 'SUBMITTED', side: 'sender', roles: ['CASEWORKER'] },
  complete: { from: 'ACCEPTED', side: 'receiver', roles: ['CASEWORKER', 'SHELTER_COORDINATOR', 'ORG_ADMIN'] },
  cancel: { from: 'ACCEPTED', side: 'either', roles: ['CASEWORKER', 'ORG_ADMIN'] },
};

export interface Viewer {
  organisationId: string;
  roles: readonly Role[];
}

export interface ReferralParties {
  status: ReferralStatus;
  fromOrganisation: { id: string };
  toOrganisation: { id: string };
}

export function availableActions(referral: ReferralParties, viewer: Viewer): ReferralAction[] {
  const sender = referral.fromOrganisation.id === viewer.organisationId;
  const receiver = referral.toOrganisation.id === viewer.organisationId;
  const onSide = { sender, receiver, either: sender || receiver };
  return (Object.keys(ACTION_RULES) as ReferralAction[]).filter((action) => {
    const rule = ACTION_RULES[action];
    return rule.from === referral.status && onSide[rule.side] && rule.roles.some((role) => viewer.roles.includes(role));
  });
}

/** Who may start a referral: the sending organisation's caseworkers. */
export const REFERRER_ROLES: readonly Role[] = ['CASEWORKER'];
