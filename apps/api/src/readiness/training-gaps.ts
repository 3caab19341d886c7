import { Controller, Get, Injectable, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { IsIn, IsOptional } from 'class-validator';
import { stringify } from 'csv-stringify/sync';
import type { IsoDate, TrainingGapsResponse } from '@him/contracts';
import { computeTrainingGaps, requirementLabel, todayIn, type RequirementNames } from '@him/domain';
import { AccessPolicy } from '../auth/access-policy';
import { AuditService } from '../audit/audit.service';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { CSV_OPTIONS } from '../common/csv';
import { AnalysisQuery } from './analysis.dto';
import { FactsRepository } from './facts.repository';

export class TrainingGapsQuery extends AnalysisQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/**
 * "Who do I train on what": per team, the requirements its members miss and its coverage gaps,
 * with the nearest holders. A team asked for is checked by AccessPolicy; without one a manager
 * gets the teams they manage and an admin every team. Holders are looked for in the whole
 * department (managers may read every member's record).
 */
@Injectable()
export class TrainingGapsService {
  constructor(
    private readonly facts: FactsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async gaps(
    user: RequestUser,
    query: TrainingGapsQuery,
  ): Promise<{ gaps: TrainingGapsResponse; names: RequirementNames; department: string }> {
    const department = await this.facts.department(user.departmentId);
    const asOf: IsoDate = query.asOf ?? todayIn(department.timeZone, new Date());
    const scope = await this.access.memberScope(
      user,
      query.teamId ? { teamId: query.teamId } : 'managed-teams',
    );
    const teamIds =
      scope.kind === 'teams' ? scope.teamIds : scope.kind === 'department' ? undefined : [];
    const [facts, skills] = await Promise.all([
      this.facts.departmentFacts({ kind: 'department', departmentId: user.departmentId }, asOf),
      this.facts.skills(user.departmentId),
    ]);
    return {
      gaps: computeTrainingGaps(facts, asOf, { teamIds }),
      names: {
        skillNames: new Map(skills.map((s) => [s.id, s.name])),
        credentialTypeCodes: new Map(facts.credentialTypes.map((t) => [t.id, t.code])),
      },
      department: department.name,
    };
  }

  /** The gaps as a CSV a manager opens in a spreadsheet: one row per team and gap; audited as an export. */
  async csv(user: RequestUser, query: TrainingGapsQuery): Promise<{ body: string; asOf: IsoDate }> {
    const { gaps, names, department } = await this.gaps(user, query);
    const teamName = new Map(gaps.teams.map((t) => [t.teamId, t.name]));
    const people = (list: { name: string; teamId: string }[], teamId: string) =>
      list
        .map((p) =>
          p.teamId === teamId ? p.name : `${p.name} (${teamName.get(p.teamId) ?? 'another team'})`,
        )
        .join('; ');
    const rows: (string | number)[][] = [
      [
        'Department',
        'As of',
        'Team',
        'Gap',
        'Why',
        'Needed',
        'Members',
        'Nearest holders',
        'Holders in the department',
      ],
    ];
    for (const team of gaps.teams) {
      for (const gap of team.gaps) {
        rows.push([
          department,
          gaps.asOf,
          team.name,
          requirementLabel(gap.requirement, names),
          gap.kind === 'coverage'
            ? 'Team coverage target short of holders'
            : 'Required by the role',
          gap.needed,
          people(gap.members, team.teamId),
          people(gap.nearestHolders, team.teamId),
          gap.holdersInDepartment,
        ]);
      }
    }
    await this.audit.record(this.dataSource.manager, user, user.departmentId, {
      action: 'export',
      entity: 'report',
      entityId: user.departmentId,
      after: {
        report: 'training-gaps',
        format: 'csv',
        teamId: query.teamId ?? null,
        asOf: gaps.asOf,
      },
    });
    return { body: stringify(rows, CSV_OPTIONS), asOf: gaps.asOf };
  }
}

@ApiTags('analysis')
@ApiBearerAuth()
@Controller('readiness')
export class TrainingGapsController {
  constructor(private readonly gaps: TrainingGapsService) {}

  @Get('gaps')
  @HasPermission(PERMISSIONS.analysisRead)
  @ApiOperation({
    summary:
      'Who to train on what: per team, each requirement members miss and each coverage gap, with the nearest holders',
    description:
      '`teamId` for one team; without it a manager gets the teams they manage and an admin every team. `format=csv` ' +
      'downloads the same as a CSV (recorded in the audit trail as an export).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'TrainingGapsResponse, or its CSV' })
  async list(
    @CurrentUser() user: RequestUser,
    @Query() query: TrainingGapsQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TrainingGapsResponse | string> {
    if (query.format !== 'csv') return (await this.gaps.gaps(user, query)).gaps;
    const { body, asOf } = await this.gaps.csv(user, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="training-gaps-${asOf}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    return body;
  }
}
