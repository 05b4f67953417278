// Test helpers: raw HTTP exchanges (no redirect followed, nothing decompressed or normalised) and `npm run serve` as a child process.
import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { PROJECT_ROOT } from "./project.ts";
import { freePort } from "./nginx.ts";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request on its own connection, with the path sent exactly as given (`/.//fr`, `/%`, `/\evil`). */
export function request(
  baseUrl: string,
  rawPath: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    http
      .request(
        {
          hostname,
          port,
          path: rawPath,
          method: options.method ?? "GET",
          headers: options.headers ?? {},
          agent: false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
          );
          response.on("error", reject);
        },
      )
      .on("error", reject)
      .end();
  });
}

/** The bytes a server sends back for requests written by hand (the last one saying `Connection: close`), read until it closes the connection. */
export function exchange(baseUrl: string, text: string): Promise<Buffer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () => socket.write(text));
    socket.setTimeout(5000, () => socket.destroy(new Error("the server kept the connection open")));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("close", () => resolve(Buffer.concat(chunks)));
    socket.on("error", reject);
  });
}

export interface RunningServe {
  url: string;
  /** What the server wrote to standard error so far, line by line. */
  errors(): string[];
  /** False once the process has exited (a crash). */
  alive(): boolean;
  close(): Promise<void>;
}

/** `npm run serve -- --dir DIR --port P` (run as npm does), resolved once it announces its address; `uid`/`gid` run it as another user. */
export async function startServe(dir: string, user: { uid?: number; gid?: number } = {}): Promise<RunningServe> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts", "--dir", dir, "--port", String(port)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NO_COLOR: "1" },
    ...user,
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(`http://127.0.0.1:${port}/`)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}:\n${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    errors: () => stderr.split("\n").filter(Boolean),
    alive: () => child.exitCode === null && child.signalCode === null,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
