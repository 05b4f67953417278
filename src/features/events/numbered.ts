// The items of a list (an event's sessions) validated one by one, so that each message says which item it is about.
import type { z } from "zod";
import { type Message, issueText, msg } from "../../core/i18n/message.ts";
import { issueMessage } from "../../core/content/zod-problems.ts";
import { didYouMean } from "../../core/i18n/suggest.ts";

/** "session 2", as a writer counts: the field path (sessions.1) counts from 0. */
export const sessionName = (index: number): Message => msg`session ${index + 1}`;

/** Validates each session on its own (the field path of each message says which session, counted from 1). */
export function numbered<S extends z.ZodObject>(schema: S) {
  const fields = Object.keys(schema.shape).join(", ");
  return (items: unknown[], ctx: z.RefinementCtx): z.output<S>[] =>
    items.flatMap((item, index) => {
      const result = schema.safeParse(item);
      if (result.success) return [result.data];
      for (const issue of result.error.issues) {
        const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
        for (const key of keys) {
          const message =
            key === undefined
              ? issueMessage(issue, item)
              : msg`unknown field${didYouMean(key, Object.keys(schema.shape))} (expected one of ${fields})`;
          ctx.addIssue({
            code: "custom",
            path: [index, ...issue.path, ...(key === undefined ? [] : [key])],
            message: issueText(message),
            input: item,
          });
        }
      }
      return [];
    });
}
