import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IsoDate, RunRemindersResponse } from '@him/contracts';
import {
  addDays,
  digestIsEmpty,
  digestKey,
  dueDigestDay,
  dueReminders,
  weeklyDigest,
  type CeFacts,
  type ReminderFacts,
  type WaitingActivity,
} from '@him/domain';
import { AccessPolicy, type Caller } from '../auth/access-policy';
import { hasPermission, PERMISSIONS } from '../auth/permissions';
import { todayIn } from '@him/domain';
import { FactsRepository } from '../readiness/facts.repository';
import { CLOCK, type Clock } from './clock';
import { digestText, noticeText, type NoticeContext } from './notice-text';
import { claimOf, NoticeWriter, type ClaimResult } from './notice-writer';
import { NotificationsRepository, type Account } from './notifications.repository';

function callerOf(account: Account, departmentId: string): Caller {
  return { id: account.id, role: account.role, staffId: account.staffId, departmentId };
}

/**
 * What the scheduler runs for a department and a day: the due reminders (libs/domain) claimed
 * and sent, and the weekly digest when its day has come. Safe to run in several processes at
 * once and to run again: every reminder has a unique key, claimed in the transaction that
 * records it. The days a run covers are recorded, so the next run catches up what fell on days
 * nobody ran (the server was down), and nothing twice.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly facts: FactsRepository,
    private readonly repo: NotificationsRepository,
    private readonly writer: NoticeWriter,
    private readonly access: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The scheduler's tick: every department, as of today in its own zone. */
  async runScheduled(): Promise<void> {
    const now = this.clock.now();
    for (const departmentId of await this.repo.departmentIds()) {
      try {
        const department = await this.facts.department(departmentId);
        const today = todayIn(department.timeZone, now);
        await this.run(departmentId, today);
      } catch (error) {
        this.logger.error(
          `reminders of department ${departmentId}: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
  }

  /**
   * Runs `day` for a department as of that day: any other day completely, today up to now (the
   * digest waits for its hour in the department's zone).
   */
  async run(departmentId: string, day: IsoDate): Promise<RunRemindersResponse> {
    const department = await this.facts.department(departmentId);
    const settings = await this.repo.settings(departmentId);
    const now = this.clock.now();
    const today = todayIn(department.timeZone, now);
    // Another day (a replay, a day run ahead by an operator) is run whole; today waits for the
    // digest's hour in the department's zone.
    const hourReached =
      day !== today || localHour(department.timeZone, now) >= settings.digest.hour;
    const coveredThrough = (await this.repo.coveredThrough(departmentId, day)) ?? addDays(day, -1);
    const window = { day, coveredThrough };

    const scope = { kind: 'department' as const, departmentId };
    const [ceFacts, accounts, managers, submitted, context] = await Promise.all([
      this.facts.ceFacts(scope, day),
      this.repo.accounts(departmentId),
      this.repo.teamManagers(departmentId),
      this.repo.submittedActivities(departmentId, department.timeZone, day),
      this.writer.context(departmentId),
    ]);
    const reviewers = await Promise.all(
      accounts
        .filter((a) => hasPermission(a.role, PERMISSIONS.ceReview))
        .map(async (a) => ({
          account: a,
          reviewer: await this.access.reviewer(callerOf(a, departmentId)),
        })),
    );
    const waiting: WaitingActivity[] = submitted.map((activity) => ({
      id: activity.id,
      staffId: activity.staffId,
      title: activity.title,
      submittedOn: activity.submittedOn,
      reviewerUserIds: reviewers
        .filter(({ reviewer }) =>
          reviewer.canReview(activity, { id: activity.staffId, teamId: activity.teamId }),
        )
        .map(({ account }) => account.id),
    }));
    const followers = accounts.filter((a) => a.staffId && this.access.canFollowTeams(a));
    const reminderFacts: ReminderFacts = {
      ...ceFacts,
      rules: settings,
      holders: accounts
        .filter((a) => a.staffId)
        .map((a) => ({ staffId: a.staffId as string, userId: a.id })),
      teamManagers: managers.flatMap((m) =>
        followers
          .filter((a) => a.staffId === m.staffId)
          .map((a) => ({ teamId: m.teamId, userId: a.id })),
      ),
      waitingActivities: waiting,
    };

    const due = dueReminders(reminderFacts, window);
    const names = new Map(ceFacts.staff.map((s) => [s.id, s.name]));
    const typeNames = await this.repo.credentialTypeNames(departmentId);
    const accountsById = new Map(accounts.map((a) => [a.id, a]));
    const base = { departmentId, departmentName: department.name, runDay: day };
    const totals: ClaimResult = { claimed: [], alreadyClaimed: 0, email: 0, webhook: 0 };
    const add = (r: ClaimResult) => {
      totals.claimed.push(...r.claimed);
      totals.alreadyClaimed += r.alreadyClaimed;
      totals.email += r.email;
      totals.webhook += r.webhook;
    };

    for (const reminder of due) {
      const noticeContext = (role: NoticeContext['role']): NoticeContext => {
        const credentialTypeId =
          reminder.subject.type === 'credential' ? reminder.subject.credentialTypeId : undefined;
        const type = credentialTypeId ? typeNames.get(credentialTypeId) : undefined;
        return {
          departmentName: department.name,
          staffName: names.get(reminder.staffId) ?? 'A staff member',
          credentialTypeName: type?.name,
          issuingBody: type?.issuingBody,
          role,
        };
      };
      const recipients = reminder.recipients.map((r) => ({
        userId: r.userId,
        key: r.key,
        role: r.role,
        email: accountsById.get(r.userId)?.email ?? null,
        text: noticeText(reminder, noticeContext(r.role)),
      }));
      add(
        await this.writer.claim(
          claimOf(reminder, base, noticeText(reminder, noticeContext('manager')), recipients),
          context,
        ),
      );
    }

    const digestDay = dueDigestDay(settings.digest, window, hourReached);
    if (digestDay !== null) {
      for (const account of accounts.filter((a) => this.access.canFollowTeams(a))) {
        const claim = await this.digestFor(
          account,
          departmentId,
          ceFacts,
          waiting,
          day,
          digestDay,
          department.name,
        );
        if (claim) add(await this.writer.claim(claim, context));
      }
    }

    const caughtUp = totals.claimed.filter((c) => c.caughtUp);
    await this.repo.markCovered(
      departmentId,
      day,
      hourReached,
      totals.claimed.length,
      caughtUp.length,
    );
    if (caughtUp.length > 0) {
      this.logger.log(
        `${department.name}, ${day}: caught up ${caughtUp.length} reminder(s) due ${addDays(coveredThrough, 1)} to ${addDays(day, -1)}: ${caughtUp.map((c) => c.key).join(', ')}`,
      );
    }
    return {
      date: day,
      coveredFrom: addDays(coveredThrough, 1),
      alreadyClaimed: totals.alreadyClaimed,
      claimed: totals.claimed,
      sent: {
        inApp: totals.claimed.filter((c) => c.recipientUserId !== null).length,
        email: totals.email,
        webhook: totals.webhook,
      },
    };
  }

  /** The digest of one manager (their teams) or admin (the department), when it has something to say. */
  private async digestFor(
    account: Account,
    departmentId: string,
    ceFacts: CeFacts,
    waiting: WaitingActivity[],
    day: IsoDate,
    digestDay: IsoDate,
    departmentName: string,
  ) {
    const scope = await this.access.memberScope(callerOf(account, departmentId), 'managed-teams');
    if (scope.kind === 'none') return null;
    const teams = scope.kind === 'teams' ? new Set(scope.teamIds) : null;
    const staff = teams ? ceFacts.staff.filter((s) => teams.has(s.teamId)) : ceFacts.staff;
    const ids = new Set(staff.map((s) => s.id));
    const narrowed: CeFacts = {
      ...ceFacts,
      staff,
      credentials: ceFacts.credentials.filter((c) => ids.has(c.staffId)),
      activities: ceFacts.activities.filter((a) => ids.has(a.staffId)),
    };
    const content = weeklyDigest(
      narrowed,
      day,
      waiting.filter((w) => w.reviewerUserIds.includes(account.id)),
    );
    if (digestIsEmpty(content)) return null;
    const text = digestText(
      content,
      scope.kind === 'teams' ? 'the teams you manage' : departmentName,
      digestDay,
    );
    return {
      departmentId,
      departmentName,
      kind: 'digest' as const,
      eventKey: null,
      staffId: null,
      dueOn: digestDay,
      runDay: day,
      caughtUp: digestDay < day,
      subject: {},
      eventText: text,
      recipients: [
        {
          userId: account.id,
          key: digestKey(account.id, digestDay),
          role: 'digest' as const,
          email: account.email,
          text,
        },
      ],
    };
  }
}

/** The hour of the day (0-23) at `now` in a time zone. */
export function localHour(timeZone: string, now: Date): number {
  try {
    const hour = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(now);
    return Number(hour);
  } catch {
    return now.getUTCHours();
  }
}
