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

/** The two production builds: `npm run build` in the project copy, and the Eleventy CLI in the baseline copy. */
export function buildCommands(workspace: Workspace): Record<Contender, BuildCommand> {
  const expectedUrls = workspace.corpus.posts.map((post) => post.url);
  const tractOutput = path.join(workspace.outputRoot, "tract");
  const baselineOutput = path.join(workspace.outputRoot, "baseline");
  return {
    tract: { cwd: workspace.tractRoot, args: ["src/cli/build.ts", "--output", tractOutput], outputDir: tractOutput, expectedUrls },
    baseline: {
      cwd: workspace.baselineRoot,
      args: ["./node_modules/.bin/eleventy", "--config=eleventy.config.ts", `--output=${baselineOutput}`, "--quiet"],
      outputDir: baselineOutput,
      expectedUrls,
    },
  };
}

export async function runPairs(workspace: Workspace, runs: number, log: (line: string) => void): Promise<{ warmup: BuildPair; pairs: BuildPair[] }> {
  const commands = buildCommands(workspace);
  const pairs: BuildPair[] = [];
  for (let index = 0; index <= runs; index++) {
    const tractFirst = index % 2 === 0;
    const first = await measureBuild(commands[tractFirst ? "tract" : "baseline"]);
    const second = await measureBuild(commands[tractFirst ? "baseline" : "tract"]);
    const [tract, baseline] = tractFirst ? [first, second] : [second, first];
    const pair: BuildPair = { order: tractFirst ? ["tract", "baseline"] : ["baseline", "tract"], tract, baseline, ratio: tract.wallMs / baseline.wallMs };
    log(`${index === 0 ? "warm-up pair" : `pair ${index}/${runs}`}: tract ${(tract.wallMs / 1000).toFixed(2)} s, baseline ${(baseline.wallMs / 1000).toFixed(2)} s, ratio ${pair.ratio.toFixed(2)}`);
    pairs.push(pair);
  }
  const [warmup, ...measured] = pairs;
  if (!warmup) throw new Error("no build ran");
  return { warmup, pairs: measured };
}
