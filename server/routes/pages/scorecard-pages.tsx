import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { currentActor } from '../../http/context';
import { parseInput } from '../../http/validation';
import { staffPage } from '../../http/pages';
import { computeScorecard } from '../../services/compute-scorecard';
import { ScorecardPage } from '../../../web/views/scorecard/page';
import { quarterFrom, quarterQuery } from '../scorecard';
import { staffFrame } from './feedback-pages';

export const scorecardPages = new Hono<AppEnv>().get('/staff/scorecard', staffPage('admin', 'staff', 'inspector'), async (c) => {
  const q = parseInput(quarterQuery, c.req.query());
  const s = await computeScorecard(c.get('deps'), currentActor(c), quarterFrom(q));
  const thisYear = c.get('deps').clock().getUTCFullYear();
  const years = [...new Set([thisYear - 2, thisYear - 1, thisYear, s.quarter.year])].sort();
  return c.html(
    <ScorecardPage {...await staffFrame(c, s.communeName)} s={s} years={years} pdfUrl={`/api/v1/scorecard.pdf?year=${s.quarter.year}&quarter=${s.quarter.quarter}`} />,
  );
});
