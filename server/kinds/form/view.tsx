// The answered kinds' view of every question of their form (consultation,
// satisfaction): a chart and its table for a question answered by choosing,
// a table for a matrix (it scrolls inside its own box on a phone), lines for
// numbers, dates and written answers, and the themes staff grouped the
// written answers under with the commune's answer. Never a free text.
import type { Child } from 'hono/jsx';
import type { Lang, Text } from '../../domain/i18n';
import { formatDate } from '../../domain/i18n';
import type { SnapshotChoice, SnapshotField, SnapshotForm, SnapshotFormQuestion, SnapshotTheme } from '../../domain/results/snapshot';
import { Badge, Table, type Column } from '../../../web/views/components';
import { decimal, num, pct, share } from '../../../web/views/results/format';
import { Figure, RT } from '../../../web/views/results/parts';
import type { ChartSpec } from '../../../web/views/results/charts';
import { FT, choiceLabel, entriesLabel, scaleText } from './labels';
import { formChartId } from './charts';

const grouped = (opinions: number, ungrouped: number): Text => ({
  vi: `${num('vi', opinions)} ý kiến bằng lời; ${num('vi', opinions - ungrouped)} đã được tổng hợp theo nhóm dưới đây.`,
  en: `${num('en', opinions)} written opinions; ${num('en', opinions - ungrouped)} grouped below.`,
});

const answeredLine = (lang: Lang, n: number) => <p class="hint">{FT.answered[lang]}: {num(lang, n)}</p>;

type ChoiceField = Extract<SnapshotField, { choices: SnapshotChoice[]; counts: Record<string, number> }>;

/** One field's numbers: a table of its choices, or a line. `caption` names a field inside a question (an item, a column). */
function FieldBody(props: { lang: Lang; field: SnapshotField; caption?: string }): Child {
  const { lang, field: f, caption } = props;
  const named = (line: Child) => (caption ? <p><strong>{caption}</strong>: {line}</p> : <p>{line}</p>);
  switch (f.kind) {
    case 'choice':
    case 'boolean':
    case 'rating':
      return (
        <>
          {f.kind === 'rating' ? named(<>{FT.meanScore[lang]} <strong>{decimal(lang, f.mean)}</strong> ({FT.scale[lang].toLowerCase()} {scaleText(f, lang)})</>) : null}
          {f.kind === 'choice' && f.multiple ? <p class="hint">{FT.multiple[lang]}</p> : null}
          <Table
            lang={lang}
            caption={caption ?? FT.choice[lang]}
            captionHidden={!caption}
            rows={f.choices}
            columns={[
              { label: FT.choice[lang], cell: (c) => choiceLabel(f, c, lang), rowHeader: true },
              // the count and its share in one column, so a phone shows both without scrolling the table
              { label: FT.countShare[lang], cell: (c) => `${num(lang, f.counts[c.value] ?? 0)} (${pct(lang, share(f.counts[c.value] ?? 0, f.answered))})`, numeric: true },
            ]}
          />
        </>
      );
    case 'ranking':
      return (
        <Table
          lang={lang}
          caption={caption ?? FT.meanRank[lang]}
          captionHidden={!caption}
          rows={[...f.choices].sort((a, b) => (f.meanRank[a.value] ?? Infinity) - (f.meanRank[b.value] ?? Infinity))}
          columns={[
            { label: FT.item[lang], cell: (c) => c.text[lang], rowHeader: true },
            { label: FT.meanRank[lang], cell: (c) => decimal(lang, f.meanRank[c.value]), numeric: true },
            { label: FT.first[lang], cell: (c) => num(lang, f.first[c.value] ?? 0), numeric: true },
            { label: FT.ranked[lang], cell: (c) => num(lang, f.ranked[c.value] ?? 0), numeric: true },
          ]}
        />
      );
    case 'number': {
      const n = (x: number | null) => (x === null ? '–' : num(lang, x));
      return named(`${FT.answers[lang]}: ${num(lang, f.answered)}; ${FT.mean[lang].toLowerCase()}: ${decimal(lang, f.mean)}; ${FT.min[lang].toLowerCase()}: ${n(f.min)}; ${FT.max[lang].toLowerCase()}: ${n(f.max)}`);
    }
    case 'date':
      return named(`${FT.answers[lang]}: ${num(lang, f.answered)}; ${FT.from[lang].toLowerCase()}: ${formatDate(f.earliest) || '–'}; ${FT.to[lang].toLowerCase()}: ${formatDate(f.latest) || '–'}`);
    case 'text':
      return named(<>{FT.text[lang]}: {num(lang, f.answered)}. <span class="hint">{FT.textNote[lang]}</span></>);
    case 'personal':
      return named(<>{FT.answers[lang]}: {num(lang, f.answered)}. <span class="hint">{FT.personalNote[lang]}</span></>);
  }
}

