// Runs one build as a child process and measures it: wall time, peak RSS of its Node processes, output files and bytes.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

export interface BuildCommand {
  /** Project folder the build runs in (holds node_modules/.bin/tsx). */
  cwd: string;
  /** Arguments to tsx, e.g. `["src/cli/build.ts", "--output", dir]`. */
  args: string[];
  /** Where the build writes the site; removed before the build. */
  outputDir: string;
  /** Site URLs every build must have written, e.g. `/fr/<slug>/`. */
  expectedUrls: string[];
}

export interface BuildMeasurement {
  wallMs: number;
  /** Largest maximum resident set size among the Node processes of the build (the tsx launcher and the build itself). */
  peakRssBytes: number;
  files: number;
  bytes: number;
  /** How many of the expected URLs have a page in the output. */
  postPages: number;
}

/**
 * Loaded into every Node process of the build through NODE_OPTIONS: at exit, appends the process's
 * maximum RSS (kilobytes, from getrusage) to the file named by TRACT_BENCH_RSS_FILE.
 */
const RSS_PROBE = `import{appendFileSync}from"node:fs";process.on("exit",()=>{const f=process.env.TRACT_BENCH_RSS_FILE;if(f)appendFileSync(f,process.resourceUsage().maxRSS+"\\n")});`;
const RSS_PROBE_OPTION = `--import=data:text/javascript,${encodeURIComponent(RSS_PROBE)}`;

function run(command: BuildCommand, rssFile: string): Promise<void> {
  const tsx = path.join(command.cwd, "node_modules", ".bin", "tsx");
  const env = {
    ...process.env,
    NO_COLOR: "1",
    ELEVENTY_RUN_MODE: "build",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, RSS_PROBE_OPTION].filter(Boolean).join(" "),
    TRACT_BENCH_RSS_FILE: rssFile,
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

async function peakRss(rssFile: string): Promise<number> {
  const kilobytes = (await readFile(rssFile, "utf8")).split("\n").filter((line) => line.trim()).map(Number);
  if (kilobytes.length === 0) throw new Error(`no memory figure was reported in ${rssFile}`);
  return Math.max(...kilobytes) * 1024;
}

export async function outputSize(dir: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return { files: files.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

export async function measureBuild(command: BuildCommand): Promise<BuildMeasurement> {
  await rm(command.outputDir, { recursive: true, force: true });
  const rssFile = `${command.outputDir}.rss`;
  await rm(rssFile, { force: true });
  const started = performance.now();
  await run(command, rssFile);
  const wallMs = performance.now() - started;
  const postPages = command.expectedUrls.filter((url) => existsSync(path.join(command.outputDir, url, "index.html"))).length;
  if (postPages !== command.expectedUrls.length) {
    throw new Error(`the build in ${command.cwd} wrote ${postPages} of the ${command.expectedUrls.length} post pages expected in ${command.outputDir}`);
  }
  return { wallMs, peakRssBytes: await peakRss(rssFile), ...(await outputSize(command.outputDir)), postPages };
}
