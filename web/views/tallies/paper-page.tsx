import type { Lang, Text } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Button, Stat, Stats } from '../components';
import type { PageUser } from './model';

// Registering returned paper ballots (docs/design.md §3): the counters type or
// scan each ballot's serial; a duplicate is told on the spot, in large
// letters, so the ballot is set aside before it reaches the count.

export const PAPER_TEXT = {
  title: { vi: 'Ghi nhận phiếu giấy thu về', en: 'Register returned paper ballots' },
  intro: {
    vi: 'Quét mã QR hoặc gõ mã in trên phiếu (hoặc cuống phiếu). Phiếu trùng được báo ngay để để riêng, không kiểm.',
    en: 'Scan the QR code or type the serial printed on the ballot (or its stub). A duplicate is flagged at once so it is set aside.',
  },
  serial: { vi: 'Mã phiếu', en: 'Ballot serial' },
  serialHint: { vi: '11 ký tự, ví dụ ABCD-EFGH-JKM. Không phân biệt chữ hoa, chữ thường.', en: '11 characters, e.g. ABCD-EFGH-JKM. Any letter case.' },
  register: { vi: 'Ghi nhận', en: 'Register' },
  scan: { vi: 'Quét mã QR bằng máy ảnh', en: 'Scan the QR code with the camera' },
  stopScan: { vi: 'Tắt máy ảnh', en: 'Stop the camera' },
  ok: { vi: 'ĐÃ GHI NHẬN', en: 'REGISTERED' },
  dup: { vi: 'TRÙNG', en: 'DUPLICATE' },
  notFound: { vi: 'KHÔNG TÌM THẤY', en: 'NOT FOUND' },
  error: { vi: 'CHƯA GHI NHẬN', en: 'NOT REGISTERED' },
  household: { vi: 'Hộ', en: 'Household' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  registered: { vi: 'Phiếu giấy đã ghi nhận', en: 'Paper ballots registered' },
  online: { vi: 'Đã trả lời trực tuyến', en: 'Answered online' },
  missing: { vi: 'Chưa có phiếu', en: 'Not yet heard from' },
  households: { vi: 'Tổng số hộ', en: 'Households' },
  back: { vi: 'Về danh sách biên bản', en: 'Back to the tally sheets' },
  perBallot: { vi: 'Kiểm từng phiếu', en: 'Count ballot by ballot' },
  perBallotHint: {
    vi: 'Khi kiểm từng phiếu: gõ mã phiếu rồi nhập nội dung đánh dấu trên phiếu.',
    en: 'When counting ballot by ballot: type the serial, then enter the marks on the ballot.',
  },
  enterMarks: { vi: 'Nhập nội dung phiếu', en: 'Enter the marks' },
} satisfies Record<string, Text>;

export type PaperOutcome =
  | { kind: 'ok'; householdCode?: string; serial: string }
  | { kind: 'dup' | 'notFound' | 'error'; message: string; serial: string };

export interface PaperPageProps extends PageUser {
  lang: Lang;
  campaign: { id: string; title: string };
  villages: { villageId: string; name: string; households: number; registered: number; online: number; missing: number }[];
  outcome?: PaperOutcome;
}

export function PaperBallotsPage(props: PaperPageProps) {
  const { lang, outcome } = props;
  const T = PAPER_TEXT;
  const action = `/staff/paper-ballots/${encodeURIComponent(props.campaign.id)}`;
  const tone = outcome ? (outcome.kind === 'ok' ? 'ok' : 'dup') : 'idle';
  return (
    <Layout lang={lang} title={T.title[lang]} path={action} user={props.user} csrfToken={props.csrfToken} scripts={['scan.js']} narrow>
      <p class="breadcrumbs"><a href="/staff/tallies">{T.back[lang]}</a></p>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{props.campaign.title}</p>
      <p>{T.intro[lang]}</p>
      <div id="scan-result" class={`scan-result scan-${tone}`} role="status" aria-live="assertive" aria-atomic="true">
        {outcome ? (
          <>
            <span class="scan-verdict">{outcome.kind === 'ok' ? T.ok[lang] : outcome.kind === 'dup' ? T.dup[lang] : outcome.kind === 'notFound' ? T.notFound[lang] : T.error[lang]}</span>
            <span class="scan-detail">
              {outcome.kind === 'ok'
                ? outcome.householdCode ? `${T.household[lang]} ${outcome.householdCode}` : outcome.serial
                : outcome.message}
            </span>
          </>
        ) : null}
      </div>
      <form method="post" action={action} class="form serial-form" id="serial-form" data-campaign={props.campaign.id}
        data-text-ok={T.ok[lang]} data-text-dup={T.dup[lang]} data-text-notfound={T.notFound[lang]} data-text-error={T.error[lang]} data-text-household={T.household[lang]}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="field">
          <label for="f-serial">{T.serial[lang]}</label>
          <p class="hint" id="f-serial-hint">{T.serialHint[lang]}</p>
          <input id="f-serial" name="serial" type="text" class="input-code serial-input" required maxlength={200} autocomplete="off"
            autocapitalize="characters" spellcheck={false} autofocus aria-describedby="f-serial-hint" />
        </div>
        <div class="actions">
          <Button block>{T.register[lang]}</Button>
          <button type="button" class="btn btn-secondary" id="scan-start" hidden>{T.scan[lang]}</button>
          <button type="button" class="btn btn-secondary" id="scan-stop" hidden>{T.stopScan[lang]}</button>
        </div>
        <video id="scan-video" class="scan-video" hidden muted playsinline></video>
      </form>
      <details class="per-ballot">
        <summary>{T.perBallot[lang]}</summary>
        <form method="get" action={`${action}/ballot`} class="form">
          <p class="hint">{T.perBallotHint[lang]}</p>
          <div class="field">
            <label for="f-serial-marks">{T.serial[lang]}</label>
            <input id="f-serial-marks" name="serial" type="text" class="input-code" required maxlength={200} autocomplete="off" autocapitalize="characters" spellcheck={false} />
          </div>
          <div class="actions"><Button variant="secondary">{T.enterMarks[lang]}</Button></div>
        </form>
      </details>
      <h2>{T.progress[lang]}</h2>
      {props.villages.map((v) => (
        <section class="paper-progress" data-village={v.villageId} aria-label={v.name}>
          <h3>{v.name}</h3>
          <Stats>
            <Stat label={T.registered[lang]} value={v.registered} />
            <Stat label={T.online[lang]} value={v.online} />
            <Stat label={T.missing[lang]} value={v.missing} />
            <Stat label={T.households[lang]} value={v.households} />
          </Stats>
        </section>
      ))}
    </Layout>
  );
}
