// Test fixtures for the server tests: release folders made from the shared build, a site symlink switched between them, hostile files planted.
import { chmod, cp, mkdir, readdir, realpath, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";

/** Gives a copied tree the web server's modes (folders 0755, files 0644): these fixtures test the servers, not the build's modes. */
async function readableByAll(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    await chmod(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}

/** A copy of a built site as a release folder. */
export async function copyRelease(siteDir: string, release: string): Promise<string> {
  // The build's output is a link to its current release: the release itself is copied.
  await cp(await realpath(siteDir), release, { recursive: true, verbatimSymlinks: true });
  await readableByAll(release);
  return release;
}

/** Points the symlink `link` at `target` in one step, as a rebuild switches releases (a new link renamed over the old). */
export async function pointTo(link: string, target: string): Promise<void> {
  const next = `${link}.next`;
  await rm(next, { force: true });
  await symlink(target, next);
  await rename(next, link);
}

/** What must never be served: dotfiles and dot-folders, symlinks to a system file and to another folder; and what certbot writes. */
export async function plantHostileFiles(release: string): Promise<void> {
  await mkdir(path.join(release, ".git"), { mode: 0o755 });
  await mkdir(path.join(release, ".well-known/acme-challenge"), { recursive: true, mode: 0o755 });
  const files = {
    ".env": "SECRET=1\n",
    ".git/config": "[core]\n",
    "fr/.hidden": "hidden\n",
    ".well-known/acme-challenge/token": "certbot\n",
  };
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(release, file), text, { mode: 0o644 });
  await symlink("/etc/passwd", path.join(release, "fr/passwd.html"));
  await symlink("../en", path.join(release, "fr/lien"));
}
