import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Lang, Text } from '../../../server/domain/i18n';
import { formatDate } from '../../../server/domain/i18n';
import { Alert, Badge, Table } from '../components';
import type { PublicationInfo, ResultsSnapshot, SnapshotVillage } from './model';
import { CATEGORY_LABEL, KIND_LABEL, num, pct, share } from './format';

// The public results page of one campaign, drawn only from its frozen
// snapshot. Charts are drawn in the browser by web/client/results.ts from the
// JSON block below (the CSP forbids inline scripts; a data block is not run),
// and every chart has a table with the same numbers beside it, so the page
// says everything without JavaScript and to a screen reader.

export interface ChartSpec {
  id: string;
  kind: 'bar' | 'bar-line';
  /** percent axis 0–100 */
  percent?: boolean;
  labels: string[];
  datasets: { label: string; data: number[]; color: string; line?: boolean }[];
}

export interface ResultsPageProps {
  lang: Lang;
  snapshot: ResultsSnapshot;
  publication: PublicationInfo | null;
  versions: PublicationInfo[];
  /** absolute URL of this page, for the share link and the QR */
  pageUrl: string;
  /** 30 days from publication (Đ13 k2) */
  postingUntil: string | null;
  postingDays: number;
  preview: boolean;
}

const T = {
  results: { vi: 'Kết quả', en: 'Results' },
  passed: { vi: 'Thông qua', en: 'Passed' },
  failed: { vi: 'Không thông qua', en: 'Not passed' },
  commune: { vi: 'Toàn xã', en: 'Whole commune' },
  turnout: { vi: 'Tỷ lệ tham gia (trên tổng số hộ)', en: 'Turnout (of all households)' },
  households: { vi: 'Tổng số hộ', en: 'Households' },
  participated: { vi: 'Số hộ tham gia', en: 'Households taking part' },
  required: { vi: 'Số phiếu đồng ý cần đạt', en: 'Approvals needed' },
  approve: { vi: 'Đồng ý', en: 'Approve' },
  village: { vi: 'Thôn', en: 'Village' },
  result: { vi: 'Kết quả', en: 'Result' },
  legal: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  posting: { vi: 'Công bố và niêm yết', en: 'Publication and posting' },
  photos: { vi: 'Ảnh biên bản kiểm phiếu có chữ ký', en: 'Photos of the signed tally sheets' },
  noPhotos: { vi: 'Chưa có ảnh biên bản.', en: 'No photos of the tally sheets.' },
  share: { vi: 'Chia sẻ', en: 'Share' },
  shareHint: { vi: 'Sao chép đường dẫn này để gửi vào nhóm Zalo của thôn, hoặc cho quét mã QR.', en: 'Copy this link into the village Zalo group, or let people scan the QR code.' },
  downloads: { vi: 'Tải dữ liệu', en: 'Download the data' },
  xlsx: { vi: 'Bảng số liệu (Excel)', en: 'Table (Excel)' },
  csv: { vi: 'Bảng số liệu (CSV cho phần mềm, số thập phân dùng dấu chấm)', en: 'Table (CSV for programs, dot decimals)' },
  json: { vi: 'Dữ liệu mở (JSON)', en: 'Open data (JSON)' },
  pdf: { vi: 'Thông báo kết quả để niêm yết (PDF, A4)', en: 'Results notice for posting (PDF, A4)' },
  versions: { vi: 'Các lần công bố', en: 'Published versions' },
  version: { vi: 'Phiên bản', en: 'Version' },
  publishedAt: { vi: 'Ngày công bố', en: 'Published on' },
  reason: { vi: 'Lý do đính chính', en: 'Reason for the correction' },
  hash: { vi: 'Mã kiểm tra (SHA-256)', en: 'Checksum (SHA-256)' },
  advisory: { vi: 'Ý kiến trực tuyến (chỉ để tham khảo)', en: 'Online answers (advisory only)' },
  elected: { vi: 'Người trúng cử', en: 'Elected' },
  tie: { vi: 'Bằng phiếu, cuộc họp quyết định', en: 'Tied: the meeting decides' },
  notElected: { vi: 'Không trúng cử', en: 'Not elected' },
  votes: { vi: 'Số phiếu', en: 'Votes' },
  ofHouseholds: { vi: 'Tỷ lệ trên tổng số hộ', en: 'Share of all households' },
  candidate: { vi: 'Người ứng cử', en: 'Candidate' },
  chart: { vi: 'Biểu đồ', en: 'Chart' },
  tableBelow: { vi: 'Số liệu chi tiết ở bảng ngay dưới.', en: 'The same numbers are in the table below.' },
  preview: { vi: 'Bản xem trước: kết quả này CHƯA được công bố, người dân chưa xem được.', en: 'Preview: these results are NOT published yet; the public cannot see them.' },
  noTally: { vi: 'Chưa có biên bản được xác nhận', en: 'No confirmed tally yet' },
  channel: { vi: 'Hình thức', en: 'Channel' },
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
  advisoryNote: { vi: 'Không thuộc kết quả biểu quyết.', en: 'Not part of the binding result.' },
} satisfies Record<string, Text>;

