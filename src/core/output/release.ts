// Releases of the site: each build writes a new folder, and one rename of a symbolic link makes it the site; the previous one is kept for a rollback.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, readlink, rename, rm, rmdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Manifest, readManifest } from "./manifest.ts";
import { type OutputLocation, OutputRefused, STORE_MARKER } from "./location.ts";
import { msg } from "../i18n/message.ts";
import { removeInBackground } from "./background-removal.ts";

const LOCK = "lock";
const PREVIOUS = "previous";
const PARTIAL = ".partial";
/** A release no longer kept: renamed at once when a build publishes, deleted while the next build works (see removeLeftovers). */
const RETIRED = ".retired";
/** Release folder names: sortable by time, unique. */
const RELEASE_NAME = /^\d{8}T\d{6}Z-[0-9a-f]{6}$/;

export interface Release {
  id: string;
  dir: string;
}

function newId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "")}-${randomBytes(3).toString("hex")}`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Replaces `link` by a symbolic link to `target` in one step (rename of a new link over it). */
async function switchLink(link: string, target: string): Promise<void> {
  const temporary = `${link}.tract-switch-${randomBytes(4).toString("hex")}`;
  await symlink(target, temporary);
  await rename(temporary, link);
}

/** The store of one output: its releases, the link that names the current one, and a lock so that two builds never write at once. */
export class ReleaseStore {
  /** The removal of what earlier builds left, running while this build works. */
  private removal: Promise<void> = Promise.resolve();

  private constructor(
    readonly location: OutputLocation,
    /** Made by this build: removed again if the build publishes nothing, so a failed first build leaves nothing behind. */
    private readonly created: boolean,
  ) {}

  /** Opens the store (made if needed), takes its lock, and removes what failed or killed builds left. */
  static async open(location: OutputLocation): Promise<ReleaseStore> {
    const created = !existsSync(location.store);
    await mkdir(location.store, { recursive: true, mode: 0o755 });
    const marker = path.join(location.store, STORE_MARKER);
    if (!existsSync(marker))
      await writeFile(
        marker,
        "tract keeps the releases of the site beside it here: the site is the symbolic link next to this folder.\n",
        { mode: 0o644 },
      );
    const store = new ReleaseStore(location, created);
    await store.lock();
    try {
      await store.removeLeftovers();
    } catch (error) {
      await store.unlock();
      throw error;
    }
    return store;
  }

  private get lockFile(): string {
    return path.join(this.location.store, LOCK);
  }

  private async lock(): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(this.lockFile, "wx", 0o644);
        await handle.writeFile(`${process.pid}\n`);
        await handle.close();
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const pid = Number.parseInt(await readFile(this.lockFile, "utf8").catch(() => ""), 10);
        if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
          throw new OutputRefused(
            msg`another build of ${this.location.output} is running (process ${pid}); nothing was changed (try again when it is done)`,
          );
        }
        // Left by a build that was killed: its process is gone.
        await rm(this.lockFile, { force: true });
      }
    }
    throw new OutputRefused(msg`could not lock ${this.lockFile}`);
  }

  /** Once what earlier builds left is gone; a failure to remove it is thrown here (and the next build tries again). */
  async leftoversRemoved(): Promise<void> {
    await this.removal;
  }

  /** Releases the lock, once the leftovers are removed; a store this build made and left without a release goes too. */
  async unlock(): Promise<void> {
    await this.removal.catch(() => undefined);
    await rm(this.lockFile, { force: true });
    if (this.created && !(await this.current())) await rm(this.location.store, { recursive: true, force: true });
  }

  private async linkTarget(link: string): Promise<string | undefined> {
    const target = await readlink(link).catch(() => undefined);
    return target && path.basename(target);
  }

  /** The release the site is now, if any. */
  async current(): Promise<Release | undefined> {
    const id =
      this.location.state === "release" || existsSync(this.location.output)
        ? await this.linkTarget(this.location.output)
        : undefined;
    return id && existsSync(path.join(this.location.store, id))
      ? { id, dir: path.join(this.location.store, id) }
      : undefined;
  }

  async previous(): Promise<Release | undefined> {
    const id = await this.linkTarget(path.join(this.location.store, PREVIOUS));
    return id && existsSync(path.join(this.location.store, id))
      ? { id, dir: path.join(this.location.store, id) }
      : undefined;
  }

  async manifest(release: Release): Promise<Manifest | undefined> {
    return readManifest(path.join(this.location.store, `${release.id}.json`));
  }

  /**
   * Starts removing the folders of builds that did not finish, the retired releases and any release neither current
   * nor previous, on another thread: deleting a release of thousands of files takes a second or more, which the
   * build spends on its own work meanwhile (`unlock` waits for it).
   */
  private async removeLeftovers(): Promise<void> {
    const { store, output } = this.location;
    const keep = new Set([(await this.current())?.id, (await this.previous())?.id].filter(Boolean));
    const leftovers: string[] = [];
    for (const name of await readdir(store)) {
      const id = name.replace(/\.json$/, "");
      if (name.endsWith(PARTIAL) || name.endsWith(RETIRED) || (RELEASE_NAME.test(id) && !keep.has(id)))
        leftovers.push(path.join(store, name));
    }
    const parent = path.dirname(output);
    for (const name of await readdir(parent)) {
      // Switch links a killed build left, and the temporary folders of tract's earlier versions (mkdtemp beside the output).
      if (name.startsWith(`${path.basename(output)}.tract-switch-`) || /^\.tract-(build|old)-/.test(name))
        leftovers.push(path.join(parent, name));
    }
    this.removal = removeInBackground(leftovers);
    // Handled by leftoversRemoved or unlock; until then a failure must not count as unhandled.
    this.removal.catch(() => undefined);
  }

  /** A new, empty release folder to build into. */
  async begin(): Promise<Release> {
    const id = newId();
    const dir = path.join(this.location.store, id + PARTIAL);
    await mkdir(dir, { mode: 0o755 });
    return { id, dir };
  }

  async abandon(release: Release): Promise<void> {
    await rm(release.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }

  /**
   * Makes the finished release the site: the release folder gets its final name, its manifest is written, the
   * current release becomes the previous one, and one rename of a link switches the site. A build killed at any
   * moment leaves the old site or the new one, complete.
   */
  async publish(release: Release, manifest: Manifest): Promise<Release> {
    const { store, output } = this.location;
    const final = { id: release.id, dir: path.join(store, release.id) };
    await rename(release.dir, final.dir);
    const manifestFile = path.join(store, `${release.id}.json`);
    await writeFile(`${manifestFile}.tmp`, JSON.stringify(manifest), { mode: 0o644 });
    await rename(`${manifestFile}.tmp`, manifestFile);
    const current = await this.current();
    if (current) await switchLink(path.join(store, PREVIOUS), current.id);
    await this.adoptOutputPath();
    await switchLink(output, path.relative(path.dirname(output), final.dir));
    // The release before the previous one is retired by one rename; the next build deletes it while it works.
    for (const name of await readdir(store)) {
      const id = name.replace(/\.json$/, "");
      if (!RELEASE_NAME.test(id) || id === final.id || id === current?.id) continue;
      if (name === id) await rename(path.join(store, name), path.join(store, `${id}${RETIRED}`));
      else await rm(path.join(store, name), { force: true });
    }
    return final;
  }

  /** Before the first switch: an empty folder at the output's path goes, a site an earlier version built becomes a release. */
  private async adoptOutputPath(): Promise<void> {
    const { output, state, store } = this.location;
    if (state === "empty-folder" && existsSync(output)) await rmdir(output);
    if (state === "earlier-site" && existsSync(output)) await rename(output, path.join(store, `${newId()}${PARTIAL}`));
  }

  /** Makes the previous release the site again; the one it replaces becomes the previous one, so a second rollback undoes the first. */
  async rollback(): Promise<Release> {
    const previous = await this.previous();
    const current = await this.current();
    if (!previous || !current)
      throw new OutputRefused(
        msg`${this.location.output} has no previous release to go back to (tract keeps one: the site before the last build)`,
      );
    await switchLink(path.join(this.location.store, PREVIOUS), current.id);
    await switchLink(this.location.output, path.relative(path.dirname(this.location.output), previous.dir));
    return previous;
  }
}
