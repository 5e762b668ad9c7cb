/**
 * crc32 (src/codecs/png-encode.ts) uses zlib's CRC-32 where Node has it (20.15 and later) and its own tables
 * elsewhere: PNG chunks and ZIP entries are checked with it on any Node 20. The tables must give zlib's values,
 * chained from a previous CRC too.
 */
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, crc32ByTables } from "../../src/codecs/png-encode.js";

describe("crc32", () => {
  const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

  it("gives the CRC-32 of a known string (the check value of the CRC-32 standard)", () => {
    expect(crc32ByTables(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32ByTables(new Uint8Array(0))).toBe(0);
  });

  it.skipIf(!zlibCrc32)("by its tables equals zlib's on random bytes of every length up to 300, whole and chained", () => {
    let seed = 7;
    const byte = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let n = 0; n <= 300; n++) {
      const buf = Uint8Array.from({ length: n }, byte);
      expect(crc32ByTables(buf)).toBe(zlibCrc32!(buf));
      const cut = n >> 1;
      expect(crc32ByTables(buf.subarray(cut), crc32ByTables(buf.subarray(0, cut)))).toBe(zlibCrc32!(buf));
    }
  });
});
