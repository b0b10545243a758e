import type { Text } from '../../../server/domain/i18n';
import { Button, LinkButton } from '../components';
import { CsrfField, StaffPage, type StaffFrame } from './page';

const T = {
  title: { vi: 'Chế độ kiosk tại quầy', en: 'Counter kiosk mode' },
  intro: {
    vi: 'Dùng máy tính bảng đặt tại Bộ phận Một cửa để người dân tự đánh giá sau khi làm thủ tục. Máy này sẽ mở phiếu khảo sát và sẵn sàng cho người tiếp theo sau mỗi lần gửi.',
    en: 'Use a tablet at the one-stop counter so people rate the service after their visit. This device opens the survey and resets for the next person after each answer.',
  },
  privacy: {
    vi: 'Phiếu gửi từ kiosk vẫn ẩn danh; máy chỉ được đánh dấu là kiosk của đợt khảo sát này.',
    en: 'Answers from the kiosk stay anonymous; the device is only marked as this survey’s kiosk.',
  },
  signOut: {
    vi: 'Sau khi bật, hãy đăng xuất tài khoản cán bộ trên máy này trước khi giao cho người dân.',
    en: 'After enabling it, sign your staff account out of this device before handing it to the public.',
  },
  enable: { vi: 'Bật chế độ kiosk trên máy này', en: 'Enable kiosk mode on this device' },
  back: { vi: 'Quay lại', en: 'Back' },
} satisfies Record<string, Text>;

export function KioskPage(props: StaffFrame & { campaignId: string; title: string }) {
  const { lang } = props;
  const base = `/staff/campaigns/${encodeURIComponent(props.campaignId)}`;
  return (
    <StaffPage {...props} title={T.title[lang]}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{props.title}</p>
      <p>{T.intro[lang]}</p>
      <p>{T.privacy[lang]}</p>
      <p><strong>{T.signOut[lang]}</strong></p>
      <form method="post" action={`${base}/kiosk`}>
        <CsrfField token={props.csrfToken} />
        <div class="actions">
          <Button>{T.enable[lang]}</Button>
          <LinkButton href={base} variant="secondary">{T.back[lang]}</LinkButton>
        </div>
      </form>
    </StaffPage>
  );
}
