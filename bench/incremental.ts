// `--incremental`: the project's dev server on the corpus; how long after a post is edited its served page shows the edit.
import { type ChildProcess, spawn } from "node:child_process";
import { appendFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type Usage,
  machineBusyMs,
  otherCpuShare,
  readUsage,
  requestUsage,
  usageProbeEnvironment,
} from "./usage-probe.ts";
import type { Workspace } from "./workspace.ts";

const POLL_MS = 20;
/** Pause before each edit, so that the watcher is idle and the previous rebuild's last files are written. */
const SETTLE_MS = 1000;
const FIRST_BUILD_TIMEOUT_MS = 20 * 60 * 1000;
const EDIT_TIMEOUT_MS = 5 * 60 * 1000;
const KEPT_OUTPUT_LINES = 40;
/** Time given to the server's idle processes to answer a usage request. */
const USAGE_REPORT_MS = 250;

export interface IncrementalEdit {
  /** From the write of the edited file to the first HTTP response of its page holding the new word. */
  visibleMs: number;
  /** From the write to Eleventy's "Wrote N files" line for that rebuild. */
  rebuiltMs: number;
  /** CPU time of the dev server's processes from the write to the end of the rebuild (serving the polls included). */
  rebuildCpuMs: number;
  /** Share of the machine's CPU capacity other processes used meanwhile (0 to 1). */
  otherCpuShare: number;
}

