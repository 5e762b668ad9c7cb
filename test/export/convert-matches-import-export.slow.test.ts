/** The real datasets convert-matches-import-export.test.ts leaves out (test/export/convert-matches.ts). */
import { CASES, describeConvertMatches } from "./convert-matches.js";

describeConvertMatches(CASES.filter((c) => c.real && c.name !== "labelme-masks-vocseg"));
