import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClientInfo } from './sessions';

export type SignInFailureReason =
  | 'wrong-credentials'
  | 'inactive-account'
  | 'throttled'
  /** a right password of an account that must sign in through the identity provider */
  | 'password-sign-in-off'
  /** the provider's person has no account here (and none may be created) */
  | 'sso-no-account'
  /** the provider's answer failed a check (state, nonce, signature, an expired sign-in) */
  | 'sso-invalid-response';

export interface SignInFailure {
  /** the email as typed (cut to 320 characters); never the password */
  email: string;
  userId: string | null;
  departmentId: string | null;
  reason: SignInFailureReason;
  client: ClientInfo;
}

/**
 * The security log of failed sign-ins (`sign_in_failure`): who was tried, from where, and why it
 * failed, for unknown emails too. The password is never written anywhere. Successful sign-ins are
 * in the audit trail (`login`).
 */
@Injectable()
export class SignInLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async failed(failure: SignInFailure): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sign_in_failure (email, user_id, department_id, reason, client_address, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        [...failure.email].slice(0, 320).join(''),
        failure.userId,
        failure.departmentId,
        failure.reason,
        failure.client.address,
        failure.client.userAgent,
      ],
    );
  }
}
