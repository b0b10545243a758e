import type { Child } from 'hono/jsx';
import type { Lang } from '../../../server/domain/i18n';
import { Layout } from '../layout';

/** What every staff campaign page passes to the layout. */
export interface StaffFrame {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  /** path and query of this page, for the language switch */
  path: string;
  commune?: string;
}

export function StaffPage(props: StaffFrame & { title: string; scripts?: string[]; children?: Child }) {
  return (
    <Layout lang={props.lang} title={props.title} user={props.user} csrfToken={props.csrfToken} path={props.path} commune={props.commune} scripts={props.scripts}>
      {props.children}
    </Layout>
  );
}

/** The session token every staff form posts back (csrfProtection in server/http/middleware.ts). */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}
