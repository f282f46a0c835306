import type {
  BedChangeReason,
  DocumentKind,
  DocumentStatus,
  MilestoneStatus,
  RepatriationStatus,
  Role,
} from '../gql/graphql';
import type { Translator } from '../i18n';

/** Every enum value the repatriation screens offer, in the order shown. */
export const CASE_STATUSES: readonly RepatriationStatus[] = [
  'OPEN',
  'IN_PROGRESS',
  'HANDED_OVER',
  'FOLLOW_UP',
  'ON_HOLD',
  'CLOSED',
  'CANCELLED',
];
export const MILESTONE_STATUSES: readonly MilestoneStatus[] = [
  'PENDING',
  'IN_PROGRESS',
  'BLOCKED',
  'DONE',
  'NOT_APPLICABLE',
];
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'CWC_ORDER',
  'COURT_ORDER',
  'HOME_INVESTIGATION_REPORT',
  'INDIVIDUAL_CARE_PLAN',
  'NATIONALITY_VERIFICATION',
  'NO_OBJECTION_CERTIFICATE',
  'TRAVEL_PERMIT',
  'MEDICAL_CERTIFICATE',
  'AGE_ASSESSMENT',
  'HANDOVER_MEMO',
];
/** EXPIRED is not chosen: a document becomes expired by its date. */
export const RECORDABLE_DOCUMENT_STATUSES: readonly DocumentStatus[] = ['REQUESTED', 'RECEIVED', 'VERIFIED'];

/** Statuses from which nothing moves on until the case is resumed (ON_HOLD) or never (the others). */
export const HALTED: ReadonlySet<RepatriationStatus> = new Set(['ON_HOLD', 'CANCELLED', 'CLOSED']);
export const SETTLED: ReadonlySet<MilestoneStatus> = new Set(['DONE', 'NOT_APPLICABLE']);

/** Who may act on repatriation cases at all (the API decides the rest, side by side). */
export const CASE_ROLES: readonly Role[] = ['REPATRIATION_LIAISON', 'ORG_ADMIN'];
export const AUDIT_ROLES: readonly Role[] = ['ORG_ADMIN', 'NETWORK_ADMIN'];

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

export const caseStatusName = (translator: Translator, status: RepatriationStatus): string =>
  translator.t(`repatriationStatus_${status}`);
export const milestoneStatusName = (translator: Translator, status: MilestoneStatus): string =>
  translator.t(`repatriationStepStatus_${status}`);
export const documentKindName = (translator: Translator, kind: DocumentKind): string =>
  translator.t(`repatriationDocument_${kind}`);
export const documentStatusName = (translator: Translator, status: DocumentStatus): string =>
  translator.t(`repatriationDocumentStatus_${status}`);
export const bedChangeName = (translator: Translator, reason: BedChangeReason): string =>
  translator.t(`occupancyReason_${reason}`);

const MILESTONE_KINDS = [
  'IDENTIFIED',
  'VOLUNTARINESS_ASSESSED',
  'NATIONALITY_VERIFICATION_REQUESTED',
  'NATIONALITY_VERIFIED',
  'FAMILY_TRACED',
  'HOME_INVESTIGATION_REPORT',
  'FAMILY_RISK_ASSESSED',
  'REPATRIATION_ORDER',
  'CLEARANCES',
  'TRAVEL_PERMIT',
  'ESCORT_ARRANGED',
  'HANDED_OVER',
  'REUNIFIED',
  'FOLLOW_UP',
] as const;
type MilestoneKindName = (typeof MILESTONE_KINDS)[number];

/** A step's name in words; a kind the dashboard does not know yet is shown as the API spells it. */
export function stepName(translator: Translator, kind: string): string {
  return isOneOf<MilestoneKindName>(MILESTONE_KINDS, kind) ? translator.t(`repatriationStep_${kind}`) : kind;
}

export const documentName = (translator: Translator, kind: string): string =>
  isOneOf(DOCUMENT_KINDS, kind) ? documentKindName(translator, kind) : kind;

/** A calendar day (the API's Date, "2026-03-01") in the viewer's language, without a time zone shift. */
export function formatDay(translator: Translator, day: string): string {
  return new Intl.DateTimeFormat(translator.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
