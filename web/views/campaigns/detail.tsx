import type { Lang, Text } from '../../../server/domain/i18n';
import { formatNumber } from '../../../server/domain/i18n';
import { Alert, Badge, Button, DateText, LinkButton, NumberText, Stat, Stats, Table } from '../components';
import { CsrfField, StaffPage, type StaffFrame } from './page';
import { StatusBadge } from './list';
import { CATEGORY_LABEL, CHANNEL_LABEL, KIND_LABEL, label } from './labels';
import { OutreachSummary, type OutreachVillageView } from '../outreach/page';
import { Glance, NotReturnedLink } from './glance';
import { neededOf, type VillageGlance } from '../../../server/domain/participation';
import { participationCharts } from '../results/charts';
import { ChartCaption } from '../results/parts';
import { KINDS } from '../../../server/kinds';
import { TimelineSection, type TimelineView } from './timeline';

/** Kinds whose written answers staff group under themes (consultation, satisfaction). */
const withThemes = (kind: string) => {
  const k = KINDS[kind as keyof typeof KINDS] as (typeof KINDS)[keyof typeof KINDS] | undefined;
  return k !== undefined && k.source === 'answers' && k.themes;
};

const T = {
  back: { vi: 'Đợt lấy ý kiến', en: 'Campaigns' },
  facts: { vi: 'Thông tin chung', en: 'Overview' },
  kind: { vi: 'Loại', en: 'Kind' },
  category: { vi: 'Khoản (Điều 15)', en: 'Category (Art. 15)' },
  channels: { vi: 'Kênh', en: 'Channels' },
  advisory: { vi: 'Ý kiến trực tuyến chỉ để tham khảo', en: 'Online answers for reference only' },
  secret: { vi: 'Bỏ phiếu kín', en: 'Secret ballot' },
  plannedOpen: { vi: 'Ngày bắt đầu (kế hoạch)', en: 'Planned opening' },
  plannedClose: { vi: 'Hạn kết thúc', en: 'Closing date' },
  opened: { vi: 'Đã mở lúc', en: 'Opened' },
  closed: { vi: 'Đã đóng lúc', en: 'Closed' },
  notSet: { vi: 'chưa đặt', en: 'not set' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  edit: { vi: 'Sửa bản nháp', en: 'Edit the draft' },
  open: { vi: 'Mở đợt lấy ý kiến', en: 'Open the campaign' },
  openConfirm: {
    vi: 'Mở đợt lấy ý kiến? Số hộ của từng thôn sẽ được chốt và không sửa được nội dung nữa.',
    en: 'Open the campaign? Household counts are frozen and the content can no longer be edited.',
  },
  openHint: { vi: 'Khi mở, số hộ của mỗi thôn được chốt làm mẫu số; nội dung không sửa được nữa.', en: 'Opening freezes each village’s household count; the content can no longer change.' },
  close: { vi: 'Đóng đợt lấy ý kiến', en: 'Close the campaign' },
  closeConfirm: { vi: 'Đóng đợt lấy ý kiến? Sau khi đóng không nhận thêm phiếu trực tuyến.', en: 'Close the campaign? No more online answers are accepted.' },
  print: { vi: 'In phiếu, biểu mẫu, áp phích', en: 'Print ballots, forms, posters' },
  tallies: { vi: 'Biên bản kiểm phiếu', en: 'Tally sheets' },
  themes: { vi: 'Tổng hợp, giải trình ý kiến', en: 'Group and answer opinions' },
  onlineRecords: { vi: 'Biên bản biểu quyết trực tuyến', en: 'Online-vote record' },
  hdndReport: { vi: 'Báo cáo HĐND xã (PDF)', en: 'Report to the People’s Council (PDF)' },
  fromInitiative: { vi: 'Từ sáng kiến của Nhân dân', en: 'From a citizen initiative' },
  results: { vi: 'Xem trước kết quả', en: 'Preview the results' },
  electionPrep: { vi: 'Người ứng cử, tiêu chuẩn, Tổ bầu cử', en: 'Candidates, eligibility, election team' },
  kiosk: { vi: 'Bật chế độ kiosk tại quầy', en: 'Kiosk mode at the counter' },
  participation: { vi: 'Tham gia theo thôn', en: 'Participation by village' },
  participationCaption: { vi: 'Số hộ đã trả lời, theo thôn và kênh', en: 'Households that answered, by village and channel' },
  chartLabel: { vi: 'Biểu đồ: số hộ đã trả lời theo thôn (số liệu như bảng bên cạnh)', en: 'Chart: households that answered by village (same numbers as the table)' },
  householdsUnit: { vi: 'hộ', en: 'households' },
  village: { vi: 'Thôn', en: 'Village' },
  households: { vi: 'Tổng số hộ', en: 'Households' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  paper: { vi: 'Phiếu giấy đã kiểm', en: 'Paper counted' },
  total: { vi: 'Đã tham gia', en: 'Took part' },
  share: { vi: 'Tỷ lệ', en: 'Share' },
  notFrozen: { vi: 'Số hộ được chốt khi mở đợt; đang hiển thị số hộ hiện có trong sổ.', en: 'Household counts are frozen on opening; the register’s current counts are shown.' },
  anonymous: { vi: 'Phiếu khảo sát ẩn danh đã nhận', en: 'Anonymous answers received' },
  serials: { vi: 'Mã phiếu', en: 'Ballot serials' },
  serialsIntro: {
    vi: 'Mỗi hộ một mã phiếu in kèm mã QR. Phát mã trước khi in phiếu; bấm lại chỉ phát cho hộ mới thêm vào sổ.',
    en: 'One serial with a QR code per household. Issue them before printing; issuing again only adds households new to the register.',
  },
  issued: { vi: 'Mã phiếu đã phát', en: 'Serials issued' },
  inScope: { vi: 'Hộ trong phạm vi', en: 'Households in scope' },
  issue: { vi: 'Phát mã phiếu', en: 'Issue serials' },
  serialsCaption: { vi: 'Mã phiếu đã phát theo thôn', en: 'Serials issued by village' },
  noSerials: { vi: 'Khảo sát hài lòng là ẩn danh: dùng mã QR chung trên áp phích, không phát mã phiếu theo hộ.', en: 'Satisfaction surveys are anonymous: they use the poster QR, not household serials.' },
  description: { vi: 'Nội dung', en: 'Content' },
  candidates: { vi: 'Người ứng cử', en: 'Candidates' },
  seats: { vi: 'Số người được bầu mỗi thôn', en: 'Seats per village' },
} satisfies Record<string, Text>;

export interface ParticipationRow {
  villageId: string;
  code: string;
  name: string;
  /** frozen H once open; the register's count while draft */
  households: number;
  online: number;
  paper: number;
}

export interface CampaignDetailView {
  id: string;
  slug: string;
  title: string;
  description: string;
  kind: string;
  category: string | null;
  status: string;
  channels: string[];
  advisoryOnline: boolean;
  secret: boolean;
  seats: number | null;
  opensAt: string | null;
  closesAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  frozen: boolean;
  villages: ParticipationRow[];
  candidates: { name: string; birthYear: number | null; villageName: string }[];
  anonymousAnswers: number;
}

export interface CampaignDetailProps extends StaffFrame {
  campaign: CampaignDetailView;
  /** staff and admin manage; other roles read */
  canManage: boolean;
  /** serials issued per village (staff only) */
  serials?: { villageId: string; name: string; households: number; serials: number }[];
  notice?: string;
  error?: string;
  /** how each village learnt of it (notice, loudspeaker, Zalo, invitations), against the deadlines */
  outreach?: { kinds: string[]; villages: OutreachVillageView[] };
  /** one village in view: "163/412 hộ — cần 207 — còn 14 ngày" */
  glance?: { village: string; glance: VillageGlance };
  /** the campaign's households take part by their own ballot: link the list of those not back */
  notReturned?: { villageId?: string; village?: string };
  /** every step the law sets, its deadline, done or overdue (issue 13) */
  timeline?: TimelineView;
  stepValues?: Record<string, string>;
  stepErrors?: { path: string; message: string }[];
  /** the records after the count (staff): the online-vote record, the HĐND report, the initiative it came from */
  records?: { onlineRecords: boolean; hdndReport: boolean; initiative: { id: string; matter: string } | null };
}

const percent = (n: number, d: number) => (d > 0 ? `${formatNumber(Math.round((n / d) * 1000) / 10)} %` : '–');

function Facts(props: { lang: Lang; c: CampaignDetailView }) {
  const { lang, c } = props;
  return (
    <dl class="ballot-facts">
      <dt>{T.kind[lang]}</dt>
      <dd>{label(KIND_LABEL, c.kind, lang)}</dd>
      {c.category ? (
        <>
          <dt>{T.category[lang]}</dt>
          <dd>{label(CATEGORY_LABEL, c.category, lang)}</dd>
        </>
      ) : null}
      <dt>{T.channels[lang]}</dt>
      <dd>
        {c.channels.map((ch) => label(CHANNEL_LABEL, ch, lang)).join('; ')}
        {c.advisoryOnline ? <> <Badge tone="info">{T.advisory[lang]}</Badge></> : null}
        {c.secret ? <> <Badge>{T.secret[lang]}</Badge></> : null}
      </dd>
      <dt>{T.plannedOpen[lang]}</dt>
      <dd>{c.opensAt ? <DateText iso={c.opensAt} /> : T.notSet[lang]}</dd>
      <dt>{T.plannedClose[lang]}</dt>
      <dd>{c.closesAt ? <DateText iso={c.closesAt} /> : T.notSet[lang]}</dd>
      {c.openedAt ? (
        <>
          <dt>{T.opened[lang]}</dt>
          <dd><DateText iso={c.openedAt} time /></dd>
        </>
      ) : null}
      {c.closedAt ? (
        <>
          <dt>{T.closed[lang]}</dt>
          <dd><DateText iso={c.closedAt} time /></dd>
        </>
      ) : null}
      {c.seats ? (
        <>
          <dt>{T.seats[lang]}</dt>
          <dd><NumberText value={c.seats} /></dd>
        </>
      ) : null}
    </dl>
  );
}

function Actions(props: { lang: Lang; c: CampaignDetailView; csrfToken: string; records?: CampaignDetailProps['records'] }) {
  const { lang, c } = props;
  const base = `/staff/campaigns/${encodeURIComponent(c.id)}`;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{T.actions[lang]}</h2>
      {c.status === 'draft' ? <p class="hint">{T.openHint[lang]}</p> : null}
      <div class="actions">
        {c.status === 'draft' ? <LinkButton href={`${base}/edit`} variant="secondary">{T.edit[lang]}</LinkButton> : null}
        {c.status === 'draft' ? (
          <form method="post" action={`${base}/open`} data-confirm={T.openConfirm[lang]}>
            <CsrfField token={props.csrfToken} />
            <Button>{T.open[lang]}</Button>
          </form>
        ) : null}
        {c.status === 'open' ? (
          <form method="post" action={`${base}/close`} data-confirm={T.closeConfirm[lang]}>
            <CsrfField token={props.csrfToken} />
            <Button variant="danger">{T.close[lang]}</Button>
          </form>
        ) : null}
        <LinkButton href={`/staff/print?campaignId=${encodeURIComponent(c.id)}`} variant="secondary">{T.print[lang]}</LinkButton>
        {c.kind !== 'satisfaction' ? <LinkButton href="/staff/tallies" variant="secondary">{T.tallies[lang]}</LinkButton> : null}
        {c.status !== 'draft' ? <LinkButton href={`${base}/results`} variant="secondary">{T.results[lang]}</LinkButton> : null}
        {c.kind === 'election' ? <LinkButton href={`${base}/election`} variant="secondary">{T.electionPrep[lang]}</LinkButton> : null}
        {withThemes(c.kind) && c.status !== 'draft' ? <LinkButton href={`${base}/themes`} variant="secondary">{T.themes[lang]}</LinkButton> : null}
        {c.kind === 'satisfaction' && c.status === 'open' ? <LinkButton href={`${base}/kiosk`} variant="secondary">{T.kiosk[lang]}</LinkButton> : null}
        {props.records?.onlineRecords && c.status !== 'draft' ? <LinkButton href={`${base}/online-records`} variant="secondary">{T.onlineRecords[lang]}</LinkButton> : null}
        {props.records?.hdndReport ? <LinkButton href={`/api/v1/campaigns/${encodeURIComponent(c.id)}/hdnd-report.pdf`} variant="secondary" download>{T.hdndReport[lang]}</LinkButton> : null}
      </div>
      {props.records?.initiative ? (
        <p class="from-initiative">{T.fromInitiative[lang]}: <a href={`/staff/initiatives/${encodeURIComponent(props.records.initiative.id)}`}>{props.records.initiative.matter}</a></p>
      ) : null}
    </section>
  );
}

/** Participation per village, a chart and the same numbers as a table; `id` keeps several on one page apart. */
export function Participation(props: { lang: Lang; c: CampaignDetailView; id?: string; title?: string }) {
  const { lang, c } = props;
  const id = props.id ?? 'participation';
  const rows = c.villages;
  const one = rows.length === 1;
  // one chart per village, its axis ending at the village's households, the approvals needed a line
  const charts = participationCharts(id, rows.map((r) => ({ ...r, needed: neededOf(c, r.households) })), {
    online: T.online[lang], paper: T.paper[lang], total: T.total[lang], unit: T.householdsUnit[lang],
    needed: (n) => (lang === 'vi' ? `Cần ${formatNumber(n)} phiếu đồng ý` : `${formatNumber(n)} approvals needed`),
    title: (name, h) => `${name} (${formatNumber(h)} ${T.householdsUnit[lang]})`,
  });
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.title ?? T.participation[lang]}</h2>
      {c.frozen ? null : <p class="hint">{T.notFrozen[lang]}</p>}
      {c.kind === 'satisfaction' ? (
        <Stats>
          <Stat label={T.anonymous[lang]} value={c.anonymousAnswers} />
        </Stats>
      ) : (
        <>
          <div class="chart-grid">
            {charts.map((chart) => (
              <figure class="chart chart-village">
                <ChartCaption chart={chart} />
                <div class="chart-box">
                  <canvas id={chart.id} role="img" aria-label={`${T.chartLabel[lang]}: ${chart.title}`} data-chart={JSON.stringify(chart)}></canvas>
                </div>
              </figure>
            ))}
          </div>
          <Table
            lang={lang}
            id={`${id}-table`}
            fit
            caption={one ? `${T.participationCaption[lang]}: ${rows[0]!.name}` : T.participationCaption[lang]}
            rows={rows}
            columns={[
              // a village head's one village is named in the caption: its column would push the numbers off a phone
              ...(one ? [] : [{ label: T.village[lang], rowHeader: true, cell: (r: ParticipationRow) => r.name }]),
              { label: T.total[lang], numeric: true, cell: (r) => <NumberText value={r.online + r.paper} /> },
              { label: T.share[lang], numeric: true, cell: (r) => percent(r.online + r.paper, r.households) },
              { label: T.households[lang], numeric: true, cell: (r) => <NumberText value={r.households} /> },
              { label: T.online[lang], numeric: true, cell: (r) => <NumberText value={r.online} /> },
              { label: T.paper[lang], numeric: true, cell: (r) => <NumberText value={r.paper} /> },
            ]}
          />
        </>
      )}
    </section>
  );
}

