// A reader in Chromium opens the French event page and downloads the event's calendar, then one session's.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { JAVASCRIPT_MODES, browserOnSharedSite } from "../helpers/browser.ts";
import { parseCalendar } from "../helpers/ical.ts";

const site = browserOnSharedSite();

describe.each(JAVASCRIPT_MODES)("the French event page $label", ({ javaScript }) => {
  it("downloads the event's calendar and a session's, which a calendar parser reads", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: javaScript, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/fr/agenda/`);
    await page.getByRole("link", { name: /Contre-sommet de l’IA/ }).click();
    await page.waitForURL(`${site.url}/fr/agenda/contre-sommet-2025/`);
    expect(await page.locator("h1").textContent()).toBe(
      "Contre-sommet de l’IA\u202F: pourquoi et comment résister à la dictature algorithmique",
    );

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Ajouter à mon agenda" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("contre-sommet-2025.ics");
    const events = parseCalendar(await readFile((await download.path())!, "utf8"));
    expect(events).toHaveLength(7);
    expect(events[0]!.summary).toBe(
      "Contre-sommet de l’IA\u202F: pourquoi et comment résister à la dictature algorithmique",
    );
    expect(events[0]!.start.toJSDate().toISOString()).toBe("2025-02-08T12:00:00.000Z");

    const row = page.getByRole("row", { name: /16\sh\s25/ });
    const [sessionDownload] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: /Ajouter à l’agenda/ }).click(),
    ]);
    expect(sessionDownload.suggestedFilename()).toBe("contre-sommet-2025-reguler-l-ia.ics");
    const [session] = parseCalendar(await readFile((await sessionDownload.path())!, "utf8"));
    expect(session!.summary).toBe("Peut-on réguler l’IA\u202F?");
    expect(session!.start.toJSDate().toISOString()).toBe("2025-02-08T15:25:00.000Z");
    await context.close();
  });
});
