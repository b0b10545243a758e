import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { FIELD_ORDER, REGISTER_HEADERS } from '../domain/register-row';
import { slugify, sortVi } from '../domain/text';
import { listVillages } from '../../db/repositories/villages';
import { searchHouseholds, type Household } from '../../db/repositories/households';
import { findCommune } from '../../db/repositories/communes';
import { readableVillage } from './list-households';
import { toCsv } from './spreadsheet/csv';
import { writeXlsx, XLSX_TYPE } from './spreadsheet/xlsx-write';

export interface RegisterFile {
  filename: string;
  contentType: string;
  body: Uint8Array | string;
}

const HEADER_ROW = FIELD_ORDER.map((f) => REGISTER_HEADERS[f]);
const WIDTHS = [6, 14, 18, 26, 26, 44, 12, 14, 20];

/**
 * The register of active households with the template's Vietnamese headers,
 * so an exported file imports back unchanged. CSV: UTF-8 with a BOM (Excel
 * opens it in the right encoding); XLSX: one sheet per village, codes and
 * phones as text so their leading zeros stay.
 */
export async function exportRegister(deps: AppDeps, actor: Actor, opts: { format: 'csv' | 'xlsx'; villageId?: string }): Promise<RegisterFile> {
  const villageId = await readableVillage(deps, actor, opts.villageId);
  const communeId = actor.communeId!;
  const villages = sortVi((await listVillages(deps.db, communeId)).filter((v) => !villageId || v.id === villageId), (v) => v.name);
  const households = await searchHouseholds(deps.db, { communeId, villageId, status: 'active' });
  const byVillage = new Map<string, Household[]>(villages.map((v) => [v.id, []]));
  for (const h of households) byVillage.get(h.villageId)?.push(h);

  const commune = await findCommune(deps.db, communeId);
  const date = deps.clock().toISOString().slice(0, 10);
  const base = `so-ho-${slugify(commune?.name ?? 'xa')}${villageId && villages[0] ? '-' + slugify(villages[0].code) : ''}-${date}`;
  const line = (h: Household, stt: number, villageName: string) =>
    [stt, h.code, villageName, h.head, h.representative, h.address, h.members, h.phone, h.note];

  if (opts.format === 'csv') {
    const rows: (string | number)[][] = [HEADER_ROW];
    let stt = 0;
    for (const v of villages) for (const h of byVillage.get(v.id)!) rows.push(line(h, ++stt, v.name));
    return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(rows) };
  }
  const sheets = villages.map((v) => ({
    name: v.name,
    widths: WIDTHS,
    rows: [HEADER_ROW, ...byVillage.get(v.id)!.map((h, i) => line(h, i + 1, v.name))],
  }));
  return { filename: `${base}.xlsx`, contentType: XLSX_TYPE, body: writeXlsx(sheets) };
}
