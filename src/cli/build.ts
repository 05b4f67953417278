// `npm run build`: builds the production site into _site/ (or --output DIR) as a new release; exits 1 with one line per problem.
import { parseArgs } from "node:util";
import { buildSite } from "../core/build/build-site.ts";
import { buildDue } from "../core/build/due.ts";
import { formatSummary } from "../core/build/summary.ts";
import { BuildError, errorChain, findContentError, formatProblem } from "../core/content/problems.ts";
import { plural } from "../core/i18n/plural.ts";
import { OutputRefused, checkOutputLocation } from "../core/output/location.ts";
import { ReleaseStore } from "../core/output/release.ts";
import { OutputPathError } from "../core/output/paths.ts";
import { clockOrExit } from "./clock.ts";

const USAGE = `Usage: npm run build [-- options]
  --output DIR   where the site goes (default _site): a link to the current release, with the releases beside it in .DIR.releases/
  --full         build and write every file again, even when nothing changed since the last release
  --rollback     make the previous release the site again (a second rollback undoes the first)
  --verbose      show Eleventy's own messages and stack traces`;

const { values } = parseArgs({
  options: {
    output: { type: "string", default: "_site" },
    full: { type: "boolean", default: false },
    rollback: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
const output = values.output ?? "_site";
const root = process.cwd();
process.env.ELEVENTY_RUN_MODE = "build";
// A wrong TRACT_NOW stops the build before it starts, in one line (the build reads the clock again, in the same zone).
const now = await clockOrExit(root);

function reportFailure(error: unknown): void {
  const contentError = findContentError(error);
  if (contentError) {
    const errors = contentError.problems.filter((p) => p.severity === "error");
    console.error(
      `[tract] the build stopped: ${plural(errors.length, "problem")} to fix, ${output} was left as it was.`,
    );
    for (const problem of errors) console.error(formatProblem(problem));
    return;
  }
  const refused = errorChain(error).find((link) => link instanceof OutputRefused || link instanceof OutputPathError);
  if (refused) {
    console.error(`[tract] the build stopped, ${output} was left as it was: ${(refused as Error).message}`);
    return;
  }
  // An error about a file, written for the writer: the innermost one, unless it names a template (below).
  const written = errorChain(error)
    .filter((link): link is BuildError => link instanceof BuildError)
    .at(-1);
  if (written && !/_includes\//.test(written.message)) {
    console.error(`[tract] the build failed, ${output} was left as it was.\n  ${written.message}`);
    if (values.verbose) console.error(error);
    return;
  }
  console.error(`[tract] the build failed, ${output} was left as it was.`);
  // The root cause, and the innermost template it happened in (Nunjucks nests each including template's name).
  const messages = errorChain(error).map((link) => (link instanceof Error ? link.message : String(link)));
  const templates = messages.join("\n").match(/\(([^()\n]*_includes\/[^()\n]*\.njk)\)/g) ?? [];
  console.error(`  ${messages.at(-1)?.split("\n").at(-1)?.trim()}`);
  if (templates.length) console.error(`  in ${templates.at(-1)?.slice(1, -1)}`);
  if (values.verbose) console.error(error);
}

try {
  if (values.help) {
    console.log(USAGE);
  } else if (values.rollback) {
    const store = await ReleaseStore.open(await checkOutputLocation(root, output));
    try {
      const release = await store.rollback();
      console.log(`[tract] ${output} is the previous release again (${release.id}); run the same command to undo it`);
    } finally {
      await store.unlock();
    }
  } else {
    // Nothing changed since the last release: nothing to build (cron can run this every few minutes).
    const due = values.full ? { due: true as const, why: "" } : await buildDue(root, output, now);
    if (!due.due) {
      console.log(
        `[tract] ${output} is up to date: ${due.why}; 0 files re-made, ${due.files ?? 0} reused (--full makes them all again)`,
      );
    } else {
      const summary = await buildSite({ root, outputDir: output, quiet: !values.verbose, full: values.full });
      if (due.why) console.log(`[tract] building: ${due.why}`);
      console.log(formatSummary(output, summary));
    }
  }
} catch (error) {
  reportFailure(error);
  process.exitCode = 1;
}
