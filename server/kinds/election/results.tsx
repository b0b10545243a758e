import type { Text } from '../../domain/i18n';
import type { ResultsSnapshot, SnapshotVillage } from '../../domain/results/snapshot';
import { ELECTION_QUESTION } from '../../domain/tally';
import { Alert, Badge, Table } from '../../../web/views/components';
import { num, pct, share } from '../../../web/views/results/format';
import { Figure, RT, candidateName } from '../../../web/views/results/parts';
import { TallySummary } from '../tallied/summary';
import type { KindViewProps } from '../kind';

/**
 * "Thôn A: trúng cử Nguyễn Văn An; mỗi người cần ít nhất 76 phiếu trên tổng
 * số 151 hộ.", with a tie at the cut-off and the seats left unfilled.
 */
export function electionSentence(s: ResultsSnapshot, v: SnapshotVillage): Text | null {
  const q = s.questions[0];
  const r = q ? v.questions[q.name] : undefined;
  if (!r) return null;
  if (v.held) return { vi: `${v.name}: Tạm giữ kết quả.`, en: `${v.name}: result held.` };
  const names = v.elected.map((id) => candidateName(s, id)).join(', ');
  const ties = v.ties.map((id) => candidateName(s, id)).join(', ');
  const tie: Text = ties ? { vi: `; bằng phiếu: ${ties} (cuộc họp quyết định)`, en: `; tied: ${ties} (the meeting decides)` } : { vi: '', en: '' };
  // a village that elected someone says how many seats are still open; one that elected nobody already says so
  const open: Text = v.unfilledSeats > 0 && names
    ? { vi: `; còn ${v.unfilledSeats} vị trí chưa có người trúng cử`, en: `; ${v.unfilledSeats} seat(s) unfilled` }
    : { vi: '', en: '' };
  return {
    vi: `${v.name}: ${names ? `trúng cử ${names}` : 'chưa có người trúng cử'}${tie.vi}${open.vi}; mỗi người cần ít nhất ${num('vi', r.required)} phiếu trên tổng số ${num('vi', v.households)} hộ.`,
    en: `${v.name}: ${names ? `elected ${names}` : 'nobody elected yet'}${tie.en}${open.en}; each candidate needs at least ${num('en', r.required)} votes of ${num('en', v.households)} households.`,
  };
}

export function ElectionSummary(props: KindViewProps) {
  return <TallySummary lang={props.lang} s={props.s} sentences={(v) => [electionSentence(props.s, v) ?? { vi: '', en: '' }]} />;
}

const unfilled = (n: number): Text => ({ vi: `Còn ${n} vị trí chưa có người trúng cử.`, en: `${n} seat(s) unfilled.` });

const caption = (v: SnapshotVillage, required: number): Text => ({
  vi: `${v.name}: số phiếu bầu (cần ít nhất ${num('vi', required)} phiếu trên tổng số ${num('vi', v.households)} hộ)`,
  en: `${v.name}: votes (at least ${num('en', required)} of ${num('en', v.households)} households)`,
});

export function ElectionResults(props: KindViewProps) {
  const { lang, s, charts } = props;
  return (
    <>
      {s.villages.map((v, vi) => {
        const r = v.questions[ELECTION_QUESTION];
        const ids = Object.keys(r?.counts ?? {});
        return (
          <Figure lang={lang} chart={charts[vi]!} title={v.name}>
            {v.ties.length > 0 ? (
              <Alert kind="warn" title={RT.tie[lang]}>
                {v.ties.map((id) => candidateName(s, id)).join(', ')}
              </Alert>
            ) : null}
            {v.unfilledSeats > 0 ? <p>{unfilled(v.unfilledSeats)[lang]}</p> : null}
            <Table
              lang={lang}
              fit
              caption={caption(v, r?.required ?? 0)[lang]}
              rows={ids}
              columns={[
                { label: RT.candidate[lang], cell: (id) => candidateName(s, id), rowHeader: true },
                { label: RT.votes[lang], cell: (id) => num(lang, r?.counts[id] ?? 0), numeric: true },
                { label: RT.ofHouseholds[lang], cell: (id) => pct(lang, share(r?.counts[id] ?? 0, v.households)), numeric: true },
                {
                  label: RT.result[lang],
                  cell: (id) => v.elected.includes(id)
                    ? <Badge tone="ok">{RT.elected[lang]}</Badge>
                    : v.ties.includes(id) ? <Badge tone="warn">{RT.tie[lang]}</Badge> : RT.notElected[lang],
                },
              ]}
            />
          </Figure>
        );
      })}
    </>
  );
}
