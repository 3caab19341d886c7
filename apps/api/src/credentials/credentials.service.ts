import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AfterLapseState, Credential, Page, TeamManagerContact } from '@him/contracts';
import { credentialAddersInWords } from '@him/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { departmentToday } from '../common/department-today';
import { assertVersion, notFound } from '../common/errors';
import { problemMessages } from '../common/field-problems';
import { findInDepartment } from '../common/find-in-department';
import type { PageQuery } from '../common/pagination';
import { DepartmentEntity } from '../departments/department.entity';
import { ownersWithEvidence } from '../evidence/evidence-flags';
import { afterLapseStatesToday } from './credential-after-lapse';
import { credentialDatesProblems } from './credential-dates';
import { CredentialEntity } from './credential.entity';
import type {
  CreateCredentialDto,
  CredentialListQuery,
  RevokeCredentialQuery,
  SelfReportedCredentialDto,
  UpdateCredentialDto,
  VerificationDto,
} from './credential.dto';

export function toCredential(
  e: CredentialEntity,
  hasEvidence = false,
  afterLapse: AfterLapseState | null = null,
): Credential {
  return {
    id: e.id,
    staffId: e.staffId,
    credentialTypeId: e.credentialTypeId,
    number: e.number,
    issuedOn: e.issuedOn,
    expiresOn: e.expiresOn,
    verification:
      e.verificationMethod && e.verifiedOn
        ? {
            method: e.verificationMethod,
            verifiedOn: e.verifiedOn,
            verifiedByUserId: e.verifiedByUserId,
            note: e.verificationNote,
            reference: e.verificationReference,
          }
        : null,
    revokedOn: e.revokedOn,
    revokedReason: e.revokedReason,
    hasEvidence,
    afterLapse,
    version: e.version,
  };
}