/** The same field over several rows (a matrixdropdown column down its rows): one table, a row each. */
function FieldGrid(props: { lang: Lang; caption: string; rows: { label: string; field: SnapshotField }[] }): Child {
  const { lang, rows } = props;
  const first = rows[0]?.field;
  if (!first) return null;
  const head: Column<{ label: string; field: SnapshotField }> = { label: FT.row[lang], cell: (r) => r.label, rowHeader: true };
  const answered: Column<{ label: string; field: SnapshotField }> = { label: FT.answers[lang], cell: (r) => num(lang, r.field.answered), numeric: true };
  let columns: Column<{ label: string; field: SnapshotField }>[];
  if (first.kind === 'choice' || first.kind === 'boolean' || first.kind === 'rating') {
    const choices: SnapshotChoice[] = [];
    for (const r of rows) for (const c of (r.field as ChoiceField).choices) if (!choices.some((x) => x.value === c.value)) choices.push(c);
    columns = [
      head,
      ...choices.map((c): Column<{ label: string; field: SnapshotField }> => ({
        label: choiceLabel(first as ChoiceField, c, lang), cell: (r) => num(lang, (r.field as ChoiceField).counts[c.value] ?? 0), numeric: true,
      })),
      answered,
      ...(first.kind === 'rating' ? [{ label: FT.mean[lang], cell: (r: { field: SnapshotField }) => decimal(lang, r.field.kind === 'rating' ? r.field.mean : null), numeric: true }] : []),
    ];
  } else if (first.kind === 'number') {
    const n = (r: { field: SnapshotField }) => (r.field.kind === 'number' ? r.field : null);
    columns = [
      head, answered,
      { label: FT.mean[lang], cell: (r) => decimal(lang, n(r)?.mean), numeric: true },
      { label: FT.min[lang], cell: (r) => (n(r)?.min == null ? '–' : num(lang, n(r)!.min!)), numeric: true },
      { label: FT.max[lang], cell: (r) => (n(r)?.max == null ? '–' : num(lang, n(r)!.max!)), numeric: true },
    ];
  } else if (first.kind === 'date') {
    const d = (r: { field: SnapshotField }) => (r.field.kind === 'date' ? r.field : null);
    columns = [
      head, answered,
      { label: FT.from[lang], cell: (r) => formatDate(d(r)?.earliest) || '–' },
      { label: FT.to[lang], cell: (r) => formatDate(d(r)?.latest) || '–' },
    ];
  } else {
    columns = [head, answered];
  }
  return (
    <>
      <Table lang={lang} caption={props.caption} rows={rows} columns={columns} />
      {first.kind === 'text' ? <p class="hint">{FT.textNote[lang]}</p> : first.kind === 'personal' ? <p class="hint">{FT.personalNote[lang]}</p> : null}
    </>
  );
}

