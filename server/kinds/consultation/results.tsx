import type { Text } from '../../domain/i18n';
import { Table } from '../../../web/views/components';
import { num, pct, share } from '../../../web/views/results/format';
import { Figure, RT } from '../../../web/views/results/parts';
import type { KindViewProps } from '../kind';
import { FormQuestions, ThemesBlock } from '../form/view';
import { ANSWERS } from './charts';

const T = {
  choice: { vi: 'Lựa chọn', en: 'Choice' },
  share: { vi: 'Tỷ lệ', en: 'Share' },
} satisfies Record<string, Text>;

/** Every question of the form (snapshots before `form`: their choice questions), then the themes and the commune's answers. */
export function ConsultationResults(props: KindViewProps) {
  const { lang, s, charts } = props;
  const k = s.consultation;
  if (!k) return null;
  return (
    <>
      <p>{RT.respondents[lang]}: <strong>{num(lang, k.ballots)}</strong></p>
      {s.form ? <FormQuestions lang={lang} form={s.form} charts={charts} /> : k.questions.map((q, qi) => {
        const values = Object.keys(q.counts);
        const label = (v: string) => q.choices.find((c) => c.value === v)?.text[lang] ?? v;
        return (
          <Figure lang={lang} chart={charts[qi]!} title={q.title[lang]}>
            <Table
              lang={lang}
              caption={q.title[lang]}
              captionHidden
              rows={values}
              columns={[
                { label: T.choice[lang], cell: (v) => label(v), rowHeader: true },
                { label: ANSWERS[lang], cell: (v) => num(lang, q.counts[v] ?? 0), numeric: true },
                { label: T.share[lang], cell: (v) => pct(lang, share(q.counts[v] ?? 0, q.answered)), numeric: true },
              ]}
            />
          </Figure>
        );
      })}
      <ThemesBlock lang={lang} texts={k.opinions} ungrouped={k.ungrouped} themes={k.themes} />
    </>
  );
}
