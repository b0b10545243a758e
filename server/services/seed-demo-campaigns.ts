import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { findUserByUsername } from '../../db/repositories/users';
import { listVillages } from '../../db/repositories/villages';
import { createCampaign } from './create-campaign';
import { transitionCampaign } from './transition-campaign';
import { issueSerials, listSerials } from './campaign-serials';
import { castBallot } from './cast-ballot';
import { submitTally } from './submit-tally';
import { confirmTally } from './confirm-tally';
import { publishResults } from './publish-results';
import { createTheme, groupOpinions, themeBoard } from './manage-themes';
import { addConsents, createInitiative } from './initiatives';
import { vietnamToday } from './commune-calendar';
import { searchHouseholds } from '../../db/repositories/households';
import { submitAnonymous } from './submit-anonymous';
import { recordStep } from './campaign-timeline';
import { addDays } from '../domain/calendar/iso-date';
import { attestCandidate, electionPrep, recordElectionTeam } from './election-prep';
import { recordRecognition } from './recognition';

// The demo commune's campaigns, made through the same services people use,
// so `npm start` shows every kind at work: a published k1 contribution
// decision (4 of 6 villages pass), a published Inspection Board election
// (one village short of the threshold, awaiting the Front committee's
// recognition), a published village-head election recognised by the
// commune, an open k6 decision with online ballots, an open consultation,
// and the two satisfaction surveys with answers.
// Each campaign's timeline has steps done (recorded as staff would) and the
// board election's report to the commune is overdue, all counted from the
// app's clock so a demo run is the same on the same day.

const SECRETARY = 'Vũ Thị Hằng';
const BOARD = ['Nguyễn Văn Hùng', 'Trần Thị Mai', 'Lê Văn Tâm'];
const WITNESSES = ['Phạm Văn Lộc', 'Đỗ Thị Hoa'];

/** Paper household ballots for the road (k1): returned, invalid, approve, reject per village (H from the register). */
const ROAD: Record<string, [number, number, number, number]> = {
  DS: [380, 6, 301, 58], TH: [240, 4, 190, 38], BL: [170, 3, 121, 40], NK: [300, 5, 250, 37], TK: [140, 2, 96, 35], PX: [220, 4, 180, 30],
};

/** Secret-ballot meeting counts for the Inspection Board: present, invalid, votes for the two candidates. */
const BOARD_VOTES: Record<string, [number, number, number, number]> = {
  DS: [330, 4, 248, 78], TH: [212, 2, 160, 50], BL: [160, 3, 118, 39], NK: [271, 5, 190, 76], TK: [110, 1, 70, 39], PX: [190, 2, 141, 47],
};

const CANDIDATES: Record<string, [string, string]> = {
  DS: ['Vũ Thị Lan', 'Hoàng Văn Minh'], TH: ['Bùi Văn Thắng', 'Ngô Thị Hạnh'], BL: ['Đặng Văn Quý', 'Lý Thị Thu'],
  NK: ['Phan Thị Ngọc', 'Trịnh Văn Bình'], TK: ['Mai Văn Sơn', 'Cao Thị Yến'], PX: ['Dương Văn Khoa', 'Tạ Thị Nga'],
};

function picker(deps: AppDeps) {
  return <T>(items: readonly T[]): T => items[deps.random(1)[0]! % items.length]!;
}

