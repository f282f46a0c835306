import { registerEnumType } from 'type-graphql';

export enum Role {
  NETWORK_ADMIN = 'NETWORK_ADMIN',
  ORG_ADMIN = 'ORG_ADMIN',
  CASEWORKER = 'CASEWORKER',
  SHELTER_COORDINATOR = 'SHELTER_COORDINATOR',
  REPATRIATION_LIAISON = 'REPATRIATION_LIAISON',
  VIEWER = 'VIEWER',
}

export enum OrganisationKind {
  NGO = 'NGO',
  GOVERNMENT = 'GOVERNMENT',
  LAW_ENFORCEMENT = 'LAW_ENFORCEMENT',
  FOREIGN_PARTNER = 'FOREIGN_PARTNER',
}

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  OTHER = 'OTHER',
}

export enum Service {
  SHELTER = 'SHELTER',
  MEDICAL = 'MEDICAL',
  COUNSELLING = 'COUNSELLING',
  LEGAL_AID = 'LEGAL_AID',
  EDUCATION = 'EDUCATION',
  VOCATIONAL_TRAINING = 'VOCATIONAL_TRAINING',
  FAMILY_TRACING = 'FAMILY_TRACING',
  REPATRIATION_SUPPORT = 'REPATRIATION_SUPPORT',
}

export enum FacilityKind {
  AFTERCARE_HOME = 'AFTERCARE_HOME',
  CHILDREN_HOME = 'CHILDREN_HOME',
  SHELTER_HOME = 'SHELTER_HOME',
  TRANSIT_CENTRE = 'TRANSIT_CENTRE',
  DROP_IN_CENTRE = 'DROP_IN_CENTRE',
  RESCUE_HOME = 'RESCUE_HOME',
}

registerEnumType(Role, { name: 'Role' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(Sex, { name: 'Sex' });
registerEnumType(Service, { name: 'Service' });
registerEnumType(FacilityKind, { name: 'FacilityKind' });
