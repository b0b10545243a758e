import type { Lang, Text } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Alert, LinkButton } from '../components';
import { SheetDetails } from './sheet';
import { TT, tallyHistoryUrl, type CampaignSheets, type PageUser, type VillageSheets } from './model';
import { PHOTOS_PER_SHEET } from '../../../server/domain/photo';

const T = {
  back: { vi: 'Về danh sách biên bản', en: 'Back to the tally sheets' },
  addPhoto: { vi: 'Thêm ảnh biên bản đã ký', en: 'Add a photo of the signed sheet' },
  photoHint: {
    vi: `Ảnh JPEG hoặc PNG, tối đa 8 MB; mỗi biên bản tối đa ${PHOTOS_PER_SHEET} ảnh. Thông tin vị trí trong ảnh được xóa trước khi lưu.`,
    en: `JPEG or PNG, at most 8 MB; at most ${PHOTOS_PER_SHEET} photos per sheet. Location data is removed before saving.`,
  },
  photosFull: {
    vi: `Biên bản này đã có đủ ${PHOTOS_PER_SHEET} ảnh, là số ảnh tối đa.`,
    en: `This sheet has ${PHOTOS_PER_SHEET} photos, the most it takes.`,
  },
  upload: { vi: 'Gửi ảnh', en: 'Upload' },
  keep: {
    vi: 'Mọi phiên bản đều được giữ lại; chỉ phiên bản mới nhất đã được xác nhận mới được tính.',
    en: 'Every version is kept; only the latest confirmed version counts.',
  },
} satisfies Record<string, Text>;

export interface TallyHistoryProps extends PageUser {
  lang: Lang;
  selfId: string;
  role: string;
  data: CampaignSheets;
  village: VillageSheets;
  notice?: string;
}

export function TallyHistoryPage(props: TallyHistoryProps) {
  const { lang, data, village } = props;
  const here = tallyHistoryUrl(data.campaign.id, village.villageId);
  const canConfirm = ['admin', 'staff', 'inspector'].includes(props.role);
  const canEnter = ['admin', 'staff', 'village_head'].includes(props.role);
  const counting = ['open', 'closed', 'published'].includes(data.campaign.status);
  return (
    <Layout lang={lang} title={`${TT.history[lang]} · ${village.name}`} path={here} user={props.user} csrfToken={props.csrfToken}>
      <p class="breadcrumbs"><a href="/staff/tallies">{T.back[lang]}</a></p>
      <h1>{village.name}</h1>
      <p class="lead">{data.campaign.title}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      <p>{T.keep[lang]}</p>
      {(['meeting', 'paper'] as const).map((channel) => {
        const versions = village.sheets.filter((s) => s.channel === channel);
        if (versions.length === 0) return null;
        const current = versions.find((s) => s.status !== 'superseded');
        return (
          <section aria-labelledby={`h-${channel}`}>
            <h2 id={`h-${channel}`}>{TT[channel][lang]}</h2>
            {current && canEnter && counting ? (
              <div class="actions">
                <LinkButton variant="secondary" href={`/staff/tallies/${encodeURIComponent(data.campaign.id)}/new?correct=${encodeURIComponent(current.id)}`}>
                  {TT.correct[lang]}
                </LinkButton>
              </div>
            ) : null}
            {current && canEnter && current.photos.length >= PHOTOS_PER_SHEET ? <p class="hint">{T.photosFull[lang]}</p> : null}
            {current && canEnter && current.photos.length < PHOTOS_PER_SHEET ? (
              <form method="post" action={`/staff/tally-sheets/${encodeURIComponent(current.id)}/photos`} enctype="multipart/form-data" class="form photo-upload">
                <input type="hidden" name="_csrf" value={props.csrfToken} />
                <div class="field">
                  <label for={`photo-${current.id}`}>{T.addPhoto[lang]}</label>
                  <p class="hint" id={`photo-${current.id}-hint`}>{T.photoHint[lang]}</p>
                  <input id={`photo-${current.id}`} type="file" name="photo" accept="image/*" capture="environment" required aria-describedby={`photo-${current.id}-hint`} />
                </div>
                <button type="submit" class="btn btn-secondary">{T.upload[lang]}</button>
              </form>
            ) : null}
            {versions.map((s) => (
              <SheetDetails lang={lang} sheet={s} households={village.households} candidates={data.campaign.candidates}
                canConfirm={canConfirm} selfId={props.selfId} csrfToken={props.csrfToken} back={here} />
            ))}
          </section>
        );
      })}
    </Layout>
  );
}
