import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import type {
  IsoDate,
  MemberReadiness,
  ReadinessComparison,
  ReadinessResponse,
  ReadinessSummaryResponse,
  TeamFigures,
} from '@him/contracts';
import {
  computeCeStatus,
  computeReadiness,
  computeSkillsMatrix,
  computeSurveyWindow,
  expiringCredentials,
  reassessmentsDue,
  upcomingDeadlines,
} from '@him/domain';
import type { MemberScope } from '../auth/access-policy';
import type { FactsRepository } from './facts.repository';

/**
 * One heavy computation of the analysis endpoints, as plain data: it crosses to a worker thread
 * (rules.worker.ts) or runs in the process (RULES_WORKERS=0) through the same `runRulesTask`.
 */
export type RulesTask = TaskCommon &
  (
    | { kind: 'readiness'; extraDates: IsoDate[] }
    | { kind: 'skills-matrix' | 'ce-status' | 'deadlines' }
    | { kind: 'survey-window'; from: IsoDate; to: IsoDate }
    /** withinDays: the department's expiry warning window when not given */
    | { kind: 'reassessments-due' | 'expirations'; withinDays?: number }
    /** one member's readiness (small: run in the process, RulesPool.runHere) */
    | { kind: 'member-readiness'; staffId: string }
  );

interface TaskCommon {
  scope: MemberScope;
  asOf: IsoDate;
  teamId?: string;
  /** the data version read before loading, so a replica behind it is not used */
  version: number;
}

/** A readiness answer ready to serve in any form without serializing 10,000 rows again. */
export interface ReadinessResult {
  kind: 'readiness';
  /** the full form as JSON bytes, for integrations (gzipped when first asked: readinessGzip) */
  json: Uint8Array;
  /**
   * The summary form without other days or a member page, as JSON bytes ending in
   * SUMMARY_COMPARISONS_TAIL (so a request adding them replaces the tail). Bytes only: they
   * cross from the worker thread by transfer, where a string would be copied on the event loop.
   */
  summaryBytes: Uint8Array;
  /** the figures, for another request's `compare=` */
  figures: ReadinessComparison;
  /** the team figures, for another request's `compare=` */
  teams: TeamFigures[];
  /**
   * Where each member row lies in `json` (bytes [start, end) at 2i and 2i + 1), in the full
   * form's order, and whether it is ready (1) or not (0): a page is cut from the bytes, and a few
   * typed arrays cross from the worker thread far more cheaply than 10,000 strings.
   */
  memberSpans: Uint32Array;
  memberReady: Uint8Array;
}

/** Member row `i` of a readiness result, as its JSON. */
export function memberJson(result: ReadinessResult, i: number): string {
  const { json, memberSpans } = result;
  return Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString(
    'utf8',
    memberSpans[2 * i],
    memberSpans[2 * i + 1],
  );
}

/** How the summary JSON ends: its empty comparisons, last. */
export const SUMMARY_COMPARISONS_TAIL = ',"comparisons":[],"comparisonTeams":[]}';

export interface JsonResult {
  kind: 'json';
  json: Uint8Array;
  /**
   * the JSON gzipped (most clients accept it: a 5 MB answer leaves as a few hundred kB); none
   * for a small answer, which compression would hardly shorten
   */
  gzip?: Uint8Array;
}

/** Fast compression: the answer is sent many times, compressed once, off the event loop. */
function gzipped(json: string | Uint8Array): Uint8Array {
  return gzipSync(json, { level: 4 });
}

/** Compressed off the thread (libuv's pool) while the worker serializes the rest. */
const gzipAsync = promisify(gzip);

/**
 * A readiness form's gzip level: its 5 MB are compressed before the first caller asking for gzip
 * is answered, and level 1 takes about half of level 4's time for a few percent more bytes.
 */
const READINESS_GZIP_LEVEL = 1;

const compressed = new WeakMap<Uint8Array, Promise<Uint8Array>>();

/**
 * The gzip of a readiness form's bytes (`json` or `summaryBytes`), compressed when a caller first
 * asks for it, off the event loop (libuv's pool), and kept with the result: a request for one
 * form never waits for the other's compression, nor does the worker.
 */
