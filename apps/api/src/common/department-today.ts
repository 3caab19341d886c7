import type { IsoDate } from '@him/contracts';
import type { EntityManager } from 'typeorm';
import { todayIn } from '@him/domain';

/** Today in the department's time zone (DOMAIN.md: dates are calendar dates in that zone). */
export async function departmentToday(
  em: EntityManager,
  departmentId: string,
  now: Date = new Date(),
): Promise<IsoDate> {
  const rows: { time_zone: string }[] = await em.query(
    `SELECT time_zone FROM department WHERE id = $1`,
    [departmentId],
  );
  return todayIn(rows[0]?.time_zone ?? 'UTC', now);
}
