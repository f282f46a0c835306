import { adminMessages } from './admin';
import { caseworkMessages } from './casework';
import { coreMessages } from './core';
import { referralMessages } from './referrals';

/** Every screen's dictionary; a test checks no two of them define the same key. */
export const MESSAGE_GROUPS = [coreMessages, referralMessages, caseworkMessages, adminMessages] as const;

export const en = { ...coreMessages.en, ...referralMessages.en, ...caseworkMessages.en, ...adminMessages.en };
export type MessageKey = keyof typeof en;
export const bn: Record<MessageKey, string> = {
  ...coreMessages.bn,
  ...referralMessages.bn,
  ...caseworkMessages.bn,
  ...adminMessages.bn,
};
