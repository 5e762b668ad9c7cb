/** The real datasets imported as N = 1, 2 and 7 shards (shard.test.ts has N = 3): test/shard/import-shards.ts. */
import { SHARD_CASES, describeImportShards } from "./import-shards.js";

describeImportShards(SHARD_CASES.filter((c) => c.real).map((c) => ({ ...c, counts: [1, 2, 7] })));