function Serials(props: { lang: Lang; c: CampaignDetailView; rows: NonNullable<CampaignDetailProps['serials']>; csrfToken: string }) {
  const { lang, c, rows } = props;
  if (c.kind === 'satisfaction') {
    return (
      <section aria-labelledby="serials-title">
        <h2 id="serials-title">{T.serials[lang]}</h2>
        <p>{T.noSerials[lang]}</p>
      </section>
    );
  }
  const issued = rows.reduce((s, r) => s + r.serials, 0);
  const households = rows.reduce((s, r) => s + r.households, 0);
  return (
    <section aria-labelledby="serials-title">
      <h2 id="serials-title">{T.serials[lang]}</h2>
      <p>{T.serialsIntro[lang]}</p>
      <Stats>
        <Stat label={T.issued[lang]} value={issued} />
        <Stat label={T.inScope[lang]} value={households} />
      </Stats>
      {c.status === 'draft' || c.status === 'open' ? (
        <form method="post" action={`/staff/campaigns/${encodeURIComponent(c.id)}/serials`}>
          <CsrfField token={props.csrfToken} />
          <Button>{T.issue[lang]}</Button>
        </form>
      ) : null}
      <Table
        lang={lang}
        caption={T.serialsCaption[lang]}
        rows={rows}
        columns={[
          { label: T.village[lang], rowHeader: true, cell: (r) => r.name },
          { label: T.households[lang], numeric: true, cell: (r) => <NumberText value={r.households} /> },
          { label: T.issued[lang], numeric: true, cell: (r) => <NumberText value={r.serials} /> },
        ]}
      />
    </section>
  );
}

