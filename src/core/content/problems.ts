// Problems found in content: one per line, naming the file, the line, the field, what was found and what is expected, in the writer's language.
import { ENGLISH, type Message, type MessageRenderer, msg } from "../i18n/message.ts";

export interface Problem {
  /** Path relative to the project root, e.g. `posts/fr/charbon.md`. */
  file: string;
  /** The front matter field or data key at fault, when there is one, as a path (`sessions.1.id`: list items count from 0). */
  field?: string | undefined;
  /** 1-based line in the file, when the problem has one. */
  line?: number | undefined;
  message: Message;
  severity: "error" | "warning";
}

/** A field path as a writer reads it: list items counted from 1 (`sessions.1.id` → `sessions #2 › id`). */
export function fieldLabel(field: string, renderer: MessageRenderer = ENGLISH): string {
  const parts: string[] = [];
  for (const segment of field.split(".")) {
    const last = parts.length - 1;
    const position = /^\d+$/.test(segment) ? Number(segment) + 1 : undefined;
    if (position !== undefined && last >= 0) parts[last] = renderer.render(msg`${parts[last]!} #${position}`);
    else parts.push(position === undefined ? segment : renderer.render(msg`#${position}`));
  }
  return parts.join(" › ");
}

/** The line the build and the preview print for a problem: `file:line: field: message`. */
export function formatProblem(problem: Problem, renderer: MessageRenderer = ENGLISH): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? `${fieldLabel(problem.field, renderer)}: ` : "";
  return `${where}: ${field}${renderer.render(problem.message)}`;
}

/** An error whose message is written for the writer (the file, and what went wrong with it): the build prints it in the writer's language. */
export class BuildError extends Error {
  constructor(
    readonly text: Message,
    options?: ErrorOptions,
  ) {
    super(text.toString(), options);
    this.name = "BuildError";
  }
}

/** Thrown when content has errors; carries every problem found, not only the first. */
export class ContentError extends Error {
  readonly problems: Problem[];
  /** Tells Eleventy's error output that the stack trace adds nothing for the writer. */
  readonly skipOriginalStack = true;

  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    super(
      `${errors.length} content error${errors.length === 1 ? "" : "s"}:\n` +
        errors.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}

/** An error and the errors it wraps (Eleventy wraps template and data errors in its own). */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && chain.length < 20 && !chain.includes(current)) {
    chain.push(current);
    if (typeof current !== "object") break;
    current = (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return chain;
}

export function findContentError(error: unknown): ContentError | undefined {
  return errorChain(error).find((link): link is ContentError => link instanceof ContentError);
}

/** Quotes a found value for a message: strings in double quotes, other values as JSON. */
export function quote(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  return JSON.stringify(value) ?? String(value);
}
