// The errors every layer may raise: a code from one closed set, a message in
// Vietnamese first with its English, and the fields it concerns. Only
// server/http/ knows which HTTP status each code is answered with.
import type { LocalizedText } from './i18n';

export const ERROR_CODES = [
  'BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'CHANNEL_NOT_ALLOWED', 'CSRF_FAILED', 'NOT_FOUND', 'CONFLICT', 'ALREADY_USED',
  'INVALID_STATE', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'VALIDATION_FAILED', 'RATE_LIMITED', 'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  path: string;
  message: LocalizedText;
  /** the message as a form shows it beside its field, whose label already names the field (the API sends `message`) */
  beside?: LocalizedText;
}

const DEFAULT_MESSAGES: Record<ErrorCode, LocalizedText> = {
  BAD_REQUEST: { vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  UNAUTHORIZED: { vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  FORBIDDEN: { vi: 'Bạn không có quyền làm việc này.', en: 'You are not allowed to do this.' },
  CHANNEL_NOT_ALLOWED: { vi: 'Kênh này không được dùng cho đợt lấy ý kiến này.', en: 'This channel is not allowed for this campaign.' },
  CSRF_FAILED: { vi: 'Phiên làm việc của biểu mẫu đã hết hạn, vui lòng tải lại trang.', en: 'The form has expired; reload the page.' },
  NOT_FOUND: { vi: 'Không tìm thấy.', en: 'Not found.' },
  CONFLICT: { vi: 'Dữ liệu đã tồn tại.', en: 'This already exists.' },
  ALREADY_USED: { vi: 'Phiếu này đã được sử dụng.', en: 'This ballot has already been used.' },
  INVALID_STATE: { vi: 'Không thể thực hiện ở trạng thái hiện tại.', en: 'Not possible in the current state.' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Định dạng dữ liệu không được hỗ trợ.', en: 'Unsupported content type.' },
  VALIDATION_FAILED: { vi: 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được nêu.', en: 'Some fields are not valid.' },
  RATE_LIMITED: { vi: 'Bạn thử quá nhiều lần, vui lòng đợi một lát rồi thử lại.', en: 'Too many attempts; wait a moment and try again.' },
  INTERNAL: { vi: 'Hệ thống gặp lỗi, vui lòng thử lại sau.', en: 'Something went wrong; try again later.' },
};

export class AppError extends Error {
  readonly text: LocalizedText;
  constructor(readonly code: ErrorCode, text?: LocalizedText, readonly details: ErrorDetail[] = []) {
    super(`${code}: ${(text ?? DEFAULT_MESSAGES[code]).en}`);
    this.name = 'AppError';
    this.text = text ?? DEFAULT_MESSAGES[code];
  }
}

/** A VALIDATION_FAILED naming one field. */
export function invalidField(path: string, message: LocalizedText): AppError {
  return new AppError('VALIDATION_FAILED', undefined, [{ path, message }]);
}
