export * from "./geometry.js";
export * from "./meta.js";
export * from "./annotation.js";
export * from "./project.js";
export * from "./meta-builder.js";
export * from "./colors.js";
