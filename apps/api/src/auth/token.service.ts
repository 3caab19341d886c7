import { Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ENV, type Env } from '../config/env';
import { Inject } from '@nestjs/common';

interface TokenClaims {
  sub: string;
}

/**
 * Signs and checks access tokens. The secret comes from JWT_SECRET or, when that is not
 * set, is generated once and kept in the database so restarts keep users signed in.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private secret = '';

  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.env.JWT_SECRET) {
      this.secret = this.env.JWT_SECRET;
      return;
    }
    const candidate = randomBytes(48).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO system_setting (key, value) VALUES ('jwt_secret', $1) ON CONFLICT (key) DO NOTHING`,
      [candidate],
    );
    const rows: { value: string }[] = await this.dataSource.query(
      `SELECT value FROM system_setting WHERE key = 'jwt_secret'`,
    );
    this.secret = rows[0].value;
  }

  sign(userId: string): string {
    return this.jwt.sign({ sub: userId } satisfies TokenClaims, {
      secret: this.secret,
      expiresIn: this.env.JWT_TTL_SECONDS,
      algorithm: 'HS256',
    });
  }

  /** The user id in a valid token, or null for anything else. */
  verify(token: string): string | null {
    try {
      const claims = this.jwt.verify<TokenClaims>(token, {
        secret: this.secret,
        algorithms: ['HS256'],
      });
      return typeof claims.sub === 'string' ? claims.sub : null;
    } catch {
      return null;
    }
  }
}
