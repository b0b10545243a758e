import type { Text } from '../../domain/i18n';
import { Badge, Table } from '../../../web/views/components';
import { num, pct, share } from '../../../web/views/results/format';
import { Figure, RT } from '../../../web/views/results/parts';
import type { KindViewProps } from '../kind';
import { ANSWERS } from './charts';

const T = {
  choice: { vi: 'Lựa chọn', en: 'Choice' },
  share: { vi: 'Tỷ lệ', en: 'Share' },
} satisfies Record<string, Text>;

const grouped = (opinions: number, ungrouped: number): Text => ({
  vi: `${num('vi', opinions)} ý kiến bằng lời; ${num('vi', opinions - ungrouped)} đã được tổng hợp theo nhóm dưới đây.`,
  en: `${num('en', opinions)} written opinions; ${num('en', opinions - ungrouped)} grouped below.`,
});

export function ConsultationResults(props: KindViewProps) {
  const { lang, s, charts } = props;
  const k = s.consultation;
  if (!k) return null;
  return (
    <>
      <p>{RT.respondents[lang]}: <strong>{num(lang, k.ballots)}</strong></p>
      {k.questions.map((q, qi) => {
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
      <section class="result-block">
        <h3>{RT.themes[lang]}</h3>
        <p>{grouped(k.opinions, k.ungrouped)[lang]}</p>
        {k.themes.length === 0 ? null : (
          <ol class="themes">
            {k.themes.map((t) => (
              <li>
                <h4>
                  {t.title} <Badge tone={t.accepted === null ? 'neutral' : t.accepted ? 'ok' : 'info'}>{t.accepted === null ? RT.pending[lang] : t.accepted ? RT.accepted[lang] : RT.explained[lang]}</Badge>
                </h4>
                <p class="hint">{num(lang, t.count)} {RT.opinionsCount[lang]}</p>
                {t.response ? <p>{t.response}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
