import type { Lang, Text } from '../../../server/domain/i18n';
import { Layout, ROLE_LABEL } from '../layout';
import { Alert, Badge, Button, DateText, ErrorSummary, Field, Select, Table } from '../components';

const T = {
  title: { vi: 'Tài khoản', en: 'Accounts' },
  intro: {
    vi: 'Mỗi người một tài khoản; trưởng thôn chỉ làm việc trong thôn của mình.',
    en: 'One account per person; a village head works only in their own village.',
  },
  list: { vi: 'Tài khoản của xã', en: 'The commune’s accounts' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  account: { vi: 'Người dùng', en: 'Person' },
  displayName: { vi: 'Họ và tên', en: 'Full name' },
  role: { vi: 'Vai trò', en: 'Role' },
  village: { vi: 'Thôn', en: 'Village' },
  status: { vi: 'Trạng thái', en: 'Status' },
  created: { vi: 'Ngày tạo', en: 'Created' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  active: { vi: 'Đang dùng', en: 'Active' },
  disabled: { vi: 'Đã khóa', en: 'Disabled' },
  disable: { vi: 'Khóa', en: 'Disable' },
  enable: { vi: 'Mở khóa', en: 'Enable' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  reset: { vi: 'Đặt lại mật khẩu', en: 'Reset password' },
  savePassword: { vi: 'Lưu mật khẩu mới', en: 'Save the new password' },
  rename: { vi: 'Sửa họ tên', en: 'Change the name' },
  saveName: { vi: 'Lưu họ tên', en: 'Save the name' },
  nameHint: { vi: 'Họ tên thật, hiện trên biên bản và nhật ký.', en: 'The person’s real name, shown on tally sheets and in the audit log.' },
  noName: { vi: 'chưa ghi họ tên', en: 'no name yet' },
  createTitle: { vi: 'Tạo tài khoản', en: 'Create an account' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  passwordHint: { vi: 'Ít nhất 8 ký tự. Hãy trao tận tay cho người dùng.', en: 'At least 8 characters. Hand it to the person directly.' },
  usernameHint: { vi: 'Chữ, số và dấu . _ - ; không có khoảng trắng.', en: 'Letters, digits and . _ - ; no spaces.' },
  villageHint: { vi: 'Chỉ dành cho trưởng thôn.', en: 'For village heads only.' },
  chooseVillage: { vi: '— Chọn thôn —', en: '— Choose a village —' },
  create: { vi: 'Tạo tài khoản', en: 'Create the account' },
  createdNotice: { vi: 'Đã tạo tài khoản', en: 'Account created' },
  updated: { vi: 'Đã cập nhật tài khoản', en: 'Account updated' },
  commune: { vi: 'Xã', en: 'Commune' },
  chooseCommune: { vi: 'Chọn xã để xem tài khoản.', en: 'Choose a commune to see its accounts.' },
} satisfies Record<string, Text>;

const ROLES = ['admin', 'staff', 'village_head', 'inspector'];

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  villageId: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface AccountsPageProps {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  /** the commune shown (a province administrator picks one) */
  communeId: string | null;
  communes?: { id: string; name: string }[];
  accounts: AccountRow[];
  villages: { id: string; name: string }[];
  /** the id of the signed-in account: it cannot disable itself */
  selfId: string;
  notice?: string;
  values?: Record<string, string>;
  errors?: { path: string; message: string }[];
  /** errors of a row's action, by account id */
  rowError?: { id: string; message: string; action?: string };
}

function RowActions(props: { lang: Lang; row: AccountRow; csrfToken: string; selfId: string; communeQuery: string; error?: string; errorAction?: string }) {
  const { lang, row } = props;
  const action = `/staff/accounts/${encodeURIComponent(row.id)}${props.communeQuery}`;
  // The rarely used forms fold away behind their button, so the row stays one line
  // at 1280 px and no box is cut off by the table's edge; one that failed opens again.
  return (
    <div class="row-actions">
      {props.error ? <p class="error-text" role="alert">{props.error}</p> : null}
      {row.id !== props.selfId ? (
        <form method="post" action={action}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="action" value={row.disabled ? 'enable' : 'disable'} />
          <button type="submit" class={row.disabled ? 'btn btn-secondary' : 'btn btn-danger'}>
            {row.disabled ? T.enable[lang] : T.disable[lang]}
            <span class="visually-hidden"> {row.username}</span>
          </button>
        </form>
      ) : null}
      <details class="row-form" open={props.error && props.errorAction === 'password' ? true : undefined}>
        <summary class="btn btn-secondary">{T.reset[lang]}<span class="visually-hidden"> ({row.username})</span></summary>
        <form method="post" action={action}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="action" value="password" />
          <label for={`pw-${row.id}`}>{T.newPassword[lang]} ({row.username})</label>
          <input id={`pw-${row.id}`} type="password" name="password" minlength={8} maxlength={200} required autocomplete="new-password" />
          <button type="submit" class="btn">{T.savePassword[lang]}</button>
        </form>
      </details>
      <details class="row-form" open={props.error && props.errorAction === 'name' ? true : undefined}>
        <summary class="btn btn-secondary">{T.rename[lang]}<span class="visually-hidden"> ({row.username})</span></summary>
        <form method="post" action={action}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="action" value="name" />
          <label for={`name-${row.id}`}>{T.displayName[lang]} ({row.username})</label>
          <input id={`name-${row.id}`} type="text" name="displayName" value={row.displayName === row.username ? '' : row.displayName} maxlength={100} required autocomplete="off" />
          <button type="submit" class="btn">{T.saveName[lang]}</button>
        </form>
      </details>
    </div>
  );
}

/** The accounts page: the commune's users in a table and a form to add one. */
export function AccountsPage(props: AccountsPageProps) {
  const { lang } = props;
  const v = props.values ?? {};
  const err = (name: string) => props.errors?.find((e) => e.path === name)?.message;
  const villageName = new Map(props.villages.map((x) => [x.id, x.name]));
  const communeQuery = props.communes && props.communeId ? `?communeId=${encodeURIComponent(props.communeId)}` : '';
  return (
    <Layout lang={lang} title={T.title[lang]} path="/staff/accounts" user={props.user} csrfToken={props.csrfToken}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}

      {props.communes ? (
        <form method="get" action="/staff/accounts" class="form commune-picker">
          <Select name="communeId" label={T.commune[lang]} value={props.communeId} placeholder={T.chooseCommune[lang]}
            options={props.communes.map((c) => ({ value: c.id, label: c.name }))} lang={lang} />
          <Button variant="secondary">OK</Button>
        </form>
      ) : null}

      {props.communeId ? (
        <>
          <Table
            caption={T.list[lang]}
            lang={lang}
            id="accounts"
            rows={props.accounts}
            columns={[
              // name above username, role above village: five columns fit 1280 px with a row form open
              {
                label: T.account[lang], rowHeader: true,
                cell: (r) => (
                  <>
                    {r.displayName && r.displayName !== r.username ? r.displayName : <span class="muted">{T.noName[lang]}</span>}
                    <span class="cell-sub">{T.username[lang]}: {r.username}</span>
                  </>
                ),
              },
              {
                label: T.role[lang],
                cell: (r) => (
                  <>
                    {ROLE_LABEL[r.role]?.[lang] ?? r.role}
                    {r.villageId ? <span class="cell-sub">{villageName.get(r.villageId) ?? ''}</span> : null}
                  </>
                ),
              },
              { label: T.status[lang], cell: (r) => (r.disabled ? <Badge tone="warn">{T.disabled[lang]}</Badge> : <Badge tone="ok">{T.active[lang]}</Badge>) },
              { label: T.created[lang], cell: (r) => <DateText iso={r.createdAt} /> },
              {
                label: T.actions[lang],
                cell: (r) => (
                  <RowActions lang={lang} row={r} csrfToken={props.csrfToken} selfId={props.selfId} communeQuery={communeQuery}
                    error={props.rowError?.id === r.id ? props.rowError.message : undefined} errorAction={props.rowError?.action} />
                ),
              },
            ]}
          />

          <h2 id="create">{T.createTitle[lang]}</h2>
          <ErrorSummary lang={lang} errors={props.errors ?? []} />
          <form method="post" action={`/staff/accounts${communeQuery}`} class="form create-account">
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <Field name="username" label={T.username[lang]} value={v.username} required maxlength={50} autocomplete="off" hint={T.usernameHint[lang]} error={err('username')} lang={lang} />
            <Field name="displayName" label={T.displayName[lang]} value={v.displayName} required maxlength={100} autocomplete="off" hint={T.nameHint[lang]} error={err('displayName')} lang={lang} />
            <Field name="password" type="password" label={T.password[lang]} required maxlength={200} autocomplete="new-password" hint={T.passwordHint[lang]} error={err('password')} lang={lang} />
            <Select name="role" label={T.role[lang]} required value={v.role ?? 'staff'} error={err('role')} lang={lang}
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r]?.[lang] ?? r }))} />
            <Select name="villageId" label={T.village[lang]} value={v.villageId} placeholder={T.chooseVillage[lang]} hint={T.villageHint[lang]} error={err('villageId')} lang={lang}
              options={props.villages.map((x) => ({ value: x.id, label: x.name }))} />
            <div class="actions">
              <Button>{T.create[lang]}</Button>
            </div>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

export const ACCOUNT_TEXT = { created: T.createdNotice, updated: T.updated };
