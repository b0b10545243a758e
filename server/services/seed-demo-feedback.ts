import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { addDays, vietnamDate } from '../domain/calendar/iso-date';
import { findUserByUsername } from '../../db/repositories/users';
import { listVillages } from '../../db/repositories/villages';
import { listCampaigns, listCampaignVillages } from '../../db/repositories/campaigns';
import { enterFeedback, submitOnlineFeedback, type FeedbackFields } from './submit-feedback';
import { answerFeedback, assignFeedback } from './handle-feedback';
import { applyFeedbackRetention } from './feedback-retention';
import { eraseSenderContact } from './track-feedback';
import { addGroup, addQuestion, createDialogue, publishDialogue, saveMinutes, updateDialogueQuestion } from './manage-dialogues';
import { recordOutreach } from './campaign-outreach';
import { outreachKinds, type OutreachKind } from '../domain/outreach';

// The demo commune's feedback, dialogue conference and outreach, made through
// the services people use (with the clock turned back where the story needs
// the past): feedback in every state (new, overdue in red on the staff home,
// given to a department, an officer or the Ban TTND, answered, answered and
// published on time and late, cleared of personal data after the retention
// period, and one whose sender erased their contact), one dialogue conference
// held and published with every answer, and the outreach of the open campaigns.

const DAY_MS = 86_400_000;

/** A 1×1 PNG standing in for the photo of a posted notice. */
const NOTICE_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

