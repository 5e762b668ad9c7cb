export const superviselyImportOptions = [];
/** Options of the Supervisely writer, used by `import` (its target) and by `export -f supervisely`. */
export const superviselyWriteOptions = [
    {
        flags: "--images <mode>",
        description: "how images get into img/: copy (the default; copy-on-write where the file system can), hardlink, symlink or none",
        choices: ["hardlink", "copy", "symlink", "none"],
    },
];
//# sourceMappingURL=options.js.map