@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  async list(user: RequestUser, staffId: string, page: PageQuery): Promise<Page<Credential>> {
    await this.access.visibleStaff(user, staffId);
    const [rows, total] = await this.dataSource.getRepository(CredentialEntity).findAndCount({
      where: { departmentId: user.departmentId, staffId },
      order: { issuedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: await this.served(this.dataSource.manager, user, rows), total };
  }

  /**
   * Credentials of many members at once (a team's matrix, an integration's sync), in one
   * query; staff get only their own.
   */
  async listAll(user: RequestUser, query: CredentialListQuery): Promise<Page<Credential>> {
    const qb = this.dataSource
      .getRepository(CredentialEntity)
      .createQueryBuilder('c')
      .where('c.department_id = :departmentId', { departmentId: user.departmentId });
    if (query.teamId) {
      qb.andWhere('c.staff_id IN (SELECT s.id FROM staff s WHERE s.team_id = :teamId)', {
        teamId: query.teamId,
      });
    }
    const visible = this.access.visibleStaffIds(user);
    if (visible !== 'all') qb.andWhere('c.staff_id = ANY(:visible)', { visible });
    const [rows, total] = await qb
      .orderBy('c.staff_id')
      .addOrderBy('c.issued_on', 'DESC')
      .addOrderBy('c.id')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: await this.served(this.dataSource.manager, user, rows), total };
  }

  async get(user: RequestUser, id: string): Promise<Credential> {
    const em = this.dataSource.manager;
    const entity = await this.find(em, user, id);
    return (await this.served(em, user, [entity]))[0];
  }

  /** A credential just written, with its after-lapse state (the audit trail keeps none). */
  private async withAfterLapse(
    em: EntityManager,
    user: RequestUser,
    credential: Credential,
  ): Promise<Credential> {
    const states = await afterLapseStatesToday(em, user.departmentId, [credential.staffId]);
    return { ...credential, afterLapse: states.get(credential.id) ?? null };
  }

  /** Credentials as served: with their evidence flag and their after-lapse state today (R18). */
  private async served(
    em: EntityManager,
    user: RequestUser,
    rows: CredentialEntity[],
  ): Promise<Credential[]> {
    const [withEvidence, states] = await Promise.all([
      ownersWithEvidence(
        em,
        'credential',
        rows.map((r) => r.id),
      ),
      afterLapseStatesToday(
        em,
        user.departmentId,
        rows.map((r) => r.staffId),
      ),
    ]);
    return rows.map((r) => toCredential(r, withEvidence.has(r.id), states.get(r.id) ?? null));
  }

  create(user: RequestUser, staffId: string, dto: CreateCredentialDto): Promise<Credential> {
    return this.dataSource.transaction(async (em) => {
      const member = await this.access.visibleStaff(user, staffId, em);
      this.assertMayVerify(user, member.id, dto.verification);
      return this.insert(em, user, member.id, dto);
    });
  }

  /**
   * A member adds a credential they newly earned, for their own record only: it is stored
   * unverified (a manager verifies it at its source) and audited as added by the member. Where
   * the department's policy is that managers add credentials, 403 names whom to ask.
   */
  selfReport(
    user: RequestUser,
    staffId: string,
    dto: SelfReportedCredentialDto,
  ): Promise<Credential> {
    return this.dataSource.transaction(async (em) => {
      const member = await this.access.visibleStaff(user, staffId, em);
      if (user.staffId !== member.id) {
        throw new ForbiddenException(
          "only the member adds their own newly earned credential here; a manager adds a member's credential with POST /staff/{staffId}/credentials",
        );
      }
      const department = await em.findOneOrFail(DepartmentEntity, {
        where: { id: user.departmentId },
      });
      if (!this.access.canReportOwnCredential(user, member.id, department.staffMayAddCredentials)) {
        const managers = await teamManagerContacts(em, user.departmentId, member.id);
        throw new ForbiddenException(
          `your department's managers add credentials: ask ${credentialAddersInWords(managers.map((m) => m.name))} to add it`,
        );
      }
      return this.insert(
        em,
        user,
        member.id,
        { ...dto, verification: null },
        'added by the member; awaiting verification',
      );
    });
  }

  /** The managers of the member's team (staff: only their own), whom they ask. */
  async teamManagers(user: RequestUser, staffId: string): Promise<TeamManagerContact[]> {
    const member = await this.access.visibleStaff(user, staffId);
    return teamManagerContacts(this.dataSource.manager, user.departmentId, member.id);
  }

  private async insert(
    em: EntityManager,
    user: RequestUser,
    staffId: string,
    dto: CreateCredentialDto,
    note?: string,
  ): Promise<Credential> {
    const problems: string[] = [];
    const type = await em.query(
      `SELECT 1 FROM credential_type WHERE id = $1 AND department_id = $2 FOR SHARE`,
      [dto.credentialTypeId, user.departmentId],
    );
    if (type.length === 0)
      problems.push('credentialTypeId must be a credential type of your department');
    const today = await departmentToday(em, user.departmentId);
    problems.push(
      ...problemMessages(
        credentialDatesProblems(
          {
            issuedOn: dto.issuedOn,
            expiresOn: dto.expiresOn,
            verifiedOn: dto.verification?.verifiedOn,
          },
          today,
        ),
      ),
    );
    if (problems.length > 0) throw new BadRequestException(problems);

    const entity = em.create(CredentialEntity, {
      departmentId: user.departmentId,
      staffId,
      credentialTypeId: dto.credentialTypeId,
      number: dto.number?.trim() || null,
      issuedOn: dto.issuedOn,
      expiresOn: dto.expiresOn ?? null,
      revokedOn: null,
      revokedReason: null,
      version: 1,
    });
    setVerification(entity, dto.verification ?? null, user);
    const credential = toCredential(await em.save(entity));
    await this.audit.created(em, user, 'credential', credential, note || undefined);
    return this.withAfterLapse(em, user, credential);
  }

  update(user: RequestUser, id: string, dto: UpdateCredentialDto): Promise<Credential> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      this.assertMayVerify(user, entity.staffId, dto.verification);
      assertVersion('credential', entity.version, dto.version);
      const hasEvidence = (await ownersWithEvidence(em, 'credential', [id])).has(id);
      const before = toCredential(entity, hasEvidence);
      const issuedOn = dto.issuedOn ?? entity.issuedOn;
      const expiresOn = dto.expiresOn === undefined ? entity.expiresOn : dto.expiresOn;
      const today = await departmentToday(em, user.departmentId);
      // Only a verification sent now is checked against today; a kept one was checked when recorded.
      const problems = problemMessages(
        credentialDatesProblems(
          { issuedOn, expiresOn, verifiedOn: dto.verification?.verifiedOn },
          today,
        ),
      );
      if (problems.length > 0) throw new BadRequestException(problems);

      if (dto.number !== undefined) entity.number = dto.number?.trim() || null;
      entity.issuedOn = issuedOn;
      entity.expiresOn = expiresOn;
      if (dto.verification !== undefined) setVerification(entity, dto.verification, user);
      entity.version += 1;
      const after = toCredential(await em.save(entity), hasEvidence);
      await this.audit.updated(em, user, 'credential', id, { before, after, note: dto.note });
      return this.withAfterLapse(em, user, after);
    });
  }

  /** DELETE revokes: the row and its history stay (R4 reads revokedOn). */
  revoke(user: RequestUser, id: string, query: RevokeCredentialQuery): Promise<Credential> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      if (entity.revokedOn !== null) {
        throw new ConflictException(`the credential was already revoked on ${entity.revokedOn}`);
      }
      const today = await departmentToday(em, user.departmentId);
      const revokedOn = query.revokedOn ?? today;
      if (revokedOn > today)
        throw new BadRequestException([`revokedOn must not be in the future (today is ${today})`]);
      if (revokedOn < entity.issuedOn)
        throw new BadRequestException([
          `revokedOn must be on or after issuedOn (${entity.issuedOn})`,
        ]);
      const hasEvidence = (await ownersWithEvidence(em, 'credential', [id])).has(id);
      const before = toCredential(entity, hasEvidence);
      entity.revokedOn = revokedOn;
      entity.revokedReason = query.reason?.trim() || null;
      entity.version += 1;
      const after = toCredential(await em.save(entity), hasEvidence);
      await this.audit.record(em, user, user.departmentId, {
        action: 'revoke',
        entity: 'credential',
        entityId: id,
        before,
        after,
        note: entity.revokedReason,
      });
      return this.withAfterLapse(em, user, after);
    });
  }

  /** A verification sent now is recorded by the caller: AccessPolicy says whether they may. */
  private assertMayVerify(
    user: RequestUser,
    staffId: string,
    verification: VerificationDto | null | undefined,
  ): void {
    if (verification && !this.access.canVerifyCredential(user, staffId)) {
      throw new ForbiddenException([
        "verification: you may not record the verification of this member's credential",
      ]);
    }
  }

  /** A credential of the caller's department whose holder the caller may see; 404 otherwise. */
  private async find(
    em: EntityManager,
    user: RequestUser,
    id: string,
    lock = false,
  ): Promise<CredentialEntity> {
    const entity = await findInDepartment(
      em,
      CredentialEntity,
      user.departmentId,
      id,
      'credential',
      lock,
    );
    if (!this.access.canSeeStaff(user, entity.staffId)) throw notFound('credential');
    return entity;
  }
}

/** Who verified is the caller, never a value from the body. */
function setVerification(
  entity: CredentialEntity,
  verification: VerificationDto | null,
  user: RequestUser,
): void {
  entity.verificationMethod = verification?.method ?? null;
  entity.verifiedOn = verification?.verifiedOn ?? null;
  entity.verificationNote = verification?.note?.trim() || null;
  entity.verificationReference = verification?.reference?.trim() || null;
  entity.verifiedByUserId = verification ? user.id : null;
}

/** The managers of the member's team, by name. */
async function teamManagerContacts(
  em: EntityManager,
  departmentId: string,
  staffId: string,
): Promise<TeamManagerContact[]> {
  const rows: { id: string; name: string; email: string }[] = await em.query(
    `SELECT m.id, m.name, m.email
       FROM staff s
       JOIN team_manager tm ON tm.team_id = s.team_id
       JOIN staff m ON m.id = tm.staff_id AND m.department_id = s.department_id
                   AND m.status <> 'terminated'
      WHERE s.id = $1 AND s.department_id = $2
      ORDER BY m.name, m.id`,
    [staffId, departmentId],
  );
  return rows.map((row) => ({ staffId: row.id, name: row.name, email: row.email }));
}
