// Draws the add-in's icons (16, 32, 64 and 80 px PNGs) with Node's zlib alone: a page of a
// report on a blue tile, with a heading line and three status rows shaded Green, Amber and Red.
// Run once when the design changes: node src/addin/assets/make-icons.mjs
import { writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';
import { deflateSync } from 'zlib';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 4;

const TILE = [0x1f, 0x4e, 0x79];
const PAGE = [0xff, 0xff, 0xff];
const INK = [0x1f, 0x4e, 0x79];
const GREEN = [0x00, 0xb0, 0x50];
const AMBER = [0xff, 0xc0, 0x00];
const RED = [0xc0, 0x00, 0x00];
const LINE = [0xa6, 0xa6, 0xa6];

/** Shapes in a 0..1 square, painted in order: [x0, y0, x1, y1, colour, corner radius]. */
const SHAPES = [
  [0.0, 0.0, 1.0, 1.0, TILE, 0.18],
  [0.2, 0.12, 0.8, 0.88, PAGE, 0.04],
  [0.28, 0.2, 0.72, 0.29, INK, 0],
  [0.28, 0.37, 0.44, 0.48, GREEN, 0],
  [0.48, 0.39, 0.72, 0.46, LINE, 0],
  [0.28, 0.54, 0.44, 0.65, AMBER, 0],
  [0.48, 0.56, 0.72, 0.63, LINE, 0],
  [0.28, 0.71, 0.44, 0.82, RED, 0],
  [0.48, 0.73, 0.72, 0.8, LINE, 0]
];

function inside(x, y, [x0, y0, x1, y1, , r]) {
  if (x < x0 || x > x1 || y < y0 || y > y1) {
    return false;
  }
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r + 1e-12;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = size * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px * SUPERSAMPLE + sx + 0.5) / n;
          const y = (py * SUPERSAMPLE + sy + 0.5) / n;
          let colour;
          for (const shape of SHAPES) {
            if (inside(x, y, shape)) {
              colour = shape[4];
            }
          }
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 255;
          }
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const covered = a / 255;
      const i = (py * size + px) * 4;
      rgba[i] = covered ? Math.round(r / covered) : 0;
      rgba[i + 1] = covered ? Math.round(g / covered) : 0;
      rgba[i + 2] = covered ? Math.round(b / covered) : 0;
      rgba[i + 3] = Math.round(a / samples);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) {
    c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // no filter
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

for (const size of SIZES) {
  const file = join(here, `icon-${size}.png`);
  writeFileSync(file, png(size, render(size)));
  console.log(`wrote ${file}`);
}
