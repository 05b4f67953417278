// Benchmark results: medians, ratios and the machine they were measured on, written as JSON and as Markdown tables.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BuildPair, Contender, Scenario } from "./compare.ts";
import type { Corpus } from "./corpus.ts";
import type { IncrementalEdit, IncrementalMeasurement } from "./incremental.ts";
import type { SearchResults } from "./search-report.ts";

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
}

export type CorpusFigures = Omit<Corpus, "posts"> & { posts: number };

interface ResultsBase {
  date: string;
  machine: Machine;
  corpus: CorpusFigures;
  /** The scratch folder, when it was kept (--keep). */
  workspace?: string;
}

export interface ContenderSummary {
  medianWallMs: number;
  msPerPost: number;
  medianCpuMs: number;
  medianPeakRssBytes: number;
  maxPeakRssBytes: number;
  files: number;
  bytes: number;
  postPages: number;
}

export interface BuildResults extends ResultsBase {
  mode: "build";
  /** What tract's builds were (see compare.ts). */
  scenario: Scenario;
  runs: number;
  warmup: BuildPair;
  pairs: BuildPair[];
  summary: Record<Contender, ContenderSummary> & { medianRatio: number };
}

export interface IncrementalResults extends ResultsBase, IncrementalMeasurement {
  mode: "incremental";
  summary: { medianVisibleMs: number; medianRebuiltMs: number; medianRebuildCpuMs: number };
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error("no values");
  const sorted = [...values].sort((a, b) => a - b);
  const upper = Math.floor(sorted.length / 2);
  const lower = sorted.length % 2 === 1 ? upper : upper - 1;
  return ((sorted[lower] ?? Number.NaN) + (sorted[upper] ?? Number.NaN)) / 2;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

export function corpusFigures(corpus: Corpus): CorpusFigures {
  return { ...corpus, posts: corpus.posts.length };
}

function summarise(pairs: BuildPair[], contender: Contender, posts: number): ContenderSummary {
  const runs = pairs.map((pair) => pair[contender]);
  const last = runs.at(-1);
  if (!last) throw new Error("no measured pair");
  const medianWallMs = median(runs.map((run) => run.wallMs));
  return {
    medianWallMs,
    msPerPost: medianWallMs / posts,
    medianCpuMs: median(runs.map((run) => run.cpuMs)),
    medianPeakRssBytes: median(runs.map((run) => run.peakRssBytes)),
    maxPeakRssBytes: Math.max(...runs.map((run) => run.peakRssBytes)),
    files: last.files,
    bytes: last.bytes,
    postPages: last.postPages,
  };
}

export function buildSummary(pairs: BuildPair[], posts: number): BuildResults["summary"] {
  return {
    tract: summarise(pairs, "tract", posts),
    baseline: summarise(pairs, "baseline", posts),
    medianRatio: median(pairs.map((pair) => pair.ratio)),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const times = (ratio: number) => `×${ratio.toFixed(2)}`;
const percent = (share: number) => `${Math.round(share * 100)} %`;

function heading(title: string, results: ResultsBase): string {
  const { corpus, machine } = results;
  return [
    `### ${title}, ${corpus.posts} posts`,
    "",
    `${results.date.slice(0, 10)} · ${corpus.french} French + ${corpus.english} English posts, ${corpus.words.toLocaleString("en")} words (seed ${corpus.seed}) · ` +
      `${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB RAM · ${machine.os} · Node ${machine.node}`,
  ].join("\n");
}

const SCENARIO_TITLES: Record<Scenario, string> = {
  rebuild: "Production build, cache kept, fresh output folder",
  cold: "First build, empty cache (tract) against a full build (baseline)",
  "no-change": "Build with nothing changed (tract) against a full build (baseline)",
  "edit-one": "Build after editing one post (tract) against a full build (baseline)",
};

export function buildMarkdown(results: BuildResults): string {
  const { tract, baseline, medianRatio } = results.summary;
  const pairRow = (label: string, pair: BuildPair) =>
    `| ${label} | ${pair.order.join(", ")} | ${seconds(pair.tract.wallMs)} | ${seconds(pair.baseline.wallMs)} | ${times(pair.ratio)} | ` +
    `${seconds(pair.tract.cpuMs)} | ${seconds(pair.baseline.cpuMs)} | ${percent(pair.tract.otherCpuShare)} / ${percent(pair.baseline.otherCpuShare)} | ` +
    `${percent(pair.tract.stolenCpuShare)} / ${percent(pair.baseline.stolenCpuShare)} |`;
  return [
    heading(SCENARIO_TITLES[results.scenario], results),
    "",
    "| | tract | baseline | tract / baseline |",
    "|---|---:|---:|---:|",
    `| wall time (median of ${results.runs}) | ${seconds(tract.medianWallMs)} | ${seconds(baseline.medianWallMs)} | ${times(medianRatio)} (median ratio) |`,
    `| time per post | ${tract.msPerPost.toFixed(2)} ms | ${baseline.msPerPost.toFixed(2)} ms | |`,
    `| CPU time, user + system (median) | ${seconds(tract.medianCpuMs)} | ${seconds(baseline.medianCpuMs)} | ${times(tract.medianCpuMs / baseline.medianCpuMs)} |`,
    `| peak RSS (median) | ${mebibytes(tract.medianPeakRssBytes)} | ${mebibytes(baseline.medianPeakRssBytes)} | ${times(tract.medianPeakRssBytes / baseline.medianPeakRssBytes)} |`,
    `| output files | ${tract.files} | ${baseline.files} | |`,
    `| output size | ${mebibytes(tract.bytes)} | ${mebibytes(baseline.bytes)} | |`,
    "",
    "| pair | order | tract | baseline | tract / baseline | tract CPU | baseline CPU | other processes' CPU share (tract / baseline) | taken by the host (tract / baseline) |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    pairRow("warm-up (not counted)", results.warmup),
    ...results.pairs.map((pair, index) => pairRow(String(index + 1), pair)),
    `| **median** | | ${seconds(tract.medianWallMs)} | ${seconds(baseline.medianWallMs)} | **${times(medianRatio)}** | ${seconds(tract.medianCpuMs)} | ${seconds(baseline.medianCpuMs)} | |`,
    "",
  ].join("\n");
}

export function incrementalSummary(edits: IncrementalEdit[]): IncrementalResults["summary"] {
  return {
    medianVisibleMs: median(edits.map((edit) => edit.visibleMs)),
    medianRebuiltMs: median(edits.map((edit) => edit.rebuiltMs)),
    medianRebuildCpuMs: median(edits.map((edit) => edit.rebuildCpuMs)),
  };
}

export function incrementalMarkdown(results: IncrementalResults): string {
  const { summary } = results;
  return [
    heading("Incremental rebuild (dev server)", results),
    "",
    `First build of the dev server: ${seconds(results.firstBuildMs)} (CPU ${seconds(results.firstBuildCpuMs)}). Edited post: \`${results.editedUrl}\`.`,
    "",
    "| edit | page shows the change | rebuild reported done | dev server CPU | other processes' CPU share |",
    "|---|---:|---:|---:|---:|",
    ...results.edits.map(
      (edit, index) =>
        `| ${index + 1} | ${seconds(edit.visibleMs)} | ${seconds(edit.rebuiltMs)} | ${seconds(edit.rebuildCpuMs)} | ${percent(edit.otherCpuShare)} |`,
    ),
    `| **median** | **${seconds(summary.medianVisibleMs)}** | ${seconds(summary.medianRebuiltMs)} | ${seconds(summary.medianRebuildCpuMs)} | |`,
    "",
  ].join("\n");
}

/** Writes `<name>.json` and `<name>.md` into `dir`; returns their paths. */
export async function writeResults(
  dir: string,
  name: string,
  results: BuildResults | IncrementalResults | SearchResults,
  markdown: string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const jsonFile = path.join(dir, `${name}.json`);
  const markdownFile = path.join(dir, `${name}.md`);
  await writeFile(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(markdownFile, markdown);
  return [jsonFile, markdownFile];
}
