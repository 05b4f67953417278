// `npm run serve`: serves the production _site/ locally as deploy/nginx.conf does (see src/server/static-server.ts).
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { startStaticServer } from "../server/static-server.ts";
import { SECURITY_HEADERS } from "../server/security-headers.ts";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "_site" },
    port: { type: "string", default: "8081" },
    host: { type: "string", default: "127.0.0.1" },
  },
});
const dir = values.dir ?? "_site";
if (!existsSync(dir)) {
  console.error(`[tract] ${dir} does not exist: run \`npm run build\` first.`);
  process.exit(1);
}
const server = await startStaticServer({
  root: dir,
  headers: SECURITY_HEADERS,
  port: Number(values.port),
  host: values.host,
});
console.log(`[tract] serving ${dir} at ${server.url}/ (Ctrl+C to stop)`);
