import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CeActivity, CeActivityQueueItem, Page } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { uuidParam } from '../common/uuid.pipe';
import {
  CreateCeActivityDto,
  DeleteCeActivityQuery,
  MemberCeActivitiesQuery,
  ReviewCeActivityDto,
  ReviewQueueQuery,
  UpdateCeActivityDto,
} from './ce-activity.dto';
import { CeActivitiesService } from './ce-activities.service';

/**
 * Staff log and read their own CE (another member's answers 404); managers and admins read
 * the department's, and review (and change) the activities of the teams they review.
 */
@ApiTags('ce-activities')
@ApiBearerAuth()
@Controller()
export class CeActivitiesController {
  constructor(private readonly ce: CeActivitiesService) {}

  @Get('staff/:staffId/ce-activities')
  @ApiOperation({ summary: "A member's CE log, newest completedOn first" })
  list(
    @CurrentUser() user: RequestUser,
    @Param('staffId', uuidParam('staffId')) staffId: string,
    @Query() query: MemberCeActivitiesQuery,
  ): Promise<Page<CeActivity>> {
    return this.ce.list(user, staffId, query);
  }

  @Post('staff/:staffId/ce-activities')
  @HasPermission(PERMISSIONS.ceWrite)
  @ApiOperation({
    summary:
      "Log a CE activity; a reviewer of the member's team may send status 'approved' to approve it at once",
  })
  create(
    @CurrentUser() user: RequestUser,
    @Param('staffId', uuidParam('staffId')) staffId: string,
    @Body() dto: CreateCeActivityDto,
  ): Promise<CeActivity> {
    return this.ce.create(user, staffId, dto);
  }

  @Get('ce-activities')
  @HasPermission(PERMISSIONS.ceReview)
  @ApiOperation({
    summary:
      "The review queue of the caller's teams (admins: the department), oldest first; each item names the member",
  })
  queue(
    @CurrentUser() user: RequestUser,
    @Query() query: ReviewQueueQuery,
  ): Promise<Page<CeActivityQueueItem>> {
    return this.ce.queue(user, query);
  }

  @Get('ce-activities/:id')
  get(@CurrentUser() user: RequestUser, @Param('id', uuidParam()) id: string): Promise<CeActivity> {
    return this.ce.get(user, id);
  }

  @Patch('ce-activities/:id')
  @HasPermission(PERMISSIONS.ceWrite)
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateCeActivityDto,
  ): Promise<CeActivity> {
    return this.ce.update(user, id, dto);
  }

  @Delete('ce-activities/:id')
  @HttpCode(204)
  @HasPermission(PERMISSIONS.ceWrite)
  remove(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: DeleteCeActivityQuery,
  ): Promise<void> {
    return this.ce.remove(user, id, query.note);
  }

  @Post('ce-activities/:id/review')
  @HttpCode(200)
  @HasPermission(PERMISSIONS.ceReview)
  review(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: ReviewCeActivityDto,
  ): Promise<CeActivity> {
    return this.ce.review(user, id, dto);
  }
}
