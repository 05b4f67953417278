// The production build: the site written into a new release beside the output, checked, then made the site in one step; the output is never left half-built.
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pruneCache } from "./cache.ts";
import type { SiteBuild } from "./site-build.ts";
import { type BuildSummary, countOutputs } from "./summary.ts";
import { SITE_BUILT } from "../eleventy/plugin.ts";
import { checkOutputLocation } from "../output/location.ts";
import type { Manifest } from "../output/manifest.ts";
import { ReleaseStore } from "../output/release.ts";
import type { PreviousFile, WrittenFile } from "../output/writer.ts";
import { verifyRelease } from "../output/verify.ts";
import { sourcesFingerprint } from "./sources.ts";
import { environmentKey } from "./environment.ts";

export interface BuildSiteOptions {
  /** Project root holding eleventy.config.ts, posts/ and _data/. */
  root: string;
  /** Where the site goes; `_site` by default. */
  outputDir: string;
  quiet?: boolean;
  /** Write every file again instead of reusing the unchanged files of the previous release. */
  full?: boolean;
}

/** What the build made, for the summary and the manifest. */
interface Written {
  build: SiteBuild;
  files: WrittenFile[];
}

/** Runs Eleventy with tract's configuration; tract's plugin hands over the built model, and this writes it into `release`. */
async function runEleventy(
  options: BuildSiteOptions,
  write: (build: SiteBuild) => Promise<WrittenFile[]>,
): Promise<Written> {
  let written: Written | undefined;
  const eleventy = new Eleventy(options.root, path.join(options.root, ".cache", "eleventy-output"), {
    configPath: path.join(options.root, "eleventy.config.ts"),
    quietMode: options.quiet ?? true,
    runMode: "build",
    config(eleventyConfig) {
      eleventyConfig.on(SITE_BUILT, async (build: SiteBuild) => {
        written = { build, files: await write(build) };
      });
    },
  });
  // The CLI reports errors itself, one line per problem, instead of Eleventy's stack traces.
  if (options.quiet ?? true) eleventy.disableLogger();
  await eleventy.write();
  if (!written)
    throw new Error("the build ended without writing the site (is the tract plugin registered in eleventy.config.ts?)");
  return written;
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildSummary & { output: string }> {
  const started = performance.now();
  // Readable by the web server whatever the user's umask: folders 0755, files 0644.
  const umask = process.umask(0o022);
  try {
    const location = await checkOutputLocation(options.root, options.outputDir);
    // Taken before anything is read: a file saved while the build runs makes the next build run again.
    const [sources, environment] = await Promise.all([sourcesFingerprint(options.root), environmentKey(options.root)]);
    const store = await ReleaseStore.open(location);
    try {
      const current = await store.current();
      const previousManifest = current && !options.full ? await store.manifest(current) : undefined;
      const previous =
        current && previousManifest
          ? { dir: current.dir, files: new Map(previousManifest.files.map((file) => [file.url, file as PreviousFile])) }
          : undefined;
      const release = await store.begin();
      try {
        const { build, files } = await runEleventy(options, (built) =>
          built.writeProduction(release.dir, environment, previous),
        );
        await verifyRelease(release.dir, files);
        const manifest: Manifest = {
          version: 1,
          builtAt: build.model.now.toISO() ?? "",
          sources,
          environment,
          nextChange: build.nextChange()?.toISO() ?? undefined,
          warnings: build.warnings.length,
          files,
        };
        await store.publish(release, manifest);
        await Promise.all([store.leftoversRemoved(), pruneCache(options.root)]);
        const summary = countOutputs(files);
        return {
          ...summary,
          warnings: build.warnings.length,
          seconds: (performance.now() - started) / 1000,
          output: location.output,
        };
      } catch (error) {
        await store.abandon(release);
        throw error;
      }
    } finally {
      await store.unlock();
    }
  } finally {
    process.umask(umask);
  }
}
