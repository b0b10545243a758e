import type { Lang } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Badge, Button, Field, LinkButton, Pagination, Select, Table } from '../components';
import { RT } from './texts';

export interface HouseholdRow {
  code: string;
  villageId: string;
  head: string;
  representative: string;
  address: string;
  members: number;
  phone: string;
  status: 'active' | 'left';
}

export interface HouseholdsPageProps {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  villages: { id: string; name: string }[];
  filter: { q: string; villageId: string; status: string };
  rows: HouseholdRow[];
  total: number;
  page: number;
  pages: number;
  canImport: boolean;
}

function query(filter: HouseholdsPageProps['filter'], page?: number): string {
  const p = new URLSearchParams();
  if (filter.q) p.set('q', filter.q);
  if (filter.villageId) p.set('villageId', filter.villageId);
  if (filter.status && filter.status !== 'active') p.set('status', filter.status);
  if (page && page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The register: search box, village filter, a table of 100 households per page, export links. */
export function HouseholdsPage(props: HouseholdsPageProps) {
  const { lang, filter } = props;
  const villageName = new Map(props.villages.map((v) => [v.id, v.name]));
  const exportQuery = filter.villageId ? `?villageId=${encodeURIComponent(filter.villageId)}` : '';
  // One village in view (a village head's own, or the one chosen): its name in the heading, no column repeating it.
  const oneVillage = props.villages.length === 1 ? props.villages[0]!.name : filter.villageId ? villageName.get(filter.villageId) : undefined;
  return (
    <Layout lang={lang} title={RT.register[lang]} path={`/staff/households${query(filter, props.page)}`} user={props.user} csrfToken={props.csrfToken}>
      <h1>{RT.register[lang]}{oneVillage ? <span class="h1-sub">{oneVillage}</span> : null}</h1>
      <form method="get" action="/staff/households" class="form search-form" role="search">
        <Field name="q" type="search" label={RT.search[lang]} hint={RT.searchHint[lang]} value={filter.q} maxlength={200} lang={lang} />
        {props.villages.length > 1 ? (
          <Select name="villageId" label={RT.village[lang]} value={filter.villageId} placeholder={RT.allVillages[lang]}
            options={props.villages.map((v) => ({ value: v.id, label: v.name }))} lang={lang} />
        ) : null}
        <Select name="status" label={RT.status[lang]} value={filter.status || 'active'} lang={lang}
          options={[{ value: 'active', label: RT.active[lang] }, { value: 'left', label: RT.left[lang] }, { value: 'all', label: RT.all[lang] }]} />
        <Button>{RT.find[lang]}</Button>
      </form>
      <p class="actions">
        <strong>{props.total.toLocaleString('vi-VN')}</strong> {RT.found[lang]}{' · '}
        <LinkButton href={`/api/v1/households/export.csv${exportQuery}`} variant="secondary" download>{RT.exportCsv[lang]}</LinkButton>{' '}
        <LinkButton href={`/api/v1/households/export.xlsx${exportQuery}`} variant="secondary" download>{RT.exportXlsx[lang]}</LinkButton>
        {props.canImport ? <>{' '}<LinkButton href="/staff/import" variant="link">{RT.importLink[lang]}</LinkButton></> : null}
      </p>
      <Table
        caption={RT.register[lang]}
        captionHidden
        lang={lang}
        id="households"
        rows={props.rows}
        columns={[
          // the head's name first, the link, its code beneath: on a phone the name is what is looked for
          {
            label: `${RT.head[lang]} (${RT.householdCode[lang].toLocaleLowerCase(lang)})`, rowHeader: true,
            cell: (h) => <><a href={`/staff/households/${encodeURIComponent(h.code)}`}>{h.head || h.code}</a><span class="cell-sub">{h.code}</span></>,
          },
          ...(oneVillage ? [] : [{ label: RT.village[lang], cell: (h: HouseholdRow) => villageName.get(h.villageId) ?? '' }]),
          { label: RT.representative[lang], cell: (h) => (h.representative !== h.head ? h.representative : '') },
          { label: RT.members[lang], numeric: true, cell: (h) => h.members },
          { label: RT.phone[lang], cell: (h) => h.phone },
          { label: RT.status[lang], cell: (h) => (h.status === 'left' ? <Badge tone="warn">{RT.left[lang]}</Badge> : <Badge tone="ok">{RT.active[lang]}</Badge>) },
        ]}
      />
      <Pagination lang={lang} page={props.page} pages={props.pages} href={(p) => `/staff/households${query(filter, p)}`} />
    </Layout>
  );
}
