/** The formats table, from the adapters' declarations (the README's copy is checked against it). */
export declare function formatsTable(): string;
/** The table of library option keys in docs/library.md per format and direction, from the same declarations as the flags. */
export declare function optionKeysTable(): string;
