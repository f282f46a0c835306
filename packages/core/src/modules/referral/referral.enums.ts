import { registerEnumType } from 'type-graphql';

export enum Urgency {
  ROUTINE = 'ROUTINE',
  URGENT = 'URGENT',
  EMERGENCY = 'EMERGENCY',
}

export enum ReferralStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

export enum ReferralBox {
  INBOX = 'INBOX',
  OUTBOX = 'OUTBOX',
}

registerEnumType(Urgency, { name: 'Urgency' });
registerEnumType(ReferralStatus, { name: 'ReferralStatus' });
registerEnumType(ReferralBox, { name: 'ReferralBox' });
