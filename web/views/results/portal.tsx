import type { Lang, Text } from '../../../server/domain/i18n';
import { formatDate } from '../../../server/domain/i18n';
import type { CommunePortal } from '../../../server/domain/portal';
import { CHANNEL_LABEL } from './format';
import { KINDS } from '../../../server/kinds';

const T = {
  open: { vi: 'Đang lấy ý kiến', en: 'Open now' },
  noOpen: { vi: 'Hiện không có đợt lấy ý kiến nào đang mở.', en: 'Nothing is open right now.' },
  published: { vi: 'Kết quả đã công bố', en: 'Published results' },
  noPublished: { vi: 'Chưa có kết quả nào được công bố.', en: 'No results have been published yet.' },
  closes: { vi: 'Hạn cuối', en: 'Closes' },
  how: { vi: 'Cách tham gia', en: 'How to take part' },
  serialHow: {
    vi: 'Mỗi hộ gia đình nhận một phiếu có mã QR. Quét mã trên phiếu để trả lời trên điện thoại, hoặc điền phiếu giấy và nộp cho Trưởng thôn.',
    en: 'Each household receives a ballot with a QR code. Scan it to answer on a phone, or fill in the paper ballot and hand it to the village head.',
  },
  paperOnly: {
    vi: 'Mỗi hộ gia đình nhận một phiếu. Điền phiếu và nộp cho Trưởng thôn, hoặc dự họp cộng đồng tại nhà văn hóa thôn.',
    en: 'Each household receives a ballot. Fill it in and hand it to the village head, or attend the community meeting.',
  },
  answer: { vi: 'Trả lời khảo sát', en: 'Answer the survey' },
  typeSerial: { vi: 'Nhập mã trên phiếu', en: 'Type the code on your ballot' },
  publishedOn: { vi: 'công bố ngày', en: 'published' },
  correction: { vi: 'đã đính chính, phiên bản', en: 'corrected, version' },
  communes: { vi: 'Chọn xã, phường', en: 'Choose a commune' },
  intro: {
    vi: 'Dân Bàn: Nhân dân bàn và quyết định, tham gia ý kiến, xem kết quả công khai.',
    en: 'Dân Bàn: residents discuss and decide, give their views, and read the published results.',
  },
} satisfies Record<string, Text>;

export function CommunePortalView(props: { lang: Lang; portal: CommunePortal }) {
  const { lang, portal } = props;
  return (
    <>
      <h1>{portal.commune.name}</h1>
      <p class="lead">{T.intro[lang]}</p>
      <section aria-labelledby="open-title">
        <h2 id="open-title">{T.open[lang]}</h2>
        {portal.open.length === 0 ? <p>{T.noOpen[lang]}</p> : (
          <ul class="cards">
            {portal.open.map((c) => (
              <li class="card">
                {/* a link only where the title opens something: the survey answered by its link */}
                {c.anonymousLink
                  ? <a class="card-title" href={`/s/${c.slug}`}>{c.title}</a>
                  : <span class="card-title card-title-plain">{c.title}</span>}
                <span class="card-text">
                  {KINDS[c.kind].labels.public[lang]}
                  {c.closesAt ? ` · ${T.closes[lang]}: ${formatDate(c.closesAt)}` : ''}
                </span>
                <p>
                  <strong>{T.how[lang]}: </strong>
                  {c.anonymousLink
                    ? <a href={`/s/${c.slug}`}>{T.answer[lang]}</a>
                    : <>
                        {c.channels.includes('online') ? T.serialHow[lang] : T.paperOnly[lang]}{' '}
                        ({c.channels.map((ch) => CHANNEL_LABEL[ch]?.[lang] ?? ch).join(', ')})
                        {c.channels.includes('online') ? <> · <a href="/b">{T.typeSerial[lang]}</a></> : null}
                      </>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="published-title">
        <h2 id="published-title">{T.published[lang]}</h2>
        {portal.published.length === 0 ? <p>{T.noPublished[lang]}</p> : (
          <ul class="cards">
            {portal.published.map((p) => (
              <li>
                <a class="card" href={`/r/${p.slug}`}>
                  <span class="card-title">{p.title}</span>
                  <span class="card-text">
                    {KINDS[p.kind].labels.public[lang]} · {T.publishedOn[lang]} {formatDate(p.publishedAt)}
                    {p.version > 1 ? ` (${T.correction[lang]} ${p.version})` : ''}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function CommuneListView(props: { lang: Lang; communes: { name: string; slug: string }[] }) {
  return (
    <>
      <h1>Dân Bàn</h1>
      <p class="lead">{T.intro[props.lang]}</p>
      <h2>{T.communes[props.lang]}</h2>
      <ul class="cards">
        {props.communes.map((c) => (
          <li><a class="card" href={`/x/${c.slug}`}><span class="card-title">{c.name}</span></a></li>
        ))}
      </ul>
    </>
  );
}
