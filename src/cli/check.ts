// `npm run check`: validates all content without building; problems grouped by file; exit 1 on errors, 0 with warnings only.
import { features } from "../../eleventy.config.ts";
import { clockOrExit } from "./clock.ts";
import { FeatureRegistry } from "../core/feature.ts";
import { checkContent, type CheckReport } from "../core/check/check-content.ts";
import type { Problem } from "../core/content/problems.ts";
import { colourEnabled, painter } from "./terminal.ts";

const paint = painter(colourEnabled());

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function problemLines(problems: Problem[]): string[] {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  return [...byFile.entries()].flatMap(([file, list]) => [
    paint(file, "bold"),
    ...list.map((p) => {
      const where = p.line ? `line ${p.line}` : "";
      const severity = p.severity === "error" ? paint("error  ", "red") : paint("warning", "yellow");
      return `  ${where.padEnd(9)} ${severity} ${p.field ? `${p.field}: ` : ""}${p.message}`;
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

function format(report: CheckReport): string {
  const errors = report.problems.filter((p) => p.severity === "error").length;
  const warnings = report.problems.length - errors;
  const lines = [...problemLines(report.problems)];
  lines.push(
    paint("Translations", "bold") +
      " (source: the version others are translated from; outdated: older than its source)",
  );
  lines.push(
    ...table([
      ["translationKey", ...report.languages.map((l) => l.code)],
      ...report.translations.map((row) => [
        row.translationKey,
        ...report.languages.map((l) => row.cells[l.code]?.state ?? "missing"),
      ]),
    ]),
    "",
  );
  lines.push(paint("Drafts", "bold") + " (not published)");
  lines.push(...(report.drafts.length ? report.drafts.map((d) => `  ${d.file}  ${d.title}`) : ["  none"]), "");
  lines.push(paint("Embargoes", "bold") + " (held back until)");
  lines.push(
    ...(report.embargoes.length
      ? report.embargoes.map((e) => `  ${e.file}  ${e.until.toISO({ suppressMilliseconds: true })}`)
      : ["  none"]),
    "",
  );
  const verdict = errors
    ? paint(`✗ ${plural(errors, "error")}, ${plural(warnings, "warning")}`, "red")
    : paint(`✓ no errors, ${plural(warnings, "warning")}`, "green");
  lines.push(verdict);
  return lines.join("\n");
}

const report = await checkContent(process.cwd(), await clockOrExit(process.cwd()), new FeatureRegistry(features));
console.log(format(report));
process.exitCode = report.problems.some((p) => p.severity === "error") ? 1 : 0;
