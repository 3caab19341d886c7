import { randomUUID } from 'node:crypto';
import type { ImportFieldChange } from '@him/contracts';
import type { AccessPolicy } from '../../auth/access-policy';
import { ceChangeRefusal, completedOnProblems } from '../../ce-activities/ce-activity-rules';
import { CreateCeActivityDto } from '../../ce-activities/ce-activity.dto';
import { CeActivityEntity } from '../../ce-activities/ce-activity.entity';
import { toCeActivity } from '../../ce-activities/ce-activities.service';
import { insertRows, updateVersionedRows } from '../batch-sql';
import {
  change,
  duplicateOf,
  fileDates,
  importNote,
  memberOf,
  membersByEmployeeId,
  type ApplyContext,
  type ImportContext,
  type ImportHandler,
  type ImportPlan,
  type MemberRef,
  type PlannedChange,
} from '../import-kind';
import type { ImportRow } from '../import-row';

interface CredentialRef {
  id: string;
  staffId: string;
  number: string;
  revokedOn: string | null;
}

interface CePayload {
  before: CeActivityEntity | null;
  beforeCredentialIds: string[];
  after: CeActivityEntity;
  credentialIds: string[];
  /** the links to the member's credentials change (or are new) */
  relink: boolean;
}

const ACTIVITY_COLUMNS = `id, department_id AS "departmentId", staff_id AS "staffId", title, provider,
  completed_on AS "completedOn", hours::float8 AS hours, categories, status, review_note AS "reviewNote",
  reviewed_by_user_id AS "reviewedByUserId", reviewed_at AS "reviewedAt",
  created_by_user_id AS "createdByUserId", submitted_team_id AS "submittedTeamId", version`;

/**
 * CE activity rows, matched by (employee id, title, provider, completed on); title and
 * provider match without case. `Status` matters when an activity is created: empty, it is
 * submitted for review; `approved`, a reviewer of the member's team approves it at once (as
 * `POST /staff/:id/ce-activities` with status 'approved'). An existing activity keeps its
 * review status: reviews happen in the review queue.
 */
export class CeActivityImport implements ImportHandler<CePayload> {
  readonly kind = 'ce-activities' as const;
  readonly example = {
    employeeId: 'E-10442',
    title: 'ICD-10-CM/PCS updates for FY2026',
    provider: 'AHIMA',
    completedOn: new Date(Date.UTC(2026, 0, 28)),
    hours: 1.5,
    categories: 'hiim-domain; ahima-provided',
    credentialNumbers: '12345678',
    status: 'approved',
  };

  constructor(private readonly access: AccessPolicy) {}