export function CampaignDetailPage(props: CampaignDetailProps) {
  const { lang, campaign: c } = props;
  return (
    <StaffPage {...props} title={c.title} scripts={c.kind === 'satisfaction' ? [] : ['participation.js']}>
      <nav class="breadcrumbs" aria-label={T.back[lang]}>
        <a href="/staff/campaigns">{T.back[lang]}</a>
      </nav>
      <h1>{c.title}</h1>
      <p><StatusBadge status={c.status} lang={lang} /></p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      {props.error ? <Alert kind="error">{props.error}</Alert> : null}
      {props.glance ? <Glance lang={lang} glance={props.glance.glance} village={props.glance.village} closesAt={c.closesAt} /> : null}
      {props.notReturned ? <p><NotReturnedLink lang={lang} campaignId={c.id} {...props.notReturned} /></p> : null}
      <section aria-labelledby="facts-title">
        <h2 id="facts-title" class="visually-hidden">{T.facts[lang]}</h2>
        <Facts lang={lang} c={c} />
        {c.description ? (
          <>
            <h3>{T.description[lang]}</h3>
            <div class="campaign-description">
              {c.description.split('\n').map((p) => <p>{p}</p>)}
            </div>
          </>
        ) : null}
        {c.candidates.length ? (
          <>
            <h3>{T.candidates[lang]}</h3>
            <ul>
              {c.candidates.map((k) => <li>{k.name}{k.birthYear ? ` (${k.birthYear})` : ''} – {k.villageName}</li>)}
            </ul>
          </>
        ) : null}
      </section>
      {props.canManage ? <Actions lang={lang} c={c} csrfToken={props.csrfToken} records={props.records} /> : null}
      {props.timeline ? (
        <TimelineSection lang={lang} campaignId={c.id} timeline={props.timeline} canRecord={props.canManage} csrfToken={props.csrfToken}
          values={props.stepValues} errors={props.stepErrors} />
      ) : null}
      <Participation lang={lang} c={c} />
      {props.outreach ? <OutreachSummary lang={lang} campaignId={c.id} kinds={props.outreach.kinds} villages={props.outreach.villages} /> : null}
      {props.canManage && props.serials ? <Serials lang={lang} c={c} rows={props.serials} csrfToken={props.csrfToken} /> : null}
    </StaffPage>
  );
}
