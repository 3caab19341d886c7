import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Credential, Page, TeamManagerContact } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid.pipe';
import {
  CreateCredentialDto,
  CredentialListQuery,
  RevokeCredentialQuery,
  SelfReportedCredentialDto,
  UpdateCredentialDto,
} from './credential.dto';
import { CredentialsService } from './credentials.service';

/** Reads: admins and managers any member of the department, staff their own (another's: 404). */
@ApiTags('credentials')
@ApiBearerAuth()
@Controller()
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get('staff/:staffId/credentials')
  list(
    @CurrentUser() user: RequestUser,
    @Param('staffId', uuidParam('staffId')) staffId: string,
    @Query() page: PageQuery,
  ): Promise<Page<Credential>> {
    return this.credentials.list(user, staffId, page);
  }

  @Post('staff/:staffId/credentials')
  @HasPermission(PERMISSIONS.credentialsWrite)
  create(
    @CurrentUser() user: RequestUser,
    @Param('staffId', uuidParam('staffId')) staffId: string,
    @Body() dto: CreateCredentialDto,
  ): Promise<Credential> {
    return this.credentials.create(user, staffId, dto);
  }

  @Post('staff/:staffId/credentials/self-reported')
  @ApiOperation({
    summary:
      "A member adds a credential they newly earned to their own record: stored unverified, for a manager to verify; 403 naming whom to ask where the department's managers add credentials (staffMayAddCredentials false)",
  })
  selfReport(
    @CurrentUser() user: RequestUser,
    @Param('staffId', uuidParam('staffId')) staffId: string,
    @Body() dto: SelfReportedCredentialDto,
  ): Promise<Credential> {
    return this.credentials.selfReport(user, staffId, dto);
  }

  @Get('staff/:staffId/team-managers')
  @ApiOperation({
    summary: "The managers of the member's team, whom the member asks (staff: their own)",
  })
  teamManagers(
    @CurrentUser() user: RequestUser,
    @Param('staffId', uuidParam('staffId')) staffId: string,
  ): Promise<TeamManagerContact[]> {
    return this.credentials.teamManagers(user, staffId);
  }

  @Get('credentials')
  @ApiOperation({
    summary: "Credentials of the department's members (or one team's): staff get only their own",
  })
  listAll(
    @CurrentUser() user: RequestUser,
    @Query() query: CredentialListQuery,
  ): Promise<Page<Credential>> {
    return this.credentials.listAll(user, query);
  }

  @Get('credentials/:id')
  get(@CurrentUser() user: RequestUser, @Param('id', uuidParam()) id: string): Promise<Credential> {
    return this.credentials.get(user, id);
  }

  @Patch('credentials/:id')
  @HasPermission(PERMISSIONS.credentialsWrite)
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateCredentialDto,
  ): Promise<Credential> {
    return this.credentials.update(user, id, dto);
  }

  @Delete('credentials/:id')
  @HasPermission(PERMISSIONS.credentialsWrite)
  @ApiOperation({
    summary:
      'Revoke: sets revokedOn and revokedReason, keeps the row and its history; revoking twice answers 409',
  })
  @ApiOkResponse({ description: 'the revoked credential' })
  revoke(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: RevokeCredentialQuery,
  ): Promise<Credential> {
    return this.credentials.revoke(user, id, query);
  }
}
