import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Lang, Text } from '../../server/domain/i18n';
import { assetUrl } from '../static/assets';
import { safeBack } from '../../server/domain/return-path';

export interface LayoutProps {
  lang: Lang;
  title: string;
  children?: Child;
  /** signed-in staff see the staff navigation */
  user?: { username: string; role: string; displayName?: string } | null;
  csrfToken?: string;
  /** logical asset names ('results.js') or absolute URLs */
  scripts?: string[];
  /** the current path with its query ('/staff/households?page=2'): the language switch returns here */
  path?: string;
  /** the commune's name, shown beside the brand */
  commune?: string;
  /** a narrow reading column (citizen pages: ballot, receipt) */
  narrow?: boolean;
  /** a public page seen by someone signed in: its footer leads back to the staff pages rather than to sign in */
  signedIn?: boolean;
}

export interface StaffSection {
  href: string;
  label: Text;
  description: Text;
  /** what the section offers a role that may do less there than the office (read, not create or close) */
  descriptionFor?: Partial<Record<string, Text>>;
  roles: readonly string[];
}

const ALL = ['admin', 'staff', 'inspector', 'village_head', 'province_admin'] as const;
const OFFICE = ['admin', 'staff', 'province_admin'] as const;
const COMMUNE = ['admin', 'staff', 'inspector', 'village_head'] as const;

