import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { countText } from '@him/domain';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Env } from '../config/env';
import { clientInfo } from './sessions';
import { SignInLog } from './sign-in-log';

/** The window over which failed sign-ins are counted, and how long a limit then holds. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** The keys this request counted against, so that a sign-in that succeeds can take its hits back. */
export const LOGIN_ATTEMPT_KEYS = Symbol('him:login-attempt-keys');

interface LoginRequest {
  body?: unknown;
  ip?: string;
  headers: Record<string, unknown>;
  [LOGIN_ATTEMPT_KEYS]?: string[];
}

/** The account a sign-in names: the email as typed, without case or spaces around it; '' for none. */
export function accountOf(body: unknown): string {
  const email = (body as { email?: unknown } | null | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : '';
}

/**
 * Two limits on `POST /auth/login`, each with @nestjs/throttler over PostgreSQL (so several API
 * processes share them): per account (the email signed in to, from any address) and per client
 * address (whatever accounts it tries). A sign-in that succeeds takes its hit back
 * (AuthController), so what is counted is failures: a director who signs in all day is never
 * throttled, a guesser is after LOGIN_MAX_FAILURES_PER_ACCOUNT tries at one account or
 * LOGIN_MAX_FAILURES_PER_ADDRESS from one address within 15 minutes, for 15 minutes.
 */
export function loginThrottlers(env: Env): ThrottlerOptions[] {
  return [
    {
      name: 'login-account',
      ttl: LOGIN_WINDOW_MS,
      blockDuration: LOGIN_WINDOW_MS,
      limit: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      getTracker: (req: Record<string, unknown>) => accountOf(req['body']),
      setHeaders: false,
    },
    {
      name: 'login-address',
      ttl: LOGIN_WINDOW_MS,
      blockDuration: LOGIN_WINDOW_MS,
      limit: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      setHeaders: false,
    },
  ];
}

/**
 * ThrottlerGuard for the sign-in route: remembers the keys it counted on the request, answers a
 * limit with 429, `Retry-After` in seconds and a sentence a person can act on. A body without an
 * email counts only against its address (validation then answers 400).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly signIns: SignInLog,
  ) {
    super(options, storage, reflector);
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { req } = this.getRequestResponse(props.context);
    const tracker = await props.getTracker(req, props.context);
    if (tracker === '') return true;
    const key = props.generateKey(props.context, tracker, props.throttler.name ?? 'default');
    const request = req as unknown as LoginRequest;
    (request[LOGIN_ATTEMPT_KEYS] ??= []).push(`${props.throttler.name}:${key}`);
    return super.handleRequest(props);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const { req: raw, res } = this.getRequestResponse(context);
    const req = raw as unknown as LoginRequest;
    await this.signIns.failed({
      email: accountOf(req.body),
      userId: null,
      departmentId: null,
      reason: 'throttled',
      client: clientInfo(req),
    });
    const seconds = Math.max(1, detail.timeToBlockExpire);
    res['header']('Retry-After', String(seconds));
    const minutes = Math.ceil(seconds / 60);
    throw new HttpException(
      {
        error: 'Too Many Requests',
        message: [
          `Too many failed sign-ins. Try again in ${countText(minutes, 'minute')}, or ask an admin to set a new password.`,
        ],
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
