// Drives the game through its UI the way a player does: the title form, choices by mouse or by
// number key, and the save indicator that confirms each move reached the server.
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import type { HeroClass } from "@/lib/game/types";
import { CLASSIC_PARTY, type Step } from "./paths";

export type Input = "click" | "key";

/** A party name unique to this test, within the 60-character limit. */
export function uniquePartyName(testInfo: TestInfo, base = "Company"): string {
  const tag = `${testInfo.project.name.slice(0, 1)}${testInfo.workerIndex}${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 5)}`;
  return `${base} ${tag}`;
}

/**
 * Resolves once React has hydrated `locator`'s element (its event handlers are attached), so a
 * click or a keystroke is not lost to the server-rendered HTML.
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))), {
      message: "waiting for React to hydrate",
      // A cold page on a busy 2-core CI box can take longer than the default 10 s.
      timeout: 30_000,
    })
    .toBe(true);
}

export async function openTitleScreen(page: Page): Promise<void> {
  await page.goto("/");
  await waitForHydration(page.getByTestId("new-game-form"));
}

export type NewParty = { partyName: string; heroes?: readonly { name: string; class: HeroClass }[] };

/** Fills the party builder on the title screen and begins the tale; returns the new session id. */
export async function startNewGame(page: Page, { partyName, heroes = CLASSIC_PARTY }: NewParty): Promise<string> {
  await openTitleScreen(page);
  const form = page.getByTestId("new-game-form");
  await form.getByLabel("Party name", { exact: true }).fill(partyName);
  if (heroes.length === 4) await form.getByRole("button", { name: "+ Add a fourth hero" }).click();
  await expect(form.getByLabel(/^Hero \d name$/)).toHaveCount(heroes.length);
  for (const [index, hero] of heroes.entries()) {
    await form.getByLabel(`Hero ${index + 1} name`, { exact: true }).fill(hero.name);
    await form.getByLabel(`Hero ${index + 1} class`, { exact: true }).selectOption(hero.class);
  }
  await form.getByRole("button", { name: "Begin the tale ▶" }).click();

  await expect(page).toHaveURL(/\/play\/shard-[a-z0-9]{10}$/);
  await expect(page.getByTestId("scene-number")).toHaveText("Scene 1 of 11");
  await expectSaved(page, 1);
  const sessionId = new URL(page.url()).pathname.split("/").pop() ?? "";
  await expect(page.getByTestId("session-id")).toHaveText(sessionId);
  return sessionId;
}

export const saveIndicator = (page: Page) => page.getByTestId("save-indicator");

/** Waits until the save indicator shows a completed save of exactly `version`. */
export async function expectSaved(page: Page, version: number): Promise<void> {
  await expect(saveIndicator(page)).toHaveAttribute("data-state", "saved");
  await expect(saveIndicator(page)).toHaveText(`Saved ✓ v${version}`);
}

/** The version of the last completed save, once nothing is being saved. */
export async function savedVersion(page: Page): Promise<number> {
  await expect(saveIndicator(page)).toHaveAttribute("data-state", "saved");
  await expect(saveIndicator(page)).toHaveText(/^Saved ✓ v\d+$/);
  return Number((await saveIndicator(page).textContent())?.match(/v(\d+)$/)?.[1]);
}

/**
 * Picks `step`'s option in the prompt on screen (the sigil grid or the choice list), by clicking its
 * button or pressing its number key. Does not wait for the save it triggers.
 */
export async function pickOption(page: Page, step: Step, input: Input): Promise<void> {
  const [promptId, optionId] = "symbol" in step ? ["prompt-symbol", step.symbol] : ["prompt-choices", step.choice];
  const prompt = page.getByTestId(promptId);
  const button = prompt.locator(`button[data-option-id="${optionId}"]`);
  await expect(button, `option "${optionId}" offered`).toBeEnabled();
  if (input === "click") {
    await button.click();
  } else {
    const ids = await prompt.locator("button[data-option-id]").evaluateAll((buttons) =>
      buttons.map((element) => element.getAttribute("data-option-id")),
    );
    await page.keyboard.press(String(ids.indexOf(optionId) + 1));
  }
}

/** Makes one move (see pickOption) and waits for the save it triggers to be confirmed. */
export async function makeMove(page: Page, step: Step, input: Input): Promise<void> {
  const version = await savedVersion(page);
  await pickOption(page, step, input);
  await expectSaved(page, version + 1);
}

/** Plays `steps` in order, alternating mouse and keyboard unless `input` says otherwise. */
export async function playSteps(page: Page, steps: readonly Step[], input: Input | "mixed" = "mixed"): Promise<void> {
  for (const [index, step] of steps.entries()) {
    await makeMove(page, step, input === "mixed" ? (index % 2 === 0 ? "click" : "key") : input);
  }
}

/** aria-valuenow of every hero's HP bar, in party order. */
export async function heroHpOnScreen(page: Page): Promise<number[]> {
  const bars = page.getByTestId("party-panel").getByRole("progressbar");
  await expect(bars.first()).toBeVisible();
  return bars.evaluateAll((elements) => elements.map((element) => Number(element.getAttribute("aria-valuenow"))));
}

/** Expects the scene header to show scene `index` titled `title`. */
export async function expectScene(page: Page, index: number, title?: string): Promise<void> {
  await expect(page.getByTestId("scene-number")).toHaveText(`Scene ${index} of 11`);
  if (title) await expect(page.getByTestId("scene-title")).toHaveText(title);
}

/** Saves a full-page screenshot into the test's output folder and attaches it to the report. */
export async function snapshotPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
