import { randomUUID } from 'node:crypto';
import { PROFICIENCY_LABELS, type AssessmentSource, type ImportFieldChange } from '@him/contracts';
import { CreateAssessmentDto } from '../../assessments/assessment.dto';
import { AssessmentEntity } from '../../assessments/assessment.entity';
import { toAssessment } from '../../assessments/assessments.service';
import type { AccessPolicy } from '../../auth/access-policy';
import { notInTheFuture } from '../../common/field-problems';
import { insertRows } from '../batch-sql';
import {
  byLowerName,
  change,
  duplicateOf,
  fileDates,
  importNote,
  knownNames,
  memberOf,
  membersByEmployeeId,
  type ApplyContext,
  type ImportContext,
  type ImportHandler,
  type ImportPlan,
  type PlannedChange,
} from '../import-kind';
import type { ImportRow } from '../import-row';

interface SkillRef {
  id: string;
  name: string;
}

interface AssessmentPayload {
  /** the assessment this row corrects (same key, other level or note), or null */
  before: AssessmentEntity | null;
  after: AssessmentEntity;
}

/**
 * Assessment rows, matched by (employee id, skill, assessed on, source). Assessments are
 * immutable (R2 reads their history), so a row whose key matches with another level or note
 * is a correction: a new assessment of the same day and source, which R2 ranks above the old
 * one because it was recorded later. It counts as an update; the old record stays.
 */
export class AssessmentImport implements ImportHandler<AssessmentPayload> {
  readonly kind = 'assessments' as const;
  readonly example = {
    employeeId: 'E-10442',
    skill: 'ICD-10-CM coding',
    level: 3,
    assessedOn: new Date(Date.UTC(2026, 0, 15)),
    source: 'manager',
    note: 'annual review',
  };

  constructor(private readonly access: AccessPolicy) {}

  async plan(ctx: ImportContext, rows: ImportRow[]): Promise<ImportPlan<AssessmentPayload>> {
    const dept = ctx.user.departmentId;
    const skills: SkillRef[] = await ctx.em.query(
      `SELECT id, name FROM skill WHERE department_id = $1`,
      [dept],
    );
    const skillByName = byLowerName(skills, (s) => s.name);
    const skillName = new Map(skills.map((s) => [s.id, s.name]));
    const members = await membersByEmployeeId(ctx, rows);
    const memberIds = [...members.values()].map((m) => m.id);
    const dates = fileDates(rows, 'assessedOn');
    const stored: AssessmentEntity[] =
      memberIds.length && dates.length
        ? await ctx.em.query(
            `SELECT id, department_id AS "departmentId", staff_id AS "staffId", skill_id AS "skillId", level,
                  assessed_on AS "assessedOn", source, note, assessed_by_user_id AS "assessedByUserId",
                  recorded_at AS "recordedAt"
             FROM assessment
            WHERE department_id = $1 AND staff_id = ANY($2::uuid[]) AND assessed_on = ANY($3::date[])
            ORDER BY recorded_at, id`,
            [dept, memberIds, dates],
          )
        : [];
    // The latest recorded per key is the one R2 reads; a later row of the list replaces an earlier one.
    const latest = new Map<string, AssessmentEntity>();
    for (const a of stored)
      latest.set(assessmentKey(a.staffId, a.skillId, a.assessedOn, a.source), a);
    const seen = new Map<string, number>();

    const plan: ImportPlan<AssessmentPayload> = { changes: [], errors: [] };
    for (const row of rows) {
      const member = memberOf(row, members);
      const skillText = row.required('skill');
      const skill = skillText === undefined ? undefined : skillByName.get(skillText.toLowerCase());
      if (skillText !== undefined && !skill) {
        row.fail(
          'skill',
          `no skill named "${skillText}"${knownNames(
            skills.map((s) => s.name),
            'skills',
          )}`,
        );
      }
      const level = levelOf(row);
      const assessedOn = row.date('assessedOn');
      if (assessedOn === undefined) row.fail('assessedOn', 'is required');
      const source = row.required('source')?.toLowerCase();
      const note = row.text('note') ?? null;
      row.validate(
        CreateAssessmentDto,
        { skillId: skill?.id, level, assessedOn, source, note },
        { skillId: 'skill' },
      );
      // AssessmentsService's rules beyond the DTO: who may record which source, and not in the future.
      if (
        member &&
        (source === 'self' || source === 'manager') &&
        !row.failed('source') &&
        !this.access.canRecordAssessment(ctx.user, member.id, source)
      ) {
        row.fail(
          'source',
          source === 'self'
            ? "a 'self' assessment can only be recorded by the member themselves"
            : "only a manager or an admin may record a 'manager' assessment",
        );
      }
      row.failAll(notInTheFuture('assessedOn', row.valid('assessedOn', assessedOn), ctx.today));
      const key =
        member && skill && assessedOn && source
          ? assessmentKey(member.id, skill.id, assessedOn, source)
          : undefined;
      if (key) {
        duplicateOf(
          row,
          seen,
          key,
          'skill',
          `the ${source} assessment of ${skill?.name} on ${assessedOn} for employee ID ${member?.employeeId}`,
        );
      }
      if (!row.ok || !member || !skill || !assessedOn || !source || typeof level !== 'number') {
        plan.errors.push(...row.errors());
        continue;
      }

      const before = key ? (latest.get(key) ?? null) : null;
      const after: AssessmentEntity = Object.assign(new AssessmentEntity(), {
        id: randomUUID(),
        departmentId: dept,
        staffId: member.id,
        skillId: skill.id,
        level,
        assessedOn,
        source: source as AssessmentSource,
        // Without a Note column a correction keeps the note it corrects.
        note: before && !row.has('note') ? before.note : note,
        assessedByUserId: ctx.user.id,
      });
      const changes: ImportFieldChange[] = [];
      if (before) {
        change(changes, 'Level', String(before.level), String(after.level));
        change(changes, 'Note', before.note, after.note);
      }
      plan.changes.push({
        line: row.line,
        action: !before ? 'create' : changes.length > 0 ? 'update' : 'unchanged',
        key: `${member.employeeId}: ${skill.name} (${source}, ${assessedOn})`,
        values: {
          'Employee ID': member.employeeId,
          Skill: skillName.get(skill.id) ?? skill.name,
          Level: String(after.level),
          'Assessed on': after.assessedOn,
          Source: after.source,
          Note: after.note,
        },
        changes,
        payload: { before, after },
      });
    }
    return plan;
  }

