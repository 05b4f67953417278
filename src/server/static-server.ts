// The built site served as deploy/nginx.conf serves it, for tests and `npm run serve`: each request from one release, never a crash.
import { type Message, msg } from "../core/i18n/message.ts";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { realpath } from "node:fs/promises";
import path from "node:path";
import Negotiator from "negotiator";
import { contentTypeFor, typeVariesWithAccept } from "./content-type.ts";
import { lookupNginxMap, matchNginxMap, NginxMapFiles, type NginxMap } from "./nginx-map.ts";
import { isSameOriginPath, parseRequestPath, pathFor } from "./request-path.ts";
import { pagePolicy } from "./page-policy.ts";
import { lookUp, representationOf } from "./site-files.ts";
import { sendFile } from "./send-file.ts";

export interface StaticServerOptions {
  /** The site folder; it may be a symlink to a release folder, resolved anew for every request. */
  root: string;
  /** Headers added to every response (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  port?: number;
  host?: string;
  /** Where a failed read is reported, one line each (default: standard error). */
  log?: (message: Message) => void;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const ALLOWED_METHODS = "GET, HEAD";
const POLICY = "Content-Security-Policy";
const STATUS_TEXT: Record<number, string> = {
  400: "Bad request",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  412: "Precondition failed",
  416: "Range not satisfiable",
  500: "Internal server error",
  503: "Site not available",
};

interface Context {
  root: string;
  headers: Record<string, string>;
  log: (message: Message) => void;
  maps: NginxMapFiles;
}

/** Answers with a status and a short text, with only the headers every response carries (any set for a file are dropped). */
function answer(
  context: Context,
  response: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
): void {
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  response
    .writeHead(status, { ...context.headers, "Content-Type": "text/plain; charset=utf-8", ...headers })
    .end(`${STATUS_TEXT[status] ?? status}\n`);
}

function redirect(
  context: Context,
  response: ServerResponse,
  status: 301 | 302,
  location: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { ...context.headers, Location: location, ...headers }).end();
}

/**
 * The reader's home from the build's languages map: nginx applies it to the whole Accept-Language
 * header (its first language); here it is tried on each language in order of preference (q-values).
 */
function homeFor(request: IncomingMessage, languages: NginxMap): string | undefined {
  for (const language of new Negotiator(request).languages()) {
    const home = matchNginxMap(languages, language);
    if (home) return home;
  }
  return languages.default;
}

/** The "page not found" of the language the path starts with (/en/… → /en/404.html, as deploy/nginx.conf's location), else the root one. */
async function notFoundPage(release: string, sitePath: string): Promise<string | undefined> {
  const lang = /^\/([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\//.exec(sitePath)?.[1];
  for (const candidate of lang ? [[lang, "404.html"], ["404.html"]] : [["404.html"]]) {
    const found = await lookUp(release, candidate, false);
    if (found.kind === "file") return found.file;
  }
  return undefined;
}

async function serveFile(
  context: Context,
  request: IncomingMessage,
  response: ServerResponse,
  release: string,
  file: string,
  status: 200 | 404,
): Promise<void> {
  const representation = await representationOf(file, request);
  const vary = [
    representation.variesWithEncoding ? "Accept-Encoding" : "",
    typeVariesWithAccept(file) ? "Accept" : "",
  ].filter(Boolean);
  response.setHeader("Content-Type", contentTypeFor(file, String(request.headers.accept ?? "")));
  if (vary.length > 0) response.setHeader("Vary", vary.join(", "));
  if (representation.encoding) response.setHeader("Content-Encoding", representation.encoding);
  sendFile(request, response, {
    release,
    file: representation.file,
    status,
    log: context.log,
    fail: (code, headers) => answer(context, response, code, headers),
  });
}

/** Never for readers, as in deploy/nginx.conf: dotfiles and dot-folders, and the build's server files. */
function isHidden(segments: string[], sitePath: string): boolean {
  return segments.some((segment) => segment.startsWith(".")) || segments[0] === "_server" || sitePath === "/_redirects";
}

/** Answers from the release's maps and files as nginx would; false when it holds nothing for this address. */
async function answerFromRelease(
  context: Context,
  request: IncomingMessage,
  response: ServerResponse,
  release: string,
  segments: string[],
  sitePath: string,
): Promise<boolean> {
  const moved = await context.maps.get(path.join(release, "_server/redirects.map"));
  const newAddress = moved && lookupNginxMap(moved, sitePath);
  if (newAddress && isSameOriginPath(newAddress)) {
    redirect(context, response, 301, newAddress);
    return true;
  }
  if (sitePath === "/") {
    const languages = await context.maps.get(path.join(release, "_server/languages.map"));
    const home = languages && homeFor(request, languages);
    if (home && isSameOriginPath(home)) {
      redirect(context, response, 302, home, { "Cache-Control": "no-cache" });
      return true;
    }
  }
  const found = await lookUp(release, segments, sitePath.endsWith("/"));
  if (found.kind === "directory") redirect(context, response, 301, pathFor(segments, true));
  else if (found.kind === "file") {
    const policy = context.headers[POLICY];
    if (policy) response.setHeader(POLICY, await pagePolicy(context.maps, release, sitePath, policy));
    await serveFile(context, request, response, release, found.file, 200);
  }
  return found.kind !== "missing";
}

async function handle(context: Context, request: IncomingMessage, response: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(context.headers)) response.setHeader(name, value);
  if (request.method !== "GET" && request.method !== "HEAD")
    return answer(context, response, 405, { Allow: ALLOWED_METHODS });
  const asked = parseRequestPath(request.url ?? "");
  if (asked.kind === "bad") return answer(context, response, 400);
  if (!asked.canonical) return redirect(context, response, 301, pathFor(asked.segments, asked.path.endsWith("/")));
  // One release for the whole response: the site folder may be a symlink a rebuild replaces at any moment.
  const release = await realpath(context.root).catch((error: NodeJS.ErrnoException) => {
    context.log(
      msg`serve: the site folder ${context.root} is not there (${error.code ?? ""}): is a build switching it?`,
    );
    return undefined;
  });
  if (!release) return answer(context, response, 503, { "Retry-After": "1" });
  if (
    !isHidden(asked.segments, asked.path) &&
    (await answerFromRelease(context, request, response, release, asked.segments, asked.path))
  )
    return;
  const notFound = await notFoundPage(release, asked.path);
  return notFound ? serveFile(context, request, response, release, notFound, 404) : answer(context, response, 404);
}

export function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const context: Context = {
    root: path.resolve(options.root),
    headers: options.headers ?? {},
    log: options.log ?? ((message) => console.error(`[tract] ${String(message)}`)),
    maps: new NginxMapFiles(),
  };
  const server = createServer((request, response) => {
    handle(context, request, response).catch((error: Error) => {
      context.log(msg`serve: ${request.method ?? ""} ${request.url ?? ""} failed: ${error.message}`);
      if (response.headersSent) response.destroy(error);
      else answer(context, response, 500);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({
        url: `http://${options.host ?? "127.0.0.1"}:${port}`,
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
