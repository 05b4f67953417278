// CPU time and peak memory of a child's Node processes (reported by a module they load through NODE_OPTIONS), and what else loads the machine.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";

/** One report of one process: its getrusage figures, all its threads included. */
interface ProcessUsage {
  pid: number;
  /** Kilobytes. */
  maxRSS: number;
  /** Microseconds. */
  userCPUTime: number;
  systemCPUTime: number;
  /** Microseconds: CPU time of the child processes it has waited for (Linux; 0 elsewhere), such as Pagefind's indexer. */
  childCPUTime?: number;
}

export interface Usage {
  /** User + system CPU time, summed over the processes. */
  cpuMs: number;
  /** The largest maximum resident set size among the processes. */
  peakRssBytes: number;
  /** CPU time of the helper programs they ran and waited for (not Node processes): Pagefind's indexer. */
  helperCpuMs: number;
}

const USAGE_FILE_VARIABLE = "TRACT_BENCH_USAGE_FILE";
/**
 * Appends `{pid, maxRSS, userCPUTime, systemCPUTime, childCPUTime}` as one JSON line to the usage file, at exit and
 * whenever SIGUSR2 arrives; the children's time is cutime + cstime of /proc/self/stat, in clock ticks of 10 ms.
 */
const PROBE = `import{appendFileSync,readFileSync}from"node:fs";const f=process.env.${USAGE_FILE_VARIABLE};const c=()=>{try{const s=readFileSync("/proc/self/stat","utf8");const v=s.slice(s.lastIndexOf(")")+2).split(" ");return(Number(v[13])+Number(v[14]))*1e4}catch{return 0}};const r=()=>{const u=process.resourceUsage();appendFileSync(f,JSON.stringify({pid:process.pid,maxRSS:u.maxRSS,userCPUTime:u.userCPUTime,systemCPUTime:u.systemCPUTime,childCPUTime:c()})+"\\n")};if(f){process.on("exit",r);process.on("SIGUSR2",r)}`;

/** Environment that makes every Node process started with it (tsx's launcher and the process it starts) report to `usageFile`. */
export function usageProbeEnvironment(usageFile: string): Record<string, string> {
  const probeOption = `--import=data:text/javascript,${encodeURIComponent(PROBE)}`;
  return {
    NODE_OPTIONS: [process.env.NODE_OPTIONS, probeOption].filter(Boolean).join(" "),
    [USAGE_FILE_VARIABLE]: usageFile,
  };
}

/** Asks every process of a group to report now (they do once their event loop is free). */
export function requestUsage(processGroup: number): void {
  process.kill(-processGroup, "SIGUSR2");
}

/** The latest report of each process in `usageFile`, added up. */
export async function readUsage(usageFile: string): Promise<Usage> {
  const reports = (await readFile(usageFile, "utf8").catch(() => ""))
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ProcessUsage);
  if (reports.length === 0) throw new Error(`no resource usage was reported in ${usageFile}`);
  const latest = new Map(reports.map((report) => [report.pid, report]));
  return {
    cpuMs: [...latest.values()].reduce((sum, report) => sum + report.userCPUTime + report.systemCPUTime, 0) / 1000,
    peakRssBytes: Math.max(...[...latest.values()].map((report) => report.maxRSS)) * 1024,
    helperCpuMs: [...latest.values()].reduce((sum, report) => sum + (report.childCPUTime ?? 0), 0) / 1000,
  };
}

/** CPU time spent by the whole machine so far, all cores, in milliseconds. */
export function machineBusyMs(): number {
  return os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

/**
 * Share of the machine's CPU capacity (0 to 1) used by other processes while ours used `ownCpuMs`:
 * on a shared machine, a high value means wall times were disturbed; CPU times much less so.
 */
export function otherCpuShare(machineBusyMsDuring: number, ownCpuMs: number, elapsedMs: number): number {
  return Math.min(1, Math.max(0, (machineBusyMsDuring - ownCpuMs) / (elapsedMs * os.availableParallelism())));
}

/** Linux counts /proc/stat's times in ticks of 1/100 s (USER_HZ) on every architecture it runs on. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time the host took from this virtual machine so far, all cores, in milliseconds: the `steal` column of
 * /proc/stat (0 on a machine that is not virtual, or not Linux). Other processes' share does not show it: on a busy
 * host a build is slowed with no other process running.
 */
export function machineStolenMs(): number {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/);
    return (Number(fields[8] ?? 0) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Share of the machine's CPU capacity (0 to 1) the host took while `elapsedMs` passed. */
export function stolenCpuShare(stolenMsDuring: number, elapsedMs: number): number {
  return Math.min(1, Math.max(0, stolenMsDuring / (elapsedMs * os.availableParallelism())));
}