function QuestionBody(props: { lang: Lang; q: SnapshotFormQuestion }): Child {
  const { lang, q } = props;
  switch (q.kind) {
    case 'matrix': {
      const numeric = q.rows.some((r) => r.mean !== null);
      return (
        <>
        <Table
          lang={lang}
          caption={q.title[lang]}
          captionHidden
          rows={q.rows}
          columns={[
            { label: FT.row[lang], cell: (r) => r.text[lang], rowHeader: true },
            ...q.columns.map((c) => ({ label: c.text[lang], cell: (r: (typeof q.rows)[number]) => num(lang, r.counts[c.value] ?? 0), numeric: true })),
            { label: FT.answers[lang], cell: (r) => num(lang, r.answered), numeric: true },
            ...(numeric ? [{ label: FT.meanScore[lang], cell: (r: (typeof q.rows)[number]) => decimal(lang, r.mean), numeric: true }] : []),
          ]}
        />
        {numeric ? <p class="hint">{FT.meanScore[lang]}: {q.columns.map((c) => `${c.value} = ${c.text[lang]}`).join(', ')}</p> : null}
        </>
      );
    }
    case 'matrixdropdown': {
      const columns = q.rows[0]?.cells ?? [];
      return (
        <>
          {columns.map((col, ci) => (
            <FieldGrid lang={lang} caption={col.title[lang]} rows={q.rows.flatMap((r) => (r.cells[ci] ? [{ label: r.text[lang], field: r.cells[ci]! }] : []))} />
          ))}
        </>
      );
    }
    case 'multipletext':
    case 'matrixdynamic':
    case 'paneldynamic':
      return (
        <>
          {q.kind === 'multipletext' ? null : <p>{entriesLabel(q)[lang]}: <strong>{num(lang, q.entries)}</strong></p>}
          {q.parts.map((p) => <FieldBody lang={lang} field={p} caption={p.title[lang]} />)}
        </>
      );
    default:
      return <FieldBody lang={lang} field={q} />;
  }
}

/** Every question of the form, in its order, each under its title (and the section it sits in). */
export function FormQuestions(props: { lang: Lang; form: SnapshotForm; charts: ChartSpec[] }) {
  const { lang, form, charts } = props;
  return (
    <section class="result-block" aria-labelledby="form-questions-title">
      <h3 id="form-questions-title">{FT.questions[lang]}</h3>
      {form.questions.map((q, i) => {
        const chart = charts.find((c) => c.id === formChartId(i));
        // the section a question sits in, above its first question
        const before = form.questions[i - 1]?.section?.[lang];
        const kicker = q.section && q.section[lang] !== before ? q.section[lang] : undefined;
        const body = (
          <>
            {answeredLine(lang, q.answered)}
            <QuestionBody lang={lang} q={q} />
          </>
        );
        return chart ? (
          <Figure lang={lang} chart={chart} title={q.title[lang]} level={4} kicker={kicker}>{body}</Figure>
        ) : (
          <section class="result-block">
            {kicker ? <p class="hint">{kicker}</p> : null}
            <h4>{q.title[lang]}</h4>
            {body}
          </section>
        );
      })}
    </section>
  );
}

/** The themes staff grouped the written answers under, with the commune's answer to each (Đ28 for a consultation). */
export function ThemesBlock(props: { lang: Lang; texts: number; ungrouped: number; themes: SnapshotTheme[] }) {
  const { lang, themes } = props;
  return (
    <section class="result-block">
      <h3>{RT.themes[lang]}</h3>
      <p>{grouped(props.texts, props.ungrouped)[lang]}</p>
      {themes.length === 0 ? null : (
        <ol class="themes">
          {themes.map((t) => (
            <li>
              <h4>
                {t.title} <Badge tone={t.accepted === null ? 'neutral' : t.accepted ? 'ok' : 'info'}>{t.accepted === null ? RT.pending[lang] : t.accepted ? RT.accepted[lang] : RT.explained[lang]}</Badge>
              </h4>
              <p class="hint">{num(lang, t.count)} {RT.opinionsCount[lang]}</p>
              {t.response ? <p>{t.response}</p> : null}
              {t.departureReason ? <p><strong>{lang === 'vi' ? 'Lý do quyết định khác với ý kiến đa số' : 'Why the decision departs from the majority opinion'}:</strong> {t.departureReason}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
