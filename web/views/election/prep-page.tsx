import type { Text } from '../../../server/domain/i18n';
import { formatDate } from '../../../server/domain/i18n';
import type { EligibilityCondition } from '../../../server/domain/legal-rules';
import { Alert, Badge, Button, Checkbox, ErrorSummary, Field, Select, Table } from '../components';
import { CsrfField, StaffPage, type StaffFrame } from '../campaigns/page';

// Before an election opens: the candidate list (Mẫu 05, printed per
// village), each candidate's eligibility attested by the Ban công tác Mặt
// trận condition by condition (Đ37, Đ42; the village head's standards), and
// the election team, none of whom may be a candidate (NĐ 59 Đ6 k1 b).

const T = {
  title: { vi: 'Chuẩn bị bầu cử', en: 'Election preparation' },
  back: { vi: 'Về trang đợt bầu cử', en: 'Back to the election' },
  list: { vi: 'Danh sách người ứng cử', en: 'Candidate list' },
  print: { vi: 'In danh sách người ứng cử (Mẫu 05)', en: 'Print the candidate list (Mẫu 05)' },
  name: { vi: 'Họ và tên', en: 'Name' },
  birthYear: { vi: 'Năm sinh', en: 'Born' },
  village: { vi: 'Thôn', en: 'Village' },
  eligibility: { vi: 'Tiêu chuẩn', en: 'Eligibility' },
  attested: { vi: 'Đã xác nhận', en: 'Attested' },
  missing: { vi: 'Chưa xác nhận', en: 'Not attested' },
  attestTitle: { vi: 'Ban công tác Mặt trận xác nhận tiêu chuẩn', en: 'Front work committee attests eligibility' },
  attestHint: { vi: 'Đánh dấu từng tiêu chuẩn người ứng cử đáp ứng. Chưa xác nhận đủ cho mọi người ứng cử thì chưa mở được bầu cử.', en: 'Tick each condition the candidate meets. The election opens only when every candidate is attested.' },
  candidate: { vi: 'Người ứng cử', en: 'Candidate' },
  attestedBy: { vi: 'Người xác nhận (Trưởng ban công tác Mặt trận)', en: 'Attested by (head of the Front work committee)' },
  attestedOn: { vi: 'Ngày xác nhận', en: 'Date' },
  attest: { vi: 'Ghi xác nhận', en: 'Record the attestation' },
  team: { vi: 'Tổ bầu cử / Ban kiểm phiếu', en: 'Election team / counting board' },
  teamHint: { vi: 'Người ứng cử không được là thành viên Tổ bầu cử.', en: 'No candidate may sit on the election team.' },
  role: { vi: 'Nhiệm vụ', en: 'Role' },
  member: { vi: 'Thành viên', en: 'Member' },
  saveTeam: { vi: 'Ghi Tổ bầu cử', en: 'Record the team' },
  noTeam: { vi: 'Chưa ghi Tổ bầu cử.', en: 'No election team recorded yet.' },
  frozen: { vi: 'Bầu cử đã mở: danh sách và xác nhận tiêu chuẩn không sửa được nữa.', en: 'The election is open: the list and the attestations are frozen.' },
  ready: { vi: 'Mọi người ứng cử đã được xác nhận tiêu chuẩn: có thể mở bầu cử.', en: 'Every candidate is attested: the election can open.' },
  notReady: { vi: 'Còn người ứng cử chưa được xác nhận tiêu chuẩn: chưa mở được bầu cử.', en: 'Some candidates are not attested: the election cannot open yet.' },
  saved: { vi: 'Đã ghi lại.', en: 'Recorded.' },
  teamRoles: { vi: 'Tổ trưởng', en: 'Head' },
} satisfies Record<string, Text>;

export const ELECTION_PREP_TEXT = T;

export interface PrepCandidateView {
  id: string; name: string; villageId: string; birthYear: number | null; attested: boolean;
  attestation: { attestedBy: string; attestedOn: string } | null;
}

