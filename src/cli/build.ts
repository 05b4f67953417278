// `npm run build`: builds the production site into _site/ (or --output DIR) as a new release; exits 1 with one line per problem.
import { buildDue } from "../core/build/due.ts";
import { formatSummary } from "../core/build/summary.ts";
import { BuildError, errorChain, findContentError, formatProblem } from "../core/content/problems.ts";
import { type MessageRenderer, msg, plural } from "../core/i18n/message.ts";
import { OutputRefused, checkOutputLocation } from "../core/output/location.ts";
import { ReleaseStore } from "../core/output/release.ts";
import { OutputPathError } from "../core/output/paths.ts";
import { clockOrExit } from "./clock.ts";
import { optionsOrExit } from "./options.ts";
import { say, writerMessages } from "./messages.ts";

const USAGE = msg`Usage: npm run build [-- options]
  --output DIR     where the site goes (default _site): a link to the current release, with the releases beside it in .DIR.releases/
  --full           build and write every file again, even when nothing changed since the last release
  --rollback       make the previous release the site again (a second rollback undoes the first)
  --messages LANG  the language of these messages: fr or en (default: LANG, then the site's language)
  --verbose        show Eleventy's own messages and stack traces`;

const root = process.cwd();
const { values } = await optionsOrExit(
  root,
  USAGE,
  {
    output: { type: "string", default: "_site" },
    full: { type: "boolean", default: false },
    rollback: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
  },
  { script: "build", example: "--output /var/www/tract/site" },
);
const output = values.output ?? "_site";
const messages = await writerMessages(root, values.messages);
// The build inside Eleventy speaks the same language.
process.env.TRACT_MESSAGES = messages.lang;
process.env.ELEVENTY_RUN_MODE = "build";
// A wrong TRACT_NOW stops the build before it starts, in one line (the build reads the clock again, in the same zone).
const now = await clockOrExit(root, messages);

function reportFailure(error: unknown, renderer: MessageRenderer): void {
  const contentError = findContentError(error);
  if (contentError) {
    const errors = contentError.problems.filter((p) => p.severity === "error");
    const count = errors.length;
    say(
      renderer,
      msg`the build stopped: ${plural(count, msg`${count} problem`, msg`${count} problems`)} to fix, ${output} was left as it was.`,
      "error",
    );
    for (const problem of errors) console.error(formatProblem(problem, renderer));
    return;
  }
  const refused = errorChain(error).find((link) => link instanceof OutputRefused || link instanceof OutputPathError);
  if (refused) {
    say(renderer, msg`the build stopped, ${output} was left as it was: ${(refused as BuildError).text}`, "error");
    return;
  }
  // An error about a file, written for the writer: the innermost one, unless it names a template (below).
  const written = errorChain(error)
    .filter((link): link is BuildError => link instanceof BuildError)
    .at(-1);
  if (written && !/_includes\//.test(written.message)) {
    say(renderer, msg`the build failed, ${output} was left as it was.`, "error");
    console.error(`  ${renderer.render(written.text)}`);
    if (values.verbose) console.error(error);
    return;
  }
  say(renderer, msg`the build failed, ${output} was left as it was.`, "error");
  // The root cause, and the innermost template it happened in (Nunjucks nests each including template's name).
  const causes = errorChain(error).map((link) => (link instanceof Error ? link.message : String(link)));
  const templates = causes.join("\n").match(/\(([^()\n]*_includes\/[^()\n]*\.njk)\)/g) ?? [];
  console.error(`  ${causes.at(-1)?.split("\n").at(-1)?.trim()}`);
  if (templates.length) console.error(`  ${renderer.render(msg`in ${templates.at(-1)?.slice(1, -1) ?? ""}`)}`);
  if (values.verbose) console.error(error);
}

try {
  if (values.rollback) {
    const store = await ReleaseStore.open(await checkOutputLocation(root, output));
    try {
      const release = await store.rollback();
      say(messages, msg`${output} is the previous release again (${release.id}); run the same command to undo it`);
    } finally {
      await store.unlock();
    }
  } else {
    // Nothing changed since the last release: nothing to build (cron can run this every few minutes).
    const due = values.full ? undefined : await buildDue(root, output, now);
    if (due && !due.due) {
      say(
        messages,
        msg`${output} is up to date: ${due.why}; 0 files re-made, ${due.files ?? 0} reused (--full makes them all again)`,
      );
      const warnings = due.warnings ?? 0;
      if (warnings > 0)
        say(
          messages,
          msg`the last build gave ${plural(warnings, msg`${warnings} warning`, msg`${warnings} warnings`)}, still to fix: npm run check lists them`,
        );
    } else {
      // Eleventy and the build are loaded only now: a build with nothing to do answers without them.
      const { buildSite } = await import("../core/build/build-site.ts");
      const summary = await buildSite({ root, outputDir: output, quiet: !values.verbose, full: values.full });
      if (due) say(messages, msg`building: ${due.why}`);
      say(messages, formatSummary(output, summary));
    }
  }
} catch (error) {
  reportFailure(error, messages);
  process.exitCode = 1;
}
