// Files made from other outputs' content (a search index from the pages): each derivation is handed the outputs it reads as they are written, then asked for its files while the others are written.
import { readFileSync } from "node:fs";
import type { Derivation, Output, OutputOrigin } from "./output.ts";
import { describeOrigin, planOutputs } from "./paths.ts";

/** An error naming who failed, on what, and why. */
function failure(who: OutputOrigin, what: string, error: unknown): Error {
  return new Error(`${describeOrigin(who)}: ${what}: ${(error as Error).message}`, { cause: error });
}

/** Each output the derivations read, with the derivations that read it (each asked once per output). */
export function readersOf(outputs: Iterable<Output>, derivations: readonly Derivation[]): Map<Output, Derivation[]> {
  const readers = new Map<Output, Derivation[]>();
  for (const output of outputs) {
    const reading = derivations.filter((derivation) => derivation.reads(output));
    if (reading.length) readers.set(output, reading);
  }
  return readers;
}

/**
 * Hands a written file to the derivations that read its output: its content key, and its content as published
 * (read back on demand, so that a file linked from the last release is read only when a derivation needs it).
 */
export async function handOver(readers: readonly Derivation[], output: Output, key: string, file: string) {
  for (const derivation of readers) {
    try {
      // Read synchronously: the files are small and just written, and libuv's threads are then often all busy with
      // the pictures and cards (sharp queues its work there), which held a first build's search index back until
      // every card was drawn.
      await derivation.read(output, { key, content: async () => readFileSync(file) });
    } catch (error) {
      throw failure(derivation.origin, `${output.url} could not be read`, error);
    }
  }
}

/** The files the derivations make, once they have read every output. */
export async function derivedOutputs(derivations: readonly Derivation[]): Promise<Output[]> {
  const made = await Promise.all(
    derivations.map((derivation) =>
      derivation.outputs().catch((error: unknown) => {
        throw failure(derivation.origin, "its files could not be made", error);
      }),
    ),
  );
  return made.flat();
}

/** Both settled, then the first failure thrown: nothing is still writing into the folder when the build gives up. */
async function bothSettled<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === "rejected") throw a.reason;
  if (b.status === "rejected") throw b.reason;
  return [a.value, b.value];
}

/** The writer's way of writing files (output → path), handing each to the derivations that read it (`readers`). */
type WriteAll<Written> = (files: Map<Output, string>, readers?: Map<Output, Derivation[]>) => Promise<Written[]>;

/**
 * Writes `planned` (output → path) with `writeAll`, then the derivations' files, and returns what was written in the
 * order of `planned`, then the derived files. The outputs the derivations read are written first; the derivations
 * then make their files (the search index, in Pagefind's own process) while the other outputs are written, and
 * those files' addresses are checked against every other output's.
 */
export async function writeWithDerivations<Written>(
  planned: Map<Output, string>,
  derivations: readonly Derivation[],
  writeAll: WriteAll<Written>,
): Promise<Written[]> {
  const readers = readersOf(planned.keys(), derivations);
  const [read, others] = [new Map<Output, string>(), new Map<Output, string>()];
  for (const [output, file] of planned) (readers.has(output) ? read : others).set(output, file);
  const written = new Map<Output, Written>();
  const record = (files: Map<Output, string>) => (done: Written[]) =>
    [...files.keys()].forEach((output, index) => written.set(output, done[index]!));
  record(read)(await writeAll(read, readers));
  // The derivations first: writing the others starts by computing all their inputs, which would hold them back.
  const [derived] = await bothSettled(derivedOutputs(derivations), writeAll(others).then(record(others)));
  const files = planOutputs([...planned.keys(), ...derived]);
  const derivedWritten = await writeAll(new Map(derived.map((output) => [output, files.get(output)!])));
  return [...[...planned.keys()].map((output) => written.get(output)!), ...derivedWritten];
}