const COLORS = { approve: '#2e7d32', reject: '#c62828', other: '#6b6b6b', required: '#0b5394', brand: '#0b5394' };

function Verdict(props: { lang: Lang; passed: boolean }) {
  return <Badge tone={props.passed ? 'ok' : 'error'}>{props.passed ? T.passed[props.lang] : T.failed[props.lang]}</Badge>;
}

function choiceText(s: ResultsSnapshot, question: string, value: string, lang: Lang): string {
  const q = s.questions.find((x) => x.name === question);
  return q?.choices.find((c) => c.value === value)?.text[lang] ?? value;
}

function candidateName(s: ResultsSnapshot, id: string): string {
  return s.candidates.find((c) => c.id === id)?.name ?? id;
}

/** The plain-Vietnamese sentence a villager reads first. */
function villageSentence(s: ResultsSnapshot, v: SnapshotVillage, lang: Lang): string {
  const q = s.questions[0];
  const r = q ? v.questions[q.name] : undefined;
  if (!r) return '';
  if (s.campaign.kind === 'election') {
    const names = v.elected.map((id) => candidateName(s, id)).join(', ');
    return lang === 'vi'
      ? `${v.name}: ${names ? `trúng cử ${names}` : 'chưa có người trúng cử'}; mỗi người cần ít nhất ${num(lang, r.required)} phiếu trên tổng số ${num(lang, v.households)} hộ.`
      : `${v.name}: ${names ? `elected ${names}` : 'nobody elected yet'}; each candidate needs at least ${num(lang, r.required)} votes of ${num(lang, v.households)} households.`;
  }
  const approvals = r.counts.approve ?? 0;
  return lang === 'vi'
    ? `${v.name}: ${r.passed ? 'Thông qua' : 'Không thông qua'}, ${num(lang, approvals)} phiếu đồng ý, cần ít nhất ${num(lang, r.required)} phiếu đồng ý trên tổng số ${num(lang, v.households)} hộ.`
    : `${v.name}: ${r.passed ? 'passed' : 'not passed'}, ${num(lang, approvals)} approvals, at least ${num(lang, r.required)} needed of ${num(lang, v.households)} households.`;
}

function Figure(props: { lang: Lang; chart: ChartSpec; title: string; children: Child }) {
  return (
    <section class="result-block">
      <h3>{props.title}</h3>
      <figure class="chart">
        <canvas id={props.chart.id} data-chart={props.chart.id} role="img" aria-label={`${T.chart[props.lang]}: ${props.title}. ${T.tableBelow[props.lang]}`}></canvas>
      </figure>
      {props.children}
    </section>
  );
}

