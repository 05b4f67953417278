// `npm run serve`: serves the production _site/ locally as deploy/nginx.conf does (see src/server/static-server.ts).
import { existsSync } from "node:fs";
import { msg } from "../core/i18n/message.ts";
import { startStaticServer } from "../server/static-server.ts";
import { SECURITY_HEADERS } from "../server/security-headers.ts";
import { say, writerMessages } from "./messages.ts";
import { optionsOrExit } from "./options.ts";

const USAGE = msg`Usage: npm run serve [-- options]
  --dir DIR        the site to serve (default _site)
  --port N         the port (default 8081)
  --host H         the address to listen on (default 127.0.0.1)
  --messages LANG  the language of these messages: fr or en (default: LANG, then the site's language)`;

const root = process.cwd();
const { values } = await optionsOrExit(
  root,
  USAGE,
  {
    dir: { type: "string", default: "_site" },
    port: { type: "string", default: "8081" },
    host: { type: "string", default: "127.0.0.1" },
  },
  { script: "serve", example: "--port 8082" },
);
const messages = await writerMessages(root, values.messages);
const dir = values.dir;
if (!existsSync(dir)) {
  say(messages, msg`${dir} does not exist: run \`npm run build\` first.`, "error");
  process.exit(1);
}
const server = await startStaticServer({
  root: dir,
  headers: SECURITY_HEADERS,
  port: Number(values.port),
  host: values.host,
  log: (message) => say(messages, message, "error"),
});
say(messages, msg`serving ${dir} at ${server.url}/ (Ctrl+C to stop)`);