// What each role finds in the menu. The routes enforce access themselves; this
// only keeps a village head's phone menu short.
export const STAFF_SECTIONS: readonly StaffSection[] = [
  { href: '/staff', roles: ALL, label: { vi: 'Tổng quan', en: 'Overview' }, description: { vi: 'Việc cần làm và số liệu chính.', en: 'What needs doing and the key numbers.' } },
  {
    href: '/staff/campaigns', roles: ALL, label: { vi: 'Đợt lấy ý kiến', en: 'Campaigns' },
    description: { vi: 'Tạo, mở, đóng và công bố các đợt lấy ý kiến, biểu quyết, bầu cử.', en: 'Create, open, close and publish consultations, votes and elections.' },
    descriptionFor: {
      village_head: { vi: 'Các đợt của thôn mình: bao nhiêu hộ đã tham gia, danh sách hộ chưa nộp phiếu để in.', en: 'Your village’s campaigns: how many households took part, and the list of ballots not yet back, to print.' },
      inspector: { vi: 'Theo dõi các đợt lấy ý kiến, số hộ tham gia và kết quả.', en: 'Follow the campaigns, participation and results.' },
    },
  },
  {
    href: '/staff/households', roles: ALL, label: { vi: 'Sổ hộ', en: 'Households' },
    description: { vi: 'Tra cứu và sửa danh sách hộ gia đình.', en: 'Look up and correct the household register.' },
    descriptionFor: {
      village_head: { vi: 'Tra cứu các hộ gia đình của thôn mình.', en: 'Look up the households of your village.' },
      inspector: { vi: 'Tra cứu danh sách hộ gia đình.', en: 'Look up the household register.' },
    },
  },
  { href: '/staff/villages', roles: [...OFFICE, 'inspector'], label: { vi: 'Thôn', en: 'Villages' }, description: { vi: 'Các thôn, tổ dân phố và số hộ.', en: 'Villages and their household counts.' } },
  { href: '/staff/import', roles: OFFICE, label: { vi: 'Nhập sổ hộ', en: 'Import register' }, description: { vi: 'Nhập danh sách hộ từ tệp Excel hoặc CSV.', en: 'Import households from an Excel or CSV file.' } },
  { href: '/staff/print', roles: OFFICE, label: { vi: 'In ấn', en: 'Printing' }, description: { vi: 'In phiếu có mã QR, thông báo, áp phích.', en: 'Print QR ballots, notices and posters.' } },
  {
    href: '/staff/tallies', roles: ALL, label: { vi: 'Biên bản', en: 'Tally sheets' },
    description: { vi: 'Nhập, kiểm tra và xác nhận biên bản kiểm phiếu.', en: 'Enter, check and confirm tally sheets.' },
    descriptionFor: {
      village_head: { vi: 'Nhập biên bản kiểm phiếu của thôn, chụp ảnh biên bản đã ký, ghi nhận phiếu giấy đã thu.', en: 'Enter your village’s tally sheet, photograph the signed sheet, register the paper ballots collected.' },
      inspector: { vi: 'Kiểm tra và xác nhận biên bản kiểm phiếu do thôn nhập.', en: 'Check and confirm the tally sheets villages entered.' },
    },
  },
  {
    href: '/staff/feedback', roles: COMMUNE, label: { vi: 'Góp ý', en: 'Feedback' },
    description: { vi: 'Góp ý, phản ánh, kiến nghị của người dân: giao xử lý, trả lời, công khai.', en: 'People’s suggestions, reports and requests: assign, answer, publish.' },
    descriptionFor: {
      village_head: { vi: 'Ghi lại góp ý, phản ánh, kiến nghị người dân gửi qua thôn, và xem xã đã trả lời chưa.', en: 'Record what people hand in at the village, and see whether the commune has answered.' },
      inspector: { vi: 'Theo dõi góp ý, phản ánh, kiến nghị và việc trả lời đúng hạn.', en: 'Follow suggestions, reports and requests, and whether they are answered in time.' },
    },
  },
  {
    href: '/staff/dialogues', roles: COMMUNE, label: { vi: 'Đối thoại', en: 'Dialogues' },
    description: { vi: 'Hội nghị đối thoại với Nhân dân: câu hỏi, chương trình, trả lời, biên bản.', en: 'Dialogue conferences: questions, order of business, answers, minutes.' },
    descriptionFor: {
      village_head: { vi: 'Hội nghị đối thoại: gửi câu hỏi của người dân trong thôn, xem trả lời và biên bản.', en: 'Dialogue conferences: send your village’s questions, read the answers and minutes.' },
      inspector: { vi: 'Theo dõi hội nghị đối thoại: câu hỏi, trả lời, biên bản.', en: 'Follow the dialogue conferences: questions, answers, minutes.' },
    },
  },
  { href: '/staff/initiatives', roles: ['admin', 'staff'], label: { vi: 'Sáng kiến', en: 'Initiatives' }, description: { vi: 'Sáng kiến của Nhân dân: hộ đồng thuận, đủ 10% thì đưa ra cộng đồng quyết định.', en: 'Citizen initiatives: consenting households; at 10% put to the community.' } },
  { href: '/staff/scorecard', roles: ['admin', 'staff', 'inspector'], label: { vi: 'Kết quả kế hoạch', en: 'Plan scorecard' }, description: { vi: 'Số liệu theo thôn và quý; báo cáo gửi Sở Nội vụ.', en: 'Figures by village and quarter; the report for the provincial Home Affairs department.' } },
  { href: '/staff/accounts', roles: ['admin', 'province_admin'], label: { vi: 'Tài khoản', en: 'Accounts' }, description: { vi: 'Tài khoản cán bộ, trưởng thôn, ban thanh tra.', en: 'Accounts for staff, village heads and inspectors.' } },
  { href: '/staff/calendar', roles: ['admin', 'staff', 'inspector'], label: { vi: 'Lịch làm việc', en: 'Working calendar' }, description: { vi: 'Ngày nghỉ lễ, nghỉ bù, làm bù của năm: mọi hạn chót tính theo lịch này.', en: 'The year’s holidays, substitute and swapped days: every deadline is counted on it.' } },
  { href: '/staff/audit', roles: [...OFFICE, 'inspector'], label: { vi: 'Nhật ký', en: 'Audit log' }, description: { vi: 'Nhật ký thay đổi, kiểm tra toàn vẹn.', en: 'The change log and its integrity check.' } },
];

export function staffSectionsFor(role: string): StaffSection[] {
  return STAFF_SECTIONS.filter((s) => s.roles.includes(role));
}

/** What a section offers this role, in its words. */
export function sectionDescription(s: StaffSection, role: string): Text {
  return s.descriptionFor?.[role] ?? s.description;
}

export const ROLE_LABEL: Record<string, Text> = {
  admin: { vi: 'Quản trị xã', en: 'Commune administrator' },
  staff: { vi: 'Cán bộ xã', en: 'Commune staff' },
  village_head: { vi: 'Trưởng thôn', en: 'Village head' },
  inspector: { vi: 'Ban Thanh tra nhân dân', en: "People's inspection board" },
  province_admin: { vi: 'Quản trị tỉnh', en: 'Province administrator' },
};