function DecisionResults(props: { lang: Lang; s: ResultsSnapshot; charts: ChartSpec[] }) {
  const { lang, s } = props;
  return (
    <>
      {s.questions.map((q, qi) => {
        const chart: ChartSpec = {
          id: `chart-q${qi}`, kind: 'bar-line', labels: s.villages.map((v) => v.name),
          datasets: [
            ...q.choices.map((c) => ({
              label: c.text[lang], data: s.villages.map((v) => v.questions[q.name]?.counts[c.value] ?? 0),
              color: COLORS[c.value as 'approve'] ?? COLORS.other,
            })),
            { label: T.required[lang], data: s.villages.map((v) => v.questions[q.name]?.required ?? 0), color: COLORS.required, line: true },
          ],
        };
        props.charts.push(chart);
        return (
          <Figure lang={lang} chart={chart} title={s.questions.length > 1 ? q.title[lang] : T.results[lang]}>
            <Table
              lang={lang}
              caption={`${q.title[lang]}: ${lang === 'vi' ? 'số phiếu theo thôn' : 'votes per village'}`}
              rows={s.villages}
              columns={[
                { label: T.village[lang], cell: (v) => v.name, rowHeader: true },
                { label: T.households[lang], cell: (v) => num(lang, v.households), numeric: true },
                { label: T.participated[lang], cell: (v) => num(lang, v.participated), numeric: true },
                { label: T.turnout[lang], cell: (v) => pct(lang, v.turnout), numeric: true },
                ...q.choices.map((c) => ({ label: c.text[lang], cell: (v: SnapshotVillage) => num(lang, v.questions[q.name]?.counts[c.value] ?? 0), numeric: true })),
                { label: T.required[lang], cell: (v) => num(lang, v.questions[q.name]?.required ?? 0), numeric: true },
                {
                  label: T.result[lang],
                  cell: (v) => (v.basis === 'none' ? T.noTally[lang] : <Verdict lang={lang} passed={v.questions[q.name]?.passed ?? false} />),
                },
              ]}
            />
          </Figure>
        );
      })}
    </>
  );
}

function ElectionResults(props: { lang: Lang; s: ResultsSnapshot; charts: ChartSpec[] }) {
  const { lang, s } = props;
  return (
    <>
      {s.villages.map((v, vi) => {
        const r = v.questions.candidates;
        const ids = Object.keys(r?.counts ?? {});
        const chart: ChartSpec = {
          id: `chart-v${vi}`, kind: 'bar-line', labels: ids.map((id) => candidateName(s, id)),
          datasets: [
            { label: T.votes[lang], data: ids.map((id) => r?.counts[id] ?? 0), color: COLORS.brand },
            { label: lang === 'vi' ? 'Số phiếu cần đạt' : 'Votes needed', data: ids.map(() => r?.required ?? 0), color: COLORS.reject, line: true },
          ],
        };
        props.charts.push(chart);
        return (
          <Figure lang={lang} chart={chart} title={v.name}>
            {v.ties.length > 0 ? (
              <Alert kind="warn" title={T.tie[lang]}>
                {v.ties.map((id) => candidateName(s, id)).join(', ')}
              </Alert>
            ) : null}
            {v.unfilledSeats > 0 ? (
              <p>{lang === 'vi' ? `Còn ${v.unfilledSeats} vị trí chưa có người trúng cử.` : `${v.unfilledSeats} seat(s) unfilled.`}</p>
            ) : null}
            <Table
              lang={lang}
              caption={`${v.name}: ${lang === 'vi' ? 'số phiếu bầu' : 'votes'} (${lang === 'vi' ? 'cần ít nhất' : 'at least'} ${num(lang, r?.required ?? 0)} ${lang === 'vi' ? `phiếu trên tổng số ${num(lang, v.households)} hộ` : `of ${num(lang, v.households)} households`})`}
              rows={ids}
              columns={[
                { label: T.candidate[lang], cell: (id) => candidateName(s, id), rowHeader: true },
                { label: T.votes[lang], cell: (id) => num(lang, r?.counts[id] ?? 0), numeric: true },
                { label: T.ofHouseholds[lang], cell: (id) => pct(lang, share(r?.counts[id] ?? 0, v.households)), numeric: true },
                {
                  label: T.result[lang],
                  cell: (id) => v.elected.includes(id)
                    ? <Badge tone="ok">{T.elected[lang]}</Badge>
                    : v.ties.includes(id) ? <Badge tone="warn">{T.tie[lang]}</Badge> : T.notElected[lang],
                },
              ]}
            />
          </Figure>
        );
      })}
    </>
  );
}

