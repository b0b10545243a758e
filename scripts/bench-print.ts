// Ballot printing throughput: one PDF per batch (font embedded once), pages
// streamed to a byte-counting sink so memory should stay flat as the batch grows.
// Run: node --expose-gc --import tsx scripts/bench-print.ts
// Throughput passes never force a collection; with --expose-gc a last pass
// samples the live heap after full collections (what is retained, not when V8
// happened to collect). CPU seconds are reported beside wall time because the
// machine may be shared.
import { renderHouseholdBallots, type HouseholdBallot, type HouseholdBallotBatch } from '../server/print/ballot';
import { loadPrintFonts } from '../server/runtime/fonts-node';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLES = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh', 'Thanh', 'Hữu'];
const GIVEN = ['Dũng', 'Hằng', 'Lữ', 'Mỹ', 'Phượng', 'Đạt', 'Yến', 'Quỳnh', 'Tuấn', 'Hưng', 'Thủy'];

/** Deterministic fake households; a generator so the register itself is never held in memory. */
function* households(count: number, seed: number): Generator<HouseholdBallot> {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  for (let i = 1; i <= count; i++) {
    let serial = '';
    for (let k = 0; k < 11; k++) serial += CROCKFORD[next(32)];
    yield {
      serial,
      householdCode: `VK-DS-${String(i).padStart(5, '0')}`,
      representative: `${SURNAMES[next(10)]} ${MIDDLES[next(7)]} ${GIVEN[next(11)]}`,
    };
  }
}

function batch(count: number, format: 'A5' | 'A4'): HouseholdBallotBatch {
  return {
    origin: 'https://danban.vietkhe.vn',
    format,
    communeName: 'xã Việt Khê',
    villageName: 'Thôn Đông Sơn',
    scope: 'village',
    campaignTitle: 'Đóng góp xây dựng đường giao thông nông thôn năm 2027',
    content:
      'Đề nghị các hộ gia đình đóng góp kinh phí làm đường bê tông liên xóm 3 và xóm 4, chiều dài 1,2 km, rộng 3,5 m.\n' +
      'Mức đóng góp: 500.000 đồng/hộ; hộ nghèo, hộ cận nghèo, gia đình chính sách được miễn.',
    deadline: '2026-12-15T00:00:00+07:00',
    onlineAllowed: true,
    ballots: households(count, count),
    createdAt: new Date('2026-11-26T00:00:00Z'),
  };
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

type Sampler = (drawn: number) => string | undefined;

/** Prints a batch to a byte-counting sink, calling `sample` as ballots are pulled. */
async function print(count: number, format: 'A5' | 'A4', sample: Sampler) {
  const job = batch(count, format);
  const source = job.ballots;
  const samples: string[] = [];
  let drawn = 0;
  job.ballots = (function* () {
    for (const b of source) {
      const s = sample(++drawn);
      if (s) samples.push(s);
      yield b;
    }
  })();
  let bytes = 0;
  let peak = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await renderHouseholdBallots(job, loadPrintFonts()).writeTo((chunk) => {
    bytes += chunk.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  });
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpuSeconds: (cpu.user + cpu.system) / 1e6, bytes, peak, samples };
}

const quarters = (count: number): Sampler => {
  const marks = new Set([0.25, 0.5, 0.75, 1].map((f) => Math.round(count * f)));
  return (drawn) => (marks.has(drawn) ? `${drawn}: rss ${mb(process.memoryUsage().rss)}` : undefined);
};

async function run(label: string, count: number, format: 'A5' | 'A4'): Promise<void> {
  const r = await print(count, format, quarters(count));
  console.log(
    `${label}: ${count} ballots in ${r.wall.toFixed(2)} s wall / ${r.cpuSeconds.toFixed(2)} s CPU = ` +
      `${Math.round(count / r.wall)} ballots/s wall, ${Math.round(count / r.cpuSeconds)} ballots/s per CPU second; ` +
      `${(r.bytes / count / 1024).toFixed(2)} KB/ballot (${mb(r.bytes)}); peak RSS ${mb(r.peak)}\n    RSS as the batch grows: ${r.samples.join(' | ')}`,
  );
}

/** Live heap after a full collection at each tenth of the batch: flat means nothing per ballot is retained. */
async function retained(count: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    console.log('(run with node --expose-gc --import tsx to measure the heap retained as the batch grows)');
    return;
  }
  const step = count / 10;
  const r = await print(count, 'A5', (drawn) => {
    if (drawn % step !== 0) return undefined;
    gc();
    return `${drawn}: ${mb(process.memoryUsage().heapUsed)}`;
  });
  console.log(`heap retained after full GC, ${count} ballots: ${r.samples.join(' | ')}`);
}

console.log(`node ${process.version}, one core`);
await run('warm-up', 200, 'A5');
await run('village of 412 households, A5', 412, 'A5');
await run('village of 412 households, A4', 412, 'A4');
await run('campaign of 10,000 households, A5', 10_000, 'A5');
await retained(10_000);
