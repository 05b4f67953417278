// The items of a list (an event's sessions) validated one by one, so that each message says which item it is about.
import type { z } from "zod";

/** "session 2", as a writer counts: the field path (sessions.1) counts from 0. */
export const sessionName = (index: number) => `session ${index + 1}`;

/** Validates each session on its own, so that every message says which session it is about. */
export function numbered<S extends z.ZodObject>(schema: S) {
  const fields = Object.keys(schema.shape).join(", ");
  return (items: unknown[], ctx: z.RefinementCtx): z.output<S>[] =>
    items.flatMap((item, index) => {
      const result = schema.safeParse(item);
      if (result.success) return [result.data];
      for (const issue of result.error.issues) {
        const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
        for (const key of keys) {
          const message = key === undefined ? issue.message : `unknown field (expected one of ${fields})`;
          ctx.addIssue({
            code: "custom",
            path: [index, ...issue.path, ...(key === undefined ? [] : [key])],
            message: `${sessionName(index)}: ${message}`,
            input: item,
          });
        }
      }
      return [];
    });
}
