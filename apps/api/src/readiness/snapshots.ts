import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  Injectable,
  Logger,
  OnModuleInit,
  Query,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import {
  READINESS_TEAM_SCOPES,
  type Figures,
  type IsoDate,
  type ReadinessSnapshot,
  type ReadinessSnapshotsRequest,
  type ReadinessSnapshotsResponse,
  type ReadinessTeamScope,
  type RequirementChange,
  type TeamFigures,
} from '@him/contracts';
import { addDays, daysBetween, figuresFromCounts, todayIn } from '@him/domain';
import type { MemberScope } from '../auth/access-policy';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { IsCalendarDate } from '../common/validation';
import { ENV, type Env } from '../config/env';
import { JobEngine } from '../jobs/job-engine';
import { AnalysisService } from './analysis.service';

/** The job engine's queue that records the day's figures of every department. */
export const SNAPSHOTS_QUEUE = 'readiness-snapshots';
/**
 * Every hour (UTC cron): each department's day ends at another UTC hour, so an hourly run records
 * every department's day whatever its zone, and the day's row holds its figures as of the last run.
 */
export const SNAPSHOTS_CRON = '7 * * * *';
/** The trend the overview draws, and the default window of GET /readiness/snapshots. */
export const SNAPSHOT_TREND_DAYS = 90;
/** The longest window one request may ask for. */
export const MAX_SNAPSHOT_DAYS = 731;

