import { registerEnumType } from 'type-graphql';

export enum ConsentGivenBy {
  SUBJECT = 'SUBJECT',
  GUARDIAN = 'GUARDIAN',
  CHILD_WELFARE_COMMITTEE = 'CHILD_WELFARE_COMMITTEE',
  COURT = 'COURT',
}

export enum ConsentPurpose {
  REFERRAL = 'REFERRAL',
  REPATRIATION = 'REPATRIATION',
  DATA_MANAGEMENT = 'DATA_MANAGEMENT',
  DEIDENTIFIED_RESEARCH = 'DEIDENTIFIED_RESEARCH',
}

/** Only these purposes open a subject's identity to the organisation holding the consent. */
export const IDENTITY_SHARING_PURPOSES = [ConsentPurpose.REFERRAL, ConsentPurpose.REPATRIATION];

registerEnumType(ConsentGivenBy, { name: 'ConsentGivenBy' });
registerEnumType(ConsentPurpose, { name: 'ConsentPurpose' });
