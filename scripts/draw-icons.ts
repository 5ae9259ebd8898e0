/**
 * Draws the Teams app icons (manifest/color.png 192×192, manifest/outline.png 32×32): an envelope
 * with a badge of people, for mailboxes that several people share. Run: npx tsx scripts/draw-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type Raster } from './png';

type Shape = (x: number, y: number) => boolean;
type Rgba = readonly [number, number, number, number];
interface Layer { readonly shape: Shape; readonly color: Rgba }

/** Also the manifest's accentColor. */
export const ACCENT = '#1E5AA8';
const accent: Rgba = [parseInt(ACCENT.slice(1, 3), 16), parseInt(ACCENT.slice(3, 5), 16), parseInt(ACCENT.slice(5, 7), 16), 255];
const navy: Rgba = [0x0c, 0x35, 0x6a, 255];
const sky: Rgba = [0xa9, 0xc8, 0xee, 255];
const white: Rgba = [255, 255, 255, 255];
const clear: Rgba = [0, 0, 0, 0];

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const box = (x0: number, y0: number, x1: number, y1: number, r = 0): Shape => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const stroke = (width: number, ...points: readonly (readonly [number, number])[]): Shape => (x, y) =>
  points.slice(1).some(([bx, by], i) => {
    const [ax, ay] = points[i]!;
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2;
  });
const both = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && b(x, y);
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);
const above = (limit: number): Shape => (_x, y) => y <= limit;

/** Head and shoulders standing on `baseline`, `size` tall. */
function person(cx: number, baseline: number, size: number): Shape {
  const head = circle(cx, baseline - size * 0.72, size * 0.2);
  const shoulders = both(circle(cx, baseline + size * 0.08, size * 0.42), above(baseline));
  return (x, y) => head(x, y) || shoulders(x, y);
}

const colorIcon: Layer[] = [
  { shape: box(0, 0, 192, 192), color: accent },
  { shape: box(26, 40, 128, 112, 9), color: white },
  { shape: stroke(7, [34, 48], [77, 82], [120, 48]), color: accent },
  { shape: circle(130, 122, 38), color: accent },
  { shape: circle(130, 122, 32), color: navy },
  { shape: both(person(116, 148, 42), circle(130, 122, 30)), color: sky },
  { shape: both(person(140, 156, 52), circle(130, 122, 32)), color: navy },
  { shape: both(person(140, 152, 46), circle(130, 122, 31)), color: white },
];

const outlineIcon: Layer[] = [
  { shape: minus(box(2, 6, 26, 24, 2.5), box(4, 8, 24, 22, 1)), color: white },
  { shape: stroke(2, [3.5, 8.5], [14, 16], [24.5, 8.5]), color: white },
  { shape: circle(24.5, 24, 8.5), color: clear },
  { shape: person(24.5, 31.5, 12), color: white },
];

/** Rasterises layers (later ones on top) with 8×8 supersampling for smooth edges. */
function draw(size: number, layers: readonly Layer[], samples = 8): Raster {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let s = 0; s < samples * samples; s++) {
        const x = px + ((s % samples) + 0.5) / samples;
        const y = py + (Math.floor(s / samples) + 0.5) / samples;
        const hit = layers.findLast((layer) => layer.shape(x, y));
        if (!hit) continue;
        const alpha = hit.color[3] / 255;
        for (let c = 0; c < 3; c++) sum[c]! += hit.color[c]! * alpha;
        sum[3]! += alpha;
      }
      const at = (py * size + px) * 4;
      const coverage = sum[3]!;
      for (let c = 0; c < 3; c++) rgba[at + c] = coverage ? Math.round(sum[c]! / coverage) : 0;
      rgba[at + 3] = Math.round((coverage / (samples * samples)) * 255);
    }
  }
  return { width: size, height: size, rgba };
}

export function drawIcons(): { color: Raster; outline: Raster } {
  return { color: draw(192, colorIcon), outline: draw(32, outlineIcon) };
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'manifest');
  const { color, outline } = drawIcons();
  writeFileSync(join(dir, 'color.png'), encodePng(color));
  writeFileSync(join(dir, 'outline.png'), encodePng(outline));
  console.log(`Icons written to ${dir}`);
}
