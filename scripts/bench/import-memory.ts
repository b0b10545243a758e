// The JS heap an import retains, measured apart from the HTTP run: one
// import of N households (CSV or XLSX) into a fresh in-process app, the live
// heap sampled after a full collection every 50 ms; prints JSON. SQLite's own
// memory is not in the JS heap, so this is what reading and checking the file
// keep, the part that must not grow with the file.
// Run: node --expose-gc --import tsx scripts/bench/import-memory.ts csv 50000
import { makeTestApp, addUser, login, api } from '../../test/support/app';
import { XLSX_TYPE } from '../../server/services/spreadsheet/xlsx-write';
import { VILLAGES, asCsv, asXlsx, register, villageName } from './register-files';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const format = process.argv[2] === 'xlsx' ? 'xlsx' : 'csv';
const households = Number(process.argv[3] ?? 50_000);

let body: Uint8Array | null = format === 'csv' ? asCsv(register(households)) : asXlsx(register(households));
const bytes = body.length;
const t = await makeTestApp();
await addUser(t, { username: 'canbo', role: 'staff' });
const cookie = await login(t, 'canbo');
for (let v = 0; v < VILLAGES; v++) await api(t, 'POST', '/api/v1/villages', { cookie, body: { code: `T${v}`, name: villageName(v) } });
gc();
// the upload is held while it is imported: counted apart, below
const base = process.memoryUsage().heapUsed;
let peak = 0;
const sampler = setInterval(() => {
  gc();
  peak = Math.max(peak, process.memoryUsage().heapUsed - base);
}, 50);
const res = await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': format === 'csv' ? 'text/csv' : XLSX_TYPE }, body });
body = null;
clearInterval(sampler);
if (res.json?.created !== households) throw new Error(`import: ${res.status} ${res.text.slice(0, 200)}`);
console.log(JSON.stringify({ format, households, bytes, retainedMb: peak / 1024 / 1024 }));
await t.close();
process.exit(0);
