import type { Lang } from '../../../server/domain/i18n';
import { Badge, DateText, NumberText } from '../components';
import { TT, choiceLabel, statusTone, type SheetRow } from './model';
import { SheetReconciliationBox } from './reconciliation';

/** The confirm button beside the numbers it confirms (inspector or staff, never the person who entered them). */
export function ConfirmForm(props: { lang: Lang; sheet: SheetRow; csrfToken: string; back: string }) {
  const { lang } = props;
  return (
    <form method="post" action={`/staff/tally-sheets/${encodeURIComponent(props.sheet.id)}/confirm`} class="confirm-sheet" data-confirm={TT.confirmAsk[lang]}>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <input type="hidden" name="back" value={props.back} />
      <button type="submit" class="btn">
        {TT.confirm[lang]}
        <span class="visually-hidden"> ({TT.version[lang]} {props.sheet.version})</span>
      </button>
    </form>
  );
}

/**
 * One version of a sheet: its numbers, the counts per option or candidate,
 * the board and witnesses, warnings, photos, and who entered and confirmed it.
 */
export function SheetDetails(props: {
  lang: Lang;
  sheet: SheetRow;
  households: number | null;
  candidates: { id: string; name: string }[];
  /** show the confirm button */
  canConfirm: boolean;
  selfId: string;
  csrfToken: string;
  back: string;
}) {
  const { lang, sheet } = props;
  const d = sheet.data;
  const figures: [string, number | undefined][] = [
    [TT.households[lang], props.households ?? undefined],
    [TT.present[lang], d.present],
    [TT.issued[lang], d.issued],
    [TT.returned[lang], d.returned],
    [TT.invalid[lang], d.invalid],
  ];
  return (
    <article class="tally-sheet" id={`sheet-${sheet.id}`}>
      <h3>
        {TT[sheet.channel][lang]} · {TT.version[lang]} {sheet.version}{' '}
        <Badge tone={statusTone(sheet.status)}>{TT[sheet.status][lang]}</Badge>
        {sheet.record && !sheet.record.complete ? <> <Badge tone="warn">{TT.incomplete[lang]}</Badge></> : null}
      </h3>
      {sheet.record?.message ? (
        <div class="alert alert-warn meeting-record-incomplete" role="status">
          <strong class="alert-title">{TT.incomplete[lang]}</strong>
          <p>{sheet.record.message[lang]}</p>
        </div>
      ) : null}
      {sheet.reason ? <p><strong>{TT.reason[lang]}:</strong> {sheet.reason}</p> : null}
      {d.heldOn || d.place ? <p>{[d.heldOn ? d.heldOn.split('-').reverse().join('/') : '', d.place ?? ''].filter(Boolean).join(' · ')}</p> : null}
      {d.method ? <p>{d.method === 'secret_ballot' ? TT.secretBallot[lang] : TT.showOfHands[lang]}</p> : null}
      <dl class="tally-figures">
        {figures.filter(([, v]) => v !== undefined).map(([label, v]) => (
          <div>
            <dt>{label}</dt>
            <dd><NumberText value={v} /></dd>
          </div>
        ))}
      </dl>
      {Object.entries(d.counts).map(([question, values]) => (
        <table class="tally-counts">
          <caption>{TT.counts[lang]}{Object.keys(d.counts).length > 1 ? `: ${question}` : ''}</caption>
          <tbody>
            {Object.entries(values).map(([value, n]) => (
              <tr>
                <th scope="row">{choiceLabel(lang, value, props.candidates)}</th>
                <td class="num"><NumberText value={n} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {sheet.channel === 'meeting' && d.procedural ? (
        <dl class="tally-figures procedural-votes" aria-label={TT.procedural[lang]}>
          {([['secretary', TT.procSecretary], ['method', TT.procMethod], ['board', TT.procBoard]] as const).map(([item, label]) => {
            const vote = d.procedural?.[item];
            if (!vote) return null;
            return (
              <div>
                <dt>{label[lang]}</dt>
                <dd>
                  {vote.name ? <>{vote.name} · </> : null}
                  {vote.votesFor !== undefined ? <><NumberText value={vote.votesFor} />/{d.present ?? 0} {TT.votesFor[lang]}</> : '—'}
                </dd>
              </div>
            );
          })}
        </dl>
      ) : null}
      {d.board.length ? <p><strong>{TT.board[lang]}:</strong> {d.board.join(', ')}</p> : null}
      {d.witnesses.length ? <p><strong>{TT.witnesses[lang]}:</strong> {d.witnesses.join(', ')}</p> : null}
      {sheet.reconciliation && sheet.status === 'submitted' ? <SheetReconciliationBox lang={lang} r={sheet.reconciliation} /> : null}
      {sheet.gaps?.length ? (
        <div class="alert alert-error" role="alert">
          <strong class="alert-title">{TT.gaps[lang]}</strong>
          <ul>{sheet.gaps.map((g) => <li>{g.message[lang]}</li>)}</ul>
        </div>
      ) : null}
      {sheet.warnings.length ? (
        <div class="alert alert-warn" role="status">
          <strong class="alert-title">{TT.warnings[lang]}</strong>
          <ul>{sheet.warnings.map((w) => <li>{w.message[lang]}</li>)}</ul>
        </div>
      ) : null}
      <p class="muted small">
        {TT.by[lang]}: {sheet.submittedByName} (<DateText iso={sheet.submittedAt} time />)
        {sheet.confirmedByName ? <> · {TT.confirmedBy[lang]}: {sheet.confirmedByName} (<DateText iso={sheet.confirmedAt} time />)</> : null}
      </p>
      <div class="tally-photos">
        <strong>{TT.photos[lang]}</strong>
        {sheet.photos.length === 0 ? <p class="muted">{TT.noPhotos[lang]}</p> : (
          <ul class="photo-list">
            {sheet.photos.map((p, i) => (
              <li>
                <a href={p.url}>
                  <img src={p.url} alt={`${TT.photos[lang]} ${i + 1} (${TT.version[lang]} ${sheet.version})`} width="160" loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      {props.canConfirm && sheet.status === 'submitted' ? (
        sheet.gaps?.length ? <p class="muted">{TT.correctFirst[lang]}</p>
        : sheet.submittedBy === props.selfId
          ? <p class="muted">{TT.ownSheet[lang]}</p>
          : <ConfirmForm lang={lang} sheet={sheet} csrfToken={props.csrfToken} back={props.back} />
      ) : null}
    </article>
  );
}