const T = {
  skip: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  langNav: { vi: 'Ngôn ngữ', en: 'Language' },
  staffNav: { vi: 'Mục quản lý', en: 'Staff sections' },
  menu: { vi: 'Danh mục', en: 'Menu' },
  logout: { vi: 'Đăng xuất', en: 'Sign out' },
  signedIn: { vi: 'Đang đăng nhập', en: 'Signed in as' },
  feedback: { vi: 'Gửi góp ý, phản ánh, kiến nghị', en: 'Send feedback to the commune' },
  track: { vi: 'Xem trả lời bằng mã theo dõi', en: 'Follow your feedback by its code' },
  footerNav: { vi: 'Liên kết cho người dân', en: 'Links for residents' },
  footer: {
    vi: 'Dân Bàn: lấy ý kiến Nhân dân ở cơ sở theo Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15.',
    en: 'Dân Bàn: citizen consultation under the Law on Grassroots Democracy No. 10/2022/QH15.',
  },
  forStaff: { vi: 'Dành cho cán bộ xã, trưởng thôn:', en: 'For commune staff and village heads:' },
  staffSignIn: { vi: 'Đăng nhập', en: 'Sign in' },
  staffPages: { vi: 'Về trang quản lý', en: 'Back to the staff pages' },
} satisfies Record<string, Text>;

/** The link that switches language and comes back to `path`; works without JavaScript. */
export function langHref(to: Lang, path: string | undefined): string {
  if (path === undefined) return `?lang=${to}`;
  return `/lang?to=${to}&back=${encodeURIComponent(safeBack(path))}`;
}

function scriptSrc(s: string): string {
  return s.startsWith('/') || s.includes('://') ? s : assetUrl(s);
}

function isCurrent(href: string, path: string | undefined): boolean {
  if (!path) return false;
  const p = path.split('?')[0]!;
  return href === '/staff' ? p === '/staff' || p === '/staff/' : p === href || p.startsWith(href + '/');
}

/** One link to the other language, labelled in that language (short enough for a 360 px header). */
function LangSwitch(props: { lang: Lang; path?: string }) {
  const to: Lang = props.lang === 'vi' ? 'en' : 'vi';
  return (
    <nav class="lang-switch" aria-label={`${T.langNav.vi} / Language`}>
      <a href={langHref(to, props.path)} lang={to} hreflang={to}>{to === 'en' ? 'English' : 'Tiếng Việt'}</a>
    </nav>
  );
}

function StaffNav(props: { lang: Lang; role: string; path?: string }) {
  const items = staffSectionsFor(props.role).map((s) => (
    <li>
      <a href={s.href} aria-current={isCurrent(s.href, props.path) ? 'page' : undefined}>{s.label[props.lang]}</a>
    </li>
  ));
  return (
    <nav class="staff-nav" aria-label={T.staffNav[props.lang]}>
      <div class="wrap">
        <details class="menu-small">
          <summary>{T.menu[props.lang]}</summary>
          <ul>{items}</ul>
        </details>
        <ul class="menu-wide">{items}</ul>
      </div>
    </nav>
  );
}

