// How an AppError is answered over HTTP: the status of each code (the only
// table) and the JSON error envelope of docs/api.md.
import type { AppError, ErrorCode } from '../domain/errors';
import type { Lang } from '../domain/i18n';

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
} as const satisfies Record<ErrorCode, number>;

export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export const statusOf = (err: AppError): ErrorStatus => ERROR_STATUS[err.code];

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