function SatisfactionResults(props: { lang: Lang; s: ResultsSnapshot; charts: ChartSpec[] }) {
  const { lang, s } = props;
  const sat = s.satisfaction;
  if (!sat) return null;
  const out: Child[] = [<p>{T.respondents[lang]}: <strong>{num(lang, sat.respondents)}</strong></p>];
  if (sat.sipas) {
    const sipas = sat.sipas;
    const chart: ChartSpec = {
      id: 'chart-sipas', kind: 'bar', percent: true, labels: sipas.elements.map((e) => e.element),
      datasets: [{ label: T.satisfied[lang], data: sipas.elements.map((e) => e.rounded.satisfiedPercent ?? 0), color: COLORS.approve }],
    };
    props.charts.push(chart);
    out.push(
      <Figure lang={lang} chart={chart} title={lang === 'vi' ? 'Chỉ số hài lòng SIPAS theo yếu tố' : 'SIPAS satisfaction by element'}>
        <p>
          {lang === 'vi' ? 'Chỉ số hài lòng chung (trung bình các yếu tố): ' : 'Overall index (mean of the elements): '}
          <strong>{pct(lang, sipas.overall.elementIndex)}</strong>
        </p>
        <Table
          lang={lang}
          caption={lang === 'vi' ? 'Theo yếu tố' : 'By element'}
          rows={sipas.elements}
          columns={[
            { label: T.element[lang], cell: (e) => e.element, rowHeader: true },
            { label: T.answers[lang], cell: (e) => num(lang, e.answers), numeric: true },
            { label: T.satisfied[lang], cell: (e) => pct(lang, e.satisfiedShare), numeric: true },
            { label: T.mean[lang], cell: (e) => (e.mean === null ? '–' : e.mean.toFixed(2)), numeric: true },
          ]}
        />
        <Table
          lang={lang}
          caption={lang === 'vi' ? 'Theo tiêu chí' : 'By criterion'}
          rows={sipas.criteria}
          columns={[
            { label: lang === 'vi' ? 'Tiêu chí' : 'Criterion', cell: (c) => `${c.element} · ${c.name}`, rowHeader: true },
            { label: T.answers[lang], cell: (c) => num(lang, c.answers), numeric: true },
            { label: T.satisfied[lang], cell: (c) => pct(lang, c.satisfiedShare), numeric: true },
            { label: T.mean[lang], cell: (c) => (c.mean === null ? '–' : c.mean.toFixed(2)), numeric: true },
          ]}
        />
      </Figure>,
    );
  }
  if (sat.oneStop) {
    const o = sat.oneStop;
    const levels: Record<string, Text> = {
      very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' }, satisfied: { vi: 'Hài lòng', en: 'Satisfied' }, not_satisfied: { vi: 'Không hài lòng', en: 'Not satisfied' },
    };
    const chart: ChartSpec = {
      id: 'chart-onestop', kind: 'bar', labels: Object.keys(o.overall.counts).map((l) => levels[l]?.[lang] ?? l),
      datasets: [{ label: lang === 'vi' ? 'Số đánh giá' : 'Ratings', data: Object.values(o.overall.counts), color: COLORS.brand }],
    };
    props.charts.push(chart);
    const summaryCols = (key: 'officerId' | 'procedure', label: string) => [
      { label, cell: (r: Record<string, unknown>) => String(r[key]), rowHeader: true },
      { label: lang === 'vi' ? 'Số đánh giá' : 'Ratings', cell: (r: Record<string, unknown>) => num(lang, r.total as number), numeric: true },
      { label: lang === 'vi' ? 'Tỷ lệ hài lòng' : 'Satisfied', cell: (r: Record<string, unknown>) => pct(lang, r.satisfiedShare as number | null), numeric: true },
    ];
    out.push(
      <Figure lang={lang} chart={chart} title={lang === 'vi' ? 'Đánh giá tại Bộ phận Một cửa' : 'One-stop counter ratings'}>
        <Table lang={lang} caption={lang === 'vi' ? 'Theo cán bộ' : 'By officer'} rows={o.byOfficer as unknown as Record<string, unknown>[]} columns={summaryCols('officerId', lang === 'vi' ? 'Cán bộ' : 'Officer')} />
        <Table lang={lang} caption={lang === 'vi' ? 'Theo thủ tục' : 'By procedure'} rows={o.byProcedure as unknown as Record<string, unknown>[]} columns={summaryCols('procedure', lang === 'vi' ? 'Thủ tục' : 'Procedure')} />
        <Table
          lang={lang}
          caption={lang === 'vi' ? 'Lý do không hài lòng (Đ31 NĐ 61/2018)' : 'Reasons for dissatisfaction (NĐ 61/2018 Art. 31)'}
          rows={o.overall.reasons}
          columns={[
            { label: lang === 'vi' ? 'Lý do' : 'Reason', cell: (r) => r.label[lang], rowHeader: true },
            { label: lang === 'vi' ? 'Số lần' : 'Times', cell: (r) => num(lang, r.count), numeric: true },
          ]}
        />
      </Figure>,
    );
  }
  return <>{out}</>;
}

