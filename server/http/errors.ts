// The closed set of error codes and their HTTP statuses: the only table.
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CHANNEL_NOT_ALLOWED: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_USED: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A message in Vietnamese first, with its English. */
export interface Text {
  vi: string;
  en: string;
}

export interface ErrorDetail {
  path: string;
  message: Text;
}

const DEFAULT_MESSAGES: Record<ErrorCode, Text> = {
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
  readonly status: number;
  readonly text: Text;
  constructor(readonly code: ErrorCode, text?: Text, readonly details: ErrorDetail[] = []) {
    super(`${code}: ${(text ?? DEFAULT_MESSAGES[code]).en}`);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
    this.text = text ?? DEFAULT_MESSAGES[code];
  }
}

export const fail = (code: ErrorCode, text?: Text, details?: ErrorDetail[]): never => {
  throw new AppError(code, text, details);
};

/** A VALIDATION_FAILED naming one field. */
export function invalidField(path: string, message: Text): AppError {
  return new AppError('VALIDATION_FAILED', undefined, [{ path, message }]);
}

export type Lang = 'vi' | 'en';

export function errorBody(err: AppError, lang: Lang, requestId: string) {
  return {
    error: {
      code: err.code,
      message: err.text[lang],
      messageEn: err.text.en,
      requestId,
      ...(err.details.length
        ? { details: err.details.map((d) => ({ path: d.path, message: d.message[lang], messageEn: d.message.en })) }
        : {}),
    },
  };
}
