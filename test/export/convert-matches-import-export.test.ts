/** The fixtures and one real dataset (test/export/convert-matches.ts); the other real datasets in the .slow.test.ts. */
import { CASES, describeConvertMatches } from "./convert-matches.js";

describeConvertMatches(CASES.filter((c) => !c.real || c.name === "labelme-masks-vocseg"));
