export declare const superviselyImportOptions: readonly [];
/** Options of the Supervisely writer, used by `import` (its target) and by `export -f supervisely`. */
export declare const superviselyWriteOptions: readonly [{
    readonly flags: "--images <mode>";
    readonly description: "how images get into img/: copy (the default; copy-on-write where the file system can), hardlink, symlink or none";
    readonly choices: readonly ["hardlink", "copy", "symlink", "none"];
}];
