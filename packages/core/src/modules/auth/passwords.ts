import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id, the library's default, with its default cost (19 MiB, 2 passes, 1 lane: OWASP's recommended minimum). Chosen
 * over the `argon2` package, whose prebuilt Linux binary crashes on load on our machines.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

let decoy: Promise<string> | undefined;

/** Spends the time of a real verification, so an unknown account answers as slowly as a wrong password. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('sahayog-decoy-password-for-unknown-accounts');
  await verifyPassword(await decoy, password);
  return false;
}
