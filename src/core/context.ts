// The build context passed through every step: project root, clock, mode, logger, caches and the preview session.
import type { DateTime } from "luxon";
import { CacheStore } from "./build/cache.ts";
import { BuildSession } from "./build/build-memo.ts";
import { MediaWork } from "./media/asset-cache.ts";
import { ENGLISH, type Message, type MessageRenderer, msg } from "./i18n/message.ts";
import { type Problem, formatProblem } from "./content/problems.ts";

/** `production` leaves drafts and embargoed posts out; `preview` (npm start) shows them with a banner. */
export type BuildMode = "production" | "preview";

/** Where the build's messages go, rendered in the writer's language. */
export interface Logger {
  info(message: Message): void;
  warn(warning: Problem): void;
}

export interface BuildContext {
  /** The project folder: posts/, pages/, _data/, assets/ and _includes/ are read from here. */
  readonly root: string;
  /** The build's clock (TRACT_NOW or now): embargoes and the agenda are decided against it. */
  readonly now: DateTime;
  readonly mode: BuildMode;
  readonly log: Logger;
  /** Derived files kept on disk between builds, by content (`.cache/tract/`). */
  readonly cache: CacheStore;
  /** Results kept in memory from one preview rebuild to the next. */
  readonly session: BuildSession;
  /** Files made once per build and needed by several outputs (a release's PDF goes in its page's link, the press kit and the kit's size). */
  readonly artifacts: Artifacts;
  /** Cleaned pictures, SVGs and PDFs, renditions and thumbnails, kept by content. */
  readonly media: MediaWork;
}

/** Made once per build, on first request, whichever output asks first. */
export class Artifacts {
  private readonly made = new Map<string, Promise<unknown>>();

  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let result = this.made.get(key) as Promise<T> | undefined;
    if (!result) this.made.set(key, (result = make()));
    return result;
  }
}

/** Messages go to the terminal in the writer's language: warnings on stderr, so that scripts reading stdout see only results. */
export function consoleLogger(renderer: MessageRenderer = ENGLISH): Logger {
  return {
    info: (message) => console.log(`[tract] ${renderer.render(message)}`),
    warn: (warning) => console.warn(`[tract] ${renderer.render(msg`warning: ${formatProblem(warning, renderer)}`)}`),
  };
}

/** Marks a build context, so that recording what an output is made from can refuse one (see InputFingerprints). */
const BUILD_CONTEXT = Symbol("tract.build-context");

export function isBuildContext(value: unknown): boolean {
  return typeof value === "object" && value !== null && BUILD_CONTEXT in value;
}

export function createContext(
  fields: Pick<BuildContext, "root" | "now" | "mode"> & Partial<Pick<BuildContext, "log" | "session">>,
): BuildContext {
  const cache = new CacheStore(fields.root);
  const session = fields.session ?? new BuildSession();
  return {
    root: fields.root,
    now: fields.now,
    mode: fields.mode,
    log: fields.log ?? consoleLogger(),
    cache,
    session,
    artifacts: new Artifacts(),
    media: new MediaWork(cache, session),
    [BUILD_CONTEXT]: true,
  } as BuildContext;
}
