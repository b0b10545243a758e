// Khảo sát mức độ hài lòng (Đ34–35 Luật 10/2022/QH15): SIPAS indices of the
// Ministry of Home Affairs and the one-stop counter rating (NĐ 61/2018 Đ29,
// Đ31), answered anonymously by link, at the counter's kiosk or on paper.
// Its rules: DEFAULT_RULES.channels.satisfaction, .sipas, .oneStop,
// .oneStopReasons in domain/legal-rules.ts.
import type { AnsweredKind } from '../kind';
import { buildSatisfactionResults } from './build';
import { SatisfactionResults } from './results';
import { satisfactionCharts } from './charts';
import { satisfactionCsv } from './csv';

export const satisfaction: AnsweredKind = {
  kind: 'satisfaction',
  source: 'answers',
  themes: true,
  labels: {
    public: { vi: 'Khảo sát mức độ hài lòng', en: 'Satisfaction survey' },
    staff: { vi: 'Khảo sát sự hài lòng', en: 'Satisfaction survey' },
    hint: {
      vi: 'Người dân đánh giá dịch vụ hành chính công, ẩn danh, qua mã QR hoặc máy tính bảng tại quầy.',
      en: 'People rate public services anonymously, by QR code or on the counter tablet.',
    },
  },
  template: 'sipas',
  build: buildSatisfactionResults,
  Summary: null,
  Results: SatisfactionResults,
  charts: satisfactionCharts,
  csv: satisfactionCsv,
  notice: () => ({ pages: [] }),
};
