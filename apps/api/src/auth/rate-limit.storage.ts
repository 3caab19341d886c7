import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** ThrottlerStorageRecord of @nestjs/throttler (its index does not export the type). */
interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * @nestjs/throttler's counters in PostgreSQL (`rate_limit`), so that every API process over one
 * database counts against the same limit: an in-memory store per process would multiply the
 * limit by the number of processes. One statement per hit, atomic under the row lock of the
 * upsert. A fixed window: the first hit opens a window of `ttl`; the hit that goes over `limit`
 * blocks the key for `blockDuration`, during which hits are refused without being counted.
 */
@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const [row]: { hits: number; window_ms: string; block_ms: string | null }[] =
      await this.dataSource.query(
        `WITH hit AS (
           INSERT INTO rate_limit AS r (key, hits, window_ends_at, blocked_until)
           VALUES ($1, 1, clock_timestamp() + make_interval(secs => $2 / 1000.0),
                   CASE WHEN 1 > $3 THEN clock_timestamp() + make_interval(secs => $4 / 1000.0) END)
           ON CONFLICT (key) DO UPDATE SET
             hits = CASE WHEN r.blocked_until > clock_timestamp() THEN r.hits
                         WHEN r.window_ends_at <= clock_timestamp() THEN 1
                         ELSE r.hits + 1 END,
             window_ends_at = CASE WHEN r.blocked_until > clock_timestamp() THEN r.window_ends_at
                                   WHEN r.window_ends_at <= clock_timestamp() THEN EXCLUDED.window_ends_at
                                   ELSE r.window_ends_at END,
             blocked_until = CASE WHEN r.blocked_until > clock_timestamp() THEN r.blocked_until
                                  WHEN (CASE WHEN r.window_ends_at <= clock_timestamp() THEN 1 ELSE r.hits + 1 END) > $3
                                    THEN clock_timestamp() + make_interval(secs => $4 / 1000.0)
                                  ELSE NULL END
           RETURNING hits, window_ends_at, blocked_until
         )
         SELECT hits,
                ceil(extract(epoch FROM window_ends_at - clock_timestamp()) * 1000) AS window_ms,
                ceil(extract(epoch FROM blocked_until - clock_timestamp()) * 1000) AS block_ms
           FROM hit`,
        [`${throttlerName}:${key}`, ttl, limit, blockDuration],
      );
    const blockMs = row.block_ms === null ? 0 : Math.max(0, Number(row.block_ms));
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, Math.ceil(Number(row.window_ms) / 1000)),
      isBlocked: blockMs > 0,
      timeToBlockExpire: Math.ceil(blockMs / 1000),
    };
  }

  /** Takes one hit back from each key (a sign-in that succeeded was no failure). */
  async forgive(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.dataSource.query(
      `UPDATE rate_limit SET hits = greatest(hits - 1, 0)
        WHERE key = ANY($1::text[]) AND (blocked_until IS NULL OR blocked_until <= clock_timestamp())`,
      [keys],
    );
  }
}
