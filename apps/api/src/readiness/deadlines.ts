import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeadlinesResponse } from '@him/contracts';
import { todayIn, upcomingDeadlines } from '@him/domain';
import { AccessPolicy } from '../auth/access-policy';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { AnalysisQuery } from './analysis.dto';
import { FactsRepository } from './facts.repository';

/**
 * What falls due in the next twelve months (credential expiries, CE cycle ends with hours
 * missing) for the deadlines chart. One team when asked (AccessPolicy checks it); otherwise a
 * manager's own teams and an admin's whole department.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly facts: FactsRepository,
    private readonly access: AccessPolicy,
  ) {}

  async deadlines(user: RequestUser, query: AnalysisQuery): Promise<DeadlinesResponse> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone, new Date());
    const scope = await this.access.memberScope(
      user,
      query.teamId ? { teamId: query.teamId } : 'managed-teams',
    );
    return upcomingDeadlines(await this.facts.ceFacts(scope, asOf), asOf, {
      teamId: query.teamId,
    });
  }
}

@ApiTags('analysis')
@ApiBearerAuth()
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly service: DeadlinesService) {}

  @Get()
  @HasPermission(PERMISSIONS.analysisRead)
  @ApiOperation({
    summary:
      'What falls due in the next twelve months: credential expiries and CE cycle ends with hours still missing',
    description:
      'Soonest first. `teamId` for one team; without it a manager gets the teams they manage and an admin the department.',
  })
  list(
    @CurrentUser() user: RequestUser,
    @Query() query: AnalysisQuery,
  ): Promise<DeadlinesResponse> {
    return this.service.deadlines(user, query);
  }
}
