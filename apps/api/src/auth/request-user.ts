import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { UserRole } from '@him/contracts';

/** The caller, as established from the bearer token and re-read from the database. */
export interface RequestUser {
  id: string;
  email: string;
  role: UserRole;
  staffId: string | null;
  departmentId: string;
}

/** Where AuthGuard puts the session the request's token belongs to. */
export const SESSION_ID = Symbol('him:session-id');

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestUser => {
    return ctx.switchToHttp().getRequest().user;
  },
);

/** The id of the caller's session (its token's `sid`). */
export const CurrentSessionId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => {
    return ctx.switchToHttp().getRequest()[SESSION_ID];
  },
);
