/**
 * Text files as editors and shells write them: UTF-8, with or without a byte order mark, or UTF-16 with one
 * (PowerShell's `>` and `Out-File` write UTF-16 LE with a BOM; Notepad offers both byte orders). Without a BOM,
 * UTF-8 is assumed.
 */
export function decodeText(bytes) {
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
        return new TextDecoder("utf-16le").decode(bytes.subarray(2));
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
        return new TextDecoder("utf-16be").decode(bytes.subarray(2));
    const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString("utf8");
}
//# sourceMappingURL=text-decode.js.map