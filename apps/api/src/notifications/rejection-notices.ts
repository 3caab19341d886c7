import { Injectable } from '@nestjs/common';
import { rejectionReminder } from '@him/domain';
import type { EntityManager } from 'typeorm';
import { todayIn } from '@him/domain';
import { noticeText } from './notice-text';
import { claimOf, NoticeWriter } from './notice-writer';
import { NotificationsRepository } from './notifications.repository';

/**
 * A rejected CE activity is told to its holder with the reviewer's reason, in the review's own
 * transaction: the rejection and its notice are committed together, the e-mail queued with them.
 */
@Injectable()
export class RejectionNotices {
  constructor(
    private readonly writer: NoticeWriter,
    private readonly repo: NotificationsRepository,
  ) {}

  async tell(
    em: EntityManager,
    activity: {
      id: string;
      departmentId: string;
      staffId: string;
      title: string;
      version: number;
      reviewNote: string | null;
      createdAt: Date;
    },
    member: { id: string; name: string },
  ): Promise<void> {
    const settings = await this.repo.settings(activity.departmentId, em);
    if (!settings.rejected.enabled) return;
    const [department] = await em.query(`SELECT name, time_zone FROM department WHERE id = $1`, [
      activity.departmentId,
    ]);
    const holders = (await this.repo.accounts(activity.departmentId, em)).filter(
      (a) => a.staffId === member.id,
    );
    const day = todayIn(department.time_zone, new Date());
    const reminder = rejectionReminder(
      {
        id: activity.id,
        staffId: activity.staffId,
        title: activity.title,
        submittedOn: todayIn(department.time_zone, activity.createdAt),
        version: activity.version,
      },
      holders.map((h) => h.id),
      activity.reviewNote ?? '',
      day,
    );
    const context = {
      departmentName: department.name,
      staffName: member.name,
      role: 'holder' as const,
    };
    const text = noticeText(reminder, context);
    await this.writer.claimIn(
      em,
      claimOf(
        reminder,
        { departmentId: activity.departmentId, departmentName: department.name, runDay: day },
        {
          ...text,
          title: `${member.name}'s CE activity "${activity.title}" was not approved`,
          link: `/staff/${member.id}`,
        },
        reminder.recipients.map((r) => ({
          ...r,
          email: holders.find((h) => h.id === r.userId)?.email ?? null,
          text,
        })),
      ),
      await this.writer.context(activity.departmentId, em),
    );
  }
}
