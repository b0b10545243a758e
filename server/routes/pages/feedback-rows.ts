import type { FeedbackView } from '../../services/list-feedback';
import type { FeedbackRow } from '../../../web/views/feedback/staff';

/** An item as the staff tables show it. */
export function feedbackRow(v: FeedbackView): FeedbackRow {
  return {
    id: v.id, kind: v.kind, channel: v.channel, text: v.text, villageName: v.villageName, topic: v.topic, status: v.status, receivedOn: v.receivedOn,
    due: v.progress.due, overdue: v.progress.overdue, daysLeft: v.progress.daysLeft, onTime: v.progress.onTime, assignee: v.assignee,
    department: v.department, officerName: v.officerName, published: v.answerPublic,
  };
}
