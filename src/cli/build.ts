// `npm run build`: builds the production site into _site/ (or --output DIR); exits 1 with one line per problem.
import { parseArgs } from "node:util";
import { buildSite } from "../core/build/build-site.ts";
import { formatSummary } from "../core/build/summary.ts";
import { errorChain, findContentError, formatProblem } from "../core/content/problems.ts";
import { clockOrExit } from "./clock.ts";

const { values } = parseArgs({ options: { output: { type: "string", default: "_site" }, verbose: { type: "boolean", default: false } } });
process.env.ELEVENTY_RUN_MODE = "build";
// A wrong TRACT_NOW stops the build before it starts, in one line (the site model reads the clock again, in the same zone).
await clockOrExit(process.cwd());
try {
  const summary = await buildSite({ root: process.cwd(), outputDir: values.output ?? "_site", quiet: !values.verbose });
  console.log(formatSummary(values.output ?? "_site", summary));
} catch (error) {
  const contentError = findContentError(error);
  if (contentError) {
    const errors = contentError.problems.filter((p) => p.severity === "error");
    console.error(`[tract] the build stopped: ${errors.length} problem${errors.length === 1 ? "" : "s"} to fix, ${values.output} was left as it was.`);
    for (const problem of errors) console.error(formatProblem(problem));
  } else {
    console.error(`[tract] the build failed, ${values.output} was left as it was.`);
    // The root cause, and the innermost template it happened in (Nunjucks nests each including template's name).
    const messages = errorChain(error).map((link) => (link instanceof Error ? link.message : String(link)));
    const templates = messages.join("\n").match(/\(([^()\n]*_includes\/[^()\n]*\.njk)\)/g) ?? [];
    console.error(`  ${messages.at(-1)?.split("\n").at(-1)?.trim()}`);
    if (templates.length) console.error(`  in ${templates.at(-1)?.slice(1, -1)}`);
    if (values.verbose) console.error(error);
  }
  process.exitCode = 1;
}
