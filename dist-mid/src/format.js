export const NOT_DETECTED = { confidence: 0, evidence: [] };
//# sourceMappingURL=format.js.map