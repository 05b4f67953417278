// The preview's errors in the browser: while a save breaks the build, every page `npm start` serves is the list of problems, until the next build works.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BuildError, findContentError, formatProblem } from "../content/problems.ts";
import { type MessageRenderer, msg } from "../i18n/message.ts";

/** What broke the last build: each line as the terminal shows it, in the writer's language. */
interface Failure {
  lang: string;
  title: string;
  advice: string;
  lines: string[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** The lines a failed build reports: its problems, or the message of the error that stopped it. */
export function failureLines(error: unknown, renderer: MessageRenderer): string[] {
  const content = findContentError(error);
  if (content)
    return content.problems.filter((p) => p.severity === "error").map((problem) => formatProblem(problem, renderer));
  if (error instanceof BuildError) return [renderer.render(error.text)];
  return [error instanceof Error ? error.message : String(error)];
}

export class PreviewErrors {
  private failure: Failure | undefined;

  /** Remembers why the build failed, and says it in the terminal. */
  failed(error: unknown, renderer: MessageRenderer & { lang: string }): void {
    const lines = failureLines(error, renderer);
    this.failure = {
      lang: renderer.lang,
      title: renderer.render(msg`The preview cannot be built`),
      advice: renderer.render(
        msg`Fix what is listed below and save: this page shows the site again as soon as the build works.`,
      ),
      lines,
    };
    console.error(`[tract] ${this.failure.title}:\n${lines.map((line) => `  ${line}`).join("\n")}`);
  }

  /** The build works again: pages are served as written. */
  succeeded(): void {
    this.failure = undefined;
  }

  /** The error page, while the build is broken. */
  page(): string | undefined {
    const failure = this.failure;
    if (!failure) return undefined;
    const items = failure.lines.map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join("\n");
    return `<!doctype html>
<html lang="${failure.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(failure.title)}</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{color:#9b1c1c;font-size:1.6rem}li{margin:.6rem 0}code{white-space:pre-wrap;font-size:1rem}</style></head>
<body data-page="preview-error"><main><h1>${escapeHtml(failure.title)}</h1><p>${escapeHtml(failure.advice)}</p>
<ul id="tract-problems">
${items}
</ul></main></body></html>`;
  }

  /** Eleventy's dev server middleware: pages (not styles, pictures…) are the error page while the build is broken. */
  readonly middleware = (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const page = this.page();
    const wantsPage = /text\/html/.test(request.headers.accept ?? "") || /(\/|\.html)(\?.*)?$/.test(request.url ?? "");
    if (!page || !wantsPage) return next();
    response.statusCode = 500;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(page);
  };
}
