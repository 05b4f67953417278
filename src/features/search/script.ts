// The search page's own script (client/search.js), published under a content-hashed name so that servers may cache it for long.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Output } from "../../core/output/output.ts";

const SOURCE = new URL("./client/search.js", import.meta.url);

export interface SearchScript {
  url: string;
  content: Buffer;
}

export async function loadSearchScript(): Promise<SearchScript> {
  const content = await readFile(SOURCE);
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  return { url: `/assets/js/search.${hash}.js`, content };
}

export function searchScriptOutput(script: SearchScript): Output {
  return { url: script.url, type: "text/javascript", origin: { feature: "search" }, produce: () => script.content };
}
