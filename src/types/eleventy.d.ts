// Typed declaration of the part of Eleventy's API that tract uses (Eleventy ships no .d.ts).

declare module "@11ty/eleventy/UserConfig" {
  export interface TemplatePageData {
    url: string | false;
    outputPath: string | false;
    inputPath: string;
    fileSlug: string;
  }

  /** `this` inside a filter or transform. */
  export interface FilterContext {
    page: TemplatePageData;
  }

  export type Filter = (this: FilterContext, value: never, ...args: never[]) => unknown;
  export type Transform = (
    this: FilterContext,
    content: string,
    outputPath: string | false,
  ) => string | Promise<string>;
  export type Plugin = (eleventyConfig: UserConfig, options: never) => void | Promise<void>;

  export interface ServerOptions {
    port?: number;
    showAllHosts?: boolean;
    domDiff?: boolean;
    /** Connect-style middleware run before the dev server serves a file. */
    middleware?: ((
      request: import("node:http").IncomingMessage,
      response: import("node:http").ServerResponse,
      next: () => void,
    ) => void)[];
  }

  export interface UserConfig {
    ignores: Set<string>;
    addPlugin(plugin: Plugin, options?: unknown): void;
    addFilter(name: string, filter: Filter): void;
    addNunjucksGlobal(name: string, value: unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addTransform(name: string, transform: Transform): void;
    addPassthroughCopy(
      paths: string | Record<string, string>,
      copyOptions?: { filter?: (relativePath: string) => boolean },
    ): void;
    addWatchTarget(path: string, options?: { resetConfig?: boolean }): void;
    setTemplateFormats(formats: string | string[]): void;
    setServerOptions(options: ServerOptions): void;
    setQuietMode(quiet: boolean): void;
    /** `directories.output` is the real output folder (`dir.output` keeps the configured one, even when the build overrides it). */
    on(
      event: "eleventy.before" | "eleventy.after",
      callback: (info: { directories: { input: string; output: string }; runMode: string }) => unknown,
    ): void;
    /** Emitted when Eleventy creates its Nunjucks environment (with the configured filters). */
    /** Before each rebuild of `--serve`/`--watch`: the changed files, as ./relative paths. */
    on(event: "eleventy.beforeWatch", callback: (changedFiles: string[]) => unknown): void;
    on(
      event: "eleventy.engine.njk",
      callback: (info: { environment: { render(name: string, context: object): string } }) => unknown,
    ): void;
    /** Any other event, such as the ones a plugin emits itself. */
    on(event: string, callback: (...args: never[]) => unknown): void;
    /** Emits an event to its listeners, awaiting them all; resolves to their return values. */
    emit(event: string, ...args: unknown[]): Promise<unknown[]>;
  }

  export default UserConfig;
}

declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    configPath?: string;
    /** Runs with the configuration before the config file's (programmatic API). */
    config?: (eleventyConfig: import("@11ty/eleventy/UserConfig").UserConfig) => void | Promise<void>;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    disableLogger(): void;
  }
}
