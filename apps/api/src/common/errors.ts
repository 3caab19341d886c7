import { ConflictException, NotFoundException } from '@nestjs/common';

export function notFound(what: string): NotFoundException {
  return new NotFoundException(`${what} not found`);
}

/** Optimistic concurrency: the client's `version` must be the stored one. */
export function assertVersion(entity: string, stored: number, sent: number): void {
  if (stored !== sent) {
    throw new ConflictException(
      `version: ${entity} was changed by someone else (you sent version ${sent}, it is now ${stored}); reload and try again`,
    );
  }
}
