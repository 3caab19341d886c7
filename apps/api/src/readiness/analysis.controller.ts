import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { uuidParam } from '../common/uuid.pipe';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import {
  AnalysisQuery,
  CeStatusQuery,
  ExpirationsQuery,
  MemberReadinessQuery,
  ReadinessQuery,
  ReassessmentsDueQuery,
  SurveyWindowQuery,
} from './analysis.dto';
import { AnalysisService, type RawJson } from './analysis.service';

/** Aborted when the client goes away before its answer is sent (its computation stops). */
export function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** A Buffer over the bytes (as they came from the worker thread), not a copy. */
function bytes(view: Uint8Array): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** Bodies up to this size are sent at once; larger ones in slices of it, paced (sendPaced). */
const SLICE_BYTES = 64 * 1024;

/** Bytes handed to sockets per turn of the event loop, all large answers together. */
const BYTES_PER_TURN = 512 * 1024;

/** Bytes one response may have waiting for its socket before its next slice waits for it. */
const QUEUED_BYTES = 4 * SLICE_BYTES;

const slicesWaiting: (() => void)[] = [];
let pacing = false;

function grantTurn(): void {
  for (let budget = BYTES_PER_TURN; budget > 0 && slicesWaiting.length > 0; budget -= SLICE_BYTES) {
    (slicesWaiting.shift() as () => void)();
  }
  if (slicesWaiting.length > 0) setImmediate(grantTurn);
  else pacing = false;
}

/** Resolves in a later turn of the event loop, when this slice's share of the budget comes. */
function sliceTurn(): Promise<void> {
  return new Promise((resolve) => {
    slicesWaiting.push(resolve);
    if (!pacing) {
      pacing = true;
      setImmediate(grantTurn);
    }
  });
}

/**
 * Writes a large body in slices, at most BYTES_PER_TURN for all responses together per turn of
 * the event loop: when a fresh department answer is ready for 50 waiting clients at once, their
 * 50 bodies do not go to the sockets in one go while /api/health waits behind them.
 */
async function sendPaced(req: Request, res: Response, body: Buffer): Promise<void> {
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Length', String(body.byteLength));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  for (let at = 0; at < body.byteLength; at += SLICE_BYTES) {
    await sliceTurn();
    if (res.destroyed) return;
    res.write(body.subarray(at, at + SLICE_BYTES));
    // the socket takes what it can now and the rest as the client reads; wait only when a
    // slow client has let a few slices pile up
    if (res.writableLength > QUEUED_BYTES) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
      if (res.destroyed) return;
    }
  }
  res.end();
}

/** Sends bytes: at once when small, paced when large. */
function sendBytes(req: Request, res: Response, body: Buffer): Promise<void> | void {
  if (body.byteLength <= SLICE_BYTES) {
    res.send(body);
    return;
  }
  return sendPaced(req, res, body);
}

/**
 * Sends an answer the cache already holds as JSON. Its ETag is the data version with the
 * caller and the request's query, so a client asking again before anything changed gets 304 without a body.
 */
export async function sendRaw(
  req: Request,
  res: Response,
  raw: RawJson,
  user: RequestUser,
): Promise<void> {
  const query = `${user.id}?${req.originalUrl.split('?')[1] ?? ''}`;
  res.type('application/json');
  res.setHeader('ETag', `W/"dv${raw.version}-${Buffer.from(query).toString('base64url')}"`);
  res.vary('Accept-Encoding');
  if (raw.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    const gzip = typeof raw.gzip === 'function' ? await raw.gzip() : raw.gzip;
    res.setHeader('Content-Encoding', 'gzip');
    await sendBytes(req, res, bytes(gzip));
    return;
  }
  await sendBytes(req, res, typeof raw.json === 'string' ? Buffer.from(raw.json) : bytes(raw.json));
}

@ApiTags('analysis')
@ApiBearerAuth()
@Controller()
export class AnalysisController {
  constructor(private readonly analysis: AnalysisService) {}

  @Get('readiness')
  @HasPermission(PERMISSIONS.analysisRead)
  @ApiOperation({
    summary:
      'Department and team readiness, coverage, single points of failure and forecast (R6 to R9); view=summary without member rows, which come in pages (members=)',
  })
  async readiness(
    @CurrentUser() user: RequestUser,
    @Query() query: ReadinessQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const answer = await this.analysis.readiness(user, query, clientGone(res));
    await sendRaw(req, res, answer, user);
  }

  @Get('staff/:staffId/readiness')
  @ApiOperation({
    summary: "One member's readiness (R6): requirements met and missing; staff see only their own",
  })
  async memberReadiness(
    @CurrentUser() user: RequestUser,
    @Param('staffId', uuidParam()) staffId: string,
    @Query() query: MemberReadinessQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const answer = await this.analysis.memberReadiness(user, staffId, query, clientGone(res));
    await sendRaw(req, res, answer, user);
  }

  @Get('skills-matrix')
  @ApiOperation({
    summary: 'Members x skills with the level from R2 and the level the role requires',
  })
  async skillsMatrix(
    @CurrentUser() user: RequestUser,
    @Query() query: AnalysisQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendRaw(req, res, await this.analysis.skillsMatrix(user, query, clientGone(res)), user);
  }

  @Get('ce-status')
  @ApiOperation({ summary: 'One entry per CE group (R11 to R15)' })
  async ceStatus(
    @CurrentUser() user: RequestUser,
    @Query() query: CeStatusQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendRaw(req, res, await this.analysis.ceStatus(user, query, clientGone(res)), user);
  }

  @Get('expirations')
  @ApiOperation({ summary: 'Credentials that expire within the window, soonest first (R10)' })
  async expirations(
    @CurrentUser() user: RequestUser,
    @Query() query: ExpirationsQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendRaw(req, res, await this.analysis.expirations(user, query, clientGone(res)), user);
  }

  @Get('readiness/window')
  @HasPermission(PERMISSIONS.analysisRead)
  @ApiOperation({
    summary:
      'Unannounced survey window: the lowest readiness figures between from and to, the teams whose coverage fails and what lapses (R17)',
  })
  async surveyWindow(
    @CurrentUser() user: RequestUser,
    @Query() query: SurveyWindowQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendRaw(req, res, await this.analysis.surveyWindow(user, query, clientGone(res)), user);
  }

  @Get('reassessments-due')
  @ApiOperation({
    summary:
      'Competence assessments whose counting period ends within the window, or has ended (R2)',
  })
  async reassessmentsDue(
    @CurrentUser() user: RequestUser,
    @Query() query: ReassessmentsDueQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const answer = await this.analysis.reassessmentsDue(user, query, clientGone(res));
    await sendRaw(req, res, answer, user);
  }
}
