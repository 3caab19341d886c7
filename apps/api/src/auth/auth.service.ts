import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser, LoginResponse } from '@him/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { TokenService } from './token.service';

const WRONG_CREDENTIALS = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok || !user.active) throw new UnauthorizedException(WRONG_CREDENTIALS);

    const authUser: AuthUser = {
      id: user.id,
      email: user.email,
      role: user.role,
      staffId: user.staffId,
      departmentId: user.departmentId,
    };
    await this.dataSource.transaction(async (em) => {
      await em.update(UserEntity, { id: user.id }, { lastLoginAt: new Date() });
      await this.audit.record(em, authUser, user.departmentId, {
        action: 'login',
        entity: 'user',
        entityId: user.id,
      });
    });
    return { accessToken: this.tokens.sign(user.id), user: authUser };
  }
}