  async plan(ctx: ImportContext, rows: ImportRow[]): Promise<ImportPlan<CePayload>> {
    const dept = ctx.user.departmentId;
    const members = await membersByEmployeeId(ctx, rows);
    const memberIds = [...members.values()].map((m) => m.id);
    const credentials: CredentialRef[] = memberIds.length
      ? await ctx.em.query(
          `SELECT id, staff_id AS "staffId", number, revoked_on AS "revokedOn" FROM credential
            WHERE department_id = $1 AND staff_id = ANY($2::uuid[]) AND number IS NOT NULL`,
          [dept, memberIds],
        )
      : [];
    // Only the activities a row can match: the file's members, on the file's dates.
    const dates = fileDates(rows, 'completedOn');
    const activities: CeActivityEntity[] =
      memberIds.length && dates.length
        ? await ctx.em.query(
            `SELECT ${ACTIVITY_COLUMNS} FROM ce_activity
              WHERE department_id = $1 AND staff_id = ANY($2::uuid[]) AND completed_on = ANY($3::date[])
              ORDER BY created_at, id`,
            [dept, memberIds, dates],
          )
        : [];
    const links: { activityId: string; credentialId: string }[] = activities.length
      ? await ctx.em.query(
          `SELECT ce_activity_id AS "activityId", credential_id AS "credentialId"
             FROM ce_activity_credential WHERE ce_activity_id = ANY($1::uuid[])`,
          [activities.map((a) => a.id)],
        )
      : [];
    const credentialsByNumber = new Map<string, CredentialRef[]>();
    for (const c of credentials) {
      const key = `${c.staffId}|${c.number}`;
      credentialsByNumber.set(key, [...(credentialsByNumber.get(key) ?? []), c]);
    }
    const numberOf = new Map(credentials.map((c) => [c.id, c.number]));
    const linked = new Map<string, string[]>();
    for (const l of links)
      linked.set(l.activityId, [...(linked.get(l.activityId) ?? []), l.credentialId]);
    const existing = new Map<string, CeActivityEntity>();
    for (const a of activities) {
      const key = activityKey(a.staffId, a.title, a.provider, a.completedOn);
      if (!existing.has(key)) existing.set(key, a);
    }
    const reviewer = await this.access.reviewer(ctx.user, ctx.em);
    const seen = new Map<string, number>();

    const plan: ImportPlan<CePayload> = { changes: [], errors: [] };
    for (const row of rows) {
      const member = memberOf(row, members);
      const title = row.required('title');
      const provider = row.required('provider');
      const completedOn = row.date('completedOn');
      if (completedOn === undefined) row.fail('completedOn', 'is required');
      const hours = row.number('hours');
      if (hours === undefined && !row.failed('hours')) row.fail('hours', 'is required');
      const categories = row.list('categories')?.map((c) => c.toLowerCase());
      const credentialIds = member ? credentialIdsOf(row, member, credentialsByNumber) : undefined;
      const statusText = row.text('status')?.toLowerCase();
      const status = statusText === 'submitted' ? undefined : statusText;
      row.validate(
        CreateCeActivityDto,
        { title, provider, completedOn, hours, categories, credentialIds, status },
        { credentialIds: 'credentialNumbers' },
      );
      // CeActivitiesService's rule beyond the DTO.
      row.failAll(completedOnProblems(row.valid('completedOn', completedOn), ctx.today));
      const key =
        member && title && provider && completedOn
          ? activityKey(member.id, title, provider, completedOn)
          : undefined;
      if (key) {
        duplicateOf(
          row,
          seen,
          key,
          'title',
          `the activity "${title}" (${provider}, ${completedOn}) of employee ID ${member?.employeeId}`,
        );
      }
      const before = key ? existing.get(key) : undefined;
      if (!before && status === 'approved' && member) {
        if (ctx.user.staffId === member.id) {
          row.fail(
            'status',
            'you may not approve your own activity; leave it empty to submit it for review',
          );
        } else if (!reviewer.canApproveNew(member)) {
          row.fail(
            'status',
            "only a reviewer of the member's team may approve at once; leave it empty to submit it for review",
          );
        }
      }
      if (!row.ok || !member || !title || !provider || !completedOn || hours === undefined) {
        plan.errors.push(...row.errors());
        continue;
      }

      const beforeCredentialIds = before ? [...(linked.get(before.id) ?? [])].sort() : [];
      const nextCredentialIds =
        before && !row.has('credentialNumbers')
          ? beforeCredentialIds
          : [...(credentialIds ?? [])].sort();
      const after: CeActivityEntity = Object.assign(new CeActivityEntity(), {
        ...(before ?? {
          id: randomUUID(),
          departmentId: dept,
          staffId: member.id,
          completedOn,
          status: status === 'approved' ? 'approved' : 'submitted',
          reviewNote: null,
          reviewedByUserId: status === 'approved' ? ctx.user.id : null,
          reviewedAt: status === 'approved' ? new Date() : null,
          createdByUserId: ctx.user.id,
          submittedTeamId: member.teamId,
        }),
        title,
        provider,
        hours,
        categories: before && !row.has('categories') ? before.categories : (categories ?? []),
        version: before ? before.version + 1 : 1,
      });
      const changes: ImportFieldChange[] = [];
      if (before) {
        change(changes, 'Title', before.title, after.title);
        change(changes, 'Provider', before.provider, after.provider);
        change(changes, 'Hours', String(before.hours), String(after.hours));
        change(changes, 'Categories', before.categories.join('; '), after.categories.join('; '));
        change(
          changes,
          'Credential numbers',
          numbersOf(beforeCredentialIds, numberOf),
          numbersOf(nextCredentialIds, numberOf),
        );
        if (changes.length > 0) {
          const refusal = ceChangeRefusal(
            reviewer.changeRight(before, member),
            before.status,
            'change',
          );
          if (refusal) {
            row.fail('title', refusal.message);
            plan.errors.push(...row.errors());
            continue;
          }
        }
      }
      plan.changes.push({
        line: row.line,
        action: !before ? 'create' : changes.length > 0 ? 'update' : 'unchanged',
        key: `${member.employeeId}: ${title} (${provider}, ${completedOn})`,
        values: {
          'Employee ID': member.employeeId,
          Title: after.title,
          Provider: after.provider,
          'Completed on': after.completedOn,
          Hours: String(after.hours),
          'Categories (semicolon-separated)': after.categories.join('; ') || null,
          'Credential numbers': numbersOf(nextCredentialIds, numberOf),
          Status: after.status,
        },
        changes,
        payload: {
          before: before ?? null,
          beforeCredentialIds,
          after,
          credentialIds: nextCredentialIds,
          relink: !before
            ? nextCredentialIds.length > 0
            : changes.some((c) => c.field === 'Credential numbers'),
        },
      });
    }
    return plan;
  }

