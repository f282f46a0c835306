import argon2 from 'argon2';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}

let decoy: Promise<string> | undefined;

/** Spends the time of a real verification, so an unknown account answers as slowly as a wrong password. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('sahayog-decoy-password-for-unknown-accounts');
  await verifyPassword(await decoy, password);
  return false;
}
