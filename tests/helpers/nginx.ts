// Test helpers: Debian's nginx running deploy/nginx.conf over a built site, as a foreground child process the test stops.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PROJECT_ROOT, tempDir } from "./project.ts";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => existsSync(candidate));
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

export interface RunningNginx {
  url: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, errorLog: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${await readFile(errorLog, "utf8").catch(() => "")}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("nginx did not start listening");
}

/** Starts nginx with the project's sample site config, rewritten only for the folder and port. */
export async function startNginx(siteDir: string): Promise<RunningNginx> {
  if (!NGINX) throw new Error("nginx not found: install Debian's packages: sudo apt-get install -y nginx libnginx-mod-http-brotli-static");
  if (!existsSync(BROTLI_MODULE)) throw new Error(`${BROTLI_MODULE} not found: sudo apt-get install -y libnginx-mod-http-brotli-static`);
  const prefix = await tempDir("tract-nginx-");
  await mkdir(path.join(prefix, "logs"));
  const port = await freePort();
  const site = (await readFile(path.join(PROJECT_ROOT, "deploy/nginx.conf"), "utf8"))
    .replaceAll("/var/www/tract", siteDir)
    .replace(/listen 80;\n\s*listen \[::\]:80;/, `listen 127.0.0.1:${port};`);
  await writeFile(path.join(prefix, "tract.conf"), site);
  const errorLog = path.join(prefix, "logs/error.log");
  await writeFile(
    path.join(prefix, "nginx.conf"),
    [
      `load_module ${BROTLI_MODULE};`,
      "daemon off;",
      "master_process off;",
      `pid ${prefix}/nginx.pid;`,
      `error_log ${errorLog} warn;`,
      "events { worker_connections 64; }",
      "http {",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${name}_temp_path ${prefix}/${name};`),
      `  include ${prefix}/tract.conf;`,
      "}",
    ].join("\n"),
  );
  const child = spawn(NGINX, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], { stdio: ["ignore", "inherit", "inherit"] });
  await waitForPort(port, child, errorLog);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGQUIT");
      }),
  };
}