  async apply(ctx: ApplyContext, changes: PlannedChange<CePayload>[]): Promise<void> {
    const updates = changes.filter((c) => c.action === 'update');
    const creates = changes.filter((c) => c.action === 'create');
    await updateVersionedRows(
      ctx.em,
      'ce_activity',
      'CE activity',
      ['title::text', 'provider::text', 'hours::numeric', 'categories::text[]'],
      updates.map(({ payload: { before, after } }) => [
        after.id,
        (before as CeActivityEntity).version,
        after.title,
        after.provider,
        after.hours,
        after.categories,
      ]),
    );
    await insertRows(
      ctx.em,
      'ce_activity',
      [
        'id::uuid',
        'department_id::uuid',
        'staff_id::uuid',
        'title::text',
        'provider::text',
        'completed_on::date',
        'hours::numeric',
        'categories::text[]',
        'status::text',
        'reviewed_by_user_id::uuid',
        'reviewed_at::timestamptz',
        'created_by_user_id::uuid',
        'submitted_team_id::uuid',
        'version::int',
      ],
      creates.map(({ payload: { after } }) => [
        after.id,
        after.departmentId,
        after.staffId,
        after.title,
        after.provider,
        after.completedOn,
        after.hours,
        after.categories,
        after.status,
        after.reviewedByUserId,
        after.reviewedAt,
        after.createdByUserId,
        after.submittedTeamId,
        1,
      ]),
    );
    const relinked = changes.filter((c) => c.payload.relink);
    const unlink = relinked.filter((c) => c.payload.before).map((c) => c.payload.after.id);
    if (unlink.length > 0) {
      await ctx.em.query(
        `DELETE FROM ce_activity_credential WHERE ce_activity_id = ANY($1::uuid[])`,
        [unlink],
      );
    }
    await insertRows(
      ctx.em,
      'ce_activity_credential',
      ['ce_activity_id::uuid', 'credential_id::uuid'],
      relinked.flatMap((c) => c.payload.credentialIds.map((id) => [c.payload.after.id, id])),
    );
    for (const c of changes) {
      const { before, beforeCredentialIds, after, credentialIds } = c.payload;
      ctx.audit.add({
        action: before ? 'update' : 'create',
        entity: 'ce_activity',
        entityId: after.id,
        ...(before ? { before: toCeActivity(before, beforeCredentialIds) } : {}),
        after: toCeActivity(after, credentialIds),
        note: importNote(ctx, c.line),
      });
    }
  }
}

function activityKey(
  staffId: string,
  title: string,
  provider: string,
  completedOn: string,
): string {
  return `${staffId}|${title.trim().toLowerCase()}|${provider.trim().toLowerCase()}|${completedOn}`;
}

/** The credentials a row names by number, among the member's own (a live one before a revoked one). */
function credentialIdsOf(
  row: ImportRow,
  member: MemberRef,
  byNumber: Map<string, CredentialRef[]>,
): string[] | undefined {
  const numbers = row.list('credentialNumbers');
  if (numbers === undefined) return undefined;
  const ids: string[] = [];
  for (const number of numbers) {
    const candidates = byNumber.get(`${member.id}|${number}`) ?? [];
    const live = candidates.filter((c) => c.revokedOn === null);
    const pick = live.length > 0 ? live : candidates;
    if (pick.length === 0) {
      row.fail('credentialNumbers', `${member.name} has no credential numbered "${number}"`);
      return undefined;
    }
    if (pick.length > 1) {
      row.fail(
        'credentialNumbers',
        `${member.name} has ${pick.length} credentials numbered "${number}"; link the activity in the app`,
      );
      return undefined;
    }
    ids.push(pick[0].id);
  }
  return ids;
}

function numbersOf(ids: string[], numberOf: Map<string, string>): string | null {
  return ids.length === 0 ? null : ids.map((id) => numberOf.get(id) ?? id).join('; ');
}
