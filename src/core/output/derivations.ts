// Files made from other outputs' content (a search index from the pages): each derivation is handed the outputs it reads as they are written, then asked for its files.
import { readFile } from "node:fs/promises";
import type { Derivation, Output, OutputOrigin } from "./output.ts";
import { describeOrigin } from "./paths.ts";

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
      await derivation.read(output, { key, content: () => readFile(file) });
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
