import type { Lang, Text } from '../../../server/domain/i18n';
import { NumberText } from '../components';
import type { ReconciliationView } from './model';

const R = {
  title: { vi: 'Đối chiếu với số phiếu thôn đã nhận', en: 'Against what the village has counted' },
  households: { vi: 'Tổng số hộ của thôn', en: 'Households of the village' },
  online: { vi: 'Phiếu trực tuyến có giá trị đã nhận', en: 'Binding online ballots received' },
  registered: { vi: 'Phiếu giấy đã quét mã trả về', en: 'Paper ballots registered by serial' },
  entered: { vi: 'Phiếu giấy đã nhập từng phiếu', en: 'Paper ballots entered one by one' },
  returned: { vi: 'Biên bản này: số phiếu thu về', en: 'This sheet: ballots returned' },
  left: { vi: 'Số hộ chưa được tính', en: 'Households not yet counted' },
  twice: { vi: 'Số hộ bị tính hai lần', en: 'Households counted twice' },
} satisfies Record<string, Text>;

/**
 * What the confirmer reads beside the numbers they confirm: the sheet's
 * ballots against the village's households, the binding online ballots and
 * the paper serials registered on return, what differs, and the law's words
 * (every share is of all the village's households, each counted once).
 */
export function SheetReconciliationBox(props: { lang: Lang; r: ReconciliationView }) {
  const { lang, r } = props;
  const rows: [string, number][] = [
    [R.households[lang], r.households],
    [R.online[lang], r.bindingOnline],
    [R.registered[lang], r.registeredPaper],
    [R.entered[lang], r.enteredPaper],
    [R.returned[lang], r.returned],
    r.left >= 0 ? [R.left[lang], r.left] : [R.twice[lang], -r.left],
  ];
  return (
    <section class="reconciliation" aria-label={R.title[lang]}>
      <strong>{R.title[lang]}</strong>
      <dl class="tally-figures">
        {rows.map(([label, n]) => (
          <div>
            <dt>{label}</dt>
            <dd><NumberText value={n} /></dd>
          </div>
        ))}
      </dl>
      {r.notes.length ? (
        <div class="alert alert-warn" role="status">
          <ul>{r.notes.map((n) => <li>{n[lang]}</li>)}</ul>
        </div>
      ) : null}
      {r.rule ? <p class="hint">{r.rule.note[lang]} ({r.rule.article})</p> : null}
    </section>
  );
}