function ConsultationResults(props: { lang: Lang; s: ResultsSnapshot; charts: ChartSpec[] }) {
  const { lang, s } = props;
  const k = s.consultation;
  if (!k) return null;
  return (
    <>
      <p>{T.respondents[lang]}: <strong>{num(lang, k.ballots)}</strong></p>
      {k.questions.map((q, qi) => {
        const values = Object.keys(q.counts);
        const label = (v: string) => q.choices.find((c) => c.value === v)?.text[lang] ?? v;
        const chart: ChartSpec = {
          id: `chart-c${qi}`, kind: 'bar', labels: values.map(label),
          datasets: [{ label: lang === 'vi' ? 'Số ý kiến' : 'Answers', data: values.map((v) => q.counts[v] ?? 0), color: COLORS.brand }],
        };
        props.charts.push(chart);
        return (
          <Figure lang={lang} chart={chart} title={q.title[lang]}>
            <Table
              lang={lang}
              caption={q.title[lang]}
              captionHidden
              rows={values}
              columns={[
                { label: lang === 'vi' ? 'Lựa chọn' : 'Choice', cell: (v) => label(v), rowHeader: true },
                { label: lang === 'vi' ? 'Số ý kiến' : 'Answers', cell: (v) => num(lang, q.counts[v] ?? 0), numeric: true },
                { label: lang === 'vi' ? 'Tỷ lệ' : 'Share', cell: (v) => pct(lang, share(q.counts[v] ?? 0, q.answered)), numeric: true },
              ]}
            />
          </Figure>
        );
      })}
      <section class="result-block">
        <h3>{T.themes[lang]}</h3>
        <p>
          {lang === 'vi'
            ? `${num(lang, k.opinions)} ý kiến bằng lời; ${num(lang, k.opinions - k.ungrouped)} đã được tổng hợp theo nhóm dưới đây.`
            : `${num(lang, k.opinions)} written opinions; ${num(lang, k.opinions - k.ungrouped)} grouped below.`}
        </p>
        {k.themes.length === 0 ? null : (
          <ol class="themes">
            {k.themes.map((t) => (
              <li>
                <h4>
                  {t.title} <Badge tone={t.accepted === null ? 'neutral' : t.accepted ? 'ok' : 'info'}>{t.accepted === null ? T.pending[lang] : t.accepted ? T.accepted[lang] : T.explained[lang]}</Badge>
                </h4>
                <p class="hint">{num(lang, t.count)} {T.opinionsCount[lang]}</p>
                {t.response ? <p>{t.response}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

/** JSON for a data block: `<` escaped so no string in it can close the element. */
export function dataBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function ResultsContent(props: ResultsPageProps) {
  const { lang, snapshot: s, publication } = props;
  const charts: ChartSpec[] = [];
  const base = `/api/v1/campaigns/${s.campaign.id}`;
  const versionQuery = props.preview ? '?preview=1' : '';
  // Called as functions, not as JSX: each pushes its chart specs now, before the data block below is written.
  const kindView = { election: ElectionResults, decision: DecisionResults, satisfaction: SatisfactionResults, consultation: ConsultationResults }[s.campaign.kind];
  const body = kindView({ lang, s, charts });
  const c = s.commune;
  return (
    <>
      {props.preview ? <Alert kind="warn" title={T.preview[lang]} /> : null}
      <p class="hint">
        {KIND_LABEL[s.campaign.kind]![lang]}
        {s.campaign.category && CATEGORY_LABEL[s.campaign.category] ? ` · ${CATEGORY_LABEL[s.campaign.category]![lang]}` : ''}
      </p>
      <h1>{s.campaign.title}</h1>
      {s.campaign.description ? <p class="lead">{s.campaign.description}</p> : null}

      {s.binding ? (
        <section class="result-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">{T.results[lang]}</h2>
          {s.campaign.kind === 'decision' ? (
            <p class="lead">
              <strong>{T.commune[lang]}: </strong>
              <Verdict lang={lang} passed={c.passed} />{' '}
              {c.rule === 'commune_threshold'
                ? lang === 'vi'
                  ? `${num(lang, c.villagesPassed)}/${num(lang, c.villages)} thôn tán thành (cần ít nhất ${num(lang, c.requiredVillages)} thôn).`
                  : `${num(lang, c.villagesPassed)} of ${num(lang, c.villages)} villages approved (at least ${num(lang, c.requiredVillages)} needed).`
                : lang === 'vi'
                  ? `${num(lang, c.villagesPassed)}/${num(lang, c.villages)} thôn đạt.`
                  : `${num(lang, c.villagesPassed)} of ${num(lang, c.villages)} villages passed.`}
            </p>
          ) : null}
          <p>
            {T.turnout[lang]}: <strong>{num(lang, c.participated)}/{num(lang, c.households)} {lang === 'vi' ? 'hộ' : 'households'} ({pct(lang, c.turnout)})</strong>
          </p>
          <ul class="village-sentences">
            {s.villages.map((v) => (
              <li>
                {villageSentence(s, v, lang)}
                {v.fallback ? <span class="hint"> {v.fallback[lang]}</span> : null}
              </li>
            ))}
          </ul>
          {c.roster && c.roster.notes.length > 0 ? <Alert kind="warn">{c.roster.notes.map((n) => n[lang]).join(' ')}</Alert> : null}
        </section>
      ) : null}

      <section aria-labelledby="detail-title">
        <h2 id="detail-title">{lang === 'vi' ? 'Số liệu chi tiết' : 'Details'}</h2>
        {body}
      </section>

      {s.advisory ? (
        <section class="result-block" aria-labelledby="advisory-title">
          <h2 id="advisory-title">{T.advisory[lang]}</h2>
          <p>{s.advisory.note[lang]} {T.advisoryNote[lang]}</p>
          <Table
            lang={lang}
            caption={T.advisory[lang]}
            captionHidden
            rows={s.villages.filter((v) => v.advisory)}
            columns={[
              { label: T.village[lang], cell: (v) => v.name, rowHeader: true },
              ...s.questions.flatMap((q) => q.choices.map((ch) => ({
                label: `${s.questions.length > 1 ? `${q.title[lang]}: ` : ''}${choiceText(s, q.name, ch.value, lang)}`,
                cell: (v: SnapshotVillage) => num(lang, v.advisory?.counts[q.name]?.[ch.value] ?? 0),
                numeric: true,
              }))),
            ]}
          />
        </section>
      ) : null}

      <section aria-labelledby="legal-title">
        <h2 id="legal-title">{T.legal[lang]}</h2>
        <ul>
          {s.legalBasis.map((b) => (
            <li>
              {b.note[lang]} <span class="hint">({b.article})</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="posting-title">
        <h2 id="posting-title">{T.posting[lang]}</h2>
        {publication && !props.preview ? (
          <p>
            {lang === 'vi'
              ? `Công bố ngày ${formatDate(publication.publishedAt)}; niêm yết tại nhà văn hóa thôn và trụ sở UBND xã ít nhất ${props.postingDays} ngày, đến hết ngày ${formatDate(props.postingUntil)}.`
              : `Published on ${formatDate(publication.publishedAt)}; posted at the village cultural houses and the commune office for at least ${props.postingDays} days, until ${formatDate(props.postingUntil)}.`}
          </p>
        ) : (
          <p>{lang === 'vi' ? 'Chưa công bố.' : 'Not published yet.'}</p>
        )}
        {s.auditAnchor && !props.preview ? (
          <p class="muted">
            {lang === 'vi'
              ? `Dấu nhật ký: mục số ${s.auditAnchor.seq}, mã băm `
              : `Audit anchor: entry ${s.auditAnchor.seq}, hash `}
            <code class="hash">{s.auditAnchor.hash}</code>
            {lang === 'vi'
              ? '. Ban Thanh tra nhân dân đối chiếu dấu này với nhật ký để biết nhật ký không bị sửa hay cắt bớt.'
              : '. The inspection board checks this against the log to know it was not rewritten or cut short.'}
          </p>
        ) : null}
        {props.versions.length > 0 ? (
          <Table
            lang={lang}
            caption={T.versions[lang]}
            rows={props.versions}
            columns={[
              { label: T.version[lang], cell: (p) => <a href={`${base}/results?version=${p.version}`}>{p.version}</a>, rowHeader: true },
              { label: T.publishedAt[lang], cell: (p) => formatDate(p.publishedAt) },
              { label: T.reason[lang], cell: (p) => p.reason || '–' },
              { label: T.hash[lang], cell: (p) => <code class="hash">{p.hash}</code> },
            ]}
          />
        ) : null}
      </section>

      {s.binding ? (
        <section aria-labelledby="photos-title">
          <h2 id="photos-title">{T.photos[lang]}</h2>
          {s.photos.length === 0 ? (
            <p>{T.noPhotos[lang]}</p>
          ) : (
            <ul class="cards">
              {s.photos.map((p) => {
                const village = s.villages.find((v) => v.villageId === p.villageId)?.name ?? '';
                const alt = lang === 'vi'
                  ? `Biên bản ${p.channel === 'meeting' ? 'cuộc họp' : 'kiểm phiếu giấy'}, ${village}`
                  : `${p.channel === 'meeting' ? 'Meeting' : 'Paper count'} record, ${village}`;
                const src = `/r/${s.campaign.slug}/photos/${p.id}`;
                return (
                  <li>
                    <a href={src}><img src={src} alt={alt} width="320" loading="lazy" /></a>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">{T.downloads[lang]}</h2>
        <ul>
          <li><a href={`${base}/results.xlsx${versionQuery}`} download>{T.xlsx[lang]}</a></li>
          <li><a href={`${base}/results.csv${versionQuery}`} download>{T.csv[lang]}</a></li>
          <li><a href={`${base}/results.json${versionQuery}`}>{T.json[lang]}</a></li>
          <li><a href={`${base}/results-notice.pdf${versionQuery}`}>{T.pdf[lang]}</a></li>
        </ul>
      </section>

      {props.preview ? null : (
        <section aria-labelledby="share-title">
          <h2 id="share-title">{T.share[lang]}</h2>
          <p>{T.shareHint[lang]}</p>
          <p><a href={props.pageUrl} class="share-link">{props.pageUrl}</a></p>
          <img src={`/r/${s.campaign.slug}/qr.svg`} alt={lang === 'vi' ? `Mã QR dẫn đến ${props.pageUrl}` : `QR code linking to ${props.pageUrl}`} width="180" height="180" />
        </section>
      )}

      <script type="application/json" id="results-charts">{raw(dataBlock({ lang, charts }))}</script>
    </>
  );
}