export function Layout(props: LayoutProps) {
  const { lang, user } = props;
  const scripts = ['app.js', ...(props.scripts ?? []).filter((s) => s !== 'app.js')];
  // The doctype keeps every browser out of quirks mode (Hono's c.html adds none).
  return (
    <>
    {raw('<!DOCTYPE html>')}
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5394" />
        <title>{props.title} · Dân Bàn</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="icon" href={assetUrl('icon.svg')} type="image/svg+xml" />
        {scripts.map((s) => (
          <script src={scriptSrc(s)} defer></script>
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">{T.skip[lang]}</a>
        <header class="site-header">
          <div class="wrap header-bar">
            <div class="brand-block">
              <a class="brand" href={user ? '/staff' : '/'}>
                <img src={assetUrl('icon.svg')} alt="" width="32" height="32" />
                Dân Bàn
              </a>
              {props.commune ? <span class="commune">{props.commune}</span> : null}
            </div>
            <LangSwitch lang={lang} path={props.path} />
          </div>
          {user ? (
            <div class="wrap user-bar">
              <span>
                <span class="visually-hidden">{T.signedIn[lang]}: </span>
                <strong>{user.displayName || user.username}</strong>
                {ROLE_LABEL[user.role] ? <span class="role">{ROLE_LABEL[user.role]![lang]}</span> : null}
              </span>
              <form method="post" action="/logout">
                <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
                <button type="submit" class="btn btn-secondary">{T.logout[lang]}</button>
              </form>
            </div>
          ) : null}
          {user ? <StaffNav lang={lang} role={user.role} path={props.path} /> : null}
        </header>
        <main id="main" tabindex={-1} class={props.narrow ? 'wrap narrow' : 'wrap'}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <nav aria-label={T.footerNav[lang]} class="footer-links">
              <a href="/gop-y">{T.feedback[lang]}</a>
              <a href="/g">{T.track[lang]}</a>
            </nav>
            <p>{T.footer[lang]}</p>
            {/* public pages: the way in for staff (signing in again from a page cached for everyone leads on to the staff home) */}
            {user || props.path?.startsWith('/login') ? null : (
              <p class="staff-entry">
                {T.forStaff[lang]}{' '}
                <a href={props.signedIn ? '/staff' : '/login'}>{props.signedIn ? T.staffPages[lang] : T.staffSignIn[lang]}</a>
              </p>
            )}
          </div>
        </footer>
      </body>
    </html>
    </>
  );
}

const ERROR_TEXT: Record<string, { title: Text; advice: Text }> = {
  '400': {
    title: { vi: 'Yêu cầu chưa đúng', en: 'Something in the request is wrong' },
    advice: { vi: 'Hãy quay lại trang trước, kiểm tra thông tin rồi thử lại.', en: 'Go back, check what you entered and try again.' },
  },
  '401': {
    title: { vi: 'Bạn cần đăng nhập', en: 'Please sign in' },
    advice: { vi: 'Trang này dành cho cán bộ. Hãy đăng nhập để tiếp tục.', en: 'This page is for staff. Sign in to continue.' },
  },
  '403': {
    title: { vi: 'Bạn không có quyền xem trang này', en: 'You cannot open this page' },
    advice: { vi: 'Nếu bạn cần quyền này, hãy liên hệ cán bộ quản trị của xã.', en: 'If you need access, ask your commune administrator.' },
  },
  '404': {
    title: { vi: 'Không tìm thấy trang', en: 'Page not found' },
    advice: {
      vi: 'Đường dẫn có thể đã cũ hoặc bị gõ sai. Nếu bạn quét mã QR trên phiếu, hãy kiểm tra lại mã in trên phiếu.',
      en: 'The link may be out of date or mistyped. If you scanned the QR code on a ballot, check the code printed on it.',
    },
  },
  '409': {
    title: { vi: 'Không thể thực hiện lúc này', en: 'This cannot be done now' },
    advice: { vi: 'Dữ liệu đã thay đổi hoặc đã được ghi nhận trước đó.', en: 'The data has changed or was already recorded.' },
  },
  '429': {
    title: { vi: 'Bạn thao tác quá nhanh', en: 'Too many attempts' },
    advice: { vi: 'Vui lòng đợi một lát rồi thử lại.', en: 'Please wait a moment and try again.' },
  },
  '5xx': {
    title: { vi: 'Hệ thống đang gặp sự cố', en: 'Something went wrong on our side' },
    advice: {
      vi: 'Ý kiến đã gửi thành công trước đó không bị mất. Vui lòng thử lại sau ít phút.',
      en: 'Answers already sent are safe. Please try again in a few minutes.',
    },
  },
};

const ERROR_T = {
  home: { vi: 'Về trang chủ', en: 'Go to the home page' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  requestId: { vi: 'Mã yêu cầu (đọc cho cán bộ hỗ trợ nếu cần)', en: 'Request id (quote it when asking for help)' },
  error: { vi: 'Lỗi', en: 'Error' },
} satisfies Record<string, Text>;

/** "Không tìm thấy." under the title "Không tìm thấy trang" says nothing new. */
function redundant(message: string, title: string): boolean {
  const m = message.trim().replace(/[.!]$/, '').toLocaleLowerCase('vi');
  return m === '' || title.toLocaleLowerCase('vi').startsWith(m);
}

export function ErrorPage(props: { lang: Lang; status: number; message: string; requestId: string; path?: string }) {
  const { lang, status } = props;
  const text = ERROR_TEXT[status >= 500 ? '5xx' : String(status)] ?? ERROR_TEXT['400']!;
  return (
    <Layout lang={lang} title={`${text.title[lang]} (${status})`} path={props.path} narrow>
      <div class="error-page">
        <p class="error-code" aria-hidden="true">{status}</p>
        <h1>{text.title[lang]}</h1>
        {redundant(props.message, text.title[lang]) ? null : <p class="lead error-message">{props.message}</p>}
        <p>{text.advice[lang]}</p>
        <div class="actions">
          {status === 401 ? (
            <a class="btn" href={`/login${props.path ? `?next=${encodeURIComponent(safeBack(props.path))}` : ''}`}>{ERROR_T.signIn[lang]}</a>
          ) : null}
          <a class={status === 401 ? 'btn btn-secondary' : 'btn'} href="/">{ERROR_T.home[lang]}</a>
        </div>
        <p class="muted small">
          {ERROR_T.requestId[lang]}: <span class="request-id">{props.requestId}</span>
        </p>
      </div>
    </Layout>
  );
}