export async function seedDemoCampaigns(deps: AppDeps, communeId: string): Promise<string[]> {
  const villages = await listVillages(deps.db, communeId);
  const byCode = new Map(villages.map((v) => [v.code, v]));
  const actorFor = async (username: string): Promise<Actor> => {
    const u = (await findUserByUsername(deps.db, username))!;
    return { id: u.id, username: u.username, role: u.role, communeId, villageId: u.villageId };
  };
  const staff = await actorFor('canbo');
  const inspector = await actorFor('thanhtra');
  const pick = picker(deps);
  const today = vietnamToday(deps);
  const day = (n: number) => addDays(today, n);
  const allVillages = villages.map((v) => v.id);
  // the Ban công tác Mặt trận attests every candidate on every condition of the board (Đ37, Đ42)
  const attestAll = async (campaignId: string) => {
    const prep = await electionPrep(deps, staff, campaignId);
    for (const k of prep.candidates) {
      await attestCandidate(deps, staff, campaignId, k.id, {
        conditions: prep.conditions.map((x) => x.code), attestedBy: 'Hà Văn Tuấn, Trưởng ban công tác Mặt trận', attestedOn: vietnamToday(deps),
      });
    }
  };

  // 1. A commune-wide k1 contribution, decided by household ballots, published.
  const road = await createCampaign(deps, staff, {
    title: 'Đóng góp làm đường bê tông liên thôn năm 2026',
    description: 'Mỗi hộ đóng góp 500.000 đồng (hộ nghèo, hộ cận nghèo được miễn) để bê tông hóa 4,2 km đường liên thôn; ngân sách xã hỗ trợ 60% kinh phí.\n\nPhiếu lấy ý kiến phát đến từng hộ; nộp lại cho Tổ phát phiếu của thôn.',
    // commune-wide content: every village of the commune, passed with two thirds of them (Đ19 k1 a, Đ21 k1)
    kind: 'decision', category: 'k1', scope: 'commune', channels: ['paper', 'meeting'], template: 'household-decision',
  });
  await issueSerials(deps, staff, road.id);
  await transitionCampaign(deps, staff, road.id, 'open');
  for (const v of villages) {
    const [returned, invalid, approve, reject] = ROAD[v.code] ?? [0, 0, 0, 0];
    const head = await actorFor(`truongthon.${v.code.toLowerCase()}`);
    const sheet = await submitTally(deps, head, road.id, {
      villageId: v.id, channel: 'paper', issued: returned + 10, returned, invalid,
      counts: { decision: { approve, reject, other: returned - invalid - approve - reject } }, board: BOARD, witnesses: WITNESSES,
    });
    await confirmTally(deps, inspector, sheet.id);
  }
  await transitionCampaign(deps, staff, road.id, 'close');
  await publishResults(deps, staff, road.id);
  // the ballot plan went to the commune on time; the decision is reported and posted the day it is published
  await recordStep(deps, staff, road.id, { fact: 'ballot_plan_issued', doneOn: day(-24), note: 'Kế hoạch phát phiếu số 12/KH-UBND' });
  await recordStep(deps, staff, road.id, { fact: 'ballot_plan_sent', doneOn: day(-23) });
  await recordStep(deps, staff, road.id, { fact: 'ballot_publicity', doneOn: day(-22), note: 'Thông báo tại nhà văn hóa các thôn' });
  await recordStep(deps, staff, road.id, { fact: 'report_sent', doneOn: today, note: 'Báo cáo số 45/BC-UBND gửi UBND, UBMTTQ xã' });
  await recordStep(deps, staff, road.id, { fact: 'posted', doneOn: today, note: 'Niêm yết tại 6 nhà văn hóa thôn' });

  // 2. The People's Inspection Board, one member per village, elected at village meetings.
  const board = await createCampaign(deps, staff, {
    title: 'Bầu thành viên Ban Thanh tra nhân dân xã nhiệm kỳ 2026–2031',
    description: 'Mỗi thôn bầu 01 thành viên Ban Thanh tra nhân dân tại cuộc họp cộng đồng dân cư, bỏ phiếu kín.',
    kind: 'election', category: 'k5', board: 'inspection', villageIds: allVillages, channels: ['meeting'], seats: 1,
    candidates: villages.flatMap((v) => (CANDIDATES[v.code] ?? []).map((name, i) => ({ id: `${v.code}-${i + 1}`, name, villageId: v.id, birthYear: 1968 + i * 9 }))),
  });
  await attestAll(board.id);
  await transitionCampaign(deps, staff, board.id, 'open');
  for (const v of villages) {
    const [present, invalid, first, second] = BOARD_VOTES[v.code] ?? [0, 0, 0, 0];
    const head = await actorFor(`truongthon.${v.code.toLowerCase()}`);
    const sheet = await submitTally(deps, head, board.id, {
      villageId: v.id, channel: 'meeting', method: 'secret_ballot', present, issued: present, returned: present, invalid,
      counts: { candidates: { [`${v.code}-1`]: first, [`${v.code}-2`]: second } }, board: BOARD, witnesses: WITNESSES,
      // the village meetings were held three weeks ago
      heldOn: day(-21),
      // the record's procedural votes (Đ18 k4; NĐ 59 Đ3 k5): each chosen by all but a few of those present
      procedural: { secretary: { name: SECRETARY, votesFor: present - 2 }, method: { votesFor: present }, board: { votesFor: present - 1 } },
    });
    await confirmTally(deps, inspector, sheet.id);
  }
  await transitionCampaign(deps, staff, board.id, 'close');
  // published, and awaiting the UBMTTQ xã's recognition (Đ21 k2): the page says "chờ công nhận"
  await publishResults(deps, staff, board.id);
  // the meetings were announced in time, but nobody has sent the result to the commune yet: overdue
  await recordStep(deps, staff, board.id, { fact: 'notice_sent', doneOn: day(-25), note: 'Giấy mời họp Mẫu 01 đến các hộ' });

  // 2b. Thôn Tây Kiếm elects its village head (k4, one seat), published and recognised by the UBND xã.
  const tk = byCode.get('TK')!;
  const head = await createCampaign(deps, staff, {
    title: 'Bầu Trưởng thôn Tây Kiếm nhiệm kỳ 2026–2031',
    description: 'Cuộc họp cộng đồng dân cư thôn Tây Kiếm bầu Trưởng thôn, bỏ phiếu kín; Ban công tác Mặt trận giới thiệu 02 người ứng cử (Mẫu 05).',
    kind: 'election', category: 'k4', board: 'village_head', villageIds: [tk.id], channels: ['meeting'], seats: 1,
    candidates: [
      { id: 'TK-TT-1', name: 'Lương Văn Hải', villageId: tk.id, birthYear: 1975 },
      { id: 'TK-TT-2', name: 'Đinh Thị Thảo', villageId: tk.id, birthYear: 1982 },
    ],
  });
  await recordElectionTeam(deps, staff, head.id, { members: [
    { name: 'Hà Văn Tuấn', role: 'Tổ trưởng (Trưởng ban công tác Mặt trận)', birthYear: 1966 },
    { name: 'Kiều Thị Loan', role: 'Thư ký', birthYear: 1988 },
    { name: 'Tô Văn Phúc', role: 'Thành viên', birthYear: 1979 },
  ] });
  await attestAll(head.id);
  await transitionCampaign(deps, staff, head.id, 'open');
  const tkHead = await actorFor('truongthon.tk');
  const headSheet = await submitTally(deps, tkHead, head.id, {
    villageId: tk.id, channel: 'meeting', method: 'secret_ballot', present: 118, issued: 118, returned: 118, invalid: 2,
    counts: { candidates: { 'TK-TT-1': 89, 'TK-TT-2': 27 } }, board: BOARD, witnesses: WITNESSES,
    procedural: { secretary: { name: SECRETARY, votesFor: 116 }, method: { votesFor: 118 }, board: { votesFor: 117 } },
  });
  await confirmTally(deps, inspector, headSheet.id);
  await transitionCampaign(deps, staff, head.id, 'close');
  await publishResults(deps, staff, head.id);
  await recordRecognition(deps, staff, head.id, { number: '128/QĐ-UBND', decidedOn: vietnamToday(deps), signer: 'Nguyễn Quang Vinh, Chủ tịch UBND xã' });

  // 3. A village's own k6 matter, voted online and on paper, open now.
  const ds = byCode.get('DS')!;
  const festival = await createCampaign(deps, staff, {
    title: 'Chọn ngày tổ chức Hội làng Đông Sơn 2027',
    description: 'Ban công tác Mặt trận đề xuất tổ chức Hội làng vào mùng 10 tháng Giêng (thứ Bảy). Các hộ đồng ý hoặc nêu ý kiến khác.',
    kind: 'decision', category: 'k6', villageIds: [ds.id], channels: ['online', 'paper'],
    // the village's households agreed to vote online beforehand (NĐ 59 Đ5): 268 of its 412
    onlineApproval: {
      villages: [{ villageId: ds.id, households: 268, date: '2026-11-02', method: 'meeting', note: 'Hội nghị thôn ngày 02/11/2026: 268/412 hộ đồng ý biểu quyết trực tuyến qua nhóm Zalo của thôn.' }],
    },
    closesAt: new Date(deps.clock().getTime() + 14 * 86_400_000).toISOString(),
  });
  await issueSerials(deps, staff, festival.id);
  await transitionCampaign(deps, staff, festival.id, 'open');
  await recordStep(deps, staff, festival.id, { fact: 'ballot_plan_issued', doneOn: day(-3), note: 'Kế hoạch phát phiếu của thôn Đông Sơn' });
  await recordStep(deps, staff, festival.id, { fact: 'ballot_plan_sent', doneOn: day(-2) });
  await recordStep(deps, staff, festival.id, { fact: 'ballot_publicity', doneOn: day(-2), note: 'Loa truyền thanh và nhóm Zalo của thôn' });
  const festivalSerials = await listSerials(deps, staff, festival.id);
  for (const s of festivalSerials.slice(0, 163)) {
    const decision = pick(['approve', 'approve', 'approve', 'approve', 'reject', 'other']);
    await castBallot(deps, {
      serial: s.serial, client: 'demo',
      answers: decision === 'other' ? { decision, otherOpinion: 'Nên tổ chức vào Chủ nhật để con cháu đi làm xa về dự.' } : { decision },
    });
  }

  const ds0 = byCode.get('DS')!;
  // 4. A consultation on the commune's 2027 plan (at least 20 days, Đ28), open now.
  const plan = await createCampaign(deps, staff, {
    title: 'Góp ý dự thảo Kế hoạch phát triển kinh tế – xã hội xã năm 2027',
    description: 'UBND xã lấy ý kiến Nhân dân về dự thảo Kế hoạch năm 2027 trong 30 ngày. Ý kiến được tổng hợp, tiếp thu, giải trình và công khai.',
    kind: 'consultation', villageIds: allVillages, channels: ['online', 'paper', 'meeting'], template: 'consultation',
    closesAt: new Date(deps.clock().getTime() + 30 * 86_400_000).toISOString(),
  });
  await issueSerials(deps, staff, plan.id);
  await transitionCampaign(deps, staff, plan.id, 'open');
  const comments = [
    'Đề nghị ưu tiên nạo vét kênh tưới tiêu trước mùa mưa.', 'Cần thêm đèn chiếu sáng đường trục thôn.',
    'Hỗ trợ hộ trồng rau an toàn tiếp cận thị trường.', 'Nâng cấp trạm y tế, có bác sĩ trực cuối tuần.',
  ];
  for (const s of (await listSerials(deps, staff, plan.id)).filter((_, i) => i % 23 === 0)) {
    const answers: Record<string, unknown> = {};
    for (const n of [1, 2, 3, 4, 5]) {
      const opinion = pick(['agree', 'agree', 'agree_with_comments', 'disagree']);
      answers[`s${n}_opinion`] = opinion;
      if (opinion !== 'agree') answers[`s${n}_comment`] = pick(comments);
    }
    await castBallot(deps, { serial: s.serial, answers, client: 'demo' });
  }
  // its opinions grouped under themes, each answered (tiếp thu / giải trình, Đ28)
  const synthesis = await themeBoard(deps, staff, plan.id);
  const ANSWERS: [string, string, boolean, string][] = [
    [comments[0]!, 'Thủy lợi nội đồng', true, 'UBND xã tiếp thu: bổ sung nạo vét 2,5 km kênh chính trong quý I/2027.'],
    [comments[1]!, 'Chiếu sáng đường thôn', true, 'UBND xã tiếp thu: lắp 40 bóng đèn năng lượng mặt trời trên các trục thôn.'],
    [comments[2]!, 'Tiêu thụ nông sản', false, 'UBND xã giải trình: việc kết nối tiêu thụ do Hợp tác xã thực hiện; xã hỗ trợ chứng nhận VietGAP.'],
    [comments[3]!, 'Trạm y tế', false, 'UBND xã giải trình: biên chế bác sĩ do Trung tâm Y tế khu vực bố trí; xã đã đề nghị tăng cường trực cuối tuần.'],
  ];
  for (const [text, title, accepted, response] of ANSWERS) {
    const theme = await createTheme(deps, staff, plan.id, { title, response, accepted });
    const mine = synthesis.opinions.filter((o) => o.text === text);
    for (const question of new Set(mine.map((o) => o.question))) {
      await groupOpinions(deps, staff, theme.id, { question, ballotIds: mine.filter((o) => o.question === question).map((o) => o.ballotId) });
    }
  }

  // 4b. A citizen initiative in Đông Sơn, backed by more than 10% of its households (Đ16); not yet a campaign.
  const dsHouseholds = await searchHouseholds(deps.db, { communeId, villageId: ds0.id });
  const initiative = await createInitiative(deps, staff, {
    matter: 'Làm sân bóng chuyền cho thanh niên thôn Đông Sơn tại khu đất trống cạnh nhà văn hóa', scope: 'village', villageId: ds0.id, proposer: 'Chi đoàn thanh niên thôn Đông Sơn',
  });
  const needed = initiative.backing.required + 2;
  await addConsents(deps, staff, initiative.initiative.id, { householdCodes: dsHouseholds.slice(0, needed).map((h) => h.code), givenOn: vietnamToday(deps) });

  // 5. Satisfaction at the one-stop counter (NĐ 61/2018 Đ31) and the SIPAS survey, open, with answers.
  const counter = await createCampaign(deps, staff, {
    title: 'Đánh giá mức độ hài lòng tại Bộ phận Một cửa xã', kind: 'satisfaction', villageIds: allVillages, channels: ['online'], template: 'one-stop-rating',
  });
  await transitionCampaign(deps, staff, counter.id, 'open');
  const officers = ['Nguyễn Thị Thanh', 'Lê Văn Đức', 'Phạm Thị Hương'];
  const procedures = ['Chứng thực bản sao', 'Đăng ký khai sinh', 'Xác nhận tình trạng hôn nhân'];
  for (let i = 0; i < 90; i++) {
    const rating = pick(['very_satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'satisfied', 'not_satisfied']);
    await submitAnonymous(deps, {
      slug: counter.slug, kiosk: true, client: `demo-${i}`, dossierCode: `HS-2026-${String(1000 + i)}`,
      answers: { dossierCode: `HS-2026-${String(1000 + i)}`, officer: pick(officers), procedure: pick(procedures), rating, ...(rating === 'not_satisfied' ? { reasons: [pick(['time_over_limit', 'many_visits', 'officer_attitude'])] } : {}) },
    });
  }
  const sipas = await createCampaign(deps, staff, {
    title: 'Khảo sát sự hài lòng của người dân (SIPAS) năm 2026', kind: 'satisfaction', villageIds: allVillages, channels: ['online', 'paper'], template: 'sipas',
  });
  await transitionCampaign(deps, staff, sipas.id, 'open');
  const criteria = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4', 'b5', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'd1', 'd2', 'd3', 'e1', 'e2', 'e3', 'e4', 'overall'];
  for (let i = 0; i < 60; i++) {
    const answers: Record<string, unknown> = {};
    for (const c of criteria) answers[c] = pick([3, 4, 4, 4, 5, 5, 2]);
    await submitAnonymous(deps, { slug: sipas.slug, kiosk: true, client: `demo-sipas-${i}`, answers });
  }

  return ['Demo: 3 đợt đã công bố kết quả (1 đã công nhận), 4 đợt đang mở / 3 published campaigns (1 recognised), 4 open.'];
}