export function ElectionPrepPage(props: StaffFrame & {
  campaign: { id: string; title: string; status: string };
  boardName: Text;
  conditions: EligibilityCondition[];
  article: string;
  teamArticle: string;
  villages: { villageId: string; code: string; name: string }[];
  candidates: PrepCandidateView[];
  team: { members: { name: string; role: string; birthYear: number | null }[] } | null;
  clashes: { member: string; candidateId: string; candidate: string }[];
  canEdit: boolean;
  canEditTeam: boolean;
  today: string;
  values: Record<string, string>;
  errors: { path: string; message: string }[];
  notice?: string;
}) {
  const { lang, values } = props;
  const id = encodeURIComponent(props.campaign.id);
  const err = (p: string) => props.errors.find((e) => e.path === p)?.message;
  const villageName = (v: string) => props.villages.find((x) => x.villageId === v)?.name ?? v;
  const all = props.candidates.length > 0 && props.candidates.every((k) => k.attested);
  const rows = Math.max(5, (props.team?.members.length ?? 0) + 1);
  const member = (i: number) => props.team?.members[i];
  return (
    <StaffPage {...props} title={`${T.title[lang]} – ${props.campaign.title}`}>
      <nav class="breadcrumbs" aria-label={T.back[lang]}><a href={`/staff/campaigns/${id}`}>{T.back[lang]}</a></nav>
      <h1>{T.title[lang]}: {props.campaign.title}</h1>
      <p class="hint">{props.boardName[lang]}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.campaign.status === 'draft' ? <Alert kind={all ? 'ok' : 'warn'}>{(all ? T.ready : T.notReady)[lang]}</Alert> : <p>{T.frozen[lang]}</p>}
      {props.clashes.map((c) => <Alert kind="error">{`${c.member} = ${c.candidate} (${c.candidateId})`}</Alert>)}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{T.list[lang]}</h2>
        <Table lang={lang} caption={T.list[lang]} captionHidden rows={props.candidates} id="candidate-list" columns={[
          { label: T.name[lang], cell: (k) => k.name, rowHeader: true },
          { label: T.birthYear[lang], cell: (k) => (k.birthYear ? String(k.birthYear) : '–') },
          { label: T.village[lang], cell: (k) => villageName(k.villageId) },
          {
            label: T.eligibility[lang],
            cell: (k) => (k.attested && k.attestation
              ? <><Badge tone="ok">{T.attested[lang]}</Badge> <span class="hint">{k.attestation.attestedBy}, {formatDate(`${k.attestation.attestedOn}T12:00:00+07:00`)}</span></>
              : <Badge tone="warn">{T.missing[lang]}</Badge>),
          },
        ]} />
        <ul>
          {props.villages.map((v) => (
            <li><a href={`/api/v1/campaigns/${id}/forms/mau-05.pdf?villageId=${encodeURIComponent(v.villageId)}`}>{T.print[lang]} – {v.name}</a></li>
          ))}
        </ul>
      </section>

      {props.canEdit ? (
        <section aria-labelledby="attest-title">
          <h2 id="attest-title">{T.attestTitle[lang]}</h2>
          <p>{T.attestHint[lang]} <span class="hint">({props.article})</span></p>
          <form method="post" action={`/staff/campaigns/${id}/election/attest`} novalidate>
            <CsrfField token={props.csrfToken} />
            <Select name="candidateId" label={T.candidate[lang]} lang={lang} required value={values.candidateId} error={err('candidateId')}
              options={props.candidates.map((k) => ({ value: k.id, label: `${k.name} (${villageName(k.villageId)})` }))} />
            <fieldset class="field">
              <legend>{T.eligibility[lang]}</legend>
              {props.conditions.map((c) => (
                <Checkbox name={`condition_${c.code}`} label={c.text[lang]} checked={values[`condition_${c.code}`] === '1'} error={err(`conditions.${c.code}`)} lang={lang} />
              ))}
            </fieldset>
            <Field name="attestedBy" label={T.attestedBy[lang]} required maxlength={200} lang={lang} value={values.attestedBy} error={err('attestedBy')} />
            <Field name="attestedOn" type="date" label={T.attestedOn[lang]} required max={props.today} lang={lang} value={values.attestedOn ?? props.today} error={err('attestedOn')} />
            <Button>{T.attest[lang]}</Button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="team-title">
        <h2 id="team-title">{T.team[lang]}</h2>
        <p>{T.teamHint[lang]} <span class="hint">({props.teamArticle})</span></p>
        {props.team ? (
          <Table lang={lang} caption={T.team[lang]} captionHidden rows={props.team.members} id="team-list" columns={[
            { label: T.name[lang], cell: (m) => m.name, rowHeader: true },
            { label: T.role[lang], cell: (m) => m.role },
            { label: T.birthYear[lang], cell: (m) => (m.birthYear ? String(m.birthYear) : '–') },
          ]} />
        ) : <p>{T.noTeam[lang]}</p>}
        {props.canEditTeam ? (
          <form method="post" action={`/staff/campaigns/${id}/election/team`} novalidate>
            <CsrfField token={props.csrfToken} />
            {Array.from({ length: rows }, (_, i) => (
              <fieldset class="field">
                <legend>{T.member[lang]} {i + 1}</legend>
                <Field name={`members.${i}.name`} label={T.name[lang]} maxlength={200} lang={lang} value={values[`members.${i}.name`] ?? member(i)?.name} error={err(`members.${i}.name`)} />
                <Field name={`members.${i}.role`} label={T.role[lang]} maxlength={100} lang={lang} value={values[`members.${i}.role`] ?? member(i)?.role ?? (i === 0 ? T.teamRoles.vi : '')} error={err(`members.${i}.role`)} />
                <Field name={`members.${i}.birthYear`} type="number" inputmode="numeric" short label={T.birthYear[lang]} lang={lang} value={values[`members.${i}.birthYear`] ?? member(i)?.birthYear ?? ''} error={err(`members.${i}.birthYear`)} />
              </fieldset>
            ))}
            <Button>{T.saveTeam[lang]}</Button>
          </form>
        ) : null}
      </section>
    </StaffPage>
  );
}
