import { Command } from "commander";
export declare function buildProgram(setExit: (code: number) => void): Command;
/** Runs the CLI; user mistakes print one line (stack with --debug), exit 1 for data, 2 for usage. */
export declare function main(argv?: string[]): Promise<number>;
/**
 * One command line, without what main() sets for the whole process (V8 flags, signal handlers): the tests run the
 * CLI this way inside their own process (test/helpers/cli.ts).
 */
export declare function runCommandLine(argv: readonly string[]): Promise<number>;