  async apply(ctx: ApplyContext, changes: PlannedChange<AssessmentPayload>[]): Promise<void> {
    const written = changes.filter((c) => c.action !== 'unchanged');
    // recorded_at is the database's clock (R2 orders same-day assessments by it): read it back.
    const recorded = await insertRows<{ id: string; recordedAt: Date }>(
      ctx.em,
      'assessment',
      [
        'id::uuid',
        'department_id::uuid',
        'staff_id::uuid',
        'skill_id::uuid',
        'level::smallint',
        'assessed_on::date',
        'source::text',
        'note::text',
        'assessed_by_user_id::uuid',
      ],
      written.map(({ payload: { after } }) => [
        after.id,
        after.departmentId,
        after.staffId,
        after.skillId,
        after.level,
        after.assessedOn,
        after.source,
        after.note,
        after.assessedByUserId,
      ]),
      'id, recorded_at AS "recordedAt"',
    );
    const recordedAt = new Map(recorded.map((r) => [r.id, r.recordedAt]));
    for (const c of written) {
      const { before, after } = c.payload;
      after.recordedAt = recordedAt.get(after.id) ?? new Date();
      ctx.audit.add({
        action: 'create',
        entity: 'assessment',
        entityId: after.id,
        ...(before ? { before: toAssessment(before) } : {}),
        after: toAssessment(after),
        note: importNote(ctx, c.line) + (before ? ' (corrects an assessment of the same day)' : ''),
      });
    }
  }
}

function assessmentKey(
  staffId: string,
  skillId: string,
  assessedOn: string,
  source: string,
): string {
  return `${staffId}|${skillId}|${assessedOn}|${source}`;
}

/** 0 to 4, as a number or a word (`Proficient`); anything else goes to the DTO to be refused. */
export function levelOf(row: ImportRow): unknown {
  const cell = row.cell('level');
  if (cell.number !== undefined) return cell.number;
  const text = row.required('level');
  if (text === undefined) return undefined;
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  const index = PROFICIENCY_LABELS.findIndex((label) => label.toLowerCase() === text.toLowerCase());
  return index >= 0 ? index : text;
}
