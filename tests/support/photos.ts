import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** Strings planted in test photos' metadata; none may survive processing. */
export const PLANTED = {
  jpeg: ['MINHU-EXIF-OWNER', 'MINHU-XMP-SECRET', 'MINHU-COMMENT'],
  png: ['MINHU-EXIF-OWNER', 'MINHU-XMP-SECRET', 'MINHU-PNG-TEXT'],
  webp: ['MINHU-EXIF-OWNER', 'MINHU-XMP-SECRET'],
} as const;

const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="MINHU-XMP-SECRET"/></rdf:RDF></x:xmpmeta>';

/** The GPS latitude 30° 16′ 27.72″ as the EXIF rationals store it: found in the bytes means the position leaked. */
export const GPS_FINGERPRINT = Buffer.from(new Uint32Array([30, 1, 16, 1, 2772, 100]).buffer);

/**
 * An EXIF block (TIFF, little-endian) by hand, since encoders will not write a GPS directory:
 * IFD0 with Orientation 6, Artist and a pointer to the GPS IFD (latitude reference and value).
 */
export function exifWithGps(): Buffer {
  const b = Buffer.alloc(122);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    if (type === 3 && count === 1) b.writeUInt16LE(value, at + 8);
    else b.writeUInt32LE(value, at + 8);
  };
  b.writeUInt16LE(3, 8);
  entry(10, 0x0112, 3, 1, 6); // Orientation: rotate 90° clockwise
  entry(22, 0x013b, 2, 17, 50); // Artist
  entry(34, 0x8825, 4, 1, 68); // GPSInfo
  b.writeUInt32LE(0, 46);
  b.write('MINHU-EXIF-OWNER\0', 50, 'latin1');
  b.writeUInt16LE(2, 68);
  entry(70, 0x0001, 2, 2, 0); // GPSLatitudeRef
  b.write('N\0', 78, 'latin1');
  entry(82, 0x0002, 5, 3, 98); // GPSLatitude
  b.writeUInt32LE(0, 94);
  GPS_FINGERPRINT.copy(b, 98);
  return b;
}

/** A noisy picture (so the encoders have something to compress), `width` × `height`. */
function picture(width: number, height: number) {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);

/** A JPEG with EXIF (owner, GPS, orientation 6), XMP and a comment segment. */
export async function jpegWithMetadata(width = 3000, height = 2000): Promise<Buffer> {
  const jpeg = await picture(width, height).jpeg({ quality: 70 }).withXmp(XMP).toBuffer();
  const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps()]));
  const com = segment(0xfe, Buffer.from('MINHU-COMMENT lat 30.2741 lng 120.1551'));
  return Buffer.concat([jpeg.subarray(0, 2), exif, com, jpeg.subarray(2)]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG with an eXIf chunk (owner, GPS), XMP in iTXt and a tEXt comment. */
export async function pngWithMetadata(width = 640, height = 480): Promise<Buffer> {
  const png = await picture(width, height).png().toBuffer();
  const chunks = Buffer.concat([
    pngChunk('eXIf', exifWithGps()),
    pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(XMP)])),
    pngChunk('tEXt', Buffer.from('Comment\0MINHU-PNG-TEXT', 'latin1')),
  ]);
  // After the 8-byte signature and the 25-byte IHDR chunk.
  return Buffer.concat([png.subarray(0, 33), chunks, png.subarray(33)]);
}

/** A WebP with EXIF and XMP. */
export async function webpWithMetadata(width = 800, height = 600): Promise<Buffer> {
  return picture(width, height).webp({ quality: 70 }).withExif({ IFD0: { Artist: 'MINHU-EXIF-OWNER' } }).withXmp(XMP).toBuffer();
}

/** A small plain PNG, as a phone's screenshot might be. */
export async function smallPng(width = 200, height = 150): Promise<Buffer> {
  return picture(width, height).png().toBuffer();
}

/** An HTML page, as it would arrive renamed to photo.jpg. */
export const HTML_AS_JPG = Buffer.from('<!doctype html><html><body><script>window.__minhu_xss=1</script><h1>免费领取</h1></body></html>');
