import type { Text } from '../../domain/i18n';
import type { ResultsSnapshot, SnapshotVillage } from '../../domain/results/snapshot';
import { Badge, Table } from '../../../web/views/components';
import { num, pct } from '../../../web/views/results/format';
import { Figure, RT, Verdict } from '../../../web/views/results/parts';
import { TallySummary } from '../tallied/summary';
import type { KindViewProps } from '../kind';

const T = {
  votesPerVillage: { vi: 'số phiếu theo thôn', en: 'votes per village' },
  eachVillage: { vi: 'Mỗi thôn quyết định riêng từng nội dung:', en: 'Each village decides each item for itself:' },
  held: { vi: 'Tạm giữ', en: 'Held' },
} satisfies Record<string, Text>;

/** "4/6 thôn tán thành (cần ít nhất 4 thôn)." for one question at commune scope. */
const villagesLine = (s: ResultsSnapshot, question: string): Text => {
  const c = s.commune;
  const q = c.questions[question];
  const n = q?.villagesPassed ?? 0;
  const needed = q?.required ?? c.requiredVillages;
  return {
    vi: `${num('vi', n)}/${num('vi', c.villages)} thôn tán thành (cần ít nhất ${num('vi', needed)} thôn).`,
    en: `${num('en', n)} of ${num('en', c.villages)} villages approved (at least ${num('en', needed)} needed).`,
  };
};

/** Village scope: each village decided on its own; said without a verdict of the commune. */
const eachVillageLine = (s: ResultsSnapshot, question: string | null): Text => {
  const c = s.commune;
  const n = question ? c.questions[question]?.villagesPassed ?? 0 : c.villagesPassed;
  return {
    vi: `Mỗi thôn quyết định riêng: ${num('vi', n)}/${num('vi', c.villages)} thôn thông qua.`,
    en: `Each village decides for itself: ${num('en', n)} of ${num('en', c.villages)} villages passed.`,
  };
};

const verdictText = (passed: boolean): Text => (passed ? { vi: 'Thông qua', en: 'passed' } : { vi: 'Không thông qua', en: 'not passed' });

/**
 * "Thôn A: Thông qua, 96 phiếu đồng ý, cần ít nhất 101 phiếu đồng ý trên tổng
 * số 151 hộ."; with several questions one per question ("Thôn A, Làm đường: …");
 * a held village says so instead of a verdict.
 */
export function decisionSentences(s: ResultsSnapshot, v: SnapshotVillage): Text[] {
  if (v.held) return [{ vi: `${v.name}: Tạm giữ kết quả.`, en: `${v.name}: result held.` }];
  const several = s.questions.length > 1;
  return s.questions.flatMap((q) => {
    const r = v.questions[q.name];
    if (!r) return [];
    const approvals = r.counts.approve ?? 0;
    const who = { vi: several ? `${v.name}, ${q.title.vi}` : v.name, en: several ? `${v.name}, ${q.title.en}` : v.name };
    return [{
      vi: `${who.vi}: ${verdictText(r.passed).vi}, ${num('vi', approvals)} phiếu đồng ý, cần ít nhất ${num('vi', r.required)} phiếu đồng ý trên tổng số ${num('vi', v.households)} hộ.`,
      en: `${who.en}: ${verdictText(r.passed).en}, ${num('en', approvals)} approvals, at least ${num('en', r.required)} needed of ${num('en', v.households)} households.`,
    }];
  });
}

/**
 * The verdict a villager reads first. At commune scope (k1/k2, Đ21 k1) the
 * commune's, with each question on its own villages; at village scope each
 * village decided for itself, and nothing says the commune did.
 */
export function DecisionSummary(props: KindViewProps) {
  const { lang, s } = props;
  const several = s.questions.length > 1;
  const only = s.villages.length === 1 ? s.villages[0]! : null;
  // the commune decides only a commune matter of several villages; a matter of one village is that village's
  const commune = s.commune.rule === 'commune_threshold' && !only;
  const lead = only && !several ? (
    <p class="lead">
      <strong>{only.name}: </strong>
      {only.held ? <Badge tone="warn">{T.held[lang]}</Badge> : <Verdict lang={lang} passed={only.passed} />}
    </p>
  ) : commune ? (
    <>
      <p class="lead">
        <strong>{RT.commune[lang]}: </strong>
        <Verdict lang={lang} passed={s.commune.passed} />{' '}
        {several ? '' : villagesLine(s, s.questions[0]?.name ?? '')[lang]}
      </p>
      {several ? (
        <ul class="question-verdicts">
          {s.questions.map((q) => {
            const passed = s.commune.questions[q.name]?.passed ?? false;
            return <li>{q.title[lang]}: {verdictText(passed)[lang]}, {villagesLine(s, q.name)[lang]}</li>;
          })}
        </ul>
      ) : null}
    </>
  ) : (
    <>
      <p class="lead">{several ? (only ? `${only.name}:` : T.eachVillage[lang]) : eachVillageLine(s, null)[lang]}</p>
      {several ? (
        <ul class="question-verdicts">
          {s.questions.map((q) => (
            <li>{q.title[lang]}: {only ? verdictText(only.questions[q.name]?.passed ?? false)[lang] : eachVillageLine(s, q.name)[lang]}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
  return <TallySummary lang={lang} s={s} lead={lead} sentences={(v) => decisionSentences(s, v)} />;
}

export function DecisionResults(props: KindViewProps) {
  const { lang, s, charts } = props;
  return (
    <>
      {s.questions.map((q, qi) => (
        <Figure lang={lang} chart={charts.filter((c) => c.id.startsWith(`chart-q${qi}-`))} title={s.questions.length > 1 ? q.title[lang] : RT.results[lang]}>
          <Table
            lang={lang}
            fit
            caption={`${q.title[lang]}: ${T.votesPerVillage[lang]}`}
            rows={s.villages}
            columns={[
              { label: RT.village[lang], cell: (v) => v.name, rowHeader: true },
              { label: RT.households[lang], cell: (v) => num(lang, v.households), numeric: true },
              { label: RT.participated[lang], cell: (v) => num(lang, v.participated), numeric: true },
              { label: RT.turnout[lang], cell: (v) => pct(lang, v.turnout), numeric: true },
              ...q.choices.map((c) => ({ label: c.text[lang], cell: (v: SnapshotVillage) => num(lang, v.questions[q.name]?.counts[c.value] ?? 0), numeric: true })),
              { label: RT.required[lang], cell: (v) => num(lang, v.questions[q.name]?.required ?? 0), numeric: true },
              {
                label: RT.result[lang],
                cell: (v) => (v.held ? <Badge tone="warn">{T.held[lang]}</Badge> : v.basis === 'none' ? RT.noTally[lang] : <Verdict lang={lang} passed={v.questions[q.name]?.passed ?? false} />),
              },
            ]}
          />
        </Figure>
      ))}
    </>
  );
}

