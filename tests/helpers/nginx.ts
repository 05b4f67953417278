// Test helpers: Debian's nginx running deploy/nginx.conf over a built site, as a foreground child process the test stops.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PROJECT_ROOT, tempDir } from "./project.ts";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => existsSync(candidate));
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/** True when the tests run as root (as CI does): nginx's workers then run as `nobody`, as Debian's run as `www-data`. */
export const RUNNING_AS_ROOT = process.getuid?.() === 0;

export interface NginxOptions {
  /**
   * Workers as an unprivileged user (`nobody`) when the tests run as root, so that a site only
   * root can read is refused as on a real server; not root, they run as the current user.
   */
  unprivileged?: boolean;
  /** A change to deploy/nginx.conf, to show what one of its lines is for. */
  edit?: (config: string) => string;
}

export interface RunningNginx {
  url: string;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
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

/**
 * A scratch folder an unprivileged nginx worker can reach (mode 0755, its scratch parents
 * traversable), where a test makes a web root as an administrator would (e.g. /var/www/tract).
 */
export async function reachableDir(prefix: string): Promise<string> {
  const dir = await tempDir(prefix);
  await chmod(dir, 0o755);
  const runDir = process.env.TRACT_TEST_TMP;
  if (runDir && dir.startsWith(runDir + path.sep)) await chmod(runDir, 0o711);
  return dir;
}

export interface NginxConfig {
  prefix: string;
  file: string;
  port: number;
  errorLog: string;
}

/** deploy/nginx.conf rewritten only for the site folder and a free loopback port, inside a minimal main configuration. */
export async function writeNginxConfig(siteDir: string, options: NginxOptions = {}): Promise<NginxConfig> {
  if (!NGINX)
    throw new Error(
      "nginx not found: install Debian's packages: sudo apt-get install -y nginx libnginx-mod-http-brotli-static",
    );
  if (!existsSync(BROTLI_MODULE))
    throw new Error(`${BROTLI_MODULE} not found: sudo apt-get install -y libnginx-mod-http-brotli-static`);
  const prefix = await tempDir("tract-nginx-");
  await mkdir(path.join(prefix, "logs"));
  const port = await freePort();
  const edit = options.edit ?? ((config: string) => config);
  const site = edit(await readFile(path.join(PROJECT_ROOT, "deploy/nginx.conf"), "utf8"))
    .replaceAll("/var/www/tract/site", siteDir)
    .replace(/listen 80;\n\s*listen \[::\]:80;/, `listen 127.0.0.1:${port};`);
  await writeFile(path.join(prefix, "tract.conf"), site);
  const errorLog = path.join(prefix, "logs/error.log");
  const file = path.join(prefix, "nginx.conf");
  await writeFile(
    file,
    [
      `load_module ${BROTLI_MODULE};`,
      "daemon off;",
      // Unprivileged: a master that drops its workers' privileges, as Debian's nginx does. Otherwise one
      // process as the current user (a master run by root would give its workers to `nobody` by default).
      ...(options.unprivileged && RUNNING_AS_ROOT ? ["user nobody nogroup;"] : ["master_process off;"]),
      "worker_processes 1;",
      `pid ${prefix}/nginx.pid;`,
      `error_log ${errorLog} warn;`,
      "events { worker_connections 1024; }",
      "http {",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${name}_temp_path ${prefix}/${name};`),
      `  include ${prefix}/tract.conf;`,
      "}",
    ].join("\n"),
  );
  return { prefix, file, port, errorLog };
}

/** `nginx -t` on a configuration: its exit code and what it printed. */
export function testNginxConfig(config: NginxConfig): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(NGINX!, ["-t", "-p", config.prefix, "-c", config.file], (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout + stderr });
    });
  });
}

/** Starts nginx with the project's sample site config, after `nginx -t` accepted it. */
export async function startNginx(siteDir: string, options: NginxOptions = {}): Promise<RunningNginx> {
  const config = await writeNginxConfig(siteDir, options);
  const check = await testNginxConfig(config);
  if (check.code !== 0) throw new Error(`nginx -t refused deploy/nginx.conf:\n${check.output}`);
  const child = spawn(NGINX!, ["-p", config.prefix, "-c", config.file], { stdio: ["ignore", "inherit", "inherit"] });
  await waitForPort(config.port, child, config.errorLog);
  return {
    url: `http://127.0.0.1:${config.port}`,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGQUIT");
      }),
  };
}
