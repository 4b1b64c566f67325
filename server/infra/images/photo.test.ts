import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { GPS_FINGERPRINT, HTML_AS_JPG, PLANTED, jpegWithMetadata, pngWithMetadata, smallPng, webpWithMetadata } from '../../../tests/support/photos.js';
import { AppError } from '../http/errors.js';
import { MAX_SIDE, processPhoto, sniffPhoto } from './photo.js';

const refusedAs = async (p: Promise<unknown>) => {
  const err = await p.then(() => undefined, (e: unknown) => e);
  return err instanceof AppError ? err.code : err;
};

describe('photos', () => {
  it.each([
    ['JPEG', jpegWithMetadata, 'image/jpeg', 'jpeg'],
    ['PNG', pngWithMetadata, 'image/png', 'png'],
    ['WebP', webpWithMetadata, 'image/webp', 'webp'],
  ] as const)('a %s keeps its pixels and loses its metadata', async (_name, make, mime, format) => {
    const input = await make();
    for (const s of PLANTED[format]) expect(input.includes(s), s).toBe(true);
    expect((await sharp(input).metadata()).exif).toBeDefined();
    if (format !== 'webp') expect(input.includes(GPS_FINGERPRINT)).toBe(true);
    const out = await processPhoto(input);
    expect(out.mime).toBe(mime);
    for (const s of PLANTED[format]) expect(out.bytes.includes(s), s).toBe(false);
    expect(out.bytes.includes(GPS_FINGERPRINT)).toBe(false);
    expect(out.bytes.includes('Exif\0\0')).toBe(false);
    const meta = await sharp(out.bytes).metadata();
    expect(meta.format).toBe(format);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.comments).toBeUndefined();
    expect(meta.width).toBe(out.width);
    expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(MAX_SIDE);
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('turns a photo upright by its EXIF orientation before dropping it, and shrinks it', async () => {
    // 3000 × 2000 with orientation 6 (rotate 90°): stored as 1365 × 2048.
    const out = await processPhoto(await jpegWithMetadata());
    expect([out.width, out.height]).toEqual([1365, 2048]);
  });

  it('keeps small photos at their size', async () => {
    const out = await processPhoto(await smallPng());
    expect([out.width, out.height]).toEqual([200, 150]);
  });

  it('refuses what is not a JPEG, PNG or WebP photo, whatever it is called', async () => {
    expect(sniffPhoto(HTML_AS_JPG)).toBeUndefined();
    expect(await refusedAs(processPhoto(HTML_AS_JPG))).toBe('NOT_AN_IMAGE');
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: 'red' } }).gif().toBuffer();
    expect(await refusedAs(processPhoto(gif))).toBe('NOT_AN_IMAGE');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect(await refusedAs(processPhoto(svg))).toBe('NOT_AN_IMAGE');
    // A JPEG signature on HTML, and a truncated JPEG.
    expect(await refusedAs(processPhoto(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML_AS_JPG])))).toBe('NOT_AN_IMAGE');
    const jpeg = await jpegWithMetadata(400, 300);
    expect(await refusedAs(processPhoto(jpeg.subarray(0, 600)))).toBe('NOT_AN_IMAGE');
    expect(await refusedAs(processPhoto(Buffer.alloc(0)))).toBe('NOT_AN_IMAGE');
  });
});
