import { AppError, invalidField } from '../domain/errors';
import { cleanImage, PHOTO_MAX_BYTES, type CleanImage } from '../domain/photo';

/**
 * A photo a citizen or an officer attached (to feedback, to a posted notice),
 * checked with the project's photo rules (domain/photo.ts): a whole JPEG or
 * PNG within the size and pixel caps, returned stripped of its metadata (a
 * phone's EXIF carries where the sender stood).
 */
export function checkUploadedPhoto(bytes: Uint8Array, field = 'photo'): CleanImage {
  if (bytes.byteLength > PHOTO_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', { vi: 'Ảnh lớn hơn 8 MB.', en: 'The photo is larger than 8 MB.' }, [
      { path: field, message: { vi: 'Ảnh lớn hơn 8 MB; hãy chụp lại ở chế độ thường.', en: 'The photo is larger than 8 MB; take it in the normal mode.' } },
    ]);
  }
  const image = cleanImage(bytes);
  if (image.ok) return image;
  if (image.reason === 'not_an_image') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { vi: 'Chỉ nhận ảnh JPEG hoặc PNG.', en: 'Only JPEG or PNG photos are accepted.' }, [
      { path: field, message: { vi: 'Tệp này không phải ảnh JPEG hoặc PNG.', en: 'This file is not a JPEG or PNG image.' } },
    ]);
  }
  throw invalidField(field, image.reason === 'damaged'
    ? { vi: 'Ảnh bị hỏng hoặc chưa tải lên hết; hãy chụp hoặc gửi lại.', en: 'The photo is damaged or incomplete; take or send it again.' }
    : { vi: 'Ảnh có kích thước quá lớn; hãy chụp lại bằng chế độ thường của điện thoại.', en: 'The image dimensions are too large; take it again in the phone’s normal mode.' });
}
