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
import type { RequestUser } from './request-user';
import { TokenService } from './token.service';

/**
 * The one guard: a valid bearer token of an active account (401 otherwise), then the
 * route's permission for the account's role (403 otherwise). The account is re-read on
 * every request so that a deactivated user or a changed role takes effect at once.
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
    const userId = match ? this.tokens.verify(match[1]) : null;
    if (!userId) throw new UnauthorizedException('A valid bearer token is required');

    const rows: RequestUser[] = await this.dataSource.query(
      `SELECT id, email, role, staff_id AS "staffId", department_id AS "departmentId"
         FROM app_user WHERE id = $1 AND active`,
      [userId],
    );
    if (rows.length === 0) throw new UnauthorizedException('A valid bearer token is required');
    const user = rows[0];
    request.user = user;

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
