// Builds the corpus with tract and with the baseline, pair after pair in alternating order: one warm-up pair, then the measured ones.
import { appendFile, rm } from "node:fs/promises";
import path from "node:path";
import { type BuildCommand, type BuildMeasurement, measureBuild } from "./measure.ts";
import type { Workspace } from "./workspace.ts";

export type Contender = "tract" | "baseline";

/**
 * What tract's build of each pair is. The baseline always builds everything into a fresh folder.
 * - `rebuild`: a fresh output folder, the cache of the warm-up's first build (every file made again, or from the cache);
 * - `cold`: a fresh output folder and an empty cache (a first build, as on a fresh clone or CI);
 * - `no-change`: the same output as the build before, nothing changed (a scheduled build with nothing to do);
 * - `edit-one`: the same output as the build before, one post edited (publishing a fix).
 */
export const SCENARIOS = ["rebuild", "cold", "no-change", "edit-one"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BuildPair {
  /** Which build ran first: the order alternates from one pair to the next. */
  order: [Contender, Contender];
  tract: BuildMeasurement;
  baseline: BuildMeasurement;
  /** tract's wall time divided by the baseline's, in this pair. */
  ratio: number;
}

/** tract's output keeps its releases from one build to the next in the scenarios that build on the last release. */
const keepsOutput = (scenario: Scenario) => scenario === "no-change" || scenario === "edit-one";

/** What the scenario does before tract's build of a pair: empty the cache, or edit one post (a different one each time). */
async function prepare(workspace: Workspace, scenario: Scenario, pairIndex: number): Promise<void> {
  if (scenario === "cold") await rm(path.join(workspace.tractRoot, ".cache"), { recursive: true, force: true });
  if (scenario === "edit-one" && pairIndex > 0) {
    const post = workspace.corpus.posts[pairIndex % workspace.corpus.posts.length]!;
    await appendFile(
      path.join(workspace.tractRoot, post.file),
      `
Une phrase ajoutée pour la mesure ${pairIndex}.
`,
    );
  }
}

/** One production build: `npm run build` in the project copy, or the Eleventy CLI in the baseline copy, each into its folder. */
function buildCommand(workspace: Workspace, contender: Contender, pairIndex: number, scenario: Scenario): BuildCommand {
  const expectedUrls = workspace.corpus.posts.map((post) => post.url);
  const outputDir = path.join(
    workspace.outputRoot,
    contender === "tract" && keepsOutput(scenario) ? "tract-site" : `${contender}-${pairIndex}`,
  );
  return contender === "tract"
    ? {
        cwd: workspace.tractRoot,
        args: ["src/cli/build.ts", "--output", outputDir],
        outputDir,
        expectedUrls,
        keepsOutput: keepsOutput(scenario),
      }
    : {
        cwd: workspace.baselineRoot,
        args: ["./node_modules/.bin/eleventy", "--config=eleventy.config.ts", `--output=${outputDir}`, "--quiet"],
        outputDir,
        expectedUrls,
      };
}

export async function runPairs(
  workspace: Workspace,
  runs: number,
  log: (line: string) => void,
  scenario: Scenario = "rebuild",
): Promise<{ warmup: BuildPair; pairs: BuildPair[] }> {
  const pairs: BuildPair[] = [];
  for (let index = 0; index <= runs; index++) {
    const tractFirst = index % 2 === 0;
    const build = async (contender: Contender) => {
      if (contender === "tract") await prepare(workspace, scenario, index);
      return measureBuild(buildCommand(workspace, contender, index, scenario));
    };
    const first = await build(tractFirst ? "tract" : "baseline");
    const second = await build(tractFirst ? "baseline" : "tract");
    const [tract, baseline] = tractFirst ? [first, second] : [second, first];
    const pair: BuildPair = {
      order: tractFirst ? ["tract", "baseline"] : ["baseline", "tract"],
      tract,
      baseline,
      ratio: tract.wallMs / baseline.wallMs,
    };
    const figures = (build: BuildMeasurement) =>
      `${(build.wallMs / 1000).toFixed(2)} s (CPU ${(build.cpuMs / 1000).toFixed(2)} s)`;
    log(
      `${index === 0 ? "warm-up pair" : `pair ${index}/${runs}`}: tract ${figures(tract)}, baseline ${figures(baseline)}, ratio ${pair.ratio.toFixed(2)}`,
    );
    pairs.push(pair);
  }
  const [warmup, ...measured] = pairs;
  if (!warmup) throw new Error("no build ran");
  return { warmup, pairs: measured };
}
