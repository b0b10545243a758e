// Nhân dân tham gia ý kiến (Đ25–28 Luật 10/2022/QH15): the commune asks
// before it decides, for at least 20 days; every channel is advisory, the
// opinions are grouped under themes and each theme answered (tiếp thu, giải
// trình) before publication. Its rules: DEFAULT_RULES.channels.consultation,
// .consultationMinDays in domain/legal-rules.ts.
import type { AnsweredKind } from '../kind';
import { buildConsultationResults } from './build';
import { ConsultationResults } from './results';
import { consultationCharts } from './charts';
import { consultationCsv } from './csv';

export const consultation: AnsweredKind = {
  kind: 'consultation',
  source: 'answers',
  themes: true,
  labels: {
    public: { vi: 'Lấy ý kiến Nhân dân', en: 'Consultation' },
    staff: { vi: 'Lấy ý kiến Nhân dân', en: 'Public consultation' },
    hint: {
      vi: 'Xã hỏi ý kiến trước khi quyết định (Điều 25–28): để tham khảo, mở ít nhất 20 ngày.',
      en: 'The commune asks before it decides (Art. 25–28): advisory, open at least 20 days.',
    },
  },
  template: 'consultation',
  build: buildConsultationResults,
  Summary: null,
  Results: ConsultationResults,
  charts: consultationCharts,
  csv: consultationCsv,
  notice: () => ({ pages: [] }),
};