export function readinessGzip(bytes: Uint8Array): () => Promise<Uint8Array> {
  return () => {
    let gzipped = compressed.get(bytes);
    if (gzipped === undefined) {
      gzipped = gzipAsync(bytes, { level: READINESS_GZIP_LEVEL });
      compressed.set(bytes, gzipped);
      gzipped.catch(() => compressed.delete(bytes));
    }
    return gzipped;
  };
}

function jsonBytes(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(value));
}

export type RulesResult = ReadinessResult | JsonResult;

/** What runRulesTask reads from: the facts repository, or the worker's stand-in with the same queries. */
export type FactsSource = Pick<
  FactsRepository,
  'departmentFacts' | 'ceFacts' | 'expiryFacts' | 'skills'
>;

/** Bytes below which an answer is sent as it is: gzip would hardly shorten it. */
const GZIP_FROM_BYTES = 1024;

/** An answer as JSON, gzipped too (on the thread computing it) unless small. */
function jsonResult(value: unknown): JsonResult {
  const json = jsonBytes(value);
  return json.byteLength < GZIP_FROM_BYTES
    ? { kind: 'json', json }
    : { kind: 'json', json, gzip: gzipped(json) };
}

export async function runRulesTask(facts: FactsSource, task: RulesTask): Promise<RulesResult> {
  const options = { teamId: task.teamId };
  switch (task.kind) {
    case 'readiness': {
      const departmentFacts = await facts.departmentFacts(task.scope, task.asOf);
      const scope = task.scope;
      // A readiness of some teams (one asked for, or those the caller manages) holds those teams only.
      if (scope.kind === 'teams') {
        departmentFacts.teams = departmentFacts.teams.filter((team) =>
          scope.teamIds.includes(team.id),
        );
      }
      const readiness = computeReadiness(departmentFacts, task.asOf, {
        ...options,
        extraDates: task.extraDates,
      });
      return await readinessResult(readiness);
    }
    case 'skills-matrix': {
      const [departmentFacts, skills] = await Promise.all([
        facts.departmentFacts(task.scope, task.asOf),
        facts.skills(task.scope.departmentId),
      ]);
      return jsonResult(computeSkillsMatrix(departmentFacts, task.asOf, skills, options));
    }
    case 'ce-status':
      return jsonResult(
        computeCeStatus(await facts.ceFacts(task.scope, task.asOf), task.asOf, options),
      );
    case 'deadlines':
      return jsonResult(
        upcomingDeadlines(await facts.ceFacts(task.scope, task.asOf), task.asOf, options),
      );
    case 'survey-window':
      return jsonResult(
        computeSurveyWindow(
          await facts.departmentFacts(task.scope, task.asOf),
          task.asOf,
          task.from,
          task.to,
          options,
        ),
      );
    case 'reassessments-due': {
      const departmentFacts = await facts.departmentFacts(task.scope, task.asOf);
      return jsonResult(
        reassessmentsDue(
          departmentFacts,
          task.asOf,
          task.withinDays ?? departmentFacts.settings.expiryWarningDays,
          options,
        ),
      );
    }
    case 'expirations': {
      const expiryFacts = await facts.expiryFacts(task.scope);
      return jsonResult(
        expiringCredentials(
          expiryFacts,
          task.asOf,
          task.withinDays ?? expiryFacts.settings.expiryWarningDays,
          options,
        ),
      );
    }
    case 'member-readiness': {
      const departmentFacts = await facts.departmentFacts(task.scope, task.asOf);
      const readiness = computeReadiness(departmentFacts, task.asOf, { forecastDays: [] });
      return jsonResult({
        asOf: task.asOf,
        staffId: task.staffId,
        readiness: readiness.members.find((member) => member.staffId === task.staffId) ?? null,
      });
    }
  }
}

