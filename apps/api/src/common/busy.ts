import { ServiceUnavailableException } from '@nestjs/common';

/** 503 with Retry-After: the server is at its limit of heavy work; the client tries again shortly. */
export class BusyException extends ServiceUnavailableException {
  constructor(readonly retryAfterSeconds: number) {
    super(['the server is busy computing other answers; try again in a few seconds']);
  }
}
