import type { Lang, Text } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Alert, Button, ErrorSummary, Field } from '../components';

const T = {
  title: { vi: 'Đăng nhập', en: 'Sign in' },
  intro: { vi: 'Dành cho cán bộ xã, trưởng thôn và Ban Thanh tra nhân dân.', en: 'For commune staff, village heads and the inspection board.' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  submit: { vi: 'Đăng nhập', en: 'Sign in' },
  forgot: {
    vi: 'Quên mật khẩu? Hãy nhờ cán bộ quản trị của xã đặt lại.',
    en: 'Forgot your password? Ask the commune administrator to reset it.',
  },
} satisfies Record<string, Text>;

export interface LoginPageProps {
  lang: Lang;
  csrfToken: string;
  next?: string;
  username?: string;
  /** a message for the whole form (wrong password, expired form, too many tries) */
  error?: string;
  fieldErrors?: { path: string; message: string }[];
}

/** The sign-in form: a plain POST that works without JavaScript; errors come back in place. */
export function LoginPage(props: LoginPageProps) {
  const { lang } = props;
  const fieldError = (name: string) => props.fieldErrors?.find((e) => e.path === name)?.message;
  return (
    <Layout lang={lang} title={T.title[lang]} path="/login" narrow>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      {props.error ? <Alert kind="error">{props.error}</Alert> : null}
      <ErrorSummary lang={lang} errors={props.fieldErrors ?? []} />
      <form method="post" action="/login" class="form login-form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <Field name="username" label={T.username[lang]} value={props.username} required autocomplete="username" maxlength={100} error={fieldError('username')} lang={lang} />
        <Field name="password" type="password" label={T.password[lang]} required autocomplete="current-password" maxlength={200} error={fieldError('password')} lang={lang} />
        <div class="actions">
          <Button block>{T.submit[lang]}</Button>
        </div>
      </form>
      <p class="muted small">{T.forgot[lang]}</p>
    </Layout>
  );
}
