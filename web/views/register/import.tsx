import type { Lang } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Alert, Button, Field, LinkButton, Stat, Stats, Table } from '../components';
import { RT, omittedErrors } from './texts';

export interface ImportReportView {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { sheet?: string; row: number; column: string; message: string }[];
  /** errors found beyond those listed */
  omittedErrors?: number;
}

export interface ImportPageProps {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  report?: ImportReportView;
  /** why the whole file was refused, with the problems it names */
  failure?: { message: string; details: string[] };
}

/** The upload form and, after an import, its counts and the rows to correct. */
export function ImportPage(props: ImportPageProps) {
  const { lang, report } = props;
  const withSheets = report?.errors.some((e) => e.sheet !== undefined) ?? false;
  return (
    <Layout lang={lang} title={RT.importTitle[lang]} path="/staff/import" user={props.user} csrfToken={props.csrfToken}>
      <h1>{RT.importTitle[lang]}</h1>
      <p class="lead">{RT.importIntro[lang]}</p>

      {props.failure ? (
        <Alert kind="error" title={RT.failed[lang]}>
          <p>{props.failure.message}</p>
          {props.failure.details.length ? <ul>{props.failure.details.map((d) => <li>{d}</li>)}</ul> : null}
        </Alert>
      ) : null}

      {report ? (
        <section aria-labelledby="report">
          <h2 id="report">{RT.report[lang]}</h2>
          <Stats>
            <Stat label={RT.created[lang]} value={report.created} />
            <Stat label={RT.updated[lang]} value={report.updated} />
            <Stat label={RT.unchanged[lang]} value={report.unchanged} />
            <Stat label={RT.rejected[lang]} value={report.rejected} />
          </Stats>
          {report.errors.length ? (
            <>
              <p>{RT.errorsHint[lang]}</p>
              <Table
                caption={RT.errorsTitle[lang]}
                lang={lang}
                id="import-errors"
                rows={report.errors}
                columns={[
                  ...(withSheets ? [{ label: RT.sheet[lang], cell: (e: ImportReportView['errors'][number]) => e.sheet ?? '' }] : []),
                  { label: RT.row[lang], numeric: true, rowHeader: true, cell: (e) => e.row },
                  { label: RT.column[lang], cell: (e) => e.column },
                  { label: RT.message[lang], cell: (e) => e.message },
                ]}
              />
              {report.omittedErrors ? <p>{omittedErrors(report.omittedErrors)[lang]}</p> : null}
            </>
          ) : null}
          <p class="actions"><LinkButton href="/staff/households" variant="secondary">{RT.register[lang]}</LinkButton></p>
        </section>
      ) : null}

      <form method="post" action="/staff/import" enctype="multipart/form-data" class="form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <Field name="file" type="file" label={RT.file[lang]} hint={RT.fileHint[lang]} required accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" lang={lang} />
        <Button>{RT.upload[lang]}</Button>
      </form>
    </Layout>
  );
}
