// Runs one build as a child process and measures it: wall and CPU time, peak RSS of its Node processes, output files and bytes.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import {
  machineBusyMs,
  machineStolenMs,
  otherCpuShare,
  readUsage,
  stolenCpuShare,
  usageProbeEnvironment,
} from "./usage-probe.ts";

export interface BuildCommand {
  /** Project folder the build runs in (holds node_modules with tsx). */
  cwd: string;
  /** The script and its arguments, run by `node --import tsx` as `npm run build` runs: `["src/cli/build.ts", "--output", dir]`. */
  args: string[];
  /** Where the build writes the site: a fresh folder for each build. */
  outputDir: string;
  /** Site URLs every build must have written, e.g. `/fr/<slug>/`. */
  expectedUrls: string[];
  /** The output holds the last build's release, which this build updates (tract only). */
  keepsOutput?: boolean;
}

export interface BuildMeasurement {
  wallMs: number;
  /** User + system CPU time of the build's Node processes, all their threads included. */
  cpuMs: number;
  /** CPU time of the helper programs those processes ran and waited for (Pagefind's indexer), besides `cpuMs`. */
  helperCpuMs: number;
  /** Share of the machine's CPU capacity other processes used during the build (0 to 1). */
  otherCpuShare: number;
  /** Share of the machine's CPU capacity the host of this virtual machine took during the build (0 to 1). */
  stolenCpuShare: number;
  /** Largest maximum resident set size among the Node processes of the build. */
  peakRssBytes: number;
  files: number;
  bytes: number;
  /** How many of the expected URLs have a page in the output. */
  postPages: number;
  outputDir: string;
}

function run(command: BuildCommand, usageFile: string): Promise<void> {
  const env = {
    ...process.env,
    NO_COLOR: "1",
    ELEVENTY_RUN_MODE: "build",
    ...usageProbeEnvironment(usageFile),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...command.args], {
      cwd: command.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `node --import tsx ${command.args.join(" ")} (in ${command.cwd}) failed with ${signal ?? `exit code ${code}`}:\n${Buffer.concat(output).toString().slice(-4000)}`,
          ),
        );
    });
  });
}

async function outputSize(dir: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return { files: files.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

export async function measureBuild(command: BuildCommand): Promise<BuildMeasurement> {
  if (existsSync(command.outputDir) && !command.keepsOutput)
    throw new Error(`${command.outputDir} exists: each build needs a fresh output folder`);
  const usageFile = `${command.outputDir}.usage`;
  // A build into the last build's output has the same usage file: its figures are its own, not added to the last's.
  await rm(usageFile, { force: true });
  // Earlier writes and deletions are flushed to disk now, so that this build does not pay for them.
  spawnSync("sync");
  const busyBefore = machineBusyMs();
  const stolenBefore = machineStolenMs();
  const started = performance.now();
  await run(command, usageFile);
  const wallMs = performance.now() - started;
  const busyMs = machineBusyMs() - busyBefore;
  const stolenMs = machineStolenMs() - stolenBefore;
  const postPages = command.expectedUrls.filter((url) =>
    existsSync(path.join(command.outputDir, url, "index.html")),
  ).length;
  if (postPages !== command.expectedUrls.length) {
    throw new Error(
      `the build in ${command.cwd} wrote ${postPages} of the ${command.expectedUrls.length} post pages expected in ${command.outputDir}`,
    );
  }
  const usage = await readUsage(usageFile);
  return {
    wallMs,
    ...usage,
    otherCpuShare: otherCpuShare(busyMs, usage.cpuMs, wallMs),
    stolenCpuShare: stolenCpuShare(stolenMs, wallMs),
    ...(await outputSize(command.outputDir)),
    postPages,
    outputDir: command.outputDir,
  };
}
