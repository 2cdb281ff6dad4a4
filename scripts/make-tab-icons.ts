/**
 * Draws the tab bar icons (81x81 PNG, normal and selected) into src/assets/tabbar/.
 * WeChat's native tab bar only takes local PNG/JPG files, so the glyphs are drawn here from
 * simple strokes instead of being exported by hand from a design tool.
 *
 *   npx tsx scripts/make-tab-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const STROKE = 5.5;
/** Sub-samples per axis; 4x4 gives smooth edges without an image library. */
const SAMPLES = 4;

const NORMAL_COLOR: Rgb = [0x7a, 0x7e, 0x83];
const SELECTED_COLOR: Rgb = [0xc8, 0x16, 0x1d];

type Rgb = [number, number, number];
type Point = [number, number];
/** Whether a point (in icon units, 0..81) is covered by the shape. */
type Shape = (x: number, y: number) => boolean;

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function polyline(points: Point[], width = STROKE): Shape {
  return (x, y) =>
    points.slice(1).some((point, index) => distanceToSegment(x, y, points[index], point) <= width / 2);
}

function ring(cx: number, cy: number, radius: number, keep: (x: number, y: number) => boolean = () => true): Shape {
  return (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - radius) <= STROKE / 2 && keep(x, y);
}

function roundedBox(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  return (x, y) => {
    const qx = Math.max(left + radius - x, 0, x - (right - radius));
    const qy = Math.max(top + radius - y, 0, y - (bottom - radius));
    return Math.hypot(qx, qy) <= radius;
  };
}

function outlinedBox(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  const half = STROKE / 2;
  const outer = roundedBox(left - half, top - half, right + half, bottom + half, radius + half);
  const inner = roundedBox(left + half, top + half, right - half, bottom - half, Math.max(radius - half, 0));
  return (x, y) => outer(x, y) && !inner(x, y);
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

function without(shape: Shape, hole: Shape): Shape {
  return (x, y) => shape(x, y) && !hole(x, y);
}

/** 微课堂: an open book with lines of text. */
const book = union(
  polyline([[40.5, 24], [30, 19], [12, 19], [12, 61], [30, 61], [40.5, 66], [51, 61], [69, 61], [69, 19], [51, 19], [40.5, 24]]),
  polyline([[40.5, 24], [40.5, 64]]),
  polyline([[20, 31], [32, 31]], 4),
  polyline([[20, 41], [32, 41]], 4),
  polyline([[49, 31], [61, 31]], 4),
  polyline([[49, 41], [61, 41]], 4),
);

/** 点单: a clipboard with a list. */
const clipboard = union(
  without(outlinedBox(17, 15, 64, 70, 7), roundedBox(27, 8, 54, 24, 4)),
  roundedBox(29, 10, 52, 22, 4),
  polyline([[27, 36], [30, 36]], 5),
  polyline([[37, 36], [54, 36]], 4.5),
  polyline([[27, 47], [30, 47]], 5),
  polyline([[37, 47], [54, 47]], 4.5),
  polyline([[27, 58], [30, 58]], 5),
  polyline([[37, 58], [48, 58]], 4.5),
);

/** 签到: a scan frame with the scan line. */
const scan = union(
  polyline([[12, 27], [12, 12], [27, 12]]),
  polyline([[54, 12], [69, 12], [69, 27]]),
  polyline([[12, 54], [12, 69], [27, 69]]),
  polyline([[54, 69], [69, 69], [69, 54]]),
  polyline([[20, 40.5], [61, 40.5]]),
  roundedBox(26, 22, 37, 33, 2),
  roundedBox(44, 22, 55, 33, 2),
  roundedBox(26, 48, 37, 59, 2),
  roundedBox(44, 48, 55, 59, 2),
);

/** 我的: a person, head and shoulders. */
const person = union(
  ring(40.5, 27, 12),
  ring(40.5, 72, 26, (_x, y) => y <= 67),
  polyline([[15.5, 67], [65.5, 67]]),
);

function render(shape: Shape, [r, g, b]: Rgb): Buffer {
  const rowLength = 1 + SIZE * 4;
  const raw = Buffer.alloc(rowLength * SIZE);
  for (let py = 0; py < SIZE; py += 1) {
    raw[py * rowLength] = 0;
    for (let px = 0; px < SIZE; px += 1) {
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          if (shape(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) covered += 1;
        }
      }
      const offset = py * rowLength + 1 + px * 4;
      raw[offset] = r;
      raw[offset + 1] = g;
      raw[offset + 2] = b;
      raw[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** RGBA, 8 bits per channel, every scanline with filter type 0. */
function encodePng(raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ICONS: Record<string, Shape> = { study: book, order: clipboard, checkin: scan, mine: person };
const outputDir = join(__dirname, '..', 'src', 'assets', 'tabbar');

mkdirSync(outputDir, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [suffix, color] of [['', NORMAL_COLOR], ['-active', SELECTED_COLOR]] as const) {
    const file = join(outputDir, `${name}${suffix}.png`);
    writeFileSync(file, render(shape, color));
    console.log(`wrote ${file}`);
  }
}