export interface IncrementalMeasurement {
  /** From the start of the dev server to the end of its first build. */
  firstBuildMs: number;
  /** CPU time of the dev server's processes until then, start-up included. */
  firstBuildCpuMs: number;
  editedUrl: string;
  edits: IncrementalEdit[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** `eleventy --serve` in its own process group, its output watched for finished builds and the server's address. */
class DevServer {
  /** When each "Wrote N files" line arrived (performance.now()). */
  readonly builds: number[] = [];
  /** The address the server announces once it listens (after the first build, with the watcher ready). */
  url: string | undefined;
  exited = false;
  private readonly recentLines: string[] = [];

  constructor(
    private readonly child: ChildProcess,
    private readonly usageFile: string,
  ) {
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on("line", (line) => this.read(line));
    }
    child.on("exit", () => (this.exited = true));
    child.on("error", (error) => {
      this.recentLines.push(`could not run the dev server: ${error.message}`);
      this.exited = true;
    });
  }

  static async start(root: string, outputDir: string): Promise<DevServer> {
    const port = await freePort();
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const args = [
      "./node_modules/.bin/eleventy",
      "--config=eleventy.config.ts",
      "--serve",
      `--output=${outputDir}`,
      `--port=${port}`,
    ];
    const usageFile = `${outputDir}.usage`;
    const env = { ...process.env, NO_COLOR: "1", ...usageProbeEnvironment(usageFile) };
    const child = spawn(tsx, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    return new DevServer(child, usageFile);
  }

  /** CPU time and peak RSS of the server's processes so far; call it while the server is idle. */
  async usage(): Promise<Usage> {
    if (this.child.pid === undefined || this.exited)
      throw new Error(`the dev server has stopped:\n${this.recentLines.join("\n")}`);
    requestUsage(this.child.pid);
    await sleep(USAGE_REPORT_MS);
    return readUsage(this.usageFile);
  }

  private read(rawLine: string): void {
    // eslint-disable-next-line no-control-regex -- the terminal colour codes Eleventy prints are matched on purpose
    const line = rawLine.replace(/\x1b\[[0-9;]*m/g, "");
    this.recentLines.push(line);
    if (this.recentLines.length > KEPT_OUTPUT_LINES) this.recentLines.shift();
    if (/\bWrote \d+ files?\b/.test(line)) this.builds.push(performance.now());
    // Read from the output: the server moves to another port when the requested one is taken.
    const announced = /Server at (https?:\/\/\S+)/.exec(line)?.[1];
    if (announced) this.url = announced;
  }

  /** Polls `condition` every POLL_MS until it holds; fails on timeout or if the server has stopped. */
  async waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!(await condition())) {
      if (this.exited)
        throw new Error(`the dev server stopped while waiting for ${what}:\n${this.recentLines.join("\n")}`);
      if (performance.now() > deadline)
        throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}:\n${this.recentLines.join("\n")}`);
      await sleep(POLL_MS);
    }
  }

  /** Stops the whole process group (tsx and the Node process it started), forcefully if it does not exit in 5 s. */
  async stop(): Promise<void> {
    const group = this.child.pid;
    if (this.exited || group === undefined) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-group, signal);
      } catch {
        // The group is already gone.
      }
    };
    signalGroup("SIGTERM");
    const deadline = performance.now() + 5000;
    while (!this.exited && performance.now() < deadline) await sleep(50);
    signalGroup("SIGKILL");
  }
}

async function pageText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

export async function measureIncremental(
  workspace: Workspace,
  edits: number,
  log: (line: string) => void,
): Promise<IncrementalMeasurement> {
  const { corpus } = workspace;
  const post = corpus.posts[Math.floor(corpus.french / 2)];
  if (!post) throw new Error("the corpus has no post to edit");
  const started = performance.now();
  const server = await DevServer.start(workspace.tractRoot, path.join(workspace.outputRoot, "dev"));
  // The server runs in its own process group, out of reach of Ctrl-C: stop it, and let the waits below fail.
  const stopOnInterrupt = () => void server.stop();
  process.once("SIGINT", stopOnInterrupt);
  try {
    await server.waitFor(
      () => server.builds.length > 0 && server.url !== undefined,
      FIRST_BUILD_TIMEOUT_MS,
      "the first build",
    );
    const firstBuildMs = (server.builds[0] ?? Number.NaN) - started;
    const firstBuildCpuMs = (await server.usage()).cpuMs;
    log(
      `dev server's first build: ${(firstBuildMs / 1000).toFixed(2)} s (CPU ${(firstBuildCpuMs / 1000).toFixed(2)} s)`,
    );
    const pageUrl = new URL(post.url, server.url).href;
    await server.waitFor(
      async () => (await pageText(pageUrl)) !== undefined,
      EDIT_TIMEOUT_MS,
      `${pageUrl} to be served`,
    );
    const measured: IncrementalEdit[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      await sleep(SETTLE_MS);
      const word = `benchprobe${edit}x${Date.now().toString(36)}`;
      const buildsBefore = server.builds.length;
      const cpuBefore = (await server.usage()).cpuMs;
      const busyBefore = machineBusyMs();
      const editedAt = performance.now();
      await appendFile(path.join(workspace.tractRoot, post.file), `\n${word}\n`);
      await server.waitFor(
        async () => (await pageText(pageUrl))?.includes(word) ?? false,
        EDIT_TIMEOUT_MS,
        `${pageUrl} to show ${word}`,
      );
      const visibleMs = performance.now() - editedAt;
      await server.waitFor(() => server.builds.length > buildsBefore, EDIT_TIMEOUT_MS, "the rebuild to finish");
      const rebuiltMs = (server.builds[buildsBefore] ?? Number.NaN) - editedAt;
      const elapsedMs = performance.now() - editedAt;
      const busyMs = machineBusyMs() - busyBefore;
      const rebuildCpuMs = (await server.usage()).cpuMs - cpuBefore;
      log(
        `edit ${edit}/${edits}: page updated after ${(visibleMs / 1000).toFixed(2)} s, rebuild done after ${(rebuiltMs / 1000).toFixed(2)} s (CPU ${(rebuildCpuMs / 1000).toFixed(2)} s)`,
      );
      measured.push({
        visibleMs,
        rebuiltMs,
        rebuildCpuMs,
        otherCpuShare: otherCpuShare(busyMs, rebuildCpuMs, elapsedMs),
      });
    }
    return { firstBuildMs, firstBuildCpuMs, editedUrl: post.url, edits: measured };
  } finally {
    process.off("SIGINT", stopOnInterrupt);
    await server.stop();
  }
}
