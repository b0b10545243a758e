import type { Child } from 'hono/jsx';
import type { Lang, Text } from '../../../server/domain/i18n';
import type { ResultsSnapshot } from '../../../server/domain/results/snapshot';
import { Badge } from '../components';
import type { ChartSpec } from './charts';

// What the results views of every kind share: their words, the verdict badge
// and the figure that holds a chart above its table.

export const RT = {
  results: { vi: 'Kết quả', en: 'Results' },
  passed: { vi: 'Thông qua', en: 'Passed' },
  failed: { vi: 'Không thông qua', en: 'Not passed' },
  commune: { vi: 'Toàn xã', en: 'Whole commune' },
  turnout: { vi: 'Tỷ lệ tham gia (trên tổng số hộ)', en: 'Turnout (of all households)' },
  households: { vi: 'Tổng số hộ', en: 'Households' },
  householdsUnit: { vi: 'hộ', en: 'households' },
  participated: { vi: 'Số hộ tham gia', en: 'Households taking part' },
  required: { vi: 'Số phiếu đồng ý cần đạt', en: 'Approvals needed' },
  village: { vi: 'Thôn', en: 'Village' },
  result: { vi: 'Kết quả', en: 'Result' },
  elected: { vi: 'Người trúng cử', en: 'Elected' },
  tie: { vi: 'Bằng phiếu, cuộc họp quyết định', en: 'Tied: the meeting decides' },
  notElected: { vi: 'Không trúng cử', en: 'Not elected' },
  votes: { vi: 'Số phiếu', en: 'Votes' },
  votesNeeded: { vi: 'Số phiếu cần đạt', en: 'Votes needed' },
  ofHouseholds: { vi: 'Tỷ lệ trên tổng số hộ', en: 'Share of all households' },
  candidate: { vi: 'Người ứng cử', en: 'Candidate' },
  chart: { vi: 'Biểu đồ', en: 'Chart' },
  tableBelow: { vi: 'Số liệu chi tiết ở bảng ngay dưới.', en: 'The same numbers are in the table below.' },
  noTally: { vi: 'Chưa có biên bản được xác nhận', en: 'No confirmed tally yet' },
  respondents: { vi: 'Số người trả lời', en: 'Respondents' },
  satisfied: { vi: 'Tỷ lệ hài lòng (mức 4–5)', en: 'Satisfied (levels 4–5)' },
  mean: { vi: 'Điểm trung bình (1–5)', en: 'Mean (1–5)' },
  element: { vi: 'Yếu tố', en: 'Element' },
  answers: { vi: 'Số câu trả lời', en: 'Answers' },
  themes: { vi: 'Tổng hợp ý kiến và trả lời của xã', en: 'Opinions grouped and the commune’s answers' },
  accepted: { vi: 'Tiếp thu', en: 'Taken on' },
  explained: { vi: 'Giải trình', en: 'Explained' },
  pending: { vi: 'Đang xem xét', en: 'Under review' },
  opinionsCount: { vi: 'ý kiến', en: 'opinions' },
} satisfies Record<string, Text>;

export function Verdict(props: { lang: Lang; passed: boolean }) {
  return <Badge tone={props.passed ? 'ok' : 'error'}>{props.passed ? RT.passed[props.lang] : RT.failed[props.lang]}</Badge>;
}

/**
 * A chart (drawn in the browser) with its table below, under a heading (h3,
 * or h4 inside a part of its own); `kicker` is a line above the heading (the
 * form section a question sits in). Several charts (one per village) stand
 * side by side, each under its own title.
 */
export function Figure(props: { lang: Lang; chart: ChartSpec | ChartSpec[]; title: string; children: Child; level?: 3 | 4; kicker?: Child }) {
  const H = props.level === 4 ? 'h4' : 'h3';
  const label = (title: string) => `${RT.chart[props.lang]}: ${title}. ${RT.tableBelow[props.lang]}`;
  return (
    <section class="result-block">
      {props.kicker ? <p class="hint">{props.kicker}</p> : null}
      <H>{props.title}</H>
      {Array.isArray(props.chart) ? (
        <div class="chart-grid">
          {props.chart.map((c) => (
            <figure class="chart chart-village">
              <ChartCaption chart={c} />
              <div class="chart-box">
                <canvas id={c.id} data-chart={c.id} role="img" aria-label={label(`${props.title}, ${c.title ?? ''}`)}></canvas>
              </div>
            </figure>
          ))}
        </div>
      ) : (
        <figure class="chart">
          <div class="chart-box">
            <canvas id={props.chart.id} data-chart={props.chart.id} role="img" aria-label={label(props.title)}></canvas>
          </div>
          {props.chart.threshold ? <figcaption class="threshold-key">{props.chart.threshold.label}</figcaption> : null}
        </figure>
      )}
      {props.children}
    </section>
  );
}

/** A village chart's title, and the key to its threshold line ("Cần 207 phiếu đồng ý") beside it, never over the bars. */
export function ChartCaption(props: { chart: ChartSpec }) {
  const t = props.chart.threshold;
  return (
    <figcaption>
      {props.chart.title}
      {t ? <span class="threshold-key">{t.label}</span> : null}
    </figcaption>
  );
}

export function candidateName(s: ResultsSnapshot, id: string): string {
  return s.candidates.find((c) => c.id === id)?.name ?? id;
}
