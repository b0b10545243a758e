import type { Lang } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Alert, Button, ErrorSummary, Field, LinkButton, Table } from '../components';
import { RT } from './texts';

export interface VillagesPageProps {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  villages: { id: string; code: string; name: string; households: number }[];
  canEdit: boolean;
  notice?: string;
  values?: { code?: string; name?: string };
  errors?: { path: string; message: string }[];
}

/** The commune's villages with their household counts, and a form to add one. */
export function VillagesPage(props: VillagesPageProps) {
  const { lang } = props;
  const err = (name: string) => props.errors?.find((e) => e.path === name)?.message;
  return (
    <Layout lang={lang} title={RT.villages[lang]} path="/staff/villages" user={props.user} csrfToken={props.csrfToken}>
      <h1>{RT.villages[lang]}</h1>
      <p class="lead">{RT.villagesIntro[lang]}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      <Table
        caption={RT.villages[lang]}
        captionHidden
        lang={lang}
        id="villages"
        rows={props.villages}
        columns={[
          { label: RT.code[lang], cell: (v) => v.code },
          { label: RT.name[lang], rowHeader: true, cell: (v) => <a href={`/staff/households?villageId=${encodeURIComponent(v.id)}`}>{v.name}</a> },
          { label: RT.households[lang], numeric: true, cell: (v) => v.households.toLocaleString('vi-VN') },
        ]}
      />
      <p class="actions">
        <LinkButton href="/api/v1/households/export.csv" variant="secondary" download>{RT.exportCsv[lang]}</LinkButton>{' '}
        <LinkButton href="/api/v1/households/export.xlsx" variant="secondary" download>{RT.exportXlsx[lang]}</LinkButton>
      </p>
      {props.canEdit ? (
        <section aria-labelledby="add-village">
          <h2 id="add-village">{RT.addVillage[lang]}</h2>
          <ErrorSummary lang={lang} errors={props.errors ?? []} />
          <form method="post" action="/staff/villages" class="form">
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <Field name="code" label={RT.villageCode[lang]} hint={RT.villageCodeHint[lang]} value={props.values?.code} error={err('code')} required short maxlength={20} lang={lang} />
            <Field name="name" label={RT.villageName[lang]} value={props.values?.name} error={err('name')} required maxlength={120} lang={lang} />
            <Button>{RT.addVillage[lang]}</Button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
