/**
 * A small PNG reader for the render tests: enough for what pdftoppm writes (8-bit RGB or
 * RGBA, non-interlaced), using only Node's zlib, so reading pixels needs no new dependency.
 */
import { inflateSync } from 'zlib';

export interface IImage {
  width: number;
  height: number;
  /** Bytes per pixel (3 for RGB, 4 for RGBA). */
  channels: number;
  /** Unfiltered pixel rows, top to bottom. */
  data: Buffer;
}

export type Rgb = [number, number, number];

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a PNG file's bytes. Throws on anything other than 8-bit RGB/RGBA, non-interlaced. */
export function decodePng(file: Buffer): IImage {
  if (!file.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error('Not a PNG file.');
  }
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const bitDepth = body[8];
      const colourType = body[9];
      const interlace = body[12];
      if (bitDepth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) {
        throw new Error(`Unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}.`);
      }
      channels = colourType === 2 ? 3 : 4;
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    const prev = (y - 1) * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? data[out + x - channels] : 0;
      const up = y > 0 ? data[prev + x] : 0;
      const upLeft = y > 0 && x >= channels ? data[prev + x - channels] : 0;
      let value: number;
      switch (filter) {
        case 0:
          value = line[x];
          break;
        case 1:
          value = line[x] + left;
          break;
        case 2:
          value = line[x] + up;
          break;
        case 3:
          value = line[x] + Math.floor((left + up) / 2);
          break;
        case 4:
          value = line[x] + paeth(left, up, upLeft);
          break;
        default:
          throw new Error(`Unknown PNG filter ${filter} on row ${y}.`);
      }
      data[out + x] = value & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** The RGB of one pixel. */
export function pixel(image: IImage, x: number, y: number): Rgb {
  const i = (y * image.width + x) * image.channels;
  return [image.data[i], image.data[i + 1], image.data[i + 2]];
}

/** An RGB triple from hex without '#'. */
export function rgbOf(hex: string): Rgb {
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}

/** True when two colours are within the tolerance on every channel. */
export function near(a: Rgb, b: Rgb, tolerance = 3): boolean {
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance && Math.abs(a[2] - b[2]) <= tolerance;
}

/** A horizontal run of pixels of one named colour. */
export interface ISegment {
  name: string;
  x0: number;
  x1: number;
}

/**
 * The runs of the given colours along one pixel row, left to right; runs shorter than
 * `minLength` (anti-aliased text edges) are ignored. Text or a border inside a fill splits
 * it: scan a pixel row clear of text to see one run per shaded cell.
 */
export function colourSegments(image: IImage, y: number, colours: { [name: string]: Rgb }, minLength = 4): ISegment[] {
  const segments: ISegment[] = [];
  let current: ISegment | undefined;
  for (let x = 0; x < image.width; x++) {
    const p = pixel(image, x, y);
    const name = Object.keys(colours).filter((n) => near(p, colours[n]))[0];
    if (current && current.name === name) {
      current.x1 = x;
      continue;
    }
    if (current && current.x1 - current.x0 + 1 >= minLength) {
      segments.push(current);
    }
    current = name ? { name, x0: x, x1: x } : undefined;
  }
  if (current && current.x1 - current.x0 + 1 >= minLength) {
    segments.push(current);
  }
  return segments;
}

/** How many pixels of the image are within the tolerance of a colour. */
export function countPixels(image: IImage, colour: Rgb, tolerance = 3): number {
  let n = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (near(pixel(image, x, y), colour, tolerance)) {
        n++;
      }
    }
  }
  return n;
}
