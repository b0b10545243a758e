import type { Text } from '../../../server/domain/i18n';
import { Button, Checkbox, ErrorSummary, Field, LinkButton, RadioGroup, Select } from '../components';
import { CsrfField, StaffPage, type StaffFrame } from './page';
import { CATEGORY_HINT, CATEGORY_LABEL, CHANNEL_HINT, CHANNEL_LABEL, KIND_HINT, KIND_LABEL, TEMPLATE_LABEL } from './labels';

const T = {
  newTitle: { vi: 'Tạo đợt lấy ý kiến', en: 'Create a campaign' },
  editTitle: { vi: 'Sửa đợt lấy ý kiến (bản nháp)', en: 'Edit the campaign (draft)' },
  intro: {
    vi: 'Điền từ trên xuống. Đợt mới tạo là bản nháp: còn sửa được cho đến khi bấm "Mở đợt".',
    en: 'Fill in from top to bottom. A new campaign is a draft: it can be edited until you open it.',
  },
  what: { vi: '1. Nội dung', en: '1. What is asked' },
  kind: { vi: 'Loại đợt', en: 'Kind of campaign' },
  category: { vi: 'Nội dung thuộc khoản nào của Điều 15', en: 'Which Art. 15 category' },
  categoryHint: {
    vi: 'Chỉ dành cho "Nhân dân bàn và quyết định" và "Bầu cử". Khoản quyết định tỷ lệ thông qua và kênh được dùng.',
    en: 'For decisions and elections only. The category sets the threshold and the channels allowed.',
  },
  noCategory: { vi: 'Không áp dụng (lấy ý kiến, khảo sát)', en: 'Not applicable (consultation, survey)' },
  title: { vi: 'Tên đợt', en: 'Title' },
  titleHint: { vi: 'Ví dụ: Làm đường bê tông liên thôn Đông – Tây', en: 'For example: Concrete road between the villages' },
  description: { vi: 'Nội dung đưa ra lấy ý kiến', en: 'Content put to the households' },
  descriptionHint: { vi: 'In lên phiếu và áp phích. Mỗi đoạn một dòng.', en: 'Printed on the ballot and the poster. One paragraph per line.' },
  template: { vi: 'Mẫu phiếu', en: 'Form template' },
  templateDefault: { vi: '— Theo loại đợt —', en: '— The kind’s default —' },
  templateHint: { vi: 'Bầu cử tự tạo phiếu từ danh sách người ứng cử.', en: 'Elections build their ballot from the candidates.' },
  where: { vi: '2. Thôn và kênh', en: '2. Villages and channels' },
  villages: { vi: 'Các thôn tham gia', en: 'Villages taking part' },
  villagesHint: { vi: 'Tất cả các thôn được chọn sẵn; bỏ chọn thôn không tham gia.', en: 'All villages are ticked; untick those not taking part.' },
  households: { vi: 'hộ', en: 'households' },
  communeScope: { vi: 'Nội dung phạm vi toàn xã (mọi thôn của xã)', en: 'Commune-wide content (every village of the commune)' },
  communeScopeHint: {
    vi: 'Chỉ cho nội dung k1, k2 do Chủ tịch UBND xã phát phiếu đến mọi thôn, lấy ý kiến và khảo sát: thông qua khi từ hai phần ba số thôn tán thành. Không chọn: mỗi thôn quyết định riêng.',
    en: 'k1, k2 matters put to every village by the commune chair, consultations and surveys only: passed with two thirds of the villages. Unticked: each village decides for itself.',
  },
  channels: { vi: 'Kênh lấy ý kiến', en: 'Channels' },
  channelsHint: {
    vi: 'Biểu quyết trực tuyến chỉ được quyết định nội dung k6 (Điều 17 khoản 2). Bầu cử và k3, k4, k5 quyết định tại cuộc họp; phiếu hộ gia đình khi họp không đủ người. Khảo sát hài lòng không dùng cuộc họp.',
    en: 'Online voting may decide only k6 matters (Art. 17(2)). Elections and k3–k5 are decided at a meeting, with household ballots if attendance falls short. Surveys use no meeting.',
  },
  advisory: { vi: 'Thu ý kiến trực tuyến để tham khảo', en: 'Collect online answers for reference' },
  advisoryHint: {
    vi: 'Chỉ cho nội dung k1–k5: hộ gia đình quét mã QR trên phiếu để trả lời; các ý kiến này được đếm riêng, không có giá trị quyết định.',
    en: 'k1–k5 only: households may answer by scanning the ballot QR; counted apart, never binding.',
  },
  secret: { vi: 'Bỏ phiếu kín', en: 'Secret ballot' },
  secretHint: { vi: 'Không lưu mối liên hệ giữa hộ và phiếu. Bầu cử luôn là bỏ phiếu kín.', en: 'No link is kept between a household and its answers. Elections are always secret.' },
  when: { vi: '3. Thời gian', en: '3. Dates' },
  opensAt: { vi: 'Ngày bắt đầu', en: 'Opens on' },
  closesAt: { vi: 'Ngày kết thúc (hạn nộp phiếu)', en: 'Closes on (return deadline)' },
  closesHint: { vi: 'Lấy ý kiến Nhân dân phải mở ít nhất 20 ngày.', en: 'A consultation stays open at least 20 days.' },
  election: { vi: '4. Bầu cử (chỉ điền khi loại đợt là Bầu cử)', en: '4. Election (only for elections)' },
  seats: { vi: 'Số người được bầu ở mỗi thôn', en: 'Seats per village' },
  candidates: { vi: 'Danh sách người ứng cử', en: 'Candidates' },
  candidatesHint: {
    vi: 'Mỗi dòng một người: Họ và tên; năm sinh; mã thôn. Ví dụ: Phạm Thị Hằng; 1975; DS. Nếu chỉ có một thôn, có thể bỏ mã thôn.',
    en: 'One per line: Full name; birth year; village code. Example: Phạm Thị Hằng; 1975; DS. With one village the code may be left out.',
  },
  save: { vi: 'Lưu bản nháp', en: 'Save the draft' },
  create: { vi: 'Tạo đợt lấy ý kiến', en: 'Create the campaign' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
} satisfies Record<string, Text>;

export interface CampaignFormValues {
  kind: string;
  category: string;
  title: string;
  description: string;
  template: string;
  villageIds: string[];
  /** scope "commune": every village of the commune */
  communeScope: boolean;
  channels: string[];
  advisoryOnline: boolean;
  secret: boolean;
  /** yyyy-mm-dd in Vietnam time, as a date input holds it */
  opensAt: string;
  closesAt: string;
  seats: string;
  /** one candidate per line: "Tên; năm sinh; mã thôn" */
  candidates: string;
}

export interface CampaignFormProps extends StaffFrame {
  mode: 'new' | 'edit';
  campaignId?: string;
  values: CampaignFormValues;
  villages: { id: string; code: string; name: string; households: number }[];
  templates: string[];
  errors: { path: string; message: string }[];
}

export function CampaignFormPage(props: CampaignFormProps) {
  const { lang, values: v } = props;
  const err = (name: string) => {
    const list = props.errors.filter((e) => e.path === name).map((e) => e.message);
    return list.length ? list.join(' ') : undefined;
  };
  const title = props.mode === 'new' ? T.newTitle[lang] : T.editTitle[lang];
  const action = props.mode === 'new' ? '/staff/campaigns/new' : `/staff/campaigns/${encodeURIComponent(props.campaignId!)}/edit`;
  const cancel = props.mode === 'new' ? '/staff/campaigns' : `/staff/campaigns/${encodeURIComponent(props.campaignId!)}`;
  return (
    <StaffPage {...props} title={title}>
      <h1>{title}</h1>
      <p class="lead">{T.intro[lang]}</p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <form method="post" action={action} class="form campaign-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <h2>{T.what[lang]}</h2>
        <RadioGroup
          name="kind" legend={T.kind[lang]} required lang={lang} value={v.kind} error={err('kind')}
          options={Object.keys(KIND_LABEL).map((k) => ({ value: k, label: KIND_LABEL[k]![lang], hint: KIND_HINT[k]![lang] }))}
        />
        <RadioGroup
          name="category" legend={T.category[lang]} hint={T.categoryHint[lang]} lang={lang} value={v.category} error={err('category')}
          options={[
            ...Object.keys(CATEGORY_LABEL).map((k) => ({ value: k, label: CATEGORY_LABEL[k]![lang], hint: CATEGORY_HINT[k]![lang] })),
            { value: '', label: T.noCategory[lang] },
          ]}
        />
        <Field name="title" label={T.title[lang]} hint={T.titleHint[lang]} required lang={lang} value={v.title} error={err('title')} maxlength={300} />
        <Field name="description" label={T.description[lang]} hint={T.descriptionHint[lang]} multiline rows={6} lang={lang} value={v.description} error={err('description')} />
        <Select
          name="template" label={T.template[lang]} hint={T.templateHint[lang]} lang={lang} value={v.template} error={err('template')}
          placeholder={T.templateDefault[lang]}
          options={props.templates.filter((n) => n !== 'election').map((n) => ({ value: n, label: TEMPLATE_LABEL[n]?.[lang] ?? n }))}
        />

        <h2>{T.where[lang]}</h2>
        <RadioGroup
          name="villageIds" legend={T.villages[lang]} hint={T.villagesHint[lang]} multiple required lang={lang} value={v.villageIds} error={err('villageIds')}
          options={props.villages.map((x) => ({ value: x.id, label: `${x.name} (${x.code})`, hint: `${x.households} ${T.households[lang]}` }))}
        />
        <Checkbox id="f-communeScope" name="communeScope" label={T.communeScope[lang]} hint={T.communeScopeHint[lang]} checked={v.communeScope} error={err('communeScope')} lang={lang} />
        <RadioGroup
          name="channels" legend={T.channels[lang]} hint={T.channelsHint[lang]} multiple required lang={lang} value={v.channels} error={err('channels')}
          options={['meeting', 'paper', 'online'].map((ch) => ({ value: ch, label: CHANNEL_LABEL[ch]![lang], hint: CHANNEL_HINT[ch]![lang] }))}
        />
        <Checkbox id="f-advisoryOnline" name="advisoryOnline" label={T.advisory[lang]} hint={T.advisoryHint[lang]} checked={v.advisoryOnline} error={err('advisoryOnline')} lang={lang} />
        <Checkbox id="f-secret" name="secret" label={T.secret[lang]} hint={T.secretHint[lang]} checked={v.secret} error={err('secret')} lang={lang} />

        <h2>{T.when[lang]}</h2>
        <Field name="opensAt" type="date" label={T.opensAt[lang]} lang={lang} value={v.opensAt} error={err('opensAt')} />
        <Field name="closesAt" type="date" label={T.closesAt[lang]} hint={T.closesHint[lang]} lang={lang} value={v.closesAt} error={err('closesAt')} />

        <h2>{T.election[lang]}</h2>
        <Field name="seats" type="number" inputmode="numeric" min={1} max={100} short label={T.seats[lang]} lang={lang} value={v.seats} error={err('seats')} />
        <Field name="candidates" multiline rows={5} label={T.candidates[lang]} hint={T.candidatesHint[lang]} lang={lang} value={v.candidates} error={err('candidates')} />

        <div class="actions">
          <Button>{props.mode === 'new' ? T.create[lang] : T.save[lang]}</Button>
          <LinkButton href={cancel} variant="secondary">{T.cancel[lang]}</LinkButton>
        </div>
      </form>
    </StaffPage>
  );
}
