import { readFileSync } from "node:fs";
/**
 * This process's peak RSS in KB: VmHWM where /proc has it. getrusage's maxRSS is not this process's alone on Linux:
 * it starts from the RSS of the process this one was forked from (kept across exec), so a small job would show its
 * parent's memory.
 */
export function peakRssKB() {
    try {
        const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
        if (m)
            return Number(m[1]);
    }
    catch {
        // not Linux
    }
    return process.resourceUsage().maxRSS;
}
//# sourceMappingURL=peak-rss.js.map