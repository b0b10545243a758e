import { AppError } from '../domain/errors';
import type { AnswerError } from '../domain/survey/validator';

/** A refused form: 422 with one detail per failing question, named by the question. */
export function invalidAnswers(errors: AnswerError[]): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    { vi: 'Phiếu chưa hợp lệ, vui lòng xem lại các câu được nêu.', en: 'Some answers are not valid.' },
    errors.map((e) => ({ path: e.question, message: e.message, ...(e.reason ? { beside: e.reason } : {}) })),
  );
}
