import { caseworkMessages } from './casework';
import { coreMessages } from './core';

/** Every screen's dictionary; a test checks no two of them define the same key. */
export const MESSAGE_GROUPS = [coreMessages, caseworkMessages] as const;

export const en = { ...coreMessages.en, ...caseworkMessages.en };
export type MessageKey = keyof typeof en;
export const bn: Record<MessageKey, string> = { ...coreMessages.bn, ...caseworkMessages.bn };
