import type { Child } from 'hono/jsx';
import type { Lang, Text } from '../../domain/i18n';
import type { ResultsSnapshot, SnapshotVillage } from '../../domain/results/snapshot';
import { Alert } from '../../../web/views/components';
import { num, pct } from '../../../web/views/results/format';
import { RT } from '../../../web/views/results/parts';
import { villageNotes } from './notes';

/**
 * What a villager of a tallied campaign reads first: the verdict (`lead`,
 * the commune's only where the commune decides), turnout of all households,
 * plain sentences per village with why a tally did not count, and the
 * roster's notes.
 */
export function TallySummary(props: { lang: Lang; s: ResultsSnapshot; lead?: Child; sentences: (v: SnapshotVillage) => Text[] }) {
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
            {props.sentences(v).map((t) => t[lang]).join(' ')}
            {villageNotes(v).map((n) => <span class="hint"> {n[lang]}</span>)}
          </li>
        ))}
      </ul>
      {c.roster && c.roster.notes.length > 0 ? <Alert kind="warn">{c.roster.notes.map((n) => n[lang]).join(' ')}</Alert> : null}
    </>
  );
}
