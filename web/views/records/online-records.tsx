import { Layout } from '../layout';
import { Alert, Badge, Button, ErrorSummary, Field, LinkButton, Select } from '../components';
import type { Lang, Text } from '../../../server/domain/i18n';

// The online-vote record (the online variant of Mẫu 03, NĐ 59/2023 Đ5): one
// per village where the k6 matter was voted online with the households'
// agreement on record. The households that took part are the app's count.

export interface OnlineRecordVillage {
  villageId: string;
  name: string;
  households: number;
  agreement: boolean;
  participated: number;
  latest: { version: number; startedAt: string; endedAt: string; households: number; team: { name: string; role: string }[]; note: string; recordedAt: string } | null;
  versions: { version: number; recordedAt: string }[];
}

export interface OnlineRecordsPageProps {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  campaign: { id: string; title: string; status: string };
  applies: boolean;
  team: { min: number; max: number; article: string };
  villages: OnlineRecordVillage[];
  values: Record<string, string>;
  errors: { path: string; message: string }[];
  notice?: string;
  formError?: string;
}

const T = {
  heading: { vi: 'Biên bản biểu quyết trực tuyến', en: 'Online-vote record' },
  intro: {
    vi: 'Lập sau khi kết thúc biểu quyết trực tuyến, cho từng thôn đã có trên 50% số hộ đồng ý biểu quyết trực tuyến. Số hộ tham gia lấy từ số liệu của ứng dụng.',
    en: 'Drawn up after the online vote ends, for each village whose households agreed to vote online. The households taking part come from the app’s counts.',
  },
  notApplies: { vi: 'Đợt này không biểu quyết trực tuyến nội dung k6: không có biên bản biểu quyết trực tuyến.', en: 'This campaign is not a k6 online vote: it has no online-vote record.' },
  village: { vi: 'Thôn', en: 'Village' },
  present: { vi: 'Đã có biên bản', en: 'Record on file' },
  missing: { vi: 'Chưa có biên bản', en: 'No record yet' },
  noAgreement: { vi: 'Chưa có đồng ý biểu quyết trực tuyến: phiếu chỉ để tham khảo', en: 'No agreement to vote online: ballots are advisory' },
  participated: { vi: 'Số hộ tham gia (theo ứng dụng)', en: 'Households taking part (app count)' },
  version: { vi: 'Phiên bản', en: 'Version' },
  print: { vi: 'In biên bản (PDF)', en: 'Print the record (PDF)' },
  form: { vi: 'Lập hoặc sửa biên bản', en: 'Record or correct' },
  correctionNote: { vi: 'Lưu lại tạo phiên bản mới; phiên bản cũ vẫn được giữ.', en: 'Saving again makes a new version; earlier ones stay.' },
  startedAt: { vi: 'Bắt đầu (giờ Việt Nam)', en: 'Start (Vietnam time)' },
  endedAt: { vi: 'Kết thúc (giờ Việt Nam)', en: 'End (Vietnam time)' },
  team: { vi: 'Tổ lấy ý kiến biểu quyết trực tuyến', en: 'The online-vote team' },
  name: { vi: 'Họ và tên', en: 'Name' },
  role: { vi: 'Nhiệm vụ', en: 'Role' },
  member: { vi: 'Thành viên', en: 'Member' },
  note: { vi: 'Ghi chú', en: 'Note' },
  save: { vi: 'Lưu biên bản', en: 'Save the record' },
  back: { vi: 'Về đợt lấy ý kiến', en: 'Back to the campaign' },
} satisfies Record<string, Text>;

export function OnlineRecordsPage(props: OnlineRecordsPageProps) {
  const { lang } = props;
  const base = `/staff/campaigns/${encodeURIComponent(props.campaign.id)}/online-records`;
  const err = (path: string) => props.errors.find((e) => e.path === path)?.message;
  const v = props.values;
  const eligible = props.villages.filter((x) => x.agreement);
  return (
    <Layout lang={lang} title={T.heading[lang]} user={props.user} csrfToken={props.csrfToken} path={base}>
      <p><a href={`/staff/campaigns/${encodeURIComponent(props.campaign.id)}`}>← {T.back[lang]}</a></p>
      <h1>{T.heading[lang]}</h1>
      <p class="lead">{props.campaign.title}</p>
      <p>{T.intro[lang]}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      {props.formError ? <Alert kind="error">{props.formError}</Alert> : null}
      {!props.applies ? <p>{T.notApplies[lang]}</p> : (
        <>
          <ul class="stack">
            {props.villages.map((x) => (
              <li class="card">
                <h2>{x.name}{' '}
                  {!x.agreement ? <Badge tone="neutral">{T.noAgreement[lang]}</Badge>
                    : x.latest ? <Badge tone="ok">{T.present[lang]}</Badge> : <Badge tone="warn">{T.missing[lang]}</Badge>}
                </h2>
                <p>{T.participated[lang]}: <strong>{x.participated}</strong>/{x.households}</p>
                {x.latest ? (
                  <>
                    <p>{T.version[lang]} {x.latest.version}: {x.latest.startedAt} → {x.latest.endedAt}</p>
                    <p>{T.team[lang]}: {x.latest.team.map((m) => `${m.name} (${m.role})`).join(', ')}</p>
                    <LinkButton href={`/api/v1/campaigns/${encodeURIComponent(props.campaign.id)}/online-record.pdf?villageId=${encodeURIComponent(x.villageId)}`} variant="secondary" download>{T.print[lang]}</LinkButton>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {eligible.length > 0 ? (
            <form method="post" action={base} class="form stack">
              <h2>{T.form[lang]}</h2>
              <p class="hint">{T.correctionNote[lang]}</p>
              <ErrorSummary lang={lang} errors={props.errors} />
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <Select name="villageId" label={T.village[lang]} options={eligible.map((x) => ({ value: x.villageId, label: x.name }))} value={v.villageId} error={err('villageId')} />
              <Field name="startedAt" type="datetime-local" label={T.startedAt[lang]} value={v.startedAt} error={err('startedAt')} required lang={lang} />
              <Field name="endedAt" type="datetime-local" label={T.endedAt[lang]} value={v.endedAt} error={err('endedAt')} required lang={lang} />
              <fieldset class="name-list" id="field-team">
                <legend>{T.team[lang]}</legend>
                <p class="hint">{`${props.team.min}–${props.team.max} (${props.team.article})`}</p>
                {err('team') ? <p class="error-text">{err('team')}</p> : null}
                {Array.from({ length: props.team.max }, (_, i) => (
                  <div class="grid-2">
                    <Field name={`team.${i}.name`} label={`${T.member[lang]} ${i + 1}: ${T.name[lang]}`} value={v[`team.${i}.name`]} error={err(`team.${i}.name`)} maxlength={200} autocomplete="off" lang={lang} />
                    <Field name={`team.${i}.role`} label={`${T.member[lang]} ${i + 1}: ${T.role[lang]}`} value={v[`team.${i}.role`]} error={err(`team.${i}.role`)} maxlength={200} autocomplete="off" lang={lang} />
                  </div>
                ))}
              </fieldset>
              <Field name="note" label={T.note[lang]} value={v.note} multiline rows={3} maxlength={2000} lang={lang} />
              <Button type="submit">{T.save[lang]}</Button>
            </form>
          ) : null}
        </>
      )}
    </Layout>
  );
}
