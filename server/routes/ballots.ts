import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { castBallot } from '../services/cast-ballot';
import { verifyReceipt } from '../services/verify-receipt';
import { AppError } from '../domain/errors';
import { clientKey } from '../http/client-address';

const ballotSchema = z.object({ answers: z.unknown(), idempotencyKey: z.string().max(200).optional() });

export const ballotRoutes = new Hono<AppEnv>().post('/api/v1/ballots/:serial', async (c) => {
  const body = parseInput(ballotSchema, await readJson(c, 256 * 1024));
  const result = await castBallot(c.get('deps'), {
    serial: c.req.param('serial'),
    answers: body.answers,
    idempotencyKey: c.req.header('idempotency-key') ?? body.idempotencyKey,
    client: clientKey(c),
  });
  return c.json({ receipt: result.receipt, replay: result.replay }, 201);
})
  .get('/api/v1/receipts/:receipt', async (c) => {
    const r = await verifyReceipt(c.get('deps'), c.req.param('receipt'), clientKey(c));
    if (r.limited) throw new AppError('RATE_LIMITED');
    if (!r.found) throw new AppError('NOT_FOUND', { vi: 'Không tìm thấy biên nhận này.', en: 'No ballot has this receipt.' });
    const { limited: _l, ...body } = r;
    return c.json(body);
  });
