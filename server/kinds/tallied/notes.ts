import type { Text } from '../../domain/i18n';
import type { SnapshotVillage } from '../../domain/results/snapshot';

/** Warnings a villager reads beside the village's result (page and notice): why a tally did not count. */
const SHOWN = new Set(['paper_without_meeting', 'online_agreement_missing', 'paper_not_counted']);

/** Why a village has no verdict or a partial one: held numbers, a fallback, a tally that did not count. */
export function villageNotes(v: SnapshotVillage): Text[] {
  return [
    ...(v.held ? [{
      vi: `${v.held.message.vi} ${v.held.problems.map((p) => p.message.vi).join(' ')}`,
      en: `${v.held.message.en} ${v.held.problems.map((p) => p.message.en).join(' ')}`,
    }] : []),
    ...(v.fallback ? [v.fallback] : []),
    ...v.warnings.filter((w) => SHOWN.has(w.code)).map((w) => w.message),
  ];
}
