import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { currentActor, publicOrigin } from '../http/context';
import { AppError } from '../domain/errors';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import { printBallots, printCandidateList, printForm, printPoster, type PrintedDocument } from '../services/print-documents';

// Printing is office work: a village head receives the printed ballots, never prints them.
const staff = requireRole('admin', 'staff');

const villageId = z
  .string({ message: 'Hãy chọn thôn cần in (villageId).|Choose the village to print (villageId).' })
  .trim()
  .min(1, 'Hãy chọn thôn cần in (villageId).|Choose the village to print (villageId).')
  .max(100);

const ballotsQuery = z.object({
  villageId,
  format: z.enum(['A5', 'A4'], { message: 'Khổ giấy phải là A5 hoặc A4.|The format must be A5 or A4.' }).default('A5'),
  /** one household's ballot only (a reprinted one) */
  householdCode: z.string().trim().min(1).max(50).optional(),
});

const formQuery = z.object({ villageId });

const posterQuery = z.object({
  size: z.enum(['A4', 'A3'], { message: 'Khổ áp phích phải là A4 hoặc A3.|The poster size must be A4 or A3.' }).default('A4'),
  villageId: villageId.optional(),
});

const FORM_FILE = /^(mau-0[1-5])\.pdf$/;

/** Streams the PDF: pages are drawn as the client reads, so memory stays flat however big the village. */
export function sendPdf(doc: PrintedDocument): Response {
  return new Response(doc.pdf.toReadableStream(), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${doc.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

export const printRoutes = new Hono<AppEnv>()
  .get('/api/v1/campaigns/:id/ballots.pdf', staff, async (c) => {
    const q = parseInput(ballotsQuery, c.req.query());
    return sendPdf(await printBallots(c.get('deps'), currentActor(c), c.req.param('id'), { ...q, origin: publicOrigin(c) }));
  })
  .get('/api/v1/campaigns/:id/forms/:file', staff, async (c) => {
    const form = FORM_FILE.exec(c.req.param('file'))?.[1] as 'mau-01' | 'mau-02' | 'mau-03' | 'mau-04' | 'mau-05' | undefined;
    if (!form) throw new AppError('NOT_FOUND', { vi: 'Chỉ có các mẫu mau-01 đến mau-05.', en: 'Only forms mau-01 to mau-05 exist.' });
    const q = parseInput(formQuery, c.req.query());
    // Mẫu 05, the candidate list of an election (NĐ 59 Đ6)
    if (form === 'mau-05') return sendPdf(await printCandidateList(c.get('deps'), currentActor(c), c.req.param('id'), q.villageId));
    return sendPdf(await printForm(c.get('deps'), currentActor(c), c.req.param('id'), form, q.villageId));
  })
  .get('/api/v1/campaigns/:id/poster.pdf', staff, async (c) => {
    const q = parseInput(posterQuery, c.req.query());
    return sendPdf(await printPoster(c.get('deps'), currentActor(c), c.req.param('id'), { ...q, origin: publicOrigin(c) }));
  });
