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

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestUser => {
    return ctx.switchToHttp().getRequest().user;
  },
);
