import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { AuthGuard } from './auth.guard';
import { PERMISSION_KEY, PUBLIC_KEY } from './has-permission.decorator';
import { PERMISSIONS, ROLE_PERMISSIONS, hasPermission } from './permissions';
import type { RequestUser } from './request-user';
import type { TokenService } from './token.service';

const users: Record<string, RequestUser> = {
  'u-admin': { id: 'u-admin', email: 'a@x.org', role: 'admin', staffId: null, departmentId: 'd1' },
  'u-staff': { id: 'u-staff', email: 's@x.org', role: 'staff', staffId: 's1', departmentId: 'd1' },
};

function guardWith(metadata: Record<string, unknown>) {
  const reflector = { getAllAndOverride: (key: string) => metadata[key] } as unknown as Reflector;
  const tokens = {
    verify: (token: string) =>
      token.startsWith('valid-')
        ? { userId: token.slice(6), sessionId: `session-of-${token.slice(6)}` }
        : null,
  } as unknown as TokenService;
  // The guard re-reads the account and its session on every request; a revoked session, an
  // inactive or unknown account returns no row.
  const dataSource = {
    query: async (_sql: string, [sessionId, id]: string[]) =>
      users[id] && sessionId === `session-of-${id}` ? [users[id]] : [],
  } as unknown as DataSource;
  return new AuthGuard(reflector, tokens, dataSource);
}

function context(authorization?: string) {
  const request: { headers: Record<string, string>; user?: RequestUser } = {
    headers: authorization ? { authorization } : {},
  };
  const ctx = {
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { ctx, request };
}

describe('AuthGuard', () => {
  it('lets public routes through without a token', async () => {
    await expect(guardWith({ [PUBLIC_KEY]: true }).canActivate(context().ctx)).resolves.toBe(true);
  });

  it.each([undefined, 'Basic abc', 'Bearer ', 'Bearer invalid-token', 'Bearer valid-u-gone'])(
    'answers 401 for %s',
    async (header) => {
      await expect(guardWith({}).canActivate(context(header).ctx)).rejects.toBeInstanceOf(
        UnauthorizedException,
      );
    },
  );

  it('puts the account on the request', async () => {
    const { ctx, request } = context('Bearer valid-u-staff');
    await expect(guardWith({}).canActivate(ctx)).resolves.toBe(true);
    expect(request.user).toEqual(users['u-staff']);
  });

  it('answers 403 when the role lacks the route permission, and lets it through when it has it', async () => {
    const guard = guardWith({ [PERMISSION_KEY]: PERMISSIONS.catalogWrite });
    await expect(guard.canActivate(context('Bearer valid-u-staff').ctx)).rejects.toBeInstanceOf(
      ForbiddenException,
    );
    await expect(guard.canActivate(context('Bearer valid-u-admin').ctx)).resolves.toBe(true);
  });
});

describe('permissions', () => {
  it('gives staff only what their own records need', () => {
    expect([...ROLE_PERMISSIONS.staff].sort()).toEqual([
      'assessments:write',
      'catalog:read',
      'ce:write',
    ]);
  });

  it('gives admins everything managers have, and the catalog, users and department settings', () => {
    for (const permission of ROLE_PERMISSIONS.manager)
      expect(hasPermission('admin', permission)).toBe(true);
    for (const permission of [
      PERMISSIONS.catalogWrite,
      PERMISSIONS.usersManage,
      PERMISSIONS.departmentWrite,
    ]) {
      expect(hasPermission('admin', permission)).toBe(true);
      expect(hasPermission('manager', permission)).toBe(false);
    }
  });
});
