/** Events published after a transaction commits; payloads carry ids only, subscribers re-read what they may see. */
export interface BedUnitChanged {
  unitId: string;
  district: string;
}

/** A facility was created or edited (deactivation included): the bed board and facility list change. */
export interface FacilityChanged {
  facilityId: string;
  organisationId: string;
}

/** An organisation was deactivated or reactivated: its facilities leave or rejoin the bed board. */
export interface OrganisationChanged {
  organisationId: string;
}

export interface ReferralChanged {
  referralId: string;
  /** The sending and the receiving organisation: the only ones told. */
  organisationIds: [string, string];
}

export interface RepatriationChanged {
  caseId: string;
  /** The home and (once named) the counterpart organisation. */
  organisationIds: string[];
  /** Who moved the case on; the other side is the one told. Null for the platform's own notices. */
  actorOrganisationId: string | null;
  reason: string;
  milestone: string | null;
  document: string | null;
}

export type Topics = {
  BED_UNIT_CHANGED: [BedUnitChanged];
  FACILITY_CHANGED: [FacilityChanged];
  ORGANISATION_CHANGED: [OrganisationChanged];
  REFERRAL_UPDATED: [ReferralChanged];
  REPATRIATION_UPDATED: [RepatriationChanged];
};

export const Topic = {
  BED_UNIT_CHANGED: 'BED_UNIT_CHANGED',
  FACILITY_CHANGED: 'FACILITY_CHANGED',
  ORGANISATION_CHANGED: 'ORGANISATION_CHANGED',
  REFERRAL_UPDATED: 'REFERRAL_UPDATED',
  REPATRIATION_UPDATED: 'REPATRIATION_UPDATED',
} as const;
