import type { Text } from '../../domain/i18n';
import type { ResultsSnapshot, SnapshotVillage } from '../../domain/results/snapshot';
import { Table } from '../../../web/views/components';
import { num, pct } from '../../../web/views/results/format';
import { Figure, RT, Verdict } from '../../../web/views/results/parts';
import { TallySummary } from '../tallied/summary';
import type { KindViewProps } from '../kind';

const T = {
  votesPerVillage: { vi: 'số phiếu theo thôn', en: 'votes per village' },
} satisfies Record<string, Text>;

const communeLine = (s: ResultsSnapshot): Text => {
  const c = s.commune;
  const [passed, total, needed] = [num('vi', c.villagesPassed), num('vi', c.villages), num('vi', c.requiredVillages)];
  const [passedEn, totalEn, neededEn] = [num('en', c.villagesPassed), num('en', c.villages), num('en', c.requiredVillages)];
  return c.rule === 'commune_threshold'
    ? { vi: `${passed}/${total} thôn tán thành (cần ít nhất ${needed} thôn).`, en: `${passedEn} of ${totalEn} villages approved (at least ${neededEn} needed).` }
    : { vi: `${passed}/${total} thôn đạt.`, en: `${passedEn} of ${totalEn} villages passed.` };
};

/** "Thôn A: Thông qua, 96 phiếu đồng ý, cần ít nhất 101 phiếu đồng ý trên tổng số 151 hộ." */
export function decisionSentence(s: ResultsSnapshot, v: SnapshotVillage): Text | null {
  const q = s.questions[0];
  const r = q ? v.questions[q.name] : undefined;
  if (!r) return null;
  const approvals = r.counts.approve ?? 0;
  return {
    vi: `${v.name}: ${r.passed ? 'Thông qua' : 'Không thông qua'}, ${num('vi', approvals)} phiếu đồng ý, cần ít nhất ${num('vi', r.required)} phiếu đồng ý trên tổng số ${num('vi', v.households)} hộ.`,
    en: `${v.name}: ${r.passed ? 'passed' : 'not passed'}, ${num('en', approvals)} approvals, at least ${num('en', r.required)} needed of ${num('en', v.households)} households.`,
  };
}

export function DecisionSummary(props: KindViewProps) {
  const { lang, s } = props;
  const lead = (
    <p class="lead">
      <strong>{RT.commune[lang]}: </strong>
      <Verdict lang={lang} passed={s.commune.passed} />{' '}
      {communeLine(s)[lang]}
    </p>
  );
  return <TallySummary lang={lang} s={s} lead={lead} sentence={(v) => decisionSentence(s, v)} />;
}

export function DecisionResults(props: KindViewProps) {
  const { lang, s, charts } = props;
  return (
    <>
      {s.questions.map((q, qi) => (
        <Figure lang={lang} chart={charts[qi]!} title={s.questions.length > 1 ? q.title[lang] : RT.results[lang]}>
          <Table
            lang={lang}
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
                cell: (v) => (v.basis === 'none' ? RT.noTally[lang] : <Verdict lang={lang} passed={v.questions[q.name]?.passed ?? false} />),
              },
            ]}
          />
        </Figure>
      ))}
    </>
  );
}

