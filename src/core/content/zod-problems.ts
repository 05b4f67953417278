// Turns a zod validation error into tract problems: one line per field, with its line number, in words a writer reads (never zod's own).
import type { z } from "zod";
import { type Message, fromIssueText, msg } from "../i18n/message.ts";
import { didYouMean } from "../i18n/suggest.ts";
import { type Problem, quote } from "./problems.ts";

/** The value at `path` in what was validated, to say what was found. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
}

const TYPE_NAMES: Record<string, () => Message> = {
  string: () => msg`text`,
  number: () => msg`a number`,
  int: () => msg`a whole number`,
  boolean: () => msg`true or false`,
  array: () => msg`a list`,
  object: () => msg`a list of \`field: value\` lines`,
};

/** What zod found wrong, said without zod's words: for a check that has no message of its own. */
function plainMessage(issue: z.core.$ZodIssue, found: unknown): Message {
  if (found === undefined || found === null) return msg`missing (expected a value here)`;
  const value = quote(found);
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected]?.();
      return expected ? msg`${value} is not ${expected}` : msg`${value} is not a valid value here`;
    }
    case "invalid_value":
      return msg`${value} is not one of ${issue.values.map(String).join(", ")}`;
    case "too_small":
      return issue.origin === "array"
        ? msg`has too few items (expected at least ${String(issue.minimum)})`
        : issue.origin === "string"
          ? msg`is too short (expected at least ${String(issue.minimum)} characters)`
          : msg`${value} is too small (expected at least ${String(issue.minimum)})`;
    case "too_big":
      return issue.origin === "array"
        ? msg`has too many items (expected at most ${String(issue.maximum)})`
        : issue.origin === "string"
          ? msg`is too long (expected at most ${String(issue.maximum)} characters)`
          : msg`${value} is too large (expected at most ${String(issue.maximum)})`;
    case "invalid_format":
      return msg`${value} is not written as expected here`;
    default:
      return msg`${value} is not a valid value here`;
  }
}

/** A refinement's message written as a plain string (not yet in the catalogue): shown as it is, in English. */
function ownMessage(issue: z.core.$ZodIssue): Message | undefined {
  return issue.code === "custom" && issue.message !== ZOD_CUSTOM_DEFAULT ? msg`${issue.message}` : undefined;
}
const ZOD_CUSTOM_DEFAULT = "Invalid input";

/** The message of one issue, for the writer: its own (written with msg), or what zod found said in plain words. */
export function issueMessage(issue: z.core.$ZodIssue, data: unknown): Message {
  return fromIssueText(issue.message) ?? ownMessage(issue) ?? plainMessage(issue, valueAt(data, issue.path));
}

export function zodProblems(
  file: string,
  error: z.ZodError,
  lines: Record<string, number> = {},
  allowedFields: string[] = [],
  data?: unknown,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = [...issue.path, key].join(".");
        const message = allowedFields.length
          ? msg`unknown field${didYouMean(key, allowedFields)} (expected one of ${allowedFields.join(", ")})`
          : msg`unknown field`;
        problems.push({ file, field, line: lines[String(issue.path[0] ?? key)], message, severity: "error" });
      }
      continue;
    }
    const field = issue.path.map(String).join(".") || undefined;
    const topField = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    problems.push({
      file,
      field,
      line: topField ? lines[topField] : undefined,
      message: issueMessage(issue, data),
      severity: "error",
    });
  }
  return problems;
}
