/**
 * Builds archives byte by byte, so tests can hold names and headers no well-behaved tool would write
 * (archiver and node-tar's packer sanitise names; these do not).
 */
import zlib from "node:zlib";
import { Header, Pax, type HeaderData } from "tar";

export interface ZipSpec {
  /** Raw name bytes, or a string written as UTF-8 (with the UTF-8 flag unless `utf8: false`). */
  name: string | Buffer;
  data?: string | Buffer;
  /** Unix mode in the upper half of the external attributes (0o120777 makes a symlink). */
  unixMode?: number;
  /** 8 = deflate (default), 0 = stored, anything else is written as is. */
  method?: number;
  /** Overrides the uncompressed size in both headers (zip-bomb declarations). */
  declaredSize?: number;
  /** Overrides the CRC-32 in both headers. */
  crc?: number;
  utf8?: boolean;
  encrypted?: boolean;
}

/** A complete .zip file: local headers + data, central directory, end record. */
export function craftZip(specs: ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const name = typeof spec.name === "string" ? Buffer.from(spec.name, "utf8") : spec.name;
    const content = Buffer.from(spec.data ?? "");
    const method = spec.method ?? 8;
    const packed = method === 8 ? zlib.deflateRawSync(content) : content;
    // Traditional encryption puts a 12-byte header before the data (readers check the sizes account for it).
    const stored = spec.encrypted ? Buffer.concat([Buffer.alloc(12), packed]) : packed;
    const crc = spec.crc ?? zlib.crc32(content);
    const size = spec.declaredSize ?? content.length;
    const flags = (spec.encrypted ? 0x1 : 0) | (typeof spec.name === "string" && spec.utf8 !== false ? 0x800 : 0);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((spec.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + stored.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export interface TarSpec extends HeaderData {
  path: string;
  data?: string | Buffer;
  /** Sent as a PAX extended header before the entry (the only way to get, e.g., a NUL into a tar name). */
  paxPath?: string;
}

function padded(data: Buffer): Buffer {
  const rest = data.length % 512;
  return rest ? Buffer.concat([data, Buffer.alloc(512 - rest)]) : data;
}

/** A complete .tar file (gzipped with `gzip: true`). */
export function craftTar(specs: TarSpec[], opts: { gzip?: boolean } = {}): Buffer {
  const blocks: Buffer[] = [];
  for (const { data, paxPath, ...header } of specs) {
    const content = Buffer.from(data ?? "");
    if (paxPath !== undefined) blocks.push(new Pax({ path: paxPath }).encode());
    const h = new Header({ mode: 0o644, mtime: new Date(0), uid: 0, gid: 0, type: "File", ...header, size: content.length });
    h.encode();
    blocks.push(h.block!, padded(content));
  }
  blocks.push(Buffer.alloc(1024));
  const tar = Buffer.concat(blocks);
  return opts.gzip ? zlib.gzipSync(tar) : tar;
}
