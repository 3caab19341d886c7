import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Assessment, Page } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid.pipe';
import { CreateAssessmentDto } from './assessment.dto';
import { AssessmentsService } from './assessments.service';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('staff/:staffId/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  /** Newest first (assessedOn, then the time recorded). */
  @Get()
  list(
    @CurrentUser() user: RequestUser,
    @Param('staffId', uuidParam('staffId')) staffId: string,
    @Query() page: PageQuery,
  ): Promise<Page<Assessment>> {
    return this.assessments.list(user, staffId, page);
  }

  @Post()
  @HasPermission(PERMISSIONS.assessmentsWrite)
  create(
    @CurrentUser() user: RequestUser,
    @Param('staffId', uuidParam('staffId')) staffId: string,
    @Body() dto: CreateAssessmentDto,
  ): Promise<Assessment> {
    return this.assessments.create(user, staffId, dto);
  }
}
