import type { Lang, Text } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Alert, Badge, LinkButton } from '../components';
import { SheetDetails } from './sheet';
import { TT, tallyHistoryUrl, type CampaignSheets, type PageUser } from './model';

const T = {
  title: { vi: 'Biên bản kiểm phiếu', en: 'Tally sheets' },
  intro: {
    vi: 'Trưởng thôn nhập biên bản của thôn mình kèm ảnh biên bản đã ký. Biên bản chỉ được tính sau khi một người khác (Ban Thanh tra nhân dân hoặc cán bộ xã) đối chiếu và xác nhận.',
    en: 'Village heads enter their village’s sheet with a photo of the signed paper. A sheet counts only after someone else (inspection board or commune staff) checks and confirms it.',
  },
  empty: { vi: 'Chưa có đợt biểu quyết hay bầu cử nào đang kiểm phiếu.', en: 'No vote or election is being counted.' },
  latest: { vi: 'Phiên bản mới nhất', en: 'Latest version' },
  open: { vi: 'Đang mở', en: 'Open' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
  published: { vi: 'Đã công bố', en: 'Published' },
  confirmed: { vi: 'Biên bản đã xác nhận', en: 'Sheets confirmed' },
  saved: { vi: 'Đã xác nhận biên bản.', en: 'The sheet is confirmed.' },
} satisfies Record<string, Text>;

export interface TallyIndexProps extends PageUser {
  lang: Lang;
  selfId: string;
  role: string;
  campaigns: CampaignSheets[];
  notice?: string;
}

export function TallyIndexPage(props: TallyIndexProps) {
  const { lang } = props;
  const canConfirm = ['admin', 'staff', 'inspector'].includes(props.role);
  const canEnter = ['admin', 'staff', 'village_head'].includes(props.role);
  return (
    <Layout lang={lang} title={T.title[lang]} path="/staff/tallies" user={props.user} csrfToken={props.csrfToken}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      {props.campaigns.length === 0 ? <p>{T.empty[lang]}</p> : null}
      {props.campaigns.map(({ campaign, villages }) => {
        const sheetsConfirmed = villages.reduce((n, v) => n + v.sheets.filter((s) => s.status === 'confirmed').length, 0);
        return (
          <section class="tally-campaign" aria-labelledby={`c-${campaign.id}`}>
            <h2 id={`c-${campaign.id}`}>
              {campaign.title} <Badge tone="info">{(T as Record<string, Text>)[campaign.status]?.[lang] ?? campaign.status}</Badge>
            </h2>
            <p class="muted">{T.confirmed[lang]}: {sheetsConfirmed}</p>
            <div class="actions">
              {canEnter && (campaign.status === 'open' || campaign.status === 'closed') ? (
                <LinkButton href={`/staff/tallies/${encodeURIComponent(campaign.id)}/new`}>{TT.enter[lang]}</LinkButton>
              ) : null}
              {canEnter ? <LinkButton variant="secondary" href={`/staff/paper-ballots/${encodeURIComponent(campaign.id)}`}>{TT.paperBallots[lang]}</LinkButton> : null}
            </div>
            {villages.map((v) => {
              const latest = (['meeting', 'paper'] as const)
                .map((ch) => v.sheets.find((s) => s.channel === ch))
                .filter((s) => s !== undefined);
              return (
                <div class="tally-village">
                  <h3 class="village-name">{v.name}</h3>
                  {latest.length === 0 ? <p class="muted">{TT.none[lang]}</p> : latest.map((s) => (
                    <SheetDetails lang={lang} sheet={s} households={v.households} candidates={campaign.candidates}
                      canConfirm={canConfirm} selfId={props.selfId} csrfToken={props.csrfToken} back="/staff/tallies" />
                  ))}
                  {v.sheets.length > 0 ? <p><a href={tallyHistoryUrl(campaign.id, v.villageId)}>{TT.history[lang]} ({v.sheets.length})</a></p> : null}
                </div>
              );
            })}
          </section>
        );
      })}
    </Layout>
  );
}
