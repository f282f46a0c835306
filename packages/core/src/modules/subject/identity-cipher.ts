import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A data-encryption key: 32 random bytes and the id stored beside every value it sealed. */
export interface DataKey {
  id: string;
  key: Buffer;
}

/** The identity of a subject: only ever stored sealed, only ever shown to those who may see it. */
export interface IdentityFields {
  fullName: string;
  dateOfBirth: string | null;
  guardianContact: string | null;
  homeAddress: string | null;
}

export interface SealedIdentity {
  ciphertext: string;
  keyId: string;
}

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/** `id:base64key[,id:base64key...]`, the first being the key new values are sealed with. */
export function parseDataKeys(spec: string): DataKey[] {
  const keys = spec
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const separator = part.indexOf(':');
      const id = part.slice(0, separator);
      const key = Buffer.from(part.slice(separator + 1), 'base64');
      if (separator < 1 || !/^[A-Za-z0-9_-]{1,40}$/.test(id) || key.length !== 32) {
        throw new Error('each data key must be written as <id>:<32 bytes in base64>');
      }
      return { id, key };
    });
  if (keys.length === 0) throw new Error('no data key given');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('data key ids must be unique');
  return keys;
}

export function formatDataKeys(keys: DataKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join('\n');
}

export function generateDataKey(id = `k${Date.now().toString(36)}`): DataKey {
  return { id, key: randomBytes(32) };
}

/**
 * AES-256-GCM in the application, so a database dump alone reveals no names. The subject's id is bound in
 * as additional data: a sealed identity copied onto another subject's row does not open.
 */
export class IdentityCipher {
  private readonly keys: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: DataKey[]) {
    if (keys.length === 0) throw new Error('an identity cipher needs at least one key');
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
    this.currentKeyId = (keys[0] as DataKey).id;
  }

  seal(subjectId: string, identity: IdentityFields): SealedIdentity {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(this.currentKeyId) as Buffer, iv);
    cipher.setAAD(Buffer.from(subjectId));
    const body = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
    const parts = [VERSION, iv, cipher.getAuthTag(), body].map((p) =>
      typeof p === 'string' ? p : p.toString('base64url'),
    );
    return { ciphertext: parts.join('.'), keyId: this.currentKeyId };
  }

  open(subjectId: string, sealed: SealedIdentity): IdentityFields {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new Error(`identity sealed with unknown key ${sealed.keyId}`);
    const [version, iv, tag, body] = sealed.ciphertext.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('malformed sealed identity');
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(subjectId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as IdentityFields;
  }

  /** Re-seals under the current key; the caller writes it back. */
  reseal(subjectId: string, sealed: SealedIdentity): SealedIdentity {
    return this.seal(subjectId, this.open(subjectId, sealed));
  }
}
