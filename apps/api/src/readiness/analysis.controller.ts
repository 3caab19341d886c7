import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CeGroup,
  Expiration,
  MemberReadinessAnswer,
  ReadinessResponse,
  SkillsMatrixResponse,
} from '@him/contracts';
import { uuidParam } from '../common/uuid.pipe';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import {
  AnalysisQuery,
  CeStatusQuery,
  ExpirationsQuery,
  MemberReadinessQuery,
  ReadinessQuery,
} from './analysis.dto';
import { AnalysisService } from './analysis.service';

@ApiTags('analysis')
@ApiBearerAuth()
@Controller()
export class AnalysisController {
  constructor(private readonly analysis: AnalysisService) {}

  @Get('readiness')
  @HasPermission(PERMISSIONS.analysisRead)
  @ApiOperation({
    summary:
      'Department and team readiness, coverage, single points of failure and forecast (R6 to R9)',
  })
  readiness(
    @CurrentUser() user: RequestUser,
    @Query() query: ReadinessQuery,
  ): Promise<ReadinessResponse> {
    return this.analysis.readiness(user, query);
  }

  @Get('staff/:staffId/readiness')
  @ApiOperation({
    summary: "One member's readiness (R6): requirements met and missing; staff see only their own",
  })
  memberReadiness(
    @CurrentUser() user: RequestUser,
    @Param('staffId', uuidParam()) staffId: string,
    @Query() query: MemberReadinessQuery,
  ): Promise<MemberReadinessAnswer> {
    return this.analysis.memberReadiness(user, staffId, query);
  }

  @Get('skills-matrix')
  @ApiOperation({
    summary: 'Members x skills with the level from R2 and the level the role requires',
  })
  skillsMatrix(
    @CurrentUser() user: RequestUser,
    @Query() query: AnalysisQuery,
  ): Promise<SkillsMatrixResponse> {
    return this.analysis.skillsMatrix(user, query);
  }

  @Get('ce-status')
  @ApiOperation({ summary: 'One entry per CE group (R11 to R15)' })
  ceStatus(@CurrentUser() user: RequestUser, @Query() query: CeStatusQuery): Promise<CeGroup[]> {
    return this.analysis.ceStatus(user, query);
  }

  @Get('expirations')
  @ApiOperation({ summary: 'Credentials that expire within the window, soonest first (R10)' })
  expirations(
    @CurrentUser() user: RequestUser,
    @Query() query: ExpirationsQuery,
  ): Promise<Expiration[]> {
    return this.analysis.expirations(user, query);
  }
}
