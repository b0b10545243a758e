import { raw } from 'hono/html';
import type { Lang, Text } from '../../../server/domain/i18n';
import { formatDate } from '../../../server/domain/i18n';
import { readSnapshot, type PublicationInfo, type ResultsSnapshot, type SnapshotVillage } from '../../../server/domain/results/snapshot';
import { KINDS } from '../../../server/kinds';
import { DEFAULT_RULES } from '../../../server/domain/legal-rules';
import { Alert, Table } from '../components';
import { dataBlock } from './charts';
import { CATEGORY_LABEL, num } from './format';
import { RT } from './parts';
import { shownStatus, type RecognitionStatus } from '../../../server/domain/recognition';
import { RecognitionBlock } from '../recognition/block';

// The public results page of one campaign, drawn only from its frozen
// snapshot: the frame is shared, the numbers are the kind's own view
// (server/kinds/<kind>/results.tsx). Charts are drawn in the browser by
// web/client/results.ts from the JSON block below, computed by the kind's
// pure `charts` (the CSP forbids inline scripts; a data block is not run),
// and every chart has a table with the same numbers beside it, so the page
// says everything without JavaScript and to a screen reader.

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
  /** k3–k5: awaiting recognition or recognised (read beside the snapshot, never in it); the scan's URL where this viewer may open it */
  recognition?: { status: RecognitionStatus; scanUrl: string | null };
}

const T = {
  details: { vi: 'Số liệu chi tiết', en: 'Details' },
  legal: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  posting: { vi: 'Công bố và niêm yết', en: 'Publication and posting' },
  notPublished: { vi: 'Chưa công bố.', en: 'Not published yet.' },
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
  advisoryNote: { vi: 'Không thuộc kết quả biểu quyết.', en: 'Not part of the binding result.' },
  preview: { vi: 'Bản xem trước: kết quả này CHƯA được công bố, người dân chưa xem được.', en: 'Preview: these results are NOT published yet; the public cannot see them.' },
  anchorIntro: { vi: 'Dấu nhật ký: mục số ', en: 'Audit anchor: entry ' },
  anchorHash: { vi: ', mã băm ', en: ', hash ' },
  anchorWhy: {
    vi: '. Ban Thanh tra nhân dân đối chiếu dấu này với nhật ký để biết nhật ký không bị sửa hay cắt bớt.',
    en: '. The inspection board checks this against the log to know it was not rewritten or cut short.',
  },
  meetingRecord: { vi: 'Biên bản cuộc họp', en: 'Meeting record' },
  paperRecord: { vi: 'Biên bản kiểm phiếu giấy', en: 'Paper count record' },
} satisfies Record<string, Text>;

const posted = (publishedAt: string, days: number, until: string | null): Text => ({
  vi: `Công bố ngày ${formatDate(publishedAt)}; niêm yết tại nhà văn hóa thôn và trụ sở UBND xã ít nhất ${days} ngày, đến hết ngày ${formatDate(until)}.`,
  en: `Published on ${formatDate(publishedAt)}; posted at the village cultural houses and the commune office for at least ${days} days, until ${formatDate(until)}.`,
});

/** The preview of a correction: the numbers computed now, beside the version the public sees. */
const correctionPreview = (version: number, publishedAt: string): Text => ({
  vi: `Bản xem trước để đính chính: số liệu tính lại lúc này, chưa công bố. Người dân đang xem phiên bản ${version}, công bố ngày ${formatDate(publishedAt)}.`,
  en: `Preview of a correction: the results computed now, not published. The public sees version ${version}, published on ${formatDate(publishedAt)}.`,
});

const qrAlt = (url: string): Text => ({ vi: `Mã QR dẫn đến ${url}`, en: `QR code linking to ${url}` });

/** "Biên bản cuộc họp, Thôn A" */
const photoAlt = (channel: 'meeting' | 'paper', village: string, lang: Lang): string =>
  `${(channel === 'meeting' ? T.meetingRecord : T.paperRecord)[lang]}, ${village}`;

function choiceText(s: ResultsSnapshot, question: string, value: string, lang: Lang): string {
  const q = s.questions.find((x) => x.name === question);
  return q?.choices.find((c) => c.value === value)?.text[lang] ?? value;
}

export function ResultsContent(props: ResultsPageProps) {
  const { lang, publication } = props;
  // a snapshot published in an earlier format reads in the current shape
  const s = readSnapshot(props.snapshot);
  const kind = KINDS[s.campaign.kind];
  const charts = kind.charts(s, lang);
  const base = `/api/v1/campaigns/${s.campaign.id}`;
  const versionQuery = props.preview ? '?preview=1' : '';
  const { Summary, Results } = kind;
  return (
    <>
      {props.preview ? (
        <Alert kind="warn" title={publication ? correctionPreview(publication.version, publication.publishedAt)[lang] : T.preview[lang]} />
      ) : null}
      <p class="hint">
        {kind.labels.public[lang]}
        {s.campaign.category && CATEGORY_LABEL[s.campaign.category] ? ` · ${CATEGORY_LABEL[s.campaign.category]![lang]}` : ''}
        {s.campaign.board ? ` · ${DEFAULT_RULES.boards[s.campaign.board].value.name[lang]}` : ''}
      </p>
      <h1>{s.campaign.title}</h1>
      {s.campaign.description ? <p class="lead">{s.campaign.description}</p> : null}

      {s.binding && props.recognition ? (
        <RecognitionBlock lang={lang} kind={s.campaign.kind} status={shownStatus(props.recognition.status, s.villages)} scanUrl={props.recognition.scanUrl} />
      ) : null}

      {s.binding && Summary ? (
        <section class="result-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">{RT.results[lang]}</h2>
          <Summary lang={lang} s={s} charts={charts} />
        </section>
      ) : null}

      <section aria-labelledby="detail-title">
        <h2 id="detail-title">{T.details[lang]}</h2>
        <Results lang={lang} s={s} charts={charts} />
      </section>

      {s.advisory ? (
        <section class="result-block" aria-labelledby="advisory-title">
          <h2 id="advisory-title">{T.advisory[lang]}</h2>
          <p>{s.advisory.note[lang]} {T.advisoryNote[lang]}</p>
          <Table
            lang={lang}
            fit
            caption={T.advisory[lang]}
            captionHidden
            rows={s.villages.filter((v) => v.advisory)}
            columns={[
              { label: RT.village[lang], cell: (v) => v.name, rowHeader: true },
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
        {publication ? (
          <p>{posted(publication.publishedAt, props.postingDays, props.postingUntil)[lang]}</p>
        ) : (
          <p>{T.notPublished[lang]}</p>
        )}
        {s.auditAnchor && !props.preview ? (
          <p class="muted">
            {T.anchorIntro[lang]}{s.auditAnchor.seq}{T.anchorHash[lang]}
            <code class="hash">{s.auditAnchor.hash}</code>
            {T.anchorWhy[lang]}
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
                // before publication the public route has nothing to serve: staff read the photo through their own
                const src = props.preview ? `/staff/campaigns/${s.campaign.id}/photos/${p.id}` : `/r/${s.campaign.slug}/photos/${p.id}`;
                return (
                  <li>
                    <a href={src}><img src={src} alt={photoAlt(p.channel, village, lang)} width="320" loading="lazy" /></a>
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
          <img src={`/r/${s.campaign.slug}/qr.svg`} alt={qrAlt(props.pageUrl)[lang]} width="180" height="180" />
        </section>
      )}

      <script type="application/json" id="results-charts">{raw(dataBlock({ lang, charts }))}</script>
    </>
  );
}
