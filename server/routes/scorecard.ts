import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { currentActor } from '../http/context';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import type { Quarter } from '../domain/scorecard';
import { computeScorecard } from '../services/compute-scorecard';
import { printScorecard } from '../services/print-feedback-documents';
import { sendPdf } from './print';

export const scorecardReaders = requireRole('admin', 'staff', 'inspector');

export const quarterQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});

/** The quarter asked for, or undefined for the current one (both or neither). */
export function quarterFrom(q: z.output<typeof quarterQuery>): Quarter | undefined {
  return q.year && q.quarter ? { year: q.year, quarter: q.quarter as Quarter['quarter'] } : undefined;
}

export const scorecardRoutes = new Hono<AppEnv>()
  .get('/api/v1/scorecard', scorecardReaders, async (c) => {
    const q = parseInput(quarterQuery, c.req.query());
    return c.json(await computeScorecard(c.get('deps'), currentActor(c), quarterFrom(q)));
  })
  .get('/api/v1/scorecard.pdf', scorecardReaders, async (c) => {
    const q = parseInput(quarterQuery, c.req.query());
    return sendPdf(await printScorecard(c.get('deps'), currentActor(c), quarterFrom(q)));
  });
