// `npm run serve`: the production site served locally as a server would (precompressed files, security headers, 404 pages).
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/project.ts";
import { SECURITY_HEADERS } from "../../src/server/security-headers.ts";
import { SEARCH_POLICY_EXCEPTION } from "../../src/features/search/policy.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("npm run serve", () => {
  it("serves the built site with its headers, precompressed bodies and 404 pages, and says where", async () => {
    const siteDir = inject("siteDir");
    const port = await freePort();
    const child = spawn(
      path.join(PROJECT_ROOT, "node_modules/.bin/tsx"),
      ["src/cli/serve.ts", "--dir", siteDir, "--port", String(port)],
      { cwd: PROJECT_ROOT, env: { ...process.env, TRACT_MESSAGES: "en" } },
    );
    try {
      const announced = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => resolve(chunk.toString()));
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      expect(announced).toContain(`serving ${siteDir} at http://127.0.0.1:${port}/`);
      const page = await fetch(`http://127.0.0.1:${port}/fr/`, { headers: { "Accept-Encoding": "br" } });
      expect(page.status).toBe(200);
      expect(page.headers.get("content-encoding")).toBe("br");
      expect(await page.text()).toBe(await readFile(path.join(siteDir, "fr/index.html"), "utf8"));
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers.get(name)).toBe(value);
      // The search page alone gets its policy's exception (the map the build writes), as deploy/nginx.conf gives it.
      const search = await fetch(`http://127.0.0.1:${port}/fr/recherche/`);
      expect(search.headers.get("content-security-policy")).toBe(
        SECURITY_HEADERS["Content-Security-Policy"] + SEARCH_POLICY_EXCEPTION,
      );
      const wasm = await fetch(`http://127.0.0.1:${port}/pagefind/wasm.fr.pagefind`);
      expect(wasm.headers.get("content-type")).toBe("application/octet-stream");
      expect(wasm.headers.get("content-security-policy")).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
      const missing = await fetch(`http://127.0.0.1:${port}/en/nowhere/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain("Page not found");
    } finally {
      child.kill();
    }
  });

  it("says to build first when there is nothing to serve", async () => {
    const child = spawn(
      path.join(PROJECT_ROOT, "node_modules/.bin/tsx"),
      ["src/cli/serve.ts", "--dir", "/nonexistent/_site"],
      { cwd: PROJECT_ROOT, env: { ...process.env, TRACT_MESSAGES: "fr" } },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("[tract] /nonexistent/_site n’existe pas : lancez d’abord `npm run build`.");
  });
});
