/**
 * src/codecs/run-deflate.ts against zlib's inflater: every stream it writes inflates to the bytes it was given, for
 * runs of every length (a match is 3..258 bytes, so lengths around those matter), byte values, alignments, the
 * Adler-32 sums of long runs (past 2^32 before reduction), very skewed symbol counts (Huffman codes longer than 15
 * bits must be limited), and, for deflateRanges, rows whose columns outside the given range are zeros unread.
 */
import { describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import fc from "fast-check";
import { deflateRanges, deflateRuns, huffmanLengths } from "../../src/codecs/run-deflate.js";

/** Whether `z` inflates to exactly `bytes` (compared as buffers: deep equality of megabytes is slow). */
const inflatesTo = (z: Uint8Array, bytes: Uint8Array) => inflateSync(z).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));

/** Bytes as runs: [value, length] pairs. */
const runs = fc.array(fc.tuple(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 255 })), fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 250, max: 270 }), fc.integer({ min: 1, max: 2000 }))), { maxLength: 40 })
  .map((rs) => {
    const out = new Uint8Array(rs.reduce((n, [, l]) => n + l, 0));
    let at = 0;
    for (const [v, l] of rs) out.fill(v, at, (at += l));
    return out;
  });

describe("run-deflate", () => {
  it("deflateRuns: any bytes made of runs, at any alignment", () => {
    fc.assert(fc.property(runs, fc.integer({ min: 0, max: 3 }), (bytes, shift) => {
      const buf = new Uint8Array(bytes.length + shift);
      buf.set(bytes, shift);
      expect(inflatesTo(deflateRuns(buf.subarray(shift)), bytes)).toBe(true);
    }), { numRuns: 300 });
  });

  it("edge cases: nothing, one byte, every length up to 600 of 0 and of 255, noise, a long run of one value", () => {
    expect(inflatesTo(deflateRuns(new Uint8Array(0)), new Uint8Array(0))).toBe(true);
    expect(inflatesTo(deflateRuns(Uint8Array.of(7)), Uint8Array.of(7))).toBe(true);
    for (let n = 1; n <= 600; n++) {
      for (const v of [0, 255]) {
        const run = new Uint8Array(n).fill(v);
        expect(inflatesTo(deflateRuns(run), run)).toBe(true);
      }
    }
    const noise = new Uint8Array(100_000).map((_, i) => (i * 2654435761) >>> 24);
    expect(inflatesTo(deflateRuns(noise), noise)).toBe(true);
    const long = new Uint8Array(3_000_000).fill(200);
    expect(inflatesTo(deflateRuns(long), long)).toBe(true);
  });

  it("Huffman code lengths stay within the limit for Fibonacci counts, and the code is complete", () => {
    const fib = [1, 1];
    while (fib.length < 30) fib.push(fib[fib.length - 1] + fib[fib.length - 2]);
    for (const max of [7, 15]) {
      const lengths = huffmanLengths(fib, max);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(max);
      // Kraft: a complete prefix code sums to exactly 1.
      expect(lengths.reduce((s, l) => s + 2 ** -l, 0)).toBe(1);
    }
    // Literals with such counts, through an inflater.
    const bytes: number[] = [];
    fib.slice(0, 24).forEach((count, i) => { for (let k = 0; k < count; k++) bytes.push(i * 3 + 1, 0); });
    const data = Uint8Array.from(bytes);
    expect(inflatesTo(deflateRuns(data), data)).toBe(true);
  });

  it("deflateRanges: rows read only within their columns; the rest are zeros", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 3 }), fc.integer(), (width, rows, shift, seed) => {
      const stride = width + 1;
      const buf = new Uint8Array(stride * rows + shift);
      const data = buf.subarray(shift);
      const from = new Int32Array(rows), to = new Int32Array(rows);
      let r = seed >>> 0;
      const next = () => ((r = (r * 1103515245 + 12345) >>> 0) / 2 ** 32);
      for (let y = 0; y < rows; y++) {
        if (next() < 0.3) { from[y] = width; to[y] = -1; continue; }
        const a = Math.floor(next() * width), b = a + Math.floor(next() * (width - a));
        [from[y], to[y]] = [a, b];
        for (let x = a; x <= b;) {
          const len = 1 + Math.floor(next() * 9), v = next() < 0.5 ? 0 : [1, 7, 128, 255][Math.floor(next() * 4)];
          data.fill(v, y * stride + 1 + x, y * stride + 1 + Math.min(b + 1, x + len));
          x += len;
        }
      }
      expect(inflatesTo(deflateRanges(data, stride, 1, rows, from, to), data)).toBe(true);
    }), { numRuns: 300 });
  });
});