export async function readinessResult(readiness: ReadinessResponse): Promise<ReadinessResult> {
  const { members, onLeave, ...rest } = readiness;
  // Each part serialized and encoded once, shared by both forms: the member rows, and every
  // other field (targets and forecast are most of the bytes) as `"key":value`; each form is then
  // its parts' bytes put together, never a second string of megabytes encoded again.
  const rowJson = members.map((member: MemberReadiness) => JSON.stringify(member));
  const field = new Map<string, Buffer>();
  for (const [key, value] of Object.entries(readiness)) {
    if (key !== 'members' && value !== undefined) {
      field.set(key, Buffer.from(`${JSON.stringify(key)}:${JSON.stringify(value)}`));
    }
  }
  const keys = Object.keys(readiness).filter((key) => key === 'members' || field.has(key));
  const at = keys.indexOf('members');
  const comma = Buffer.from(',');
  const parts: Buffer[] = [Buffer.from('{')];
  for (const key of keys.slice(0, at)) parts.push(field.get(key) as Buffer, comma);
  parts.push(Buffer.from('"members":['));
  let offset = 0;
  for (const part of parts) offset += part.byteLength;
  const joined = rowJson.join(',');
  const rows = Buffer.from(joined);
  // all ASCII (most names): a row's bytes are its characters, nothing to measure per row
  const ascii = rows.byteLength === joined.length;
  parts.push(rows, Buffer.from(']'));
  for (const key of keys.slice(at + 1)) parts.push(comma, field.get(key) as Buffer);
  parts.push(Buffer.from('}'));
  const json = Buffer.concat(parts);
  const memberSpans = new Uint32Array(2 * rowJson.length);
  const memberReady = new Uint8Array(rowJson.length);
  rowJson.forEach((row, i) => {
    memberSpans[2 * i] = offset;
    offset += ascii ? row.length : Buffer.byteLength(row);
    memberSpans[2 * i + 1] = offset;
    offset += 1; // the comma
    memberReady[i] = members[i].ready ? 1 : 0;
  });

  const names = new Map<string, { name: string; teamId: string }>();
  for (const member of [...members, ...onLeave]) {
    names.set(member.staffId, { name: member.name, teamId: member.teamId });
  }
  const mentioned = new Set<string>();
  for (const point of rest.singlePointsOfFailure) mentioned.add(point.staffId);
  for (const target of rest.targets) for (const staffId of target.holderIds) mentioned.add(staffId);
  for (const point of rest.forecast) {
    for (const lapsed of point.lapsed) mentioned.add(lapsed.staffId);
    // a survey date: who stops being ready by then
    for (const member of point.membersNoLongerReady ?? []) mentioned.add(member.staffId);
  }
  const people = [...mentioned].flatMap((staffId) => {
    const known = names.get(staffId);
    return known ? [{ staffId, ...known }] : [];
  });
  // ReadinessSummaryResponse: the full form's fields but the member rows, then these, the
  // comparisons last (SUMMARY_COMPARISONS_TAIL)
  const extra: Pick<
    ReadinessSummaryResponse,
    'view' | 'activeStaff' | 'notReadyStaff' | 'onLeaveStaff' | 'people'
  > = {
    view: 'summary',
    activeStaff: members.length,
    notReadyStaff: members.filter((member) => !member.ready).length,
    onLeaveStaff: onLeave.length,
    people,
  };
  const extraJson = Buffer.from(JSON.stringify(extra).slice(1, -1));
  const summaryFields = [
    ...Object.keys(rest).flatMap((key) => field.get(key) ?? []),
    extraJson,
    field.get('onLeave') ?? Buffer.from('"onLeave":[]'),
  ];
  const summaryParts: Buffer[] = [Buffer.from('{')];
  summaryFields.forEach((part, i) => summaryParts.push(...(i === 0 ? [] : [comma]), part));
  summaryParts.push(Buffer.from(SUMMARY_COMPARISONS_TAIL));
  const summaryBytes = Buffer.concat(summaryParts);
  return {
    kind: 'readiness',
    json,
    summaryBytes,
    figures: {
      asOf: rest.asOf,
      staffReadyPct: rest.staffReadyPct,
      requirementsMetPct: rest.requirementsMetPct,
      targetsMet: rest.targetsMet,
      staffReady: rest.staffReady,
      requirementsMet: rest.requirementsMet,
    },
    teams: rest.teams,
    memberSpans,
    memberReady,
  };
}
