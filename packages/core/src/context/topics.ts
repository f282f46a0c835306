/** Events published after a transaction commits; payloads carry ids only, subscribers re-read what they may see. */
export interface BedUnitChanged {
  unitId: string;
  district: string;
}

export interface ReferralChanged {
  referralId: string;
  /** The sending and the receiving organisation: the only ones told. */
  organisationIds: [string, string];
}

export type Topics = {
  BED_UNIT_CHANGED: [BedUnitChanged];
  REFERRAL_UPDATED: [ReferralChanged];
};

export const Topic = {
  BED_UNIT_CHANGED: 'BED_UNIT_CHANGED',
  REFERRAL_UPDATED: 'REFERRAL_UPDATED',
} as const;
