import { Layout } from '../layout';
import { Alert, Badge, Button, Checkbox, Field, Select } from '../components';
import type { Lang, Text } from '../../../server/domain/i18n';
import { themeAnswerGaps } from '../../../server/domain/consultation';

// The consultation synthesis (Đ28 Luật 10/2022/QH15): staff group the
// opinions people wrote under themes and write the commune's answer to each
// theme: taken on (tiếp thu) or explained (giải trình). Published with the results.

export interface ThemeView {
  id: string;
  title: string;
  response: string;
  accepted: boolean | null;
  departsFromMajority: boolean;
  departureReason: string;
}

export interface OpinionView {
  ballotId: string;
  question: string;
  text: string;
  themeId: string | null;
  /** the question (row, item) it was written under, as the form words it */
  label?: Text;
}

export interface ThemesPageProps {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  campaign: { id: string; title: string; status: string };
  themes: ThemeView[];
  opinions: OpinionView[];
  notice?: string;
  error?: string;
}

const T = {
  heading: { vi: 'Tổng hợp, tiếp thu, giải trình ý kiến', en: 'Grouping and answering the opinions' },
  intro: {
    vi: 'Nhóm các ý kiến giống nhau vào một chủ đề và ghi câu trả lời của UBND xã: tiếp thu hay giải trình. Các chủ đề và câu trả lời được công khai cùng kết quả (Điều 28 Luật Thực hiện dân chủ ở cơ sở).',
    en: 'Group similar opinions under a theme and write the commune’s answer: taken on or explained. Themes and answers are published with the results (Art. 28).',
  },
  themes: { vi: 'Chủ đề', en: 'Themes' },
  none: { vi: 'Chưa có chủ đề nào.', en: 'No theme yet.' },
  newTheme: { vi: 'Thêm chủ đề', en: 'Add a theme' },
  title: { vi: 'Tên chủ đề', en: 'Theme' },
  response: { vi: 'Trả lời của UBND xã (tiếp thu / giải trình)', en: 'The commune’s answer' },
  accepted: { vi: 'Hướng xử lý', en: 'Outcome' },
  acceptedYes: { vi: 'Tiếp thu', en: 'Taken on' },
  acceptedNo: { vi: 'Giải trình (không tiếp thu)', en: 'Explained (not taken on)' },
  acceptedOpen: { vi: 'Chưa quyết định', en: 'Not decided yet' },
  save: { vi: 'Lưu', en: 'Save' },
  add: { vi: 'Thêm', en: 'Add' },
  opinions: { vi: 'Ý kiến chưa xếp nhóm', en: 'Opinions not yet grouped' },
  grouped: { vi: 'ý kiến', en: 'opinions' },
  allGrouped: { vi: 'Mọi ý kiến đã được xếp vào chủ đề.', en: 'Every opinion is grouped.' },
  moveTo: { vi: 'Xếp các ý kiến đã chọn vào chủ đề', en: 'Put the selected opinions under' },
  group: { vi: 'Xếp nhóm', en: 'Group' },
  back: { vi: 'Về đợt lấy ý kiến', en: 'Back to the campaign' },
  majority: { vi: 'Ý kiến đa số', en: 'Majority opinion' },
  departs: { vi: 'Quyết định khác với ý kiến đa số', en: 'The decision departs from the majority opinion' },
  departsHint: {
    vi: 'Giải trình (không tiếp thu) một nhóm ý kiến đa số cũng là quyết định khác với ý kiến đa số.',
    en: 'Not taking on (explaining) a majority theme also departs from the majority opinion.',
  },
  reasons: { vi: 'Lý do quyết định khác với ý kiến đa số', en: 'Reasons for departing from the majority opinion' },
  missingAnswer: { vi: 'Chưa có nội dung tiếp thu, giải trình: chưa thể công bố.', en: 'No answer yet: cannot be published.' },
  missingReasons: { vi: 'Chưa nêu lý do quyết định khác với ý kiến đa số: chưa thể công bố.', en: 'No reasons for departing from the majority: cannot be published.' },
} satisfies Record<string, Text>;

