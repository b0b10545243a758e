import type { Child } from 'hono/jsx';
import type { Lang } from '../i18n';

export interface LayoutProps {
  lang: Lang;
  title: string;
  children?: Child;
  /** signed-in staff see the staff navigation */
  user?: { username: string; role: string; displayName?: string } | null;
  csrfToken?: string;
  scripts?: string[];
}

export function Layout(props: LayoutProps) {
  const { lang } = props;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · Dân Bàn</title>
        <link rel="stylesheet" href="/static/app.css" />
        {(props.scripts ?? []).map((s) => (
          <script src={s} defer></script>
        ))}
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href={props.user ? '/staff' : '/'}>Dân Bàn</a>
          <nav class="lang">
            <a href="?lang=vi" lang="vi" aria-current={lang === 'vi' ? 'true' : undefined}>Tiếng Việt</a>
            {' · '}
            <a href="?lang=en" lang="en" aria-current={lang === 'en' ? 'true' : undefined}>English</a>
          </nav>
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

export function ErrorPage(props: { lang: Lang; status: number; message: string; requestId: string }) {
  return (
    <Layout lang={props.lang} title={String(props.status)}>
      <h1>{props.status}</h1>
      <p class="error-message">{props.message}</p>
      <p class="muted">{props.lang === 'vi' ? 'Mã yêu cầu' : 'Request id'}: {props.requestId}</p>
    </Layout>
  );
}
