// `npm run check`: validates all content without building; problems grouped by file; exit 1 on errors, 0 with warnings only.
import { features } from "../../eleventy.config.ts";
import { clockOrExit } from "./clock.ts";
import { FeatureRegistry } from "../core/feature.ts";
import { checkContent, type CheckReport } from "../core/check/check-content.ts";
import type { TranslationState } from "../core/check/translations.ts";
import { type Problem, fieldLabel } from "../core/content/problems.ts";
import { type Message, type MessageRenderer, msg, plural } from "../core/i18n/message.ts";
import { writerMessages } from "./messages.ts";
import { optionsOrExit } from "./options.ts";
import { colourEnabled, painter } from "./terminal.ts";

const paint = painter(colourEnabled());

const USAGE = msg`Usage: npm run check [-- options]
  --messages LANG  the language of these messages: fr or en (default: LANG, then the site's language)
Checks every post, page and data file as the build does, drafts too, and shows the translation table.`;

const STATES: Record<TranslationState, () => Message> = {
  source: () => msg`source`,
  present: () => msg`present`,
  outdated: () => msg`outdated`,
  same: () => msg`untranslated`,
  missing: () => msg`missing`,
  draft: () => msg`draft`,
};

const KINDS: Record<string, () => Message> = { post: () => msg`post`, page: () => msg`page`, event: () => msg`event` };

function problemLines(problems: Problem[], say: MessageRenderer): string[] {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  return [...byFile.entries()].flatMap(([file, list]) => [
    paint(file, "bold"),
    ...list.map((p) => {
      const where = p.line ? say.render(msg`line ${p.line}`) : "";
      const severity =
        p.severity === "error"
          ? paint(say.render(msg`error`).padEnd(7), "red")
          : paint(say.render(msg`warning`).padEnd(7), "yellow");
      return `  ${where.padEnd(9)} ${severity} ${p.field ? `${fieldLabel(p.field, say)}: ` : ""}${say.render(p.message)}`;
    }),
    "",
  ]);
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map(
    (row) =>
      "  " +
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
  );
}

function format(report: CheckReport, say: MessageRenderer): string {
  const t = (message: Message) => say.render(message);
  const errors = report.problems.filter((p) => p.severity === "error").length;
  const warnings = report.problems.length - errors;
  const lines = [...problemLines(report.problems, say)];
  lines.push(
    paint(t(msg`Translations`), "bold") +
      " " +
      t(
        msg`(source: the version others are translated from; outdated: changed before its source; untranslated: still its source's title or description)`,
      ),
  );
  lines.push(
    ...table([
      [t(msg`kind`), t(msg`key`), ...report.languages.map((l) => l.code), t(msg`what to do`)],
      ...report.translations.map((row) => [
        t(KINDS[row.kind]?.() ?? msg`${row.kind}`),
        row.key,
        ...report.languages.map((l) => t(STATES[row.cells[l.code]?.state ?? "missing"]())),
        Object.values(row.cells)
          .flatMap((cell) => (cell.fix ? [t(cell.fix)] : []))
          .join("; "),
      ]),
    ]),
    "",
  );
  lines.push(paint(t(msg`Drafts`), "bold") + " " + t(msg`(not published)`));
  lines.push(
    ...(report.drafts.length ? report.drafts.map((d) => `  ${d.file}  ${d.title}`) : [`  ${t(msg`none`)}`]),
    "",
  );
  lines.push(paint(t(msg`Embargoes`), "bold") + " " + t(msg`(held back until)`));
  lines.push(
    ...(report.embargoes.length
      ? report.embargoes.map((e) => `  ${e.file}  ${e.until.toISO({ suppressMilliseconds: true })}`)
      : [`  ${t(msg`none`)}`]),
    "",
  );
  const counted = plural(warnings, msg`${warnings} warning`, msg`${warnings} warnings`);
  const verdict = errors
    ? paint(t(msg`✗ ${plural(errors, msg`${errors} error`, msg`${errors} errors`)}, ${counted}`), "red")
    : paint(t(msg`✓ no errors, ${counted}`), "green");
  lines.push(verdict);
  return lines.join("\n");
}

const root = process.cwd();
const { values } = await optionsOrExit(root, USAGE, {}, { script: "check", example: "--messages en" });
const messages = await writerMessages(root, values.messages);
const report = await checkContent(root, await clockOrExit(root, messages), new FeatureRegistry(features));
console.log(format(report, messages));
process.exitCode = report.problems.some((p) => p.severity === "error") ? 1 : 0;