export function ThemesPage(props: ThemesPageProps) {
  const { lang } = props;
  const ungrouped = props.opinions.filter((o) => !o.themeId);
  const count = (id: string) => props.opinions.filter((o) => o.themeId === id).length;
  const outcome = (a: boolean | null) => (a === true ? 'yes' : a === false ? 'no' : '');
  const outcomes = [
    { value: '', label: T.acceptedOpen[lang] }, { value: 'yes', label: T.acceptedYes[lang] }, { value: 'no', label: T.acceptedNo[lang] },
  ];
  const base = `/staff/campaigns/${props.campaign.id}/themes`;
  // Đ28: what still keeps the synthesis from publication, theme by theme
  const gaps = new Map(themeAnswerGaps(props.themes.map((t) => ({ ...t, count: count(t.id) })), props.opinions.length).map((g) => [g.themeId, g]));
  const majority = (id: string) => props.opinions.length > 0 && count(id) * 2 > props.opinions.length;
  return (
    <Layout lang={lang} title={T.heading[lang]} user={props.user} csrfToken={props.csrfToken} path={base}>
      <p><a href={`/staff/campaigns/${props.campaign.id}`}>← {T.back[lang]}</a></p>
      <h1>{T.heading[lang]}</h1>
      <p class="muted">{props.campaign.title}</p>
      <p>{T.intro[lang]}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      {props.error ? <Alert kind="error">{props.error}</Alert> : null}

      <h2>{T.themes[lang]}</h2>
      {props.themes.length === 0 ? <p>{T.none[lang]}</p> : null}
      {props.themes.map((t) => (
        <form method="post" action={`${base}/${t.id}`} class="card stack">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <Field name="title" id={`title-${t.id}`} label={T.title[lang]} value={t.title} required maxlength={300} />
          <p class="muted">{count(t.id)} {T.grouped[lang]}{majority(t.id) ? <> <Badge tone="warn">{T.majority[lang]}</Badge></> : null}</p>
          {gaps.get(t.id)?.missing.includes('answer') ? <p class="error-text">{T.missingAnswer[lang]}</p> : null}
          {gaps.get(t.id)?.missing.includes('reasons') ? <p class="error-text">{T.missingReasons[lang]}</p> : null}
          <Field name="response" id={`response-${t.id}`} label={T.response[lang]} value={t.response} multiline rows={4} maxlength={10000} />
          <Select name="accepted" id={`accepted-${t.id}`} label={T.accepted[lang]} options={outcomes} value={outcome(t.accepted)} />
          <Checkbox name="departsFromMajority" id={`departs-${t.id}`} label={T.departs[lang]} hint={T.departsHint[lang]} checked={t.departsFromMajority} />
          <Field name="departureReason" id={`reason-${t.id}`} label={T.reasons[lang]} value={t.departureReason} multiline rows={3} maxlength={10000} />
          <Button type="submit" variant="secondary">{T.save[lang]}</Button>
        </form>
      ))}

      <h2>{T.newTheme[lang]}</h2>
      <form method="post" action={base} class="card stack">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <Field name="title" id="new-title" label={T.title[lang]} required maxlength={300} />
        <Field name="response" id="new-response" label={T.response[lang]} multiline rows={3} maxlength={10000} />
        <Select name="accepted" id="new-accepted" label={T.accepted[lang]} options={outcomes} value="" />
        <Button type="submit">{T.add[lang]}</Button>
      </form>

      <h2>{T.opinions[lang]} ({ungrouped.length})</h2>
      {ungrouped.length === 0 ? <p>{T.allGrouped[lang]}</p> : (
        <form method="post" action={`${base}/group`} class="stack">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <ul class="opinion-list">
            {ungrouped.map((o, i) => (
              <li class="choice">
                <input type="checkbox" id={`op-${i}`} name="opinion" value={`${o.ballotId}|${o.question}`} />
                <label for={`op-${i}`}>{o.text} <span class="muted">({o.label?.[lang] ?? o.question})</span></label>
              </li>
            ))}
          </ul>
          {props.themes.length ? (
            <>
              <Select name="themeId" id="group-theme" label={T.moveTo[lang]} options={props.themes.map((t) => ({ value: t.id, label: t.title }))} />
              <Button type="submit">{T.group[lang]}</Button>
            </>
          ) : <p class="muted">{T.none[lang]}</p>}
        </form>
      )}
    </Layout>
  );
}
