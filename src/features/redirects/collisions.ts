// No old address (alias) takes an address the site publishes, in any form a server answers it in, or the name of a folder the site needs.
import type { Problem } from "../../core/content/problems.ts";
import type { Output } from "../../core/output/output.ts";
import { aliasCollisions, collisionMessage } from "./aliases.ts";

/** Outputs made from an `aliases:` entry: the redirect pages. */
const fromAlias = (output: Output) => output.origin.field === "aliases";

export function checkAliasAddresses(outputs: readonly Output[]): Problem[] {
  const known = outputs.filter((output) => !fromAlias(output)).map((output) => ({ url: output.url, what: output.type === "text/html" ? "a page of the site itself" : "a file of the site itself" }));
  const claims = outputs.filter(fromAlias).map((output) => ({ file: output.origin.file ?? "", line: output.origin.line, alias: output.url }));
  return aliasCollisions(claims, known).map((collision) => ({ file: collision.claim.file, field: "aliases", line: collision.claim.line, severity: "error", message: collisionMessage(collision) }));
}
