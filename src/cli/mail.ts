// `npm run mail`: sends a press release to the press list, or the digests of new posts to the supporters' lists (see README, "E-mail").
import { parseArgs } from "node:util";
import { features } from "../../eleventy.config.ts";
import { FeatureRegistry } from "../core/feature.ts";
import { findContentError, formatProblem } from "../core/content/problems.ts";
import { parseContentDate } from "../core/dates/parse.ts";
import { siteTimeZone } from "../core/content/data-files.ts";
import { MailError, type MailOptions, mailDigest, mailRelease } from "../features/mail/command.ts";
import type { DeliveryReport } from "../features/mail/send.ts";
import { MailSettingsError } from "../features/mail/transport.ts";
import { clockOrExit } from "./clock.ts";
import { writerMessages } from "./messages.ts";

const USAGE = `Usage: npm run mail -- release posts/<lang>/<file>.md [options]
       npm run mail -- digest [--lang fr] [--since 2025-01-01] [options]
  --dry-run      write the messages as .eml files into --out (default _mail/) and send nothing
  --out DIR      where --dry-run writes
  --force        send again what the send log (_data/mail-log.yaml) says was sent
SMTP: TRACT_SMTP_HOST, TRACT_SMTP_PORT (587), TRACT_SMTP_USER, TRACT_SMTP_PASSWORD, TRACT_SMTP_SECURITY (starttls, tls, none)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "dry-run": { type: "boolean", default: false },
    out: { type: "string", default: "_mail" },
    force: { type: "boolean", default: false },
    lang: { type: "string" },
    since: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
const root = process.cwd();
const [command, file] = positionals;

function print(what: string, report: DeliveryReport): void {
  if (report.delivered.length) console.log(`[tract] mail: ${what} ${report.done}: ${report.delivered.join(", ")}`);
  else if (!report.failed.length && !report.skipped.length) console.log(`[tract] mail: ${report.done}`);
  if (report.skipped.length)
    console.log(
      `[tract] mail: ${what} already sent to ${report.skipped.join(", ")} (the send log says so; --force sends again)`,
    );
  for (const failure of report.failed)
    console.error(`[tract] mail: ${what} NOT sent to ${failure.to}: ${failure.reason}`);
  if (report.failed.length) console.error("[tract] mail: run the same command again to send to those only");
}

try {
  if (values.help || !command) {
    console.log(USAGE);
  } else {
    const options: MailOptions = {
      root,
      now: await clockOrExit(root, await writerMessages(root)),
      registry: new FeatureRegistry(features),
      env: process.env,
      dryRun: values["dry-run"] ? values.out : undefined,
      force: values.force,
    };
    let reports: DeliveryReport[];
    if (command === "release" && file) {
      reports = [await mailRelease(file, options)];
      print(file, reports[0]!);
    } else if (command === "digest") {
      const zone = await siteTimeZone(root);
      const since = values.since === undefined ? undefined : parseContentDate(values.since, zone, false);
      if (since && !since.ok) throw new MailError(`--since: ${since.message}`);
      reports = await mailDigest(values.lang, since?.value, options);
      for (const report of reports) print("digest", report);
    } else throw new MailError(`"${positionals.join(" ")}" is not a mail command\n${USAGE}`);
    if (reports.some((report) => report.failed.length)) process.exitCode = 1;
  }
} catch (error) {
  const contentError = findContentError(error);
  if (contentError) {
    console.error("[tract] mail: the content has problems to fix first:");
    for (const problem of contentError.problems.filter((p) => p.severity === "error"))
      console.error(formatProblem(problem));
  } else if (error instanceof MailError || error instanceof MailSettingsError)
    console.error(`[tract] mail: ${error.message}`);
  else throw error;
  process.exitCode = 1;
}
