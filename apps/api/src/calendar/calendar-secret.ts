import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters of `A-Z a-z 0-9 - _`. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new feed secret. It is shown once and never stored: only its hash is. */
export function newFeedSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up: the SHA-256 of the secret. */
export function hashFeedSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Could this be a feed secret at all? Anything else is answered 404 without a query. */
export function looksLikeFeedSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

export function feedPath(secret: string): string {
  return `/api/v1/calendar/${secret}.ics`;
}
