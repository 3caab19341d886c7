import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { clientGone, sendRaw } from './analysis.controller';
import { AnalysisQuery } from './analysis.dto';
import { AnalysisService } from './analysis.service';

/**
 * What falls due in the next twelve months (credential expiries, CE cycle ends with hours
 * missing) for the deadlines chart, computed once per data version and scope off the event loop
 * (AnalysisService.deadlines).
 */
@ApiTags('analysis')
@ApiBearerAuth()
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly analysis: AnalysisService) {}

  @Get()
  @HasPermission(PERMISSIONS.analysisRead)
  @ApiOperation({
    summary:
      'What falls due in the next twelve months: credential expiries and CE cycle ends with hours still missing',
    description:
      'Soonest first. `teamId` for one team; without it a manager gets the teams they manage and an admin the department.',
  })
  async list(
    @CurrentUser() user: RequestUser,
    @Query() query: AnalysisQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendRaw(req, res, await this.analysis.deadlines(user, query, clientGone(res)), user);
  }
}
