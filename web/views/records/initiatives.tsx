import { Layout } from '../layout';
import { Alert, Badge, Button, ErrorSummary, Field, RadioGroup, Select, Table } from '../components';
import type { Lang, Text } from '../../../server/domain/i18n';

// Citizen initiatives (Đ16 Luật 10/2022/QH15): staff record the matter and the
// consenting households (from the register); the page shows whether the
// consents still valid reach the share the law asks, and turns a qualifying
// initiative into a draft campaign. Staff pages only: the households are
// personal data and never appear on a public page.

interface Frame {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  errors: { path: string; message: string }[];
  values: Record<string, string>;
  notice?: string;
  formError?: string;
}

interface Backing { households: number; valid: number; required: number; backed: boolean }

const T = {
  heading: { vi: 'Sáng kiến của Nhân dân', en: 'Citizen initiatives' },
  intro: {
    vi: 'Sáng kiến được đưa ra cộng đồng bàn, quyết định khi có ít nhất 10% tổng số hộ gia đình đồng thuận; ý kiến đồng thuận có giá trị trong 03 tháng (Điều 16 Luật Thực hiện dân chủ ở cơ sở).',
    en: 'An initiative is put to the community when at least 10% of households consent; a consent is valid for 3 months (Art. 16).',
  },
  none: { vi: 'Chưa có sáng kiến nào.', en: 'No initiative yet.' },
  matter: { vi: 'Nội dung sáng kiến', en: 'Matter' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  village: { vi: 'Thôn, tổ dân phố', en: 'Village' },
  commune: { vi: 'Toàn xã', en: 'Whole commune' },
  proposer: { vi: 'Người, nhóm đề xuất', en: 'Proposed by' },
  create: { vi: 'Ghi nhận sáng kiến', en: 'Record the initiative' },
  newOne: { vi: 'Ghi nhận sáng kiến mới', en: 'Record a new initiative' },
  backing: { vi: 'Hộ đồng thuận còn giá trị', en: 'Valid consents' },
  backed: { vi: 'Đủ điều kiện', en: 'Qualifies' },
  notBacked: { vi: 'Chưa đủ', en: 'Not yet' },
  campaign: { vi: 'Đợt lấy ý kiến', en: 'Campaign' },
  open: { vi: 'Xem', en: 'Open' },
  consents: { vi: 'Các hộ đồng thuận', en: 'Consenting households' },
  code: { vi: 'Mã hộ', en: 'Household' },
  representative: { vi: 'Đại diện hộ', en: 'Representative' },
  givenOn: { vi: 'Ngày đồng thuận', en: 'Consent given' },
  validThrough: { vi: 'Còn giá trị đến', en: 'Valid through' },
  status: { vi: 'Tình trạng', en: 'Status' },
  valid: { vi: 'Còn giá trị', en: 'Valid' },
  expired: { vi: 'Hết giá trị', en: 'Expired' },
  addConsents: { vi: 'Ghi nhận hộ đồng thuận', en: 'Record consenting households' },
  codes: { vi: 'Mã hộ (theo sổ hộ), mỗi dòng một hộ', en: 'Household codes (from the register), one per line' },
  codesHint: { vi: 'Mỗi hộ chỉ được ghi một lần.', en: 'Each household is recorded once.' },
  add: { vi: 'Ghi nhận', en: 'Record' },
  toCampaign: { vi: 'Tạo dự thảo đợt lấy ý kiến từ sáng kiến', en: 'Make a draft campaign from the initiative' },
  category: { vi: 'Loại nội dung (Điều 15)', en: 'Content (Art. 15)' },
  fromCampaign: { vi: 'Đã tạo đợt lấy ý kiến', en: 'Became the campaign' },
  back: { vi: 'Về danh sách sáng kiến', en: 'Back to the initiatives' },
  personal: { vi: 'Thông tin các hộ chỉ cán bộ xã xem; không công khai.', en: 'The households are shown to commune staff only; never published.' },
} satisfies Record<string, Text>;

const count = (lang: Lang, b: Backing) => `${b.valid}/${b.households} ${lang === 'vi' ? 'hộ' : 'households'} (${lang === 'vi' ? 'cần' : 'needs'} ${b.required})`;

export function InitiativesPage(props: Frame & {
  villages: { id: string; name: string }[];
  initiatives: { initiative: { id: string; matter: string; scope: string; villageId: string | null; campaignId: string | null }; backing: Backing }[];
}) {
  const { lang } = props;
  const err = (path: string) => props.errors.find((e) => e.path === path)?.message;
  const villageName = (id: string | null) => (id ? props.villages.find((v) => v.id === id)?.name ?? '' : T.commune[lang]);
  return (
    <Layout lang={lang} title={T.heading[lang]} user={props.user} csrfToken={props.csrfToken} path="/staff/initiatives">
      <h1>{T.heading[lang]}</h1>
      <p>{T.intro[lang]}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      <Table
        lang={lang}
        caption={T.heading[lang]}
        captionHidden
        rows={props.initiatives}
        empty={T.none[lang]}
        columns={[
          { label: T.matter[lang], cell: (r) => <a href={`/staff/initiatives/${encodeURIComponent(r.initiative.id)}`}>{r.initiative.matter}</a>, rowHeader: true },
          { label: T.scope[lang], cell: (r) => villageName(r.initiative.villageId) },
          { label: T.backing[lang], cell: (r) => <>{count(lang, r.backing)} <Badge tone={r.backing.backed ? 'ok' : 'warn'}>{r.backing.backed ? T.backed[lang] : T.notBacked[lang]}</Badge></> },
          { label: T.campaign[lang], cell: (r) => (r.initiative.campaignId ? <a href={`/staff/campaigns/${encodeURIComponent(r.initiative.campaignId)}`}>{T.open[lang]}</a> : '—') },
        ]}
      />
      <form method="post" action="/staff/initiatives" class="form stack card">
        <h2>{T.newOne[lang]}</h2>
        <ErrorSummary lang={lang} errors={props.errors} />
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <Field name="matter" label={T.matter[lang]} value={props.values.matter} error={err('matter')} multiline rows={3} maxlength={5000} required lang={lang} />
        <RadioGroup name="scope" legend={T.scope[lang]} lang={lang} value={props.values.scope ?? 'village'} error={err('scope')}
          options={[{ value: 'village', label: T.village[lang] }, { value: 'commune', label: T.commune[lang] }]} />
        <Select name="villageId" label={T.village[lang]} options={[{ value: '', label: '—' }, ...props.villages.map((v) => ({ value: v.id, label: v.name }))]} value={props.values.villageId} error={err('villageId')} />
        <Field name="proposer" label={T.proposer[lang]} value={props.values.proposer} maxlength={300} lang={lang} />
        <Button type="submit">{T.create[lang]}</Button>
      </form>
    </Layout>
  );
}

export function InitiativePage(props: Frame & {
  villageName: string;
  initiative: { id: string; matter: string; proposer: string; campaignId: string | null };
  backing: Backing & { rule: { article: string }; validity: { article: string } };
  consents: { householdCode: string; representative: string; givenOn: string; validThrough: string; valid: boolean }[];
  categories: string[];
  today: string;
}) {
  const { lang } = props;
  const base = `/staff/initiatives/${encodeURIComponent(props.initiative.id)}`;
  const err = (path: string) => props.errors.find((e) => e.path === path)?.message;
  const b = props.backing;
  const day = (d: string) => d.split('-').reverse().join('/');
  return (
    <Layout lang={lang} title={T.heading[lang]} user={props.user} csrfToken={props.csrfToken} path={base}>
      <p><a href="/staff/initiatives">← {T.back[lang]}</a></p>
      <h1>{props.initiative.matter}</h1>
      <p class="muted">{props.villageName}{props.initiative.proposer ? ` · ${T.proposer[lang]}: ${props.initiative.proposer}` : ''}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      {props.formError ? <Alert kind="error">{props.formError}</Alert> : null}
      <p class="initiative-backing">
        {T.backing[lang]}: <strong>{count(lang, b)}</strong>{' '}
        <Badge tone={b.backed ? 'ok' : 'warn'}>{b.backed ? T.backed[lang] : T.notBacked[lang]}</Badge>
        <span class="hint"> ({b.rule.article})</span>
      </p>
      {props.initiative.campaignId ? (
        <p>{T.fromCampaign[lang]}: <a href={`/staff/campaigns/${encodeURIComponent(props.initiative.campaignId)}`}>{T.open[lang]}</a></p>
      ) : b.backed ? (
        <form method="post" action={`${base}/campaign`} class="form stack card">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <Select name="category" label={T.category[lang]} options={props.categories.map((c) => ({ value: c, label: c }))} value="k6" />
          <Button type="submit">{T.toCampaign[lang]}</Button>
        </form>
      ) : null}
      <h2>{T.consents[lang]}</h2>
      <p class="hint">{T.personal[lang]}</p>
      <Table
        lang={lang}
        caption={T.consents[lang]}
        captionHidden
        rows={props.consents}
        empty="—"
        columns={[
          { label: T.code[lang], cell: (c) => c.householdCode, rowHeader: true },
          { label: T.representative[lang], cell: (c) => c.representative },
          { label: T.givenOn[lang], cell: (c) => day(c.givenOn) },
          { label: T.validThrough[lang], cell: (c) => day(c.validThrough) },
          { label: T.status[lang], cell: (c) => <Badge tone={c.valid ? 'ok' : 'neutral'}>{c.valid ? T.valid[lang] : T.expired[lang]}</Badge> },
        ]}
      />
      <form method="post" action={`${base}/consents`} class="form stack card">
        <h2>{T.addConsents[lang]}</h2>
        <ErrorSummary lang={lang} errors={props.errors} />
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <Field name="householdCodes" label={T.codes[lang]} hint={T.codesHint[lang]} value={props.values.householdCodes} error={err('householdCodes')} multiline rows={4} lang={lang} />
        <Field name="givenOn" type="date" label={T.givenOn[lang]} value={props.values.givenOn ?? props.today} error={err('givenOn')} required lang={lang} />
        <Button type="submit">{T.add[lang]}</Button>
      </form>
    </Layout>
  );
}
