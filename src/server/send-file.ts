// Sends one built file with `send` (ETag, Last-Modified, 304, Range, HEAD), and turns any read error into a 500 and a log line.
import { type Message, msg } from "../core/i18n/message.ts";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import send from "send";

export interface FileToSend {
  /** The release folder the file is in. */
  release: string;
  /** The file itself (possibly a precompressed copy) inside `release`. */
  file: string;
  /** 200 for the page asked for; 404 for a "page not found" page, sent without validators, ranges or caching. */
  status: 200 | 404;
  log: (message: Message) => void;
  /** Answers the request with an error status, keeping the headers every response carries. */
  fail: (status: number, headers?: Record<string, string>) => void;
}

/** True for an error from the file system (ENOENT, EACCES, EIO…), as opposed to an HTTP answer send chose (412, 416). */
function isReadError(error: unknown): error is NodeJS.ErrnoException {
  return typeof (error as NodeJS.ErrnoException).code === "string";
}

export function sendFile(request: IncomingMessage, response: ServerResponse, target: FileToSend): void {
  const cacheable = target.status === 200;
  response.statusCode = target.status;
  // send decodes the path it is given, so it gets the file's path percent-encoded, relative to the release.
  const encodedPath =
    "/" + path.relative(target.release, target.file).split(path.sep).map(encodeURIComponent).join("/");
  send(request, encodedPath, {
    root: target.release,
    dotfiles: "allow",
    index: false,
    etag: cacheable,
    lastModified: cacheable,
    acceptRanges: cacheable,
    cacheControl: cacheable,
  })
    .on("error", (error: unknown) => {
      if (!isReadError(error)) {
        const { status, headers } = error as { status?: number; headers?: Record<string, string> };
        return target.fail(status ?? 500, headers);
      }
      target.log(
        msg`serve: could not read ${target.file} for ${request.url ?? ""}: ${error.code ?? ""} ${error.message}`,
      );
      if (response.headersSent) response.destroy(error);
      else target.fail(500);
    })
    // The file was a file a moment ago: a folder there now is a rebuild changing the site, not an address to redirect.
    .on("directory", () => target.fail(404))
    .pipe(response);
}
