import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { Response } from 'express';
import { BusyException } from './busy';
import { JsonBodyError } from './json-body';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

const CONSTRAINT_MESSAGES: Record<string, string> = {
  skill_department_name_uq: 'name: a skill with this name already exists',
  credential_type_department_code_uq: 'code: a credential type with this code already exists',
  ce_rule_department_body_uq: 'issuingBody: a CE rule for this issuing body already exists',
  job_role_department_name_uq: 'name: a role with this name already exists',
  team_department_name_uq: 'name: a team with this name already exists',
  staff_department_email_uq: 'email: a staff member with this email already exists',
  staff_department_employee_id_uq:
    'employeeId: a staff member with this employee id already exists',
  app_user_email_uq: 'email: an account with this email already exists',
  app_user_staff_uq: 'staffId: this staff member already has an account',
  app_user_staff_needs_staff: 'staffId: required for an account with the staff role',
  credential_type_number_uq: 'number: a credential of this type with this number already exists',
  credential_dates: 'expiresOn: must be on or after issuedOn',
};

function send(response: Response, statusCode: number, error: string, message: string[]): void {
  response.status(statusCode).json({ statusCode, error, message });
}

/**
 * Every error leaves with one shape, `{statusCode, error, message: string[]}` (API.md).
 * What the database refuses becomes a client error, never a 500: a unique or foreign key
 * violation is a 409 conflict, a check or data error a 400 naming the field.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    // a computation stopped because its client went away: nobody is left to answer
    if (
      (exception as Error | undefined)?.name === 'AbortError' &&
      response.socket?.destroyed !== false
    ) {
      return;
    }
    if (exception instanceof BusyException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (exception instanceof HttpException) return this.sendHttpException(response, exception);
    if (exception instanceof QueryFailedError) return this.sendDatabaseError(response, exception);
    if (exception instanceof JsonBodyError) {
      return send(response, 400, 'Bad Request', exception.lines);
    }
    // body-parser's errors (malformed JSON, body too large) carry their own 4xx status.
    const status = (exception as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        status === 413 ? 'the request body is too large' : 'the request body is not valid JSON';
      return send(response, status, status === 413 ? 'Payload Too Large' : 'Bad Request', [
        message,
      ]);
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    send(response, 500, 'Internal Server Error', ['unexpected error']);
  }

  private sendHttpException(response: Response, exception: HttpException): void {
    const status = exception.getStatus();
    const body = exception.getResponse();
    let error = exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
    let message: string[];
    if (typeof body === 'string') {
      message = [body];
    } else {
      const b = body as { message?: unknown; error?: unknown };
      message = Array.isArray(b.message)
        ? b.message.map(String)
        : [String(b.message ?? exception.message)];
      if (typeof b.error === 'string') error = b.error;
    }
    send(response, status, error, message);
  }

  private sendDatabaseError(response: Response, exception: QueryFailedError): void {
    const error = exception.driverError as PgError;
    const code = error.code ?? '';
    const known = error.constraint ? CONSTRAINT_MESSAGES[error.constraint] : undefined;
    if (code === '23505' || code === '23503' || code === '40001' || code === '40P01') {
      const message =
        known ??
        (code === '23503'
          ? 'the record is in use by other records or refers to one that does not exist'
          : code === '23505'
            ? 'a record with these values already exists'
            : 'a concurrent change conflicted; try again');
      return send(response, HttpStatus.CONFLICT, 'Conflict', [message]);
    }
    if (code === '23514' || code === '23502' || code.startsWith('22')) {
      return send(response, HttpStatus.BAD_REQUEST, 'Bad Request', [
        known ?? `invalid value${error.constraint ? ` (${error.constraint})` : ''}`,
      ]);
    }
    this.logger.error(exception.message, exception.stack);
    send(response, 500, 'Internal Server Error', ['unexpected database error']);
  }
}
