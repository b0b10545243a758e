import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../domain/errors';
import type { Text } from '../domain/i18n';

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự', number: 'số', int: 'số nguyên', boolean: 'đúng/sai', array: 'danh sách', object: 'đối tượng',
};

function pathOf(path: PropertyKey[]): string {
  return path.map(String).join('.') || '(body)';
}

/** One zod issue as a Vietnamese-first message that names the field. */
export function issueText(issue: z.core.$ZodIssue): Text {
  const field = pathOf(issue.path);
  // A message set in a schema (`{ message: 'vi|en' }`) wins.
  if (issue.message && issue.message.includes('|')) {
    const [vi, en] = issue.message.split('|');
    return { vi: vi!, en: en ?? vi! };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const received = (issue as { input?: unknown }).input;
      if (received === undefined) return { vi: `Thiếu trường "${field}".`, en: `"${field}" is required.` };
      return {
        vi: `Trường "${field}" phải là ${TYPE_VI[issue.expected] ?? issue.expected}.`,
        en: `"${field}" must be a ${issue.expected}.`,
      };
    }
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { vi: `Trường "${field}" không được để trống.`, en: `"${field}" must not be empty.` }
          : { vi: `Trường "${field}" phải có ít nhất ${issue.minimum} ký tự.`, en: `"${field}" needs at least ${issue.minimum} characters.` };
      if (issue.origin === 'array')
        return { vi: `Trường "${field}" phải có ít nhất ${issue.minimum} mục.`, en: `"${field}" needs at least ${issue.minimum} items.` };
      return { vi: `Trường "${field}" phải từ ${issue.minimum} trở lên.`, en: `"${field}" must be at least ${issue.minimum}.` };
    case 'too_big':
      if (issue.origin === 'string')
        return { vi: `Trường "${field}" dài quá ${issue.maximum} ký tự.`, en: `"${field}" is longer than ${issue.maximum} characters.` };
      if (issue.origin === 'array')
        return { vi: `Trường "${field}" có quá ${issue.maximum} mục.`, en: `"${field}" has more than ${issue.maximum} items.` };
      return { vi: `Trường "${field}" không được lớn hơn ${issue.maximum}.`, en: `"${field}" must be at most ${issue.maximum}.` };
    case 'invalid_value':
      return {
        vi: `Trường "${field}" phải là một trong: ${issue.values.map(String).join(', ')}.`,
        en: `"${field}" must be one of: ${issue.values.map(String).join(', ')}.`,
      };
    case 'unrecognized_keys':
      return {
        vi: `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`,
        en: `Unknown field(s): ${issue.keys.join(', ')}.`,
      };
    case 'invalid_format':
      return { vi: `Trường "${field}" sai định dạng.`, en: `"${field}" has the wrong format.` };
    default:
      return { vi: `Trường "${field}" không hợp lệ.`, en: `"${field}" is not valid.` };
  }
}

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: pathOf(issue.path), message: issueText(issue) }));
}

/** Parses at the edge; bad input becomes a 422 naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const r = schema.safeParse(data);
  if (!r.success) throw new AppError('VALIDATION_FAILED', undefined, zodDetails(r.error));
  return r.data;
}
