// "Did you mean …?": the known name nearest to a mistyped one (edit distance), for the messages about unknown names.
import { distance } from "fastest-levenshtein";
import { type Message, msg } from "./message.ts";

/**
 * The known name nearest to `found`, when it is near enough to be a typo: one edit for a short name, else two or a
 * third of its length (two letters swapped are two edits).
 */
export function nearest(found: string, known: Iterable<string>): string | undefined {
  const limit = found.length <= 3 ? 1 : Math.max(2, Math.floor(found.length / 3));
  let best: { name: string; edits: number } | undefined;
  for (const name of known) {
    if (name === found) continue;
    const edits = distance(found.toLowerCase(), name.toLowerCase());
    if (edits <= limit && (!best || edits < best.edits)) best = { name, edits };
  }
  return best?.name;
}

/** " (did you mean x?)" after a message naming an unknown `found`, or nothing when no known name is near. */
export function didYouMean(found: string, known: Iterable<string>): Message | string {
  const name = nearest(found, known);
  return name === undefined ? "" : msg` (did you mean ${name}?)`;
}
