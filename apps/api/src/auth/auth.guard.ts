import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PERMISSION_KEY, PUBLIC_KEY } from './has-permission.decorator';
import { hasPermission, type Permission } from './permissions';
import { SESSION_ID, type RequestUser } from './request-user';
import { TokenService } from './token.service';

/**
 * The one guard: a valid bearer token of a live session of an active account (401 otherwise),
 * then the route's permission for the account's role (403 otherwise). The account and its
 * session are re-read on every request, so that a logout, a password change, a deactivation or
 * a changed role takes effect at once, on every API process.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const header: unknown = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    const subject = match ? this.tokens.verify(match[1]) : null;
    if (!subject) throw new UnauthorizedException('A valid bearer token is required');

    const rows: RequestUser[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.role, u.staff_id AS "staffId", u.department_id AS "departmentId"
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND u.active`,
      [subject.sessionId, subject.userId],
    );
    if (rows.length === 0) throw new UnauthorizedException('A valid bearer token is required');
    const user = rows[0];
    request.user = user;
    request[SESSION_ID] = subject.sessionId;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      PERMISSION_KEY,
      targets,
    );
    if (permission && !hasPermission(user.role, permission)) {
      throw new ForbiddenException(`The ${user.role} role may not do this`);
    }
    return true;
  }
}
