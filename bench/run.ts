// `npm run bench`: builds a synthetic corpus with tract and with a bare Eleventy baseline (or, with --incremental, times the dev server) and reports.
import path from "node:path";
import { parseArgs } from "node:util";
import { SCENARIOS, type Scenario, runPairs } from "./compare.ts";
import { measureIncremental } from "./incremental.ts";
import {
  type BuildResults,
  type IncrementalResults,
  buildMarkdown,
  buildSummary,
  corpusFigures,
  describeMachine,
  incrementalMarkdown,
  incrementalSummary,
  writeResults,
} from "./report.ts";
import { PROJECT_ROOT, type Workspace, createWorkspace, removeWorkspace } from "./workspace.ts";
import { runSearchPairs } from "./search.ts";
import { measureQueries, summariseQueries } from "./search-queries.ts";
import { type SearchResults, searchMarkdown, searchSummary } from "./search-report.ts";

const USAGE = `usage: npm run bench -- [--posts N] [--runs K] [--scenario S] [--incremental | --search] [--results DIR] [--keep]
  --posts N       posts in the generated corpus (default 1000)
  --scenario S    tract's builds: rebuild (default: fresh output, warm cache), cold (empty cache), no-change or
                  edit-one (into the last build's output, with nothing or one post changed); the baseline always builds all
  --runs K        measured build pairs after the warm-up pair, or edits with --incremental (default 3)
  --incremental   time the dev server's rebuild after an edit instead of comparing production builds
  --search        compare production builds with and without the search index (first build, rebuilds, edits), then
                  time queries on each language's search page in Chromium
  --results DIR   where the JSON and Markdown results go (default bench/results)
  --keep          keep the scratch folder (its path is printed and recorded in the JSON)`;

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) {
    console.error(`--${name}: ${JSON.stringify(text)} is not a whole number of at least 1\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    incremental: { type: "boolean", default: false },
    scenario: { type: "string", default: "rebuild" },
    search: { type: "boolean", default: false },
    results: { type: "string", default: path.join(PROJECT_ROOT, "bench", "results") },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const posts = positiveInteger("posts", values.posts);
const scenario = values.scenario as Scenario;
if (!SCENARIOS.includes(scenario)) {
  console.error(`--scenario: ${JSON.stringify(values.scenario)} is not one of ${SCENARIOS.join(", ")}\n${USAGE}`);
  process.exit(2);
}
const runs = positiveInteger("runs", values.runs);
const log = (line: string) => console.log(`[bench] ${line}`);

async function compareBuilds(workspace: Workspace, date: string): Promise<{ results: BuildResults; markdown: string }> {
  const { warmup, pairs } = await runPairs(workspace, runs, log, scenario);
  const results: BuildResults = {
    mode: "build",
    scenario,
    date,
    machine: describeMachine(),
    corpus: corpusFigures(workspace.corpus),
    runs,
    warmup,
    pairs,
    summary: buildSummary(pairs, workspace.corpus.posts.length),
    ...(values.keep ? { workspace: workspace.dir } : {}),
  };
  return { results, markdown: buildMarkdown(results) };
}

async function timeIncremental(
  workspace: Workspace,
  date: string,
): Promise<{ results: IncrementalResults; markdown: string }> {
  const measurement = await measureIncremental(workspace, runs, log);
  const results: IncrementalResults = {
    mode: "incremental",
    date,
    machine: describeMachine(),
    corpus: corpusFigures(workspace.corpus),
    ...measurement,
    summary: incrementalSummary(measurement.edits),
    ...(values.keep ? { workspace: workspace.dir } : {}),
  };
  return { results, markdown: incrementalMarkdown(results) };
}

async function compareSearch(
  workspace: Workspace,
  date: string,
): Promise<{ results: SearchResults; markdown: string }> {
  const pairs = await runSearchPairs(workspace, runs, log);
  const lastBuild = pairs.at(-1)!.search.outputDir;
  log(`timing queries in Chromium on ${lastBuild}`);
  const queries = await measureQueries(lastBuild);
  const results: SearchResults = {
    mode: "search",
    date,
    machine: describeMachine(),
    corpus: corpusFigures(workspace.corpus),
    runs,
    pairs,
    queries,
    summary: searchSummary(pairs),
    querySummary: queries.map(summariseQueries),
    ...(values.keep ? { workspace: workspace.dir } : {}),
  };
  return { results, markdown: searchMarkdown(results) };
}

const date = new Date().toISOString();
const workspace = await createWorkspace(posts);
const { corpus } = workspace;
log(
  `corpus: ${corpus.posts.length} posts (${corpus.french} fr, ${corpus.english} en), ${corpus.words.toLocaleString("en")} words, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MiB, in ${workspace.dir}`,
);
try {
  const { results, markdown } = values.incremental
    ? await timeIncremental(workspace, date)
    : values.search
      ? await compareSearch(workspace, date)
      : await compareBuilds(workspace, date);
  const name = results.mode === "build" && scenario !== "rebuild" ? `${scenario}-${posts}` : `${results.mode}-${posts}`;
  const files = await writeResults(path.resolve(values.results), name, results, markdown);
  console.log(`\n${markdown}`);
  log(`results written to ${files.join(" and ")}`);
} finally {
  if (values.keep) log(`scratch folder kept: ${workspace.dir}`);
  else await removeWorkspace(workspace);
}
