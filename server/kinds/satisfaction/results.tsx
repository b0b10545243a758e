import type { Child } from 'hono/jsx';
import type { Text } from '../../domain/i18n';
import { Table } from '../../../web/views/components';
import { decimal, num, pct } from '../../../web/views/results/format';
import { Figure, RT } from '../../../web/views/results/parts';
import type { KindViewProps } from '../kind';
import { SIPAS_CHART, ONE_STOP_CHART } from './charts';
import { FormQuestions, ThemesBlock } from '../form/view';

const T = {
  sipasTitle: { vi: 'Chỉ số hài lòng SIPAS theo yếu tố', en: 'SIPAS satisfaction by element' },
  overall: { vi: 'Chỉ số hài lòng chung (trung bình các yếu tố): ', en: 'Overall index (mean of the elements): ' },
  byElement: { vi: 'Theo yếu tố', en: 'By element' },
  byCriterion: { vi: 'Theo tiêu chí', en: 'By criterion' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  oneStopTitle: { vi: 'Đánh giá tại Bộ phận Một cửa', en: 'One-stop counter ratings' },
  ratings: { vi: 'Số đánh giá', en: 'Ratings' },
  satisfiedShare: { vi: 'Tỷ lệ hài lòng', en: 'Satisfied' },
  byOfficer: { vi: 'Theo cán bộ', en: 'By officer' },
  officer: { vi: 'Cán bộ', en: 'Officer' },
  byProcedure: { vi: 'Theo thủ tục', en: 'By procedure' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  reasons: { vi: 'Lý do không hài lòng (Đ31 NĐ 61/2018)', en: 'Reasons for dissatisfaction (NĐ 61/2018 Art. 31)' },
  reason: { vi: 'Lý do', en: 'Reason' },
  times: { vi: 'Số lần', en: 'Times' },
} satisfies Record<string, Text>;

export function SatisfactionResults(props: KindViewProps) {
  const { lang, s, charts } = props;
  const sat = s.satisfaction;
  if (!sat) return null;
  const chart = (id: string) => charts.find((c) => c.id === id)!;
  const out: Child[] = [<p>{RT.respondents[lang]}: <strong>{num(lang, sat.respondents)}</strong></p>];
  if (sat.sipas) {
    const sipas = sat.sipas;
    out.push(
      <Figure lang={lang} chart={chart(SIPAS_CHART)} title={T.sipasTitle[lang]}>
        <p>
          {T.overall[lang]}
          <strong>{pct(lang, sipas.overall.elementIndex)}</strong>
        </p>
        <Table
          lang={lang}
          caption={T.byElement[lang]}
          rows={sipas.elements}
          columns={[
            { label: RT.element[lang], cell: (e) => e.title?.[lang] ?? e.element, rowHeader: true },
            { label: RT.answers[lang], cell: (e) => num(lang, e.answers), numeric: true },
            { label: RT.satisfied[lang], cell: (e) => pct(lang, e.satisfiedShare), numeric: true },
            { label: RT.mean[lang], cell: (e) => decimal(lang, e.mean), numeric: true },
          ]}
        />
        <Table
          lang={lang}
          caption={T.byCriterion[lang]}
          rows={sipas.criteria}
          columns={[
            { label: T.criterion[lang], cell: (c) => c.title?.[lang] ?? `${c.element} · ${c.name}`, rowHeader: true },
            { label: RT.answers[lang], cell: (c) => num(lang, c.answers), numeric: true },
            { label: RT.satisfied[lang], cell: (c) => pct(lang, c.satisfiedShare), numeric: true },
            { label: RT.mean[lang], cell: (c) => decimal(lang, c.mean), numeric: true },
          ]}
        />
      </Figure>,
    );
  }
  if (sat.oneStop) {
    const o = sat.oneStop;
    const summaryCols = (key: 'officerId' | 'procedure', label: string) => [
      { label, cell: (r: Record<string, unknown>) => String(r[key]), rowHeader: true },
      { label: T.ratings[lang], cell: (r: Record<string, unknown>) => num(lang, r.total as number), numeric: true },
      { label: T.satisfiedShare[lang], cell: (r: Record<string, unknown>) => pct(lang, r.satisfiedShare as number | null), numeric: true },
    ];
    out.push(
      <Figure lang={lang} chart={chart(ONE_STOP_CHART)} title={T.oneStopTitle[lang]}>
        <Table lang={lang} caption={T.byOfficer[lang]} rows={o.byOfficer as unknown as Record<string, unknown>[]} columns={summaryCols('officerId', T.officer[lang])} />
        <Table lang={lang} caption={T.byProcedure[lang]} rows={o.byProcedure as unknown as Record<string, unknown>[]} columns={summaryCols('procedure', T.procedure[lang])} />
        <Table
          lang={lang}
          caption={T.reasons[lang]}
          rows={o.overall.reasons}
          columns={[
            { label: T.reason[lang], cell: (r) => r.label[lang], rowHeader: true },
            { label: T.times[lang], cell: (r) => num(lang, r.count), numeric: true },
          ]}
        />
      </Figure>,
    );
  }
  const form = s.form;
  if (form) {
    out.push(<FormQuestions lang={lang} form={form} charts={charts} />);
    if (form.texts > 0 || form.themes.length > 0) out.push(<ThemesBlock lang={lang} texts={form.texts} ungrouped={form.ungrouped} themes={form.themes} />);
  }
  return <>{out}</>;
}
