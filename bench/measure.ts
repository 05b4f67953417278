// Runs one build as a child process and measures it: wall and CPU time, peak RSS of its Node processes, output files and bytes.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface BuildCommand {
  /** Project folder the build runs in (holds node_modules/.bin/tsx). */
  cwd: string;
  /** Arguments to tsx, e.g. `["src/cli/build.ts", "--output", dir]`. */
  args: string[];
  /** Where the build writes the site: a fresh folder for each build. */
  outputDir: string;
  /** Site URLs every build must have written, e.g. `/fr/<slug>/`. */
  expectedUrls: string[];
}

export interface BuildMeasurement {
  wallMs: number;
  /** User + system CPU time of the build's Node processes, all their threads included. */
  cpuMs: number;
  /**
   * Share of the machine's CPU capacity that other processes used during the build (0 to 1): on a
   * shared machine, a high value means the wall time was disturbed; CPU time much less so.
   */
  otherCpuShare: number;
  /** Largest maximum resident set size among the Node processes of the build (the tsx launcher and the build itself). */
  peakRssBytes: number;
  files: number;
  bytes: number;
  /** How many of the expected URLs have a page in the output. */
  postPages: number;
  outputDir: string;
}

/** What each Node process of a build reports at exit: its getrusage figures. */
interface ProcessUsage {
  /** Kilobytes. */
  maxRSS: number;
  /** Microseconds. */
  userCPUTime: number;
  systemCPUTime: number;
}

/**
 * Loaded into every Node process of the build through NODE_OPTIONS: at exit, appends the process's
 * resource usage (getrusage: all its threads) as one JSON line to the file named by TRACT_BENCH_USAGE_FILE.
 */
const USAGE_PROBE = `import{appendFileSync}from"node:fs";process.on("exit",()=>{const f=process.env.TRACT_BENCH_USAGE_FILE;const u=process.resourceUsage();if(f)appendFileSync(f,JSON.stringify({maxRSS:u.maxRSS,userCPUTime:u.userCPUTime,systemCPUTime:u.systemCPUTime})+"\\n")});`;
const USAGE_PROBE_OPTION = `--import=data:text/javascript,${encodeURIComponent(USAGE_PROBE)}`;

function run(command: BuildCommand, usageFile: string): Promise<void> {
  const tsx = path.join(command.cwd, "node_modules", ".bin", "tsx");
  const env = {
    ...process.env,
    NO_COLOR: "1",
    ELEVENTY_RUN_MODE: "build",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, USAGE_PROBE_OPTION].filter(Boolean).join(" "),
    TRACT_BENCH_USAGE_FILE: usageFile,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, command.args, { cwd: command.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`tsx ${command.args.join(" ")} (in ${command.cwd}) failed with ${signal ?? `exit code ${code}`}:\n${Buffer.concat(output).toString().slice(-4000)}`));
    });
  });
}

/** CPU time spent by the whole machine so far, all cores, in milliseconds. */
function machineBusyMs(): number {
  return os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

async function processUsage(usageFile: string): Promise<{ cpuMs: number; peakRssBytes: number }> {
  const usages = (await readFile(usageFile, "utf8")).split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line) as ProcessUsage);
  if (usages.length === 0) throw new Error(`no resource usage was reported in ${usageFile}`);
  return {
    cpuMs: usages.reduce((sum, usage) => sum + usage.userCPUTime + usage.systemCPUTime, 0) / 1000,
    peakRssBytes: Math.max(...usages.map((usage) => usage.maxRSS)) * 1024,
  };
}

export async function outputSize(dir: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return { files: files.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

export async function measureBuild(command: BuildCommand): Promise<BuildMeasurement> {
  if (existsSync(command.outputDir)) throw new Error(`${command.outputDir} exists: each build needs a fresh output folder`);
  const usageFile = `${command.outputDir}.usage`;
  // Earlier writes and deletions are flushed to disk now, so that this build does not pay for them.
  spawnSync("sync");
  const busyBefore = machineBusyMs();
  const started = performance.now();
  await run(command, usageFile);
  const wallMs = performance.now() - started;
  const busyMs = machineBusyMs() - busyBefore;
  const postPages = command.expectedUrls.filter((url) => existsSync(path.join(command.outputDir, url, "index.html"))).length;
  if (postPages !== command.expectedUrls.length) {
    throw new Error(`the build in ${command.cwd} wrote ${postPages} of the ${command.expectedUrls.length} post pages expected in ${command.outputDir}`);
  }
  const usage = await processUsage(usageFile);
  const otherCpuShare = Math.min(1, Math.max(0, (busyMs - usage.cpuMs) / (wallMs * os.availableParallelism())));
  return { wallMs, ...usage, otherCpuShare, ...(await outputSize(command.outputDir)), postPages, outputDir: command.outputDir };
}
