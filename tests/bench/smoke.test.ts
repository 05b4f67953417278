// Smoke test of `npm run bench`: small runs give every figure, and tract's output has one post page per generated post.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { BuildResults, ContenderSummary, IncrementalResults } from "../../bench/report.ts";
import type { SearchResults } from "../../bench/search-report.ts";
import { PROJECT_ROOT, removeDir, runScript, tempDir } from "../helpers/project.ts";
import { htmlPages } from "../helpers/site.ts";

const POSTS = 50;
const scratch: string[] = [];

afterAll(async () => {
  for (const dir of scratch) await removeDir(dir);
});

function expectPositiveFigures(summary: ContenderSummary): void {
  for (const figure of [
    summary.medianWallMs,
    summary.msPerPost,
    summary.medianPeakRssBytes,
    summary.files,
    summary.bytes,
  ]) {
    expect(figure).toBeGreaterThan(0);
    expect(Number.isFinite(figure)).toBe(true);
  }
}

describe("npm run bench", () => {
  it(`measures tract and the baseline on the same ${POSTS}-post corpus`, async () => {
    const resultsDir = await tempDir("tract-bench-results-");
    scratch.push(resultsDir);
    const run = await runScript(PROJECT_ROOT, "bench/run.ts", [
      "--posts",
      String(POSTS),
      "--runs",
      "1",
      "--results",
      resultsDir,
      "--keep",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("| wall time (median of 1) |");
    expect(run.stdout).toContain("| taken by the host (tract / baseline) |");

    const results = JSON.parse(await readFile(path.join(resultsDir, `build-${POSTS}.json`), "utf8")) as BuildResults;
    if (results.workspace) scratch.push(results.workspace);
    expect(results.corpus).toMatchObject({ posts: POSTS, french: 35, english: 15 });
    expect(results.pairs).toHaveLength(1);
    for (const contender of ["tract", "baseline"] as const) {
      expectPositiveFigures(results.summary[contender]);
      expect(results.summary[contender].postPages).toBe(POSTS);
    }
    expect(results.summary.medianRatio).toBeGreaterThan(0);
    const [pair] = results.pairs;
    expect(pair?.ratio).toBe(results.summary.medianRatio);

    const pages = await htmlPages(pair!.tract.outputDir);
    // Generated slugs end with their number; the sample posts the workspace keeps do not.
    const postPages = pages.filter((page) => page.$("body").attr("data-page") === "post" && /-\d+\/$/.test(page.url));
    expect(postPages).toHaveLength(POSTS);
    expect(postPages.filter((page) => page.url.startsWith("/en/"))).toHaveLength(15);
  });

  it.each(["cold", "no-change", "edit-one"])("runs the %s scenario against a full baseline build", async (scenario) => {
    const resultsDir = await tempDir("tract-bench-results-");
    scratch.push(resultsDir);
    const run = await runScript(PROJECT_ROOT, "bench/run.ts", [
      "--posts",
      "10",
      "--runs",
      "1",
      "--scenario",
      scenario,
      "--results",
      resultsDir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const results = JSON.parse(await readFile(path.join(resultsDir, `${scenario}-10.json`), "utf8")) as BuildResults;
    expect(results.scenario).toBe(scenario);
    expect(results.pairs).toHaveLength(1);
    for (const contender of ["tract", "baseline"] as const) expect(results.summary[contender].postPages).toBe(10);
    expect(results.summary.medianRatio).toBeGreaterThan(0);
    // Into the same output: the measured build updated the warm-up's release (its output folder is the same).
    if (scenario !== "cold") expect(results.pairs[0]!.tract.outputDir).toBe(results.warmup.tract.outputDir);
    // Its CPU time is its own: a build with nothing to do does not count the warm-up's first build too.
    if (scenario === "no-change") expect(results.pairs[0]!.tract.cpuMs).toBeLessThan(results.warmup.tract.cpuMs / 2);
  });

  it("times the dev server's rebuild after an edit with --incremental", async () => {
    const resultsDir = await tempDir("tract-bench-results-");
    scratch.push(resultsDir);
    const run = await runScript(PROJECT_ROOT, "bench/run.ts", [
      "--posts",
      "20",
      "--runs",
      "1",
      "--incremental",
      "--results",
      resultsDir,
    ]);
    expect(run.code, run.stderr).toBe(0);

    const results = JSON.parse(
      await readFile(path.join(resultsDir, "incremental-20.json"), "utf8"),
    ) as IncrementalResults;
    expect(results.corpus.posts).toBe(20);
    expect(results.edits).toHaveLength(1);
    for (const figure of [
      results.firstBuildMs,
      results.firstBuildCpuMs,
      results.summary.medianVisibleMs,
      results.summary.medianRebuiltMs,
      results.summary.medianRebuildCpuMs,
    ]) {
      expect(figure).toBeGreaterThan(0);
    }
    expect(results.editedUrl).toMatch(/^\/fr\/[a-z0-9-]+\/$/);
  });

  it("reports what the search index adds to first builds, rebuilds and edits with --search, and query times", async () => {
    const resultsDir = await tempDir("tract-bench-results-");
    scratch.push(resultsDir);
    const run = await runScript(PROJECT_ROOT, "bench/run.ts", [
      "--posts",
      "20",
      "--runs",
      "1",
      "--search",
      "--results",
      resultsDir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("| rebuild after one post was edited (1) |");
    const results = JSON.parse(await readFile(path.join(resultsDir, "search-20.json"), "utf8")) as SearchResults;
    expect(results.pairs.map((pair) => pair.phase)).toEqual(["first", "unchanged", "edited"]);
    for (const phase of ["first", "unchanged", "edited"] as const) {
      const summary = results.summary[phase];
      expect(Number.isFinite(summary.overhead)).toBe(true);
      expect(summary.medianWallMs.search).toBeGreaterThan(0);
      expect(summary.indexBytes).toBeGreaterThan(0);
      expect(summary.files.search).toBeGreaterThan(summary.files.without);
    }
    // Pagefind runs on a first build and after an edit; an unchanged rebuild takes the index from the cache.
    expect(results.summary.first.indexerPeakRssBytes).toBeGreaterThan(0);
    expect(results.summary.edited.indexerPeakRssBytes).toBeGreaterThan(0);
    expect(results.summary.unchanged.indexerPeakRssBytes).toBe(0);
    expect(results.pairs[0]!.search.helperCpuMs).toBeGreaterThan(0);
    for (const pair of results.pairs)
      for (const build of [pair.search, pair.without]) expect(build.stolenCpuShare).toBeGreaterThanOrEqual(0);
    // Each language's search page, timed in Chromium word by word.
    expect(results.queries.map((times) => [times.lang, times.url])).toEqual([
      ["fr", "/fr/recherche/"],
      ["en", "/en/search/"],
    ]);
    for (const times of results.queries) {
      expect(times.aloneMs).toHaveLength(times.words.length);
      expect(times.inARowMs).toHaveLength(times.words.length);
      expect(Math.min(...times.aloneMs, ...times.inARowMs)).toBeGreaterThan(0);
    }
    for (const summary of results.querySummary) {
      expect(summary.bytesBeforeFirstQuery).toBeGreaterThan(10_000);
      expect(summary.medianAloneMs).toBeGreaterThan(0);
    }
    expect(run.stdout).toContain("| /fr/recherche/ |");
  });
});
