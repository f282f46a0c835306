import { registerEnumType } from 'type-graphql';

export enum RepatriationStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  HANDED_OVER = 'HANDED_OVER',
  FOLLOW_UP = 'FOLLOW_UP',
  CLOSED = 'CLOSED',
  ON_HOLD = 'ON_HOLD',
  CANCELLED = 'CANCELLED',
}

/** The steps of a voluntary, safe return, in order (India-Bangladesh and India-Nepal practice). */
export enum MilestoneKind {
  IDENTIFIED = 'IDENTIFIED',
  VOLUNTARINESS_ASSESSED = 'VOLUNTARINESS_ASSESSED',
  NATIONALITY_VERIFICATION_REQUESTED = 'NATIONALITY_VERIFICATION_REQUESTED',
  NATIONALITY_VERIFIED = 'NATIONALITY_VERIFIED',
  FAMILY_TRACED = 'FAMILY_TRACED',
  HOME_INVESTIGATION_REPORT = 'HOME_INVESTIGATION_REPORT',
  FAMILY_RISK_ASSESSED = 'FAMILY_RISK_ASSESSED',
  REPATRIATION_ORDER = 'REPATRIATION_ORDER',
  CLEARANCES = 'CLEARANCES',
  TRAVEL_PERMIT = 'TRAVEL_PERMIT',
  ESCORT_ARRANGED = 'ESCORT_ARRANGED',
  HANDED_OVER = 'HANDED_OVER',
  REUNIFIED = 'REUNIFIED',
  FOLLOW_UP = 'FOLLOW_UP',
}

export const MILESTONE_ORDER = Object.values(MilestoneKind);

/** The steps the counterpart organisation across the border carries out, and so may update. */
export const COUNTERPART_STEPS: ReadonlySet<MilestoneKind> = new Set([
  MilestoneKind.NATIONALITY_VERIFIED,
  MilestoneKind.FAMILY_TRACED,
  MilestoneKind.HOME_INVESTIGATION_REPORT,
  MilestoneKind.FAMILY_RISK_ASSESSED,
  MilestoneKind.REUNIFIED,
  MilestoneKind.FOLLOW_UP,
]);

export enum MilestoneStatus {
  PENDING = 'PENDING',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  BLOCKED = 'BLOCKED',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

export enum DocumentKind {
  CWC_ORDER = 'CWC_ORDER',
  COURT_ORDER = 'COURT_ORDER',
  HOME_INVESTIGATION_REPORT = 'HOME_INVESTIGATION_REPORT',
  INDIVIDUAL_CARE_PLAN = 'INDIVIDUAL_CARE_PLAN',
  NATIONALITY_VERIFICATION = 'NATIONALITY_VERIFICATION',
  NO_OBJECTION_CERTIFICATE = 'NO_OBJECTION_CERTIFICATE',
  TRAVEL_PERMIT = 'TRAVEL_PERMIT',
  MEDICAL_CERTIFICATE = 'MEDICAL_CERTIFICATE',
  AGE_ASSESSMENT = 'AGE_ASSESSMENT',
  HANDOVER_MEMO = 'HANDOVER_MEMO',
}

export enum DocumentStatus {
  REQUESTED = 'REQUESTED',
  RECEIVED = 'RECEIVED',
  VERIFIED = 'VERIFIED',
  EXPIRED = 'EXPIRED',
}

export const DOCUMENT_PROGRESSION = [
  DocumentStatus.REQUESTED,
  DocumentStatus.RECEIVED,
  DocumentStatus.VERIFIED,
  DocumentStatus.EXPIRED,
];

export enum RepatriationUpdateReason {
  STEP_COMPLETED = 'STEP_COMPLETED',
  DOCUMENT_EXPIRING = 'DOCUMENT_EXPIRING',
  STATUS_CHANGED = 'STATUS_CHANGED',
  /** The home organisation named the receiving organisation as the case's counterpart. */
  COUNTERPART_NAMED = 'COUNTERPART_NAMED',
}

/** What a case event records; `CaseEvent.kind` carries it as a plain string (the contract's type). */
export enum CaseEventKind {
  OPENED = 'OPENED',
  MILESTONE_UPDATED = 'MILESTONE_UPDATED',
  DOCUMENT_RECORDED = 'DOCUMENT_RECORDED',
  DOCUMENT_EXPIRING = 'DOCUMENT_EXPIRING',
  COUNTERPART_SET = 'COUNTERPART_SET',
  STATUS_CHANGED = 'STATUS_CHANGED',
  FOLLOW_UP_VISITED = 'FOLLOW_UP_VISITED',
}

registerEnumType(RepatriationStatus, { name: 'RepatriationStatus' });
registerEnumType(MilestoneKind, { name: 'MilestoneKind' });
registerEnumType(MilestoneStatus, { name: 'MilestoneStatus' });
registerEnumType(DocumentKind, { name: 'DocumentKind' });
registerEnumType(DocumentStatus, { name: 'DocumentStatus' });
registerEnumType(RepatriationUpdateReason, { name: 'RepatriationUpdateReason' });