export async function seedDemoFeedback(deps: AppDeps, communeId: string): Promise<string[]> {
  const villages = await listVillages(deps.db, communeId);
  const v = new Map(villages.map((x) => [x.code, x]));
  const actorFor = async (username: string): Promise<Actor> => {
    const u = (await findUserByUsername(deps.db, username))!;
    return { id: u.id, username: u.username, role: u.role, communeId, villageId: u.villageId };
  };
  const staff = await actorFor('canbo');
  const admin = await actorFor('admin');
  const ago = (days: number): AppDeps => ({ ...deps, clock: () => new Date(deps.clock().getTime() - days * DAY_MS) });
  let client = 0;
  const online = (d: AppDeps, f: Omit<FeedbackFields, 'consent'> & { consent?: boolean }) =>
    submitOnlineFeedback(d, { ...f, consent: f.consent ?? !!(f.name || f.phone), client: `demo-feedback-${++client}` });
  const id = (code: string) => v.get(code)?.id ?? null;

  // New, just in: a kiến nghị with the sender's contact, and a góp ý without.
  await online(deps, { kind: 'kien_nghi', villageId: id('DS'), topic: 'Giao thông, thủy lợi', text: 'Đề nghị xã sửa cống qua đường trục thôn Đông Sơn, mưa to là ngập cả đoạn trước trường mẫu giáo.', name: 'Nguyễn Thị Hòa', phone: '0912 345 001' });
  await online(deps, { kind: 'gop_y', villageId: id('TH'), topic: 'Môi trường, vệ sinh', text: 'Nên đặt thêm thùng rác công cộng ở chợ Trung Hà.' });

  // Overdue: a kiến nghị from the letter box 20 days ago, still unanswered (red on the staff home).
  const head = await actorFor('truongthon.bl');
  await enterFeedback(ago(20), head, {
    channel: 'paper', kind: 'kien_nghi', villageId: id('BL'), topic: 'Đất đai, xây dựng',
    text: 'Các hộ xóm 4 kiến nghị xã kiểm tra việc đổ đất lấn mương thoát nước cạnh nhà văn hóa.', name: 'Trần Văn Bảy', phone: '0987 000 444', consent: true,
  });

  // Being handled: by a department, by one officer, by the Ban Thanh tra nhân dân.
  const dept = await online(ago(3), { kind: 'phan_anh', villageId: id('NK'), topic: 'An ninh, trật tự', text: 'Tối thứ Bảy hay có nhóm thanh niên đua xe trên đường liên thôn Nam Khê.' });
  await assignFeedback(ago(2), staff, dept.id, { assignee: 'department', department: 'Công an xã' });
  const officer = await online(ago(5), { kind: 'kien_nghi', villageId: id('PX'), topic: 'Chính sách xã hội', text: 'Gia đình tôi thuộc hộ cận nghèo nhưng chưa được cấp thẻ bảo hiểm y tế năm 2026.', name: 'Lê Thị Nụ', phone: '0903 555 212' });
  await assignFeedback(ago(4), staff, officer.id, { assignee: 'officer', officerId: staff.id });
  const board = await enterFeedback(ago(6), staff, {
    channel: 'counter', kind: 'kien_nghi', villageId: id('TK'), topic: 'Đất đai, xây dựng',
    text: 'Đề nghị Ban Thanh tra nhân dân giám sát việc thi công đoạn kênh N3 chậm tiến độ.', consent: false,
  });
  await assignFeedback(ago(6), staff, board.id, { assignee: 'inspection_board' });

  // Answered, kept private.
  const privateAnswer = await online(ago(12), { kind: 'gop_y', villageId: id('DS'), topic: 'Thủ tục hành chính', text: 'Bộ phận Một cửa nên mở cửa sáng thứ Bảy cho người đi làm xa.' });
  await answerFeedback(ago(8), staff, privateAnswer.id, { answer: 'Từ tháng 12/2026, Bộ phận Một cửa tiếp dân sáng thứ Bảy tuần thứ hai và thứ tư của tháng.' });

  // Answered and published: on time, and late.
  const onTime = await enterFeedback(ago(14), await actorFor('truongthon.th'), {
    channel: 'meeting', kind: 'kien_nghi', villageId: id('TH'), topic: 'Giao thông, thủy lợi',
    text: 'Họp thôn ngày 12/11: bà con kiến nghị lắp đèn chiếu sáng đoạn dốc Trung Hà, đã có người ngã xe.', consent: false,
  });
  await answerFeedback(ago(7), staff, onTime.id, {
    answer: 'UBND xã đã bố trí kinh phí lắp 6 đèn năng lượng mặt trời đoạn dốc Trung Hà; hoàn thành trước Tết Nguyên đán.',
    publish: true, publicSummary: 'Kiến nghị lắp đèn chiếu sáng đoạn dốc thôn Trung Hà.',
  });
  const late = await online(ago(40), { kind: 'kien_nghi', villageId: id('PX'), topic: 'Y tế, giáo dục', text: 'Đề nghị trạm y tế có bác sĩ trực sáng Chủ nhật.', name: 'Phạm Văn Tư', phone: '0978 123 321' });
  await answerFeedback(ago(18), admin, late.id, {
    answer: 'Trạm y tế xã bố trí bác sĩ trực sáng Chủ nhật luân phiên từ ngày 01/11/2026. Xã xin lỗi vì trả lời chậm.',
    publish: true, publicSummary: 'Kiến nghị trạm y tế có bác sĩ trực sáng Chủ nhật.',
  });

  // Answered more than a year ago: the retention job clears the sender's contact.
  const old = await online(ago(420), { kind: 'phan_anh', villageId: id('NK'), topic: 'Môi trường, vệ sinh', text: 'Bãi rác tạm cạnh cánh đồng Nam Khê bốc mùi.', name: 'Đỗ Văn Lành', phone: '0911 777 888' });
  await answerFeedback(ago(410), staff, old.id, {
    answer: 'Xã đã thu gom và đóng cửa bãi rác tạm, rác được chuyển về điểm tập kết của huyện.', publish: true, publicSummary: 'Phản ánh bãi rác tạm gây ô nhiễm ở Nam Khê.',
  });
  // A sender who asked the commune to delete their contact.
  const erased = await online(ago(9), { kind: 'gop_y', villageId: id('BL'), topic: 'Khác', text: 'Cảm ơn xã đã sửa đường nhanh.', name: 'Hoàng Thị Mến', phone: '0966 246 810' });
  await eraseSenderContact(deps, erased.code, '6810', 'demo-feedback-erase');

  // Sent in for the dialogue conference: answered there, so their senders read the answer at /g/<code>.
  const canal = await enterFeedback(ago(25), staff, {
    channel: 'paper', kind: 'kien_nghi', villageId: id('TK'), topic: 'Giao thông, thủy lợi',
    text: 'Thư của các hộ ven kênh N3: đề nghị xã cho biết vì sao kênh thi công chậm, bao giờ xong.', consent: false,
  });
  const insurance = await online(ago(22), { kind: 'kien_nghi', villageId: id('PX'), topic: 'Chính sách xã hội', text: 'Hộ cận nghèo xóm 2 Phú Xuân chưa nhận thẻ bảo hiểm y tế 2026, đề nghị xã trả lời tại hội nghị đối thoại.', name: 'Lý Văn Sáu', phone: '0935 111 222' });

  // One dialogue conference, held ten days ago, with every answer, published.
  const dialogue = await createDialogue(ago(30), staff, {
    title: 'Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm 2026', heldAt: new Date(deps.clock().getTime() - 10 * DAY_MS).toISOString(),
    place: 'Hội trường UBND xã Việt Khê', chair: 'Ông Vũ Văn Thành, Chủ tịch UBND xã',
  });
  const land = await addGroup(ago(15), staff, dialogue.id, { title: 'Đất đai, xây dựng và hạ tầng' });
  const social = await addGroup(ago(15), staff, dialogue.id, { title: 'Chính sách xã hội, y tế' });
  const questions = [
    await addQuestion(ago(15), staff, dialogue.id, { source: 'feedback', feedbackId: canal.id, groupId: land.id, text: 'Vì sao đoạn kênh N3 thi công chậm tiến độ và khi nào hoàn thành?' }),
    await addQuestion(ago(14), head, dialogue.id, { source: 'village_meeting', villageId: id('BL'), text: 'Xã có kế hoạch làm lại đường xóm 4 Bắc Lũng trong năm 2027 không?' }),
    await addQuestion(ago(14), staff, dialogue.id, { source: 'feedback', feedbackId: insurance.id, groupId: social.id, text: 'Hộ cận nghèo chưa được cấp thẻ bảo hiểm y tế năm 2026 thì làm thế nào?' }),
    await addQuestion(ago(13), staff, dialogue.id, { source: 'paper', villageId: id('DS'), groupId: social.id, text: 'Đề nghị xã hỗ trợ người cao tuổi neo đơn dịp Tết.' }),
  ];
  const answers = [
    'Nhà thầu thiếu vật liệu do mưa kéo dài; xã đã yêu cầu bổ sung nhân lực, hoàn thành trước 31/01/2027. Ban Thanh tra nhân dân tiếp tục giám sát.',
    'Đường xóm 4 đã có trong kế hoạch đầu tư công năm 2027; xã sẽ lấy ý kiến các hộ về mức đóng góp trong quý I.',
    'Xã đã rà soát, bổ sung 12 hộ vào danh sách đề nghị cấp thẻ; bộ phận Văn hóa – Xã hội sẽ liên hệ từng hộ.',
    'Xã phối hợp Hội Người cao tuổi tặng quà 85 cụ neo đơn trước ngày 20 tháng Chạp.',
  ];
  for (let i = 0; i < questions.length; i++) {
    await updateDialogueQuestion(ago(10), staff, dialogue.id, questions[i]!.id, { groupId: i === 1 ? land.id : undefined, answer: answers[i]!, answeredBy: 'Ông Vũ Văn Thành, Chủ tịch UBND xã' });
  }
  await saveMinutes(ago(9), staff, dialogue.id, {
    minutes: 'Hội nghị có 126 đại biểu là đại diện các hộ gia đình của 6 thôn, Ủy ban MTTQ xã và Ban Thanh tra nhân dân.\nChủ tịch UBND xã báo cáo tình hình kinh tế – xã hội năm 2026 và kết quả giải quyết 38 ý kiến, kiến nghị của Nhân dân.\nCác câu hỏi gửi trước và ý kiến tại hội nghị đã được trả lời trực tiếp.\nChủ tịch UBND xã kết luận, giao các bộ phận chuyên môn thực hiện và báo cáo kết quả tại kỳ họp cuối năm.',
  });
  await publishDialogue(ago(8), staff, dialogue.id);

  // Outreach for the open campaigns: most villages reached in full, a few still short.
  const today = vietnamDate(deps.clock());
  let records = 0;
  for (const c of (await listCampaigns(deps.db, communeId)).filter((x) => x.status === 'open')) {
    const kinds = outreachKinds(c);
    for (const cv of await listCampaignVillages(deps.db, c.id)) {
      const code = villages.find((x) => x.id === cv.villageId)?.code ?? '';
      const villageHead = await actorFor(`truongthon.${code.toLowerCase()}`);
      // the last village of each campaign is behind: no Zalo message, two loudspeaker days only
      const behind = code === 'PX' || (c.kind === 'satisfaction' && code === 'TK');
      const plan: [OutreachKind, number, Partial<{ households: number; photo: Uint8Array }>][] = [
        ['notice', 4, { photo: NOTICE_PNG }],
        ['loudspeaker', 4, {}], ['loudspeaker', 3, {}], ...(behind ? [] : [['loudspeaker', 2, {}] as [OutreachKind, number, object]]),
        ...(behind ? [] : [['zalo', 3, {}] as [OutreachKind, number, object]]),
        ['invitation', 3, { households: Math.max(0, (cv.households ?? 0) - (behind ? 40 : 2)) }],
      ];
      for (const [kind, daysAgo, extra] of plan) {
        if (!kinds.includes(kind)) continue;
        await recordOutreach(deps, villageHead, c.id, { villageId: cv.villageId, kind, doneOn: addDays(today, -daysAgo), note: '', ...extra });
        records++;
      }
    }
  }

  const cleared = await applyFeedbackRetention(deps, communeId);
  return [`Demo: 13 góp ý, phản ánh, kiến nghị (${cleared.anonymised} đã xóa thông tin cá nhân), 1 hội nghị đối thoại, ${records} lượt thông tin đến thôn / 13 feedback items, 1 dialogue conference, ${records} outreach records.`];
}
