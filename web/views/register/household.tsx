import type { Lang } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Alert, Badge, Button, DateText, ErrorSummary, Field, Select, Table } from '../components';
import { RT } from './texts';
import type { HouseholdRow } from './households';

export interface HouseholdVersionRow {
  version: number;
  data: Record<string, unknown>;
  reason: string;
  changedBy: string | null;
  changedAt: string;
}

export interface HouseholdPageProps {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  household: HouseholdRow & { note: string; version: number };
  villages: { id: string; name: string }[];
  versions: HouseholdVersionRow[];
  canEdit: boolean;
  notice?: string;
  values?: Record<string, string>;
  errors?: { path: string; message: string }[];
}

function VersionSummary(props: { lang: Lang; data: Record<string, unknown>; villageName: Map<string, string> }) {
  const d = props.data;
  const { lang } = props;
  const line = (label: string, v: unknown) => (v === undefined || v === '' ? null : <li>{label}: {String(v)}</li>);
  return (
    <ul class="small">
      {line(RT.village[lang], props.villageName.get(String(d.villageId)) ?? d.villageId)}
      {line(RT.head[lang], d.head)}
      {line(RT.representative[lang], d.representative)}
      {line(RT.address[lang], d.address)}
      {line(RT.members[lang], d.members)}
      {line(RT.phone[lang], d.phone)}
      {line(RT.note[lang], d.note)}
      {line(RT.status[lang], d.status === 'left' ? RT.left[lang] : RT.active[lang])}
    </ul>
  );
}

/** One household: its details, the edit form (move, mark as left or back) and every earlier version. */
export function HouseholdPage(props: HouseholdPageProps) {
  const { lang, household: h } = props;
  const villageName = new Map(props.villages.map((v) => [v.id, v.name]));
  const v = props.values ?? {};
  const val = (name: keyof typeof h) => v[name] ?? String(h[name] ?? '');
  const err = (name: string) => props.errors?.find((e) => e.path === name)?.message;
  return (
    <Layout lang={lang} title={`${RT.household[lang]} ${h.code}`} path={`/staff/households/${encodeURIComponent(h.code)}`} user={props.user} csrfToken={props.csrfToken}>
      <p class="breadcrumbs"><a href="/staff/households">{RT.register[lang]}</a></p>
      <h1>{RT.household[lang]} {h.code} {h.status === 'left' ? <Badge tone="warn">{RT.left[lang]}</Badge> : null}</h1>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      <dl class="details">
        <dt>{RT.village[lang]}</dt><dd>{villageName.get(h.villageId) ?? ''}</dd>
        <dt>{RT.head[lang]}</dt><dd>{h.head}</dd>
        <dt>{RT.representative[lang]}</dt><dd>{h.representative}</dd>
        <dt>{RT.address[lang]}</dt><dd>{h.address}</dd>
        <dt>{RT.members[lang]}</dt><dd>{h.members}</dd>
        <dt>{RT.phone[lang]}</dt><dd>{h.phone}</dd>
        <dt>{RT.note[lang]}</dt><dd>{h.note}</dd>
      </dl>

      {props.canEdit ? (
        <section aria-labelledby="edit">
          <h2 id="edit">{RT.edit[lang]}</h2>
          <ErrorSummary lang={lang} errors={props.errors ?? []} />
          <form method="post" action={`/staff/households/${encodeURIComponent(h.code)}`} class="form">
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <Select name="villageId" label={RT.village[lang]} value={val('villageId')} options={props.villages.map((x) => ({ value: x.id, label: x.name }))} error={err('villageId')} lang={lang} />
            <Field name="head" label={RT.head[lang]} value={val('head')} error={err('head')} maxlength={500} lang={lang} />
            <Field name="representative" label={RT.representative[lang]} value={val('representative')} error={err('representative')} required maxlength={500} lang={lang} />
            <Field name="address" label={RT.address[lang]} value={val('address')} error={err('address')} maxlength={500} lang={lang} />
            <Field name="members" type="number" label={RT.members[lang]} value={val('members')} error={err('members')} min={0} max={200} short inputmode="numeric" lang={lang} />
            <Field name="phone" type="tel" label={RT.phone[lang]} value={val('phone')} error={err('phone')} maxlength={30} lang={lang} />
            <Field name="note" label={RT.note[lang]} value={val('note')} error={err('note')} maxlength={500} lang={lang} />
            <Select name="status" label={RT.status[lang]} value={val('status')} error={err('status')} lang={lang}
              options={[{ value: 'active', label: RT.active[lang] }, { value: 'left', label: RT.left[lang] }]} />
            <Field name="reason" label={RT.reason[lang]} hint={RT.reasonHint[lang]} value={v.reason} error={err('reason')} required maxlength={500} lang={lang} />
            <Button>{RT.save[lang]}</Button>
          </form>
        </section>
      ) : null}

      <Table
        caption={RT.history[lang]}
        lang={lang}
        id="history"
        rows={props.versions}
        columns={[
          { label: RT.version[lang], numeric: true, rowHeader: true, cell: (r) => r.version },
          { label: RT.when[lang], cell: (r) => <DateText iso={r.changedAt} time /> },
          { label: RT.who[lang], cell: (r) => r.changedBy ?? RT.system[lang] },
          { label: RT.reason[lang], cell: (r) => r.reason },
          { label: RT.what[lang], cell: (r) => <VersionSummary lang={lang} data={r.data} villageName={villageName} /> },
        ]}
      />
    </Layout>
  );
}
