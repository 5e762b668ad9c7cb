/**
 * This process's peak RSS in KB: VmHWM where /proc has it. getrusage's maxRSS is not this process's alone on Linux:
 * it starts from the RSS of the process this one was forked from (kept across exec), so a small job would show its
 * parent's memory.
 */
export declare function peakRssKB(): number;
