import type { Lang, Text } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { SurveyForm, type SurveyFormError } from '../survey-form';
import type { PageUser } from './model';

// Per-ballot entry: the counters type the marks of one returned paper ballot
// into the campaign's own form. For a secret campaign the marks are stored
// without the serial (the stub is registered, the ballot dropped unlinked).

const T = {
  title: { vi: 'Nhập nội dung phiếu', en: 'Enter a ballot’s marks' },
  serial: { vi: 'Mã phiếu', en: 'Serial' },
  secret: {
    vi: 'Bỏ phiếu kín: nội dung phiếu được lưu không kèm mã phiếu, không ai biết phiếu của hộ nào.',
    en: 'Secret ballot: the marks are stored without the serial, so no one can tell whose ballot it was.',
  },
  save: { vi: 'Ghi nhận phiếu', en: 'Register the ballot' },
  back: { vi: 'Quay lại ghi nhận phiếu giấy', en: 'Back to paper ballots' },
} satisfies Record<string, Text>;

export interface BallotEntryProps extends PageUser {
  lang: Lang;
  campaignId: string;
  title: string;
  serial: string;
  secret: boolean;
  survey: Record<string, unknown>;
  answers?: Record<string, unknown>;
  errors?: SurveyFormError[];
}

export function PaperBallotEntryPage(props: BallotEntryProps) {
  const { lang } = props;
  const back = `/staff/paper-ballots/${encodeURIComponent(props.campaignId)}`;
  return (
    <Layout lang={lang} title={T.title[lang]} path={`${back}/ballot`} user={props.user} csrfToken={props.csrfToken} narrow>
      <p class="breadcrumbs"><a href={back}>{T.back[lang]}</a></p>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{props.title}</p>
      <p>{T.serial[lang]}: <strong class="input-code">{props.serial}</strong></p>
      {props.secret ? <p class="muted">{T.secret[lang]}</p> : null}
      <SurveyForm json={props.survey} lang={lang} action={`${back}/ballot`} answers={props.answers} errors={props.errors}
        hiddenFields={{ _csrf: props.csrfToken, serial: props.serial }} submitLabel={T.save} hideTitle />
    </Layout>
  );
}
