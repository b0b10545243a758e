import type { Child } from 'hono/jsx';
import type { Lang, Text } from '../../domain/i18n';
import type { ResultsSnapshot, SnapshotVillage } from '../../domain/results/snapshot';
import { Alert } from '../../../web/views/components';
import { num, pct } from '../../../web/views/results/format';
import { RT } from '../../../web/views/results/parts';

/**
 * What a villager of a tallied campaign reads first: the commune's verdict
 * when the kind has one (`lead`), turnout of all households, one plain
 * sentence per village and the roster's notes.
 */
export function TallySummary(props: { lang: Lang; s: ResultsSnapshot; lead?: Child; sentence: (v: SnapshotVillage) => Text | null }) {
  const { lang, s } = props;
  const c = s.commune;
  return (
    <>
      {props.lead ?? null}
      <p>
        {RT.turnout[lang]}: <strong>{num(lang, c.participated)}/{num(lang, c.households)} {RT.householdsUnit[lang]} ({pct(lang, c.turnout)})</strong>
      </p>
      <ul class="village-sentences">
        {s.villages.map((v) => (
          <li>
            {props.sentence(v)?.[lang] ?? ''}
            {v.fallback ? <span class="hint"> {v.fallback[lang]}</span> : null}
          </li>
        ))}
      </ul>
      {c.roster && c.roster.notes.length > 0 ? <Alert kind="warn">{c.roster.notes.map((n) => n[lang]).join(' ')}</Alert> : null}
    </>
  );
}
