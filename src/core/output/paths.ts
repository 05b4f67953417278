// Where each output goes in the output folder: its address made a relative file path, refused when unsafe, and every address taken once.
import path from "node:path";
import type { Output, OutputOrigin } from "./output.ts";
import { BuildError } from "../content/problems.ts";
import { type Message, msg } from "../i18n/message.ts";

export class OutputPathError extends BuildError {
  constructor(
    readonly origin: OutputOrigin,
    text: Message,
  ) {
    super(text);
    this.name = "OutputPathError";
  }
}

/** `feature (file: field)`, for messages. */
export function describeOrigin(origin: OutputOrigin): string | Message {
  if (!origin.file) return msg`the ${origin.feature} feature`;
  return origin.field ? `${origin.file}: ${origin.field}` : origin.file;
}

/** A character a file name on the output's disk may not hold, or that servers read otherwise. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const UNSAFE = /[\u0000-\u001f\u007f\\%?#]/;

/**
 * The file an address is written to, relative to the output folder (`/fr/` → `fr/index.html`), or an error:
 * every part is checked, so that no address can lead out of the folder or into a dotfile whatever it holds.
 */
export function outputFile(url: string, origin: OutputOrigin): string {
  const refuse = (why: Message) =>
    new OutputPathError(origin, msg`${describeOrigin(origin)}: the address ${JSON.stringify(url)} ${why}`);
  if (!url.startsWith("/")) throw refuse(msg`does not start with / (expected an address of the site, e.g. /fr/page/)`);
  if (UNSAFE.test(url))
    throw refuse(msg`holds a character an address of the site may not hold (%, \\, ?, #, control characters)`);
  const segments = url.slice(1).split("/");
  const inner = url.endsWith("/") ? segments.slice(0, -1) : segments;
  for (const segment of inner) {
    if (segment === "") throw refuse(msg`holds an empty part (//)`);
    if (segment === "." || segment === "..")
      throw refuse(msg`holds a . or .. part (expected a plain path inside the site)`);
    if (segment.startsWith(".")) throw refuse(msg`names a hidden file or folder (a part starting with a dot)`);
  }
  const relative = url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
  const normalised = path.posix.normalize(relative);
  if (normalised !== relative || normalised.startsWith("../") || path.posix.isAbsolute(normalised))
    throw refuse(msg`does not stay inside the site`);
  return relative;
}

/** The file of every output, each taken once; a file that another output needs as a folder is refused too. */
export function planOutputs(outputs: readonly Output[]): Map<Output, string> {
  const files = new Map<Output, string>();
  const taken = new Map<string, Output>();
  for (const output of outputs) {
    const file = outputFile(output.url, output.origin);
    const holder = taken.get(file);
    if (holder) {
      throw new OutputPathError(
        output.origin,
        msg`${describeOrigin(output.origin)}: ${output.url} is already an address of the site, made by ${describeOrigin(holder.origin)} (expected an address of its own)`,
      );
    }
    taken.set(file, output);
    files.set(output, file);
  }
  for (const [file, output] of taken) {
    for (let folder = path.posix.dirname(file); folder !== "."; folder = path.posix.dirname(folder)) {
      const holder = taken.get(folder);
      if (holder)
        throw new OutputPathError(
          output.origin,
          msg`${describeOrigin(output.origin)}: ${output.url} needs /${folder} to be a folder, but it is a file made by ${describeOrigin(holder.origin)}`,
        );
    }
  }
  return files;
}
