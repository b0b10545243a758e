import type { Lang, Text } from '../../../server/domain/i18n';
import { formatDate, formatNumber } from '../../../server/domain/i18n';
import { glanceParts, type VillageGlance } from '../../../server/domain/participation';

const T = {
  summary: { vi: 'Tóm tắt', en: 'At a glance' },
  tookPart: { vi: 'Đã tham gia: {n} trong {h} hộ{village} (trả lời trực tuyến hoặc phiếu giấy đã ghi nhận).', en: 'Took part: {n} of {h} households{village} (answered online or paper ballot registered).' },
  needed: { vi: 'Cần ít nhất {n}: {rule} ({article})', en: 'At least {n} needed: {rule} ({article})' },
  closes: { vi: 'Hạn cuối: {date}.', en: 'Closes: {date}.' },
  notReturned: { vi: 'Danh sách hộ chưa nộp phiếu (để in)', en: 'Households whose ballot is not back (to print)' },
} satisfies Record<string, Text>;

const fill = (s: string, values: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');

/**
 * "163/412 hộ — cần 207 — còn 14 ngày" in large type, each phrase kept whole
 * on a 360 px screen, with what each number means underneath.
 */
export function Glance(props: { lang: Lang; glance: VillageGlance; village?: string; closesAt?: string | null; id?: string }) {
  const { lang, glance: g } = props;
  const parts = glanceParts(g);
  const id = props.id ?? 'glance';
  return (
    <section class="glance" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="visually-hidden">{T.summary[lang]}{props.village ? `: ${props.village}` : ''}</h2>
      <p class="glance-line">
        {parts.map((p, i) => (
          <>
            <span class="glance-part">{p[lang]}</span>
            {i < parts.length - 1 ? ' — ' : null}
          </>
        ))}
      </p>
      <ul class="glance-explain">
        <li>{fill(T.tookPart[lang], { n: formatNumber(g.tookPart), h: formatNumber(g.households), village: props.village ? (lang === 'vi' ? ` của ${props.village}` : ` of ${props.village}`) : '' })}</li>
        {g.needed !== null && g.rule ? (
          <li>{fill(T.needed[lang], { n: formatNumber(g.needed), rule: g.rule.note[lang].replace(/\.$/, ''), article: g.rule.article })}.</li>
        ) : null}
        {props.closesAt && !g.ended ? <li>{fill(T.closes[lang], { date: formatDate(props.closesAt) })}</li> : null}
      </ul>
    </section>
  );
}

/** The link to the printable list of households whose ballot has not come back. */
export function NotReturnedLink(props: { lang: Lang; campaignId: string; villageId?: string; village?: string }) {
  const q = props.villageId ? `?villageId=${encodeURIComponent(props.villageId)}` : '';
  return (
    <a class="btn btn-secondary" href={`/staff/campaigns/${encodeURIComponent(props.campaignId)}/not-returned${q}`}>
      {T.notReturned[props.lang]}
      {props.village ? <span class="visually-hidden"> – {props.village}</span> : null}
    </a>
  );
}
