// `npm run bench -- --search`: what the search index costs, as tract with its search feature against the same project without it.
import { appendFile, cp, readFile, readdir, readlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BuildMeasurement, measureBuild } from "./measure.ts";
import type { Workspace } from "./workspace.ts";

export type SearchContender = "search" | "without";

/** The three moments of a collective's builds: the first one, a rebuild of unchanged posts, a rebuild after an edit. */
export type SearchPhase = "first" | "unchanged" | "edited";

export interface SearchPair {
  phase: SearchPhase;
  order: [SearchContender, SearchContender];
  search: BuildMeasurement & { indexerPeakRssBytes: number; indexBytes: number };
  without: BuildMeasurement;
  /** The build with search's wall time divided by the one without, in this pair. */
  ratio: number;
}

const WITHOUT_SEARCH = "tract-without-search";

/** A copy of the workspace's project with the search feature's line taken out of eleventy.config.ts, and its menu entry. */
export async function copyWithoutSearch(workspace: Workspace): Promise<string> {
  const root = path.join(workspace.dir, WITHOUT_SEARCH);
  await cp(workspace.tractRoot, root, { recursive: true, verbatimSymlinks: true });
  const config = path.join(root, "eleventy.config.ts");
  const source = await readFile(config, "utf8");
  const edited = source.replace(/(export const features = \[[^\]]*?),\s*search\b/, "$1");
  if (edited === source) throw new Error(`${config}: found no "search" in the list of features to take out`);
  await writeFile(config, edited);
  // Its menu entry goes with it: a menu naming a section no feature declares stops the build.
  const navigation = path.join(root, "_data/navigation.yaml");
  await writeFile(navigation, (await readFile(navigation, "utf8")).replace(/^ *- section: search\n/m, ""));
  return root;
}

/** The newest process id of the machine, from /proc/loadavg: when it has not moved, no process was started. */
async function newestPid(): Promise<number> {
  return Number((await readFile("/proc/loadavg", "utf8")).trim().split(" ").at(-1));
}

/** The ids of the processes running now. */
async function runningPids(): Promise<number[]> {
  return (await readdir("/proc").catch(() => [])).filter((name) => /^\d+$/.test(name)).map(Number);
}

/**
 * The largest peak memory (VmHWM) of the Pagefind processes working in `cwd`, until `done` settles. Polled every
 * 10 ms, cheaply: only the processes started since the last poll are looked at (an index of a few pages lives a few
 * tens of milliseconds), each until it runs Pagefind or for 200 ms (a new process bears its parent's name until it
 * starts its program), then only the Pagefind processes found.
 */
async function indexerPeak(cwd: string, done: Promise<unknown>): Promise<number> {
  let peak = 0;
  let running = true;
  void done.finally(() => (running = false));
  let newest = await newestPid();
  const young = new Map<number, number>();
  const indexers = new Set<number>();
  const read = (pid: number, file: string) => readFile(`/proc/${pid}/${file}`, "utf8").catch(() => "");
  while (running) {
    const latest = await newestPid();
    if (latest !== newest) {
      // Process ids grow until they wrap around: then every running process is new to this poll.
      const started = latest > newest ? (await runningPids()).filter((pid) => pid > newest) : await runningPids();
      for (const pid of started) young.set(pid, performance.now());
      newest = latest;
    }
    for (const [pid, seen] of young) {
      if ((await read(pid, "comm")).startsWith("pagefind")) {
        if ((await readlink(`/proc/${pid}/cwd`).catch(() => "")) === cwd) indexers.add(pid);
        young.delete(pid);
      } else if (performance.now() - seen > 200) young.delete(pid);
    }
    for (const pid of indexers) {
      const status = await read(pid, "status");
      if (!status) indexers.delete(pid);
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return peak;
}

async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile());
  const sizes = await Promise.all(
    files.map(async (entry) => (await readFile(path.join(entry.parentPath, entry.name))).length),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

function measure(workspace: Workspace, root: string, name: string) {
  const outputDir = path.join(workspace.outputRoot, name);
  const expectedUrls = workspace.corpus.posts.map((post) => post.url);
  return measureBuild({ cwd: root, args: ["src/cli/build.ts", "--output", outputDir], outputDir, expectedUrls });
}

/**
 * One warm-up pair (both first builds, with empty caches), then `runs` pairs of unchanged rebuilds, then `runs` pairs
 * after one French post was edited in both copies (the index is then made again), each pair in alternating order.
 */
export async function runSearchPairs(
  workspace: Workspace,
  runs: number,
  log: (line: string) => void,
): Promise<SearchPair[]> {
  const without = await copyWithoutSearch(workspace);
  const edited = workspace.corpus.posts[Math.floor(workspace.corpus.french / 2)]!;
  const phases: SearchPhase[] = [
    "first",
    ...Array<SearchPhase>(runs).fill("unchanged"),
    ...Array<SearchPhase>(runs).fill("edited"),
  ];
  const pairs: SearchPair[] = [];
  for (const [index, phase] of phases.entries()) {
    if (phase === "edited")
      for (const root of [workspace.tractRoot, without])
        await appendFile(path.join(root, edited.file), `\nmodifié${index}\n`);
    const searchFirst = index % 2 === 0;
    const results: Partial<Record<SearchContender, BuildMeasurement>> = {};
    let indexerPeakRssBytes = 0;
    for (const contender of (searchFirst ? ["search", "without"] : ["without", "search"]) as SearchContender[]) {
      const build = measure(workspace, contender === "search" ? workspace.tractRoot : without, `${contender}-${index}`);
      if (contender === "search")
        indexerPeakRssBytes = (await Promise.all([build, indexerPeak(workspace.tractRoot, build)]))[1];
      results[contender] = await build;
    }
    const search = results.search!;
    const pair: SearchPair = {
      phase,
      order: searchFirst ? ["search", "without"] : ["without", "search"],
      search: {
        ...search,
        indexerPeakRssBytes,
        indexBytes: await folderBytes(path.join(search.outputDir, "pagefind")),
      },
      without: results.without!,
      ratio: search.wallMs / results.without!.wallMs,
    };
    log(
      `${phase} build: with search ${(search.wallMs / 1000).toFixed(2)} s (CPU ${((search.cpuMs + search.helperCpuMs) / 1000).toFixed(2)} s), ` +
        `without ${(pair.without.wallMs / 1000).toFixed(2)} s, +${((pair.ratio - 1) * 100).toFixed(0)} %`,
    );
    pairs.push(pair);
  }
  return pairs;
}
