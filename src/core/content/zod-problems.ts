// Turns a zod validation error into tract problems: one line per field, with its line number when known.
import type { z } from "zod";
import type { Problem } from "./problems.ts";

export function zodProblems(
  file: string,
  error: z.ZodError,
  lines: Record<string, number> = {},
  allowedFields: string[] = [],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = [...issue.path, key].join(".");
        const expected = allowedFields.length ? ` (expected one of ${allowedFields.join(", ")})` : "";
        problems.push({ file, field, line: lines[key], message: `unknown field${expected}`, severity: "error" });
      }
      continue;
    }
    const field = issue.path.map(String).join(".") || undefined;
    const topField = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    problems.push({
      file,
      field,
      line: topField ? lines[topField] : undefined,
      message: issue.message,
      severity: "error",
    });
  }
  return problems;
}
