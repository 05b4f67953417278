// A small static file server for a built site, as a web server would serve it: used by tests and `npm run serve`.
import { createServer, type Server } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "text/xsl; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".ics": "text/calendar; charset=utf-8",
  ".vcf": "text/vcard; charset=utf-8",
};

/** Feeds by file name (src/core/i18n/routes.ts): their registered types, except for browsers, which only apply a feed's XSL stylesheet to XML. */
const FEED_TYPES: Record<string, string> = {
  "feed.xml": "application/atom+xml; charset=utf-8",
  "rss.xml": "application/rss+xml; charset=utf-8",
  "feed.json": "application/feed+json; charset=utf-8",
};

export function contentTypeFor(file: string, accept = ""): string {
  const feedType = FEED_TYPES[path.basename(file)];
  const extension = path.extname(file);
  if (feedType && !(extension === ".xml" && /text\/html/i.test(accept))) return feedType;
  return CONTENT_TYPES[extension] ?? "application/octet-stream";
}

/** The precompressed copy to send for this request, if the build wrote one and the client accepts it. */
async function precompressed(file: string, acceptEncoding: string): Promise<{ file: string; encoding: string } | undefined> {
  for (const [encoding, extension] of [["br", ".br"], ["gzip", ".gz"]] as const) {
    if (!new RegExp(`\\b${encoding}\\b`).test(acceptEncoding)) continue;
    const info = await stat(file + extension).catch(() => undefined);
    if (info?.isFile()) return { file: file + extension, encoding };
  }
  return undefined;
}

export interface StaticServerOptions {
  root: string;
  /** Headers added to every response (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(urlPath);
  const candidate = path.join(root, path.normalize(decoded));
  if (!candidate.startsWith(path.resolve(root))) return undefined;
  for (const file of [candidate, path.join(candidate, "index.html")]) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}

/** The 404 page of the language the path starts with (/en/… → /en/404.html), else the root one. */
async function notFoundPage(root: string, urlPath: string): Promise<string | undefined> {
  const lang = /^\/([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\//.exec(urlPath)?.[1];
  return (lang && (await fileFor(root, `/${lang}/404.html`))) || fileFor(root, "/404.html");
}

export function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const server = createServer(async (request, response) => {
    const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
    for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
    if (urlPath.endsWith("/") === false && !path.extname(urlPath) && (await fileFor(root, `${urlPath}/`))) {
      response.writeHead(301, { Location: `${urlPath}/` }).end();
      return;
    }
    const file = await fileFor(root, urlPath);
    const served = file ?? (await notFoundPage(root, urlPath));
    if (!served) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    const compressed = await precompressed(served, String(request.headers["accept-encoding"] ?? ""));
    response.writeHead(file ? 200 : 404, {
      "Content-Type": contentTypeFor(served, String(request.headers.accept ?? "")),
      Vary: "Accept-Encoding",
      ...(compressed ? { "Content-Encoding": compressed.encoding } : {}),
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(compressed?.file ?? served).pipe(response);
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
