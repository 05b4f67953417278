// A reader in Chromium: from / to the French home, then from a French post to its English translation; with and without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, serveSite } from "../helpers/browser.ts";
import type { RunningServer } from "../../src/server/static-server.ts";

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  server = await serveSite(inject("siteDir"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([
  { javaScript: true, label: "with JavaScript" },
  { javaScript: false, label: "without JavaScript" },
])("navigation $label", ({ javaScript }) => {
  it("goes from / to the French home, to a post, and through the switcher to its English translation", async () => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/fr/`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");

    await page.getByRole("link", { name: "Billets", exact: true }).click();
    await page.waitForURL(`${server.url}/fr/billets/`);
    await page.getByRole("link", { name: /le grand retour du charbon/ }).click();
    await page.waitForURL(`${server.url}/fr/ia-retour-du-charbon/`);
    expect(await page.locator("h1").textContent()).toContain("le grand retour du charbon");

    await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${server.url}/en/ai-coal-comeback/`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("AI’s hunger for energy: the great comeback of coal");

    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
    await page.waitForURL(`${server.url}/fr/ia-retour-du-charbon/`);
    await context.close();
  });

  it("shows the language's 404 page for an unknown address", async () => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/en/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    await page.getByRole("link", { name: "Back to the home page" }).click();
    await page.waitForURL(`${server.url}/en/`);
    await context.close();
  });
});
