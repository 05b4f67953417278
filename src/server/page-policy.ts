// A page's Content-Security-Policy: the site's strict one, plus what the build's map adds at its address (the search pages' WebAssembly), as deploy/nginx.conf does.
import path from "node:path";
import { type NginxMapFiles, matchNginxMap } from "./nginx-map.ts";

/** Written by the build (the search feature): page address → the directives its policy adds. */
const EXCEPTIONS_MAP = "_server/csp-exceptions.map";

export async function pagePolicy(
  maps: NginxMapFiles,
  release: string,
  sitePath: string,
  policy: string,
): Promise<string> {
  const exceptions = await maps.get(path.join(release, EXCEPTIONS_MAP));
  return policy + ((exceptions && matchNginxMap(exceptions, sitePath)) ?? "");
}
