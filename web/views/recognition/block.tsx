import type { Lang, Text } from '../../../server/domain/i18n';
import { awaitingNote, recognisedText, type RecognitionStatus } from '../../../server/domain/recognition';
import type { CampaignKind } from '../../../server/domain/legal-rules';
import { Alert } from '../components';

// Where a k3, k4 or k5 result stands on recognition (Đ21 k2), on the public
// results page and the staff preview: awaiting the decision, or recognised by
// it (number, date, body, signer), with the scan where it may be seen.

const T = {
  title: { vi: 'Công nhận kết quả', en: 'Recognition of the result' },
  scan: { vi: 'Xem bản chụp quyết định công nhận', en: 'See the scan of the recognition decision' },
} satisfies Record<string, Text>;

export interface RecognitionBlockProps {
  lang: Lang;
  kind: CampaignKind;
  status: RecognitionStatus;
  /** the scan's URL where this viewer may open it; null when none or not yet public */
  scanUrl: string | null;
}

export function RecognitionBlock(props: RecognitionBlockProps) {
  const { lang, status } = props;
  if (status.state === 'none') return null;
  return (
    <section class="result-block recognition" aria-labelledby="recognition-title">
      <h2 id="recognition-title">{T.title[lang]}</h2>
      {status.state === 'awaiting' ? (
        <Alert kind="warn">{awaitingNote(props.kind, status.body)[lang]}</Alert>
      ) : (
        <Alert kind="ok">
          {recognisedText(status.recognition)[lang]}
          {props.scanUrl ? <> <a href={props.scanUrl}>{T.scan[lang]}</a></> : null}
        </Alert>
      )}
    </section>
  );
}
