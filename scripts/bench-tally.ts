// Tally engine throughput: aggregating 100,000 online ballot answers plus
// tallying 100 village sheets, and SIPAS indices over 100,000 answers. Target:
// each under 1 s on one core, so a commune's results page can be recomputed
// on every request instead of cached.
// Run: npx tsx scripts/bench-tally.ts
import { aggregateOnlineAnswers, tallyCampaign, type ConfirmedSheet, type TallyVillage } from '../server/domain/tally';
import { sipasIndices } from '../server/domain/satisfaction';

// Deterministic pseudo-random numbers (xorshift32) so runs are comparable.
let x = 2026;
const rand = (n: number): number => {
  x ^= x << 13; x >>>= 0;
  x ^= x >>> 17;
  x ^= x << 5; x >>>= 0;
  return x % n;
};

function time<T>(label: string, runs: number, fn: () => T): T {
  let result = fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`${label}: median ${median.toFixed(1)} ms, worst ${samples[samples.length - 1]!.toFixed(1)} ms over ${runs} runs`);
  return result;
}

const VILLAGES = 100;
const ONLINE = 100_000;
const questions = [
  { name: 'q1', choices: ['approve', 'reject', 'other'] },
  { name: 'q2', choices: ['approve', 'reject', 'other'] },
];
const choices = ['approve', 'reject', 'other'];
const villages: TallyVillage[] = Array.from({ length: VILLAGES }, (_, i) => ({
  villageId: `v${i}`, code: `T${String(i).padStart(3, '0')}`, name: `Thôn ${i}`, households: 2_000,
}));
const online = Array.from({ length: ONLINE }, () => ({
  villageId: `v${rand(VILLAGES)}`,
  binding: true,
  answers: { q1: choices[rand(3)]!, q2: choices[rand(3)]!, comment: 'Ý kiến' },
}));
const sheets: ConfirmedSheet[] = villages.map((v) => ({
  villageId: v.villageId, channel: 'paper', issued: 2_000, returned: 900, invalid: 0,
  counts: { q1: { approve: 700, reject: 150, other: 50 }, q2: { approve: 700, reject: 100, other: 100 } },
}));

const result = time(`decision k6: ${ONLINE.toLocaleString('en')} online answers aggregated + ${VILLAGES} paper sheets tallied`, 5, () => {
  const aggregates = aggregateOnlineAnswers(online, questions);
  return tallyCampaign({ kind: 'decision', category: 'k6', scope: 'village', questions, onlineApprovalRecorded: true }, villages, sheets, aggregates);
});
console.log(`  → ${result.commune.villagesPassed}/${result.villages.length} villages passed`);

const criteria = 'abcde'.split('').flatMap((e, i) => Array.from({ length: [3, 5, 4, 5, 5][i]! }, (_, j) => ({ name: `${e}${j + 1}`, element: e.toUpperCase() })));
const sipasAnswers = Array.from({ length: 100_000 }, () => {
  const a: Record<string, number | null> = {};
  for (const c of criteria) a[c.name] = rand(10) === 0 ? null : 1 + rand(5);
  return a;
});
const sipas = time(`SIPAS: 100,000 answers × ${criteria.length} criteria`, 5, () => sipasIndices(sipasAnswers, criteria));
console.log(`  → overall ${sipas.overall.rounded.text.satisfiedPercent} satisfied, mean ${sipas.overall.rounded.text.mean}`);
