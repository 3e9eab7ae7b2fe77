import { readFileSync } from 'node:fs';

/**
 * The most resident memory this process has used, in MB, all its threads together. On Linux
 * it is read from /proc/self/status (VmHWM): `process.resourceUsage().maxRSS` there also
 * counts the peak of the process that started this one (a child started with vfork, as Node
 * starts one, takes its parent's peak with it through exec), so a small render started from
 * a test runner holding 470 MB reported 470 MB. Elsewhere, maxRSS.
 */
export function peakMemoryMb(): number {
  try {
    const kb = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS / 1024;
}
