// Builds the corpus with tract and with the baseline, pair after pair in alternating order: one warm-up pair, then the measured ones.
import path from "node:path";
import { type BuildCommand, type BuildMeasurement, measureBuild } from "./measure.ts";
import type { Workspace } from "./workspace.ts";

export type Contender = "tract" | "baseline";

export interface BuildPair {
  /** Which build ran first: the order alternates from one pair to the next. */
  order: [Contender, Contender];
  tract: BuildMeasurement;
  baseline: BuildMeasurement;
  /** tract's wall time divided by the baseline's, in this pair. */
  ratio: number;
}

/** One production build, into its own output folder: `npm run build` in the project copy, or the Eleventy CLI in the baseline copy. */
function buildCommand(workspace: Workspace, contender: Contender, pairIndex: number): BuildCommand {
  const expectedUrls = workspace.corpus.posts.map((post) => post.url);
  const outputDir = path.join(workspace.outputRoot, `${contender}-${pairIndex}`);
  return contender === "tract"
    ? { cwd: workspace.tractRoot, args: ["src/cli/build.ts", "--output", outputDir], outputDir, expectedUrls }
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
): Promise<{ warmup: BuildPair; pairs: BuildPair[] }> {
  const pairs: BuildPair[] = [];
  for (let index = 0; index <= runs; index++) {
    const tractFirst = index % 2 === 0;
    const first = await measureBuild(buildCommand(workspace, tractFirst ? "tract" : "baseline", index));
    const second = await measureBuild(buildCommand(workspace, tractFirst ? "baseline" : "tract", index));
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
