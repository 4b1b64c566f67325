import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '../http/errors.js';

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** A photo as it is stored: re-encoded, no metadata, at most MAX_SIDE pixels on its long side. */
export interface ProcessedPhoto {
  mime: PhotoMime;
  bytes: Buffer;
  width: number;
  height: number;
  sha256: string;
}

/** Long side of a stored photo: enough to read a sign or a crack, small enough for slow phones. */
export const MAX_SIDE = 2048;
/** A 48-megapixel phone photo passes; a decompression bomb does not. */
const MAX_INPUT_PIXELS = 64_000_000;

const SIGNATURES: { mime: PhotoMime; format: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', format: 'jpeg', test: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', format: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', format: 'webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** The photo type the bytes say they are (by signature), whatever the file was called. */
export function sniffPhoto(bytes: Buffer): PhotoMime | undefined {
  return SIGNATURES.find((s) => s.test(bytes))?.mime;
}

const notAnImage = () => new AppError('NOT_AN_IMAGE');

/**
 * Checks that the bytes are a JPEG, PNG or WebP photo by their content (signature, then a full
 * decode), turns it upright, shrinks it to MAX_SIDE and re-encodes it in its own format. Sharp
 * writes no metadata unless asked, so EXIF (GPS included), XMP, IPTC, ICC and comments are gone.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  const mime = sniffPhoto(input);
  if (!mime) throw notAnImage();
  const format = SIGNATURES.find((s) => s.mime === mime)!.format;
  try {
    const image = sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true });
    const meta = await image.metadata();
    // The signature and the decoder must agree: a PNG header on a GIF body is not a PNG.
    if (meta.format !== format) throw notAnImage();
    const resized = image.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      mime === 'image/jpeg'
        ? resized.jpeg({ quality: 82, mozjpeg: true })
        : mime === 'image/png'
          ? resized.png({ compressionLevel: 9, palette: false })
          : resized.webp({ quality: 82 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { mime, bytes: data, width: info.width, height: info.height, sha256: createHash('sha256').update(data).digest('hex') };
  } catch (err) {
    if (err instanceof AppError) throw err;
    // libvips refused the content (truncated, corrupt, too many pixels): not a photo we can keep.
    throw notAnImage();
  }
}
