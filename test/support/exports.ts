import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { readXlsx } from '../../server/services/spreadsheet/xlsx-read';
import { addUser, api, login, type TestEnv } from './app';
import { seedVillages } from './register';
import { createCampaign, openCampaign } from './campaigns';

const BOARD = { board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'] };

/**
 * A k1 decision over the given villages, each with a confirmed paper sheet
 * (`returned` of `households` ballots: approve, reject, other), closed and
 * published.
 */
export async function publishedDecision(
  t: TestEnv,
  villages: { code: string; name: string; households: number; returned: number; counts: [number, number, number] }[],
): Promise<{ id: string; slug: string }> {
  await addUser(t, { username: 'canbo.xuat', role: 'staff' });
  await addUser(t, { username: 'thanhtra.xuat', role: 'inspector' });
  const staff = await login(t, 'canbo.xuat');
  const inspector = await login(t, 'thanhtra.xuat');
  const seeded = await seedVillages(t, villages);
  const { id, slug } = await createCampaign(t, staff, {
    title: 'Đóng góp làm đường bê tông', kind: 'decision', category: 'k1', villageIds: seeded.map((v) => v.id), channels: ['meeting', 'paper'],
    template: 'household-decision',
  });
  await openCampaign(t, staff, id);
  for (const [i, v] of villages.entries()) {
    const [approve, reject, other] = v.counts;
    const s = await api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, {
      cookie: staff,
      body: { ...BOARD, villageId: seeded[i]!.id, channel: 'paper', issued: v.households, returned: v.returned, invalid: 0, counts: { decision: { approve, reject, other } } },
    });
    if (s.status !== 201) throw new Error(`tally: ${s.status} ${s.text}`);
    const c = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector });
    if (c.status !== 200) throw new Error(`confirm: ${c.status} ${c.text}`);
  }
  const closed = await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff });
  if (closed.status !== 200) throw new Error(`close: ${closed.status} ${closed.text}`);
  const published = await api(t, 'POST', `/api/v1/campaigns/${id}/publish`, { cookie: staff });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
  return { id, slug };
}

/** The parts of an .xlsx that show how its cells are typed and styled. */
export function xlsxParts(bytes: Uint8Array): { sheets: string[]; xfs: string[] } {
  const files = unzipSync(bytes);
  const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).sort().map((f) => strFromU8(files[f]!));
  const styles = strFromU8(files['xl/styles.xml']!);
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
  return { sheets, xfs };
}

/** A cell as a spreadsheet application saved it: its type and value. */
export type OpenedCell = string | number | null;

export interface OpenedFile {
  /** each sheet's rows of cell values, as the application typed them (text or number) */
  sheets: { name: string; rows: OpenedCell[][] }[];
  /** formula cells in the file the application saved: a guarded export has none */
  formulas: number;
}

const LANGUAGE_ID = { 'vi-VN': 1066, 'en-US': 1033 } as const;

/**
 * Opens files in LibreOffice Calc (headless, a profile of its own) under the
 * given locale, as a staff member's spreadsheet would, and reads back what it
 * made of them: each file saved again as .xlsx, then read cell by cell. CSV
 * files are read with the locale's number format (the decimal comma of vi-VN).
 * File names must differ in more than their extension.
 */
export function openInLibreOffice(files: { name: string; bytes: Uint8Array }[], locale: keyof typeof LANGUAGE_ID): Record<string, OpenedFile> {
  const dir = mkdtempSync(join(tmpdir(), 'danban-calc-'));
  try {
    const out = join(dir, 'out');
    const paths = files.map((f) => {
      const p = join(dir, f.name);
      writeFileSync(p, f.bytes);
      return p;
    });
    const lang = `${locale.replace('-', '_')}.UTF-8`;
    const convert = (inputs: string[], filter: string[]) => {
      if (inputs.length === 0) return;
      execFileSync('soffice', [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore',
        ...filter, '--convert-to', 'xlsx', '--outdir', out, ...inputs,
      ], { env: { ...process.env, LANG: lang, LC_ALL: lang, HOME: dir }, stdio: 'pipe', timeout: 120_000 });
    };
    // CSV: comma-separated UTF-8 with its header row, numbers read in the locale's format
    convert(paths.filter((p) => p.endsWith('.csv')), [`--infilter=CSV:44,34,76,1,,${LANGUAGE_ID[locale]}`]);
    convert(paths.filter((p) => !p.endsWith('.csv')), []);
    const opened: Record<string, OpenedFile> = {};
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(out, f.name.replace(/\.\w+$/, '.xlsx'))));
      const formulas = xlsxParts(bytes).sheets.reduce((n, xml) => n + (xml.match(/<f[\s>]/g)?.length ?? 0), 0);
      opened[f.name] = { formulas, sheets: readXlsx(bytes).map((s) => ({ name: s.name, rows: s.rows.map((r) => r.cells) })) };
    }
    return opened;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A zip archive written by hand, so a test can declare any size it likes for an entry. */
export function zipOf(entries: { name: string; raw: Uint8Array; declaredSize?: number }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const data = new Uint8Array(deflateRawSync(e.raw, { level: 1 }));
    const size = e.declaredSize ?? e.raw.length;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true); lv.setUint16(4, 20, true); lv.setUint16(8, 8, true);
    lv.setUint32(18, data.length, true); lv.setUint32(22, size, true); lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true); dv.setUint16(4, 20, true); dv.setUint16(6, 20, true); dv.setUint16(10, 8, true);
    dv.setUint32(20, data.length, true); dv.setUint32(24, size, true); dv.setUint16(28, name.length, true); dv.setUint32(42, offset, true);
    dir.set(name, 46);
    parts.push(local, data);
    central.push(dir);
    offset += local.length + data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true); ev.setUint16(8, entries.length, true); ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true); ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) { out.set(p, at); at += p.length; }
  return out;
}
