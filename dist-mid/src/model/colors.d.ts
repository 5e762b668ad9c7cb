/** Deterministic, well-separated class colours: hues stepped by the golden angle. */
export declare function distinctColor(index: number): string;
export declare function hsvToRgb(h: number, s: number, v: number): [number, number, number];
export declare function rgbToHex([r, g, b]: readonly number[]): string;
export declare function isHexColor(s: unknown): s is string;
export declare function hexToRgb(hex: string): [number, number, number];
