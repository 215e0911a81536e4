/**
 * `node scripts/make-icons.ts`: draws the extension's icon (two overlapping
 * rings, the two sides of a partnership, on a rounded teal square) into
 * extension/public/icon/<size>.png. The PNGs are committed, so a build never
 * runs this; it is here so the icon can be changed and redrawn without an
 * image editor. Pure Node: the pixels are computed, the PNG written with zlib.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { repoRoot } from "./local-d1.ts";

const sizes = [16, 32, 48, 128];
const teal = [15, 118, 110] as const;
const white = [255, 255, 255] as const;
/** Samples per pixel side: edges come out smooth without a drawing library. */
const oversample = 4;

/** Coverage of one point in the unit square: 0 outside, 1 inside the background, 2 on a ring. */
function shapeAt(x: number, y: number): 0 | 1 | 2 {
  const radius = 0.2;
  const inset = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0) ** 2 + Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0) ** 2;
  if (inset > radius * radius) return 0;
  for (const centreX of [0.38, 0.62]) {
    const distance = Math.hypot(x - centreX, y - 0.5);
    if (distance > 0.16 && distance < 0.245) return 2;
  }
  return 1;
}

function pixels(size: number): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    rows[row * (size * 4 + 1)] = 0; // PNG filter type "none" for each scanline
    for (let column = 0; column < size; column++) {
      let background = 0;
      let ring = 0;
      for (let sy = 0; sy < oversample; sy++) {
        for (let sx = 0; sx < oversample; sx++) {
          const shape = shapeAt((column + (sx + 0.5) / oversample) / size, (row + (sy + 0.5) / oversample) / size);
          if (shape === 1) background++;
          if (shape === 2) ring++;
        }
      }
      const covered = background + ring;
      const offset = row * (size * 4 + 1) + 1 + column * 4;
      for (let channel = 0; channel < 3; channel++) {
        rows[offset + channel] = covered === 0 ? 0 : Math.round((teal[channel]! * background + white[channel]! * ring) / covered);
      }
      rows[offset + 3] = Math.round((255 * covered) / oversample ** 2);
    }
  }
  return rows;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

function iconPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels(size), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const folder = join(repoRoot, "extension", "public", "icon");
mkdirSync(folder, { recursive: true });
for (const size of sizes) writeFileSync(join(folder, `${size}.png`), iconPng(size));
console.log(`Icons written to ${folder} (${sizes.join(", ")} px).`);
