import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV, type Env } from '../config/env';

interface TokenClaims {
  sub: string;
  sid: string;
  exp: number;
}

/** What a valid token says: whose it is and the session it belongs to. */
export interface TokenSubject {
  userId: string;
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Signs and checks access tokens (HS256). Every token names its user, its session and when it
 * expires; a token without `exp` or `sid` is refused whatever its signature. The signing secret
 * is never in the database, so a dump or a backup of it cannot forge a token: it is JWT_SECRET,
 * or else a secret generated once into `DATA_DIR/secrets/jwt-secret` (readable by the server's
 * user only). Several API processes on different machines must share JWT_SECRET.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private secret = '';

  constructor(
    private readonly jwt: JwtService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onModuleInit(): void {
    this.secret = this.env.JWT_SECRET ?? generatedSecret(join(this.env.DATA_DIR, 'secrets'));
  }

  sign(userId: string, sessionId: string, expiresAt: Date): string {
    const claims: TokenClaims = {
      sub: userId,
      sid: sessionId,
      exp: Math.floor(expiresAt.getTime() / 1000),
    };
    return this.jwt.sign(claims, { secret: this.secret, algorithm: 'HS256' });
  }

  /** The user and session of a valid, unexpired token; null for anything else. */
  verify(token: string): TokenSubject | null {
    try {
      const claims = this.jwt.verify<Partial<TokenClaims>>(token, {
        secret: this.secret,
        algorithms: ['HS256'],
      });
      // jsonwebtoken accepts a token without `exp` as one that never expires: not here.
      if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return null;
      if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) return null;
      if (typeof claims.sid !== 'string' || !UUID.test(claims.sid)) return null;
      return { userId: claims.sub, sessionId: claims.sid };
    } catch {
      return null;
    }
  }
}

/**
 * The secret kept in `dir/jwt-secret`, created on first start (mode 0600). It is written whole to
 * a file of its own and then linked into place, which fails if the secret exists: two processes
 * starting together agree on one, and nobody ever reads a half-written file.
 */
function generatedSecret(dir: string): string {
  const file = join(dir, 'jwt-secret');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) {
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new Error(`${file} holds no usable secret; delete it to have a new one generated`);
  }
  return secret;
}
