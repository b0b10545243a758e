import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, invalidField } from '../domain/errors';
import { requireCommune, requireVillage } from './guards';
import { cleanImage, PHOTO_MAX_BYTES, PHOTOS_PER_SHEET, type ImageRefusal } from '../domain/photo';
import { sha256Hex } from '../runtime/crypto';
import { countPhotos, findPhoto, insertPhoto } from '../../db/repositories/tallies';
import { atomicWithAudit } from './audit';
import { expectChanged, isFailedAssertion } from '../../db/repositories/assertions';
import { sheetOf, stateText } from './confirm-tally';
import { photoUrl } from './list-tallies';

const REFUSAL: Record<Exclude<ImageRefusal, 'not_an_image'>, { vi: string; en: string }> = {
  damaged: { vi: 'Ảnh bị hỏng hoặc chưa tải lên hết; hãy chụp hoặc gửi lại.', en: 'The photo is damaged or incomplete; take or send it again.' },
  too_many_pixels: { vi: 'Ảnh có kích thước quá lớn; hãy chụp lại bằng chế độ thường của điện thoại.', en: 'The image dimensions are too large; take it again in the phone’s normal mode.' },
};

const sheetFull = () =>
  invalidField('photo', {
    vi: `Biên bản này đã có ${PHOTOS_PER_SHEET} ảnh, là số ảnh tối đa; không thêm được nữa.`,
    en: `This sheet already has ${PHOTOS_PER_SHEET} photos, the most it takes; no more can be added.`,
  });

/** Refuses anything that is not a whole JPEG or PNG within the cap; returns the stripped image. */
export function checkPhoto(bytes: Uint8Array) {
  if (bytes.byteLength > PHOTO_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', { vi: 'Ảnh lớn hơn 8 MB.', en: 'The photo is larger than 8 MB.' });
  }
  const image = cleanImage(bytes);
  if (!image.ok) {
    if (image.reason === 'not_an_image') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        vi: 'Chỉ nhận ảnh JPEG hoặc PNG (ảnh chụp biên bản đã ký).', en: 'Only JPEG or PNG photos (of the signed sheet) are accepted.',
      }, [{ path: 'photo', message: { vi: 'Tệp này không phải ảnh JPEG hoặc PNG.', en: 'This file is not a JPEG or PNG image.' } }]);
    }
    throw invalidField('photo', REFUSAL[image.reason]);
  }
  return image;
}

/**
 * A photo of the signed biên bản, attached to one version. Stored stripped
 * of metadata, under its SHA-256 (the same photo sent twice is one file).
 * `read` is called only once the actor may add to this sheet, so nobody
 * else's upload is ever read.
 */
export async function attachTallyPhoto(deps: AppDeps, actor: Actor, tallyId: string, read: () => Promise<Uint8Array>) {
  const sheet = await sheetOf(deps, actor, tallyId);
  requireVillage(actor, sheet.villageId, { vi: 'Trưởng thôn chỉ gửi ảnh biên bản của thôn mình.', en: 'A village head adds photos only to their own village’s sheets.' });
  if (sheet.status === 'superseded') throw new AppError('INVALID_STATE', stateText(sheet));
  // refused before the upload is read; the insert below keeps the cap for uploads sent at once
  if ((await countPhotos(deps.db, tallyId)) >= PHOTOS_PER_SHEET) throw sheetFull();
  const image = checkPhoto(await read());
  const sha = await sha256Hex(image.bytes);
  const key = `tally-photos/${sha}`;
  await deps.blobs.put(key, image.bytes, image.mime);
  const id = deps.newId();
  try {
    await atomicWithAudit(
      deps,
      [
        insertPhoto(deps.db, { id, tallyId, blobKey: key, mime: image.mime, size: image.bytes.byteLength, sha256: sha, createdAt: deps.clock().toISOString() }, PHOTOS_PER_SHEET),
        expectChanged(deps.db, 'photos_per_sheet'),
      ],
      [{ communeId: sheet.communeId, actor: actor.id, action: 'tally.photo', entity: 'tally_sheet', entityId: tallyId,
        data: { photoId: id, sha256: sha, mime: image.mime, size: image.bytes.byteLength } }],
    );
  } catch (err) {
    if (isFailedAssertion(err)) throw sheetFull();
    throw err;
  }
  return { id, url: photoUrl(id), mime: image.mime, size: image.bytes.byteLength, width: image.width, height: image.height, sha256: sha };
}

/** A stored photo for someone allowed to see its village's sheets. */
export async function readTallyPhoto(deps: AppDeps, actor: Actor, photoId: string) {
  const photo = await findPhoto(deps.db, photoId);
  if (!photo) throw new AppError('NOT_FOUND');
  requireCommune(actor, photo.communeId);
  requireVillage(actor, photo.villageId);
  const blob = await deps.blobs.get(photo.blobKey);
  if (!blob) throw new AppError('NOT_FOUND');
  return { id: photo.id, mime: photo.mime, bytes: blob.bytes };
}
