import { BadUserInputError } from '../../common/errors';
import { TRIVIAL_PASSWORDS } from './trivial-passwords';

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length; the cap only keeps a request from spending the server's memory. */
export const MAX_PASSWORD_LENGTH = 256;
const MIN_DISTINCT_CHARACTERS = 5;

/**
 * The password policy (README § Password policy), after NIST SP 800-63B: length over composition rules,
 * and a refusal of what attackers try first.
 * 1. 12 to 256 characters;
 * 2. not containing the account's email address or its local part (when 3 characters or more);
 * 3. at least 5 different characters (refuses `aaaaaaaaaaaa`, `121212121212`);
 * 4. not in the shipped list of trivial passwords (`trivial-passwords.ts`), compared case-insensitively.
 * Refusals are BAD_USER_INPUT naming `path`, with a message and a `reason` (PasswordRefusal) that say
 * which rule, never the password.
 */
export const PasswordRefusal = {
  TOO_SHORT: 'PASSWORD_TOO_SHORT',
  TOO_LONG: 'PASSWORD_TOO_LONG',
  CONTAINS_EMAIL: 'PASSWORD_CONTAINS_EMAIL',
  TOO_FEW_DIFFERENT_CHARACTERS: 'PASSWORD_TOO_FEW_DIFFERENT_CHARACTERS',
  TOO_COMMON: 'PASSWORD_TOO_COMMON',
  /** changePassword only. */
  UNCHANGED: 'PASSWORD_UNCHANGED',
  WRONG_CURRENT: 'WRONG_CURRENT_PASSWORD',
} as const;
export type PasswordRefusal = (typeof PasswordRefusal)[keyof typeof PasswordRefusal];

export function assertPasswordAllowed(password: string, email: string, path: string): void {
  const refuse = (reason: PasswordRefusal, why: string): never => {
    throw new BadUserInputError(why, [path], { reason });
  };
  if (password.length < MIN_PASSWORD_LENGTH) {
    refuse(PasswordRefusal.TOO_SHORT, `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    refuse(PasswordRefusal.TOO_LONG, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (lower.includes(address) || (localPart.length >= 3 && lower.includes(localPart))) {
    refuse(PasswordRefusal.CONTAINS_EMAIL, 'The password must not contain your email address or its name part.');
  }
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) {
    refuse(
      PasswordRefusal.TOO_FEW_DIFFERENT_CHARACTERS,
      `Use at least ${MIN_DISTINCT_CHARACTERS} different characters.`,
    );
  }
  if (TRIVIAL_PASSWORDS.has(lower)) {
    refuse(PasswordRefusal.TOO_COMMON, 'This password is too easy to guess: it is on the list of common passwords.');
  }
}
