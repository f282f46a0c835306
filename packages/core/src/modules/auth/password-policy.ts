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
 * Refusals are BAD_USER_INPUT naming `path`, with a message that says which rule, never the password.
 */
export function assertPasswordAllowed(password: string, email: string, path: string): void {
  const refuse = (why: string): never => {
    throw new BadUserInputError(why, [path]);
  };
  if (password.length < MIN_PASSWORD_LENGTH) refuse(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > MAX_PASSWORD_LENGTH) refuse(`Use at most ${MAX_PASSWORD_LENGTH} characters.`);
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (lower.includes(address) || (localPart.length >= 3 && lower.includes(localPart))) {
    refuse('The password must not contain your email address or its name part.');
  }
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) {
    refuse(`Use at least ${MIN_DISTINCT_CHARACTERS} different characters.`);
  }
  if (TRIVIAL_PASSWORDS.has(lower))
    refuse('This password is too easy to guess: it is on the list of common passwords.');
}