export class ReadinessSnapshotsQuery implements ReadinessSnapshotsRequest {
  @ApiPropertyOptional({ example: '2026-09-05', description: 'default: 89 days before to' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-03',
    description: 'default: today in the department time zone',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({
    enum: READINESS_TEAM_SCOPES,
    description: 'managed: only the teams the caller manages; not with teamId',
  })
  @IsOptional()
  @IsIn(READINESS_TEAM_SCOPES, {
    message: `teams must be one of ${READINESS_TEAM_SCOPES.join(', ')}`,
  })
  teams?: ReadinessTeamScope;
}

/** One day's figures as the snapshot table stores them. */
export interface SnapshotFigures {
  figures: Figures;
  teams: TeamFigures[];
}

/**
 * Writes (or replaces) a department's figures of one day: one row per department and day however
 * often or by however many processes it runs.
 */
export async function upsertSnapshot(
  db: DataSource | EntityManager,
  departmentId: string,
  takenOn: IsoDate,
  { figures, teams }: SnapshotFigures,
): Promise<void> {
  await db.query(
    `INSERT INTO readiness_snapshot (department_id, taken_on, staff_ready, staff_total,
       requirements_met, requirements_total, targets_met, targets_total, teams)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
     ON CONFLICT (department_id, taken_on) DO UPDATE SET
       recorded_at = now(), staff_ready = EXCLUDED.staff_ready, staff_total = EXCLUDED.staff_total,
       requirements_met = EXCLUDED.requirements_met, requirements_total = EXCLUDED.requirements_total,
       targets_met = EXCLUDED.targets_met, targets_total = EXCLUDED.targets_total,
       teams = EXCLUDED.teams`,
    [
      departmentId,
      takenOn,
      figures.staffReady.ready,
      figures.staffReady.total,
      figures.requirementsMet.met,
      figures.requirementsMet.total,
      figures.targetsMet.met,
      figures.targetsMet.total,
      JSON.stringify(teams),
    ],
  );
}

interface SnapshotRow {
  taken_on: IsoDate;
  recorded_at: Date;
  staff_ready: number;
  staff_total: number;
  requirements_met: number;
  requirements_total: number;
  targets_met: number;
  targets_total: number;
  teams: TeamFigures[];
}

/** A stored day as the API answers it, narrowed to the teams of the scope (their figures summed). */
function toSnapshot(row: SnapshotRow, teamIds: readonly string[] | null): ReadinessSnapshot {
  const recordedAt = row.recorded_at.toISOString();
  if (teamIds === null) {
    return {
      takenOn: row.taken_on,
      recordedAt,
      ...figuresFromCounts(
        row.staff_ready,
        row.staff_total,
        row.requirements_met,
        row.requirements_total,
        row.targets_met,
        row.targets_total,
      ),
      teams: row.teams,
    };
  }
  const teams = row.teams.filter((team) => teamIds.includes(team.teamId));
  const sum = (count: (team: TeamFigures) => number) =>
    teams.reduce((total, team) => total + count(team), 0);
  return {
    takenOn: row.taken_on,
    recordedAt,
    ...figuresFromCounts(
      sum((team) => team.staffReady.ready),
      sum((team) => team.staffReady.total),
      sum((team) => team.requirementsMet.met),
      sum((team) => team.requirementsMet.total),
      sum((team) => team.targetsMet.met),
      sum((team) => team.targetsMet.total),
    ),
    teams,
  };
}

/**
 * Daily readiness snapshots: the figures of each department's day, recorded by a singleton job of
 * the job engine from the same readiness analysis the overview reads (AnalysisService), so a
 * later change of requirements leaves the recorded days as they were.
 */
@Injectable()
export class ReadinessSnapshots implements OnModuleInit {
  private readonly logger = new Logger('ReadinessSnapshots');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: AnalysisService,
    private readonly jobs: JobEngine,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onModuleInit(): void {
    if (!this.env.SNAPSHOTS_SCHEDULER) return;
    this.jobs.define({
      name: SNAPSHOTS_QUEUE,
      singleton: true,
      expireInSeconds: 30 * 60,
      atStartup: true,
      handler: async () => {
        await this.recordToday();
      },
    });
    this.jobs.schedule(SNAPSHOTS_QUEUE, SNAPSHOTS_CRON);
  }

  /** Records today's figures (each department's own today) for every department. */
  async recordToday(now: Date = new Date()): Promise<number> {
    const departments: { id: string; time_zone: string }[] = await this.dataSource.query(
      `SELECT id, time_zone FROM department ORDER BY id`,
    );
    let recorded = 0;
    for (const department of departments) {
      try {
        await this.record(department.id, todayIn(department.time_zone, now));
        recorded++;
      } catch (error) {
        // one department's failure leaves the others recorded; the next run tries it again
        this.logger.warn(
          `readiness snapshot of department ${department.id} failed: ${(error as Error).message}`,
        );
      }
    }
    return recorded;
  }

  /** Records one department's figures of one day. */
  async record(departmentId: string, day: IsoDate): Promise<void> {
    await upsertSnapshot(
      this.dataSource,
      departmentId,
      day,
      await this.analysis.departmentFigures(departmentId, day),
    );
  }

  async list(
    user: RequestUser,
    query: ReadinessSnapshotsQuery,
  ): Promise<ReadinessSnapshotsResponse> {
    const [{ time_zone: timeZone }]: { time_zone: string }[] = await this.dataSource.query(
      `SELECT time_zone FROM department WHERE id = $1`,
      [user.departmentId],
    );
    const to = query.to ?? todayIn(timeZone, new Date());
    const from = query.from ?? addDays(to, -(SNAPSHOT_TREND_DAYS - 1));
    if (from > to) throw new BadRequestException(['from must be on or before to']);
    if (daysBetween(from, to) >= MAX_SNAPSHOT_DAYS) {
      throw new BadRequestException([`from must be less than ${MAX_SNAPSHOT_DAYS} days before to`]);
    }
    const scope: MemberScope = await this.analysis.readinessScope(user, query);
    const teamIds =
      scope.kind === 'teams' ? scope.teamIds : scope.kind === 'department' ? null : [];
    const rows: SnapshotRow[] = await this.dataSource.query(
      `SELECT taken_on, recorded_at, staff_ready, staff_total, requirements_met, requirements_total,
              targets_met, targets_total, teams
         FROM readiness_snapshot
        WHERE department_id = $1 AND taken_on BETWEEN $2 AND $3
        ORDER BY taken_on`,
      [user.departmentId, from, to],
    );
    return {
      from,
      to,
      points: rows.map((row) => toSnapshot(row, teamIds)),
      requirementChanges: await this.requirementChanges(
        user.departmentId,
        timeZone,
        from,
        to,
        teamIds,
      ),
    };
  }

  /**
   * The audit trail's changes of what members must hold, made on the department's days from
   * through to: a role's requirements (its form, an import) and a team's coverage targets (only
   * the scope's teams'), a role or team created with some or deleted with some included.
   */
  private async requirementChanges(
    departmentId: string,
    timeZone: string,
    from: IsoDate,
    to: IsoDate,
    teamIds: readonly string[] | null,
  ): Promise<RequirementChange[]> {
    const rows: { on: IsoDate; at: Date; entity: string; name: string | null }[] =
      await this.dataSource.query(
        `SELECT (at AT TIME ZONE $2)::date::text AS on, at, entity,
                coalesce(after->>'name', before->>'name') AS name
           FROM audit_event
          WHERE department_id = $1
            AND at >= ($3::date::timestamp AT TIME ZONE $2)
            AND at < (($4::date + 1)::timestamp AT TIME ZONE $2)
            AND ((entity = 'role'
                  AND coalesce(before->'requirements', '[]'::jsonb)
                      IS DISTINCT FROM coalesce(after->'requirements', '[]'::jsonb))
              OR (entity = 'team'
                  AND coalesce(before->'coverageTargets', '[]'::jsonb)
                      IS DISTINCT FROM coalesce(after->'coverageTargets', '[]'::jsonb)
                  AND ($5::uuid[] IS NULL OR entity_id = ANY($5::uuid[]))))
          ORDER BY at, id`,
        [departmentId, timeZone, from, to, teamIds === null ? null : [...teamIds]],
      );
    return rows.map((row) => ({
      on: row.on,
      at: row.at.toISOString(),
      kind: row.entity === 'role' ? 'role-requirements' : 'coverage-targets',
      name: row.name ?? '',
    }));
  }
}

@ApiTags('analysis')
@ApiBearerAuth()
@Controller('readiness/snapshots')
export class ReadinessSnapshotsController {
  constructor(private readonly snapshots: ReadinessSnapshots) {}

  @Get()
  @HasPermission(PERMISSIONS.analysisRead)
  @ApiOperation({
    summary:
      "The department's figures as recorded on each day from through to (the rules of that day), and the changes of role requirements and coverage targets in the window",
  })
  list(
    @CurrentUser() user: RequestUser,
    @Query() query: ReadinessSnapshotsQuery,
  ): Promise<ReadinessSnapshotsResponse> {
    return this.snapshots.list(user, query);
  }
}
