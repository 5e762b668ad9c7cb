/**
 * Text files as editors and shells write them: UTF-8, with or without a byte order mark, or UTF-16 with one
 * (PowerShell's `>` and `Out-File` write UTF-16 LE with a BOM; Notepad offers both byte orders). Without a BOM,
 * UTF-8 is assumed.
 */
export declare function decodeText(bytes: Uint8Array): string;
