// Keyboard play: number keys pick choices, and Tab reaches the choices in a sensible order.
import { expect, test, type Page } from "@playwright/test";
import { loadSave } from "./support/api";
import { expectSaved, expectScene, startNewGame, uniquePartyName } from "./support/game";

/** Presses Tab until `target` has focus; returns the test ids/labels passed on the way. */
async function tabUntilFocused(page: Page, targetTestId: string, maxPresses = 25): Promise<string[]> {
  const visited: string[] = [];
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element?.dataset.testid ?? element?.getAttribute("aria-label") ?? element?.textContent?.trim() ?? "";
    });
    visited.push(focused);
    if (focused === targetTestId) return visited;
  }
  throw new Error(`Tab never reached ${targetTestId}; visited: ${visited.join(" → ")}`);
}

test("number keys pick choices and Tab reaches them", async ({ page }, testInfo) => {
  const sessionId = await startNewGame(page, { partyName: uniquePartyName(testInfo, "Keys") });

  // From the top of a freshly loaded scene, Tab passes the site navigation and reaches the choices.
  await page.reload();
  await expectScene(page, 1);
  await expectSaved(page, 1);
  const visited = await tabUntilFocused(page, "choice-1");
  expect(visited[0], "the skip link comes first").toBe("Skip to content");
  expect(visited, "choices before the party panel's controls").not.toContain("copy-session-id");
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("choice-2")).toBeFocused();

  // "1" picks the first choice.
  const first = await page.getByTestId("choice-1").getAttribute("data-option-id");
  await page.keyboard.press("1");
  await expectScene(page, 2, "The Barred Gate");
  await expectSaved(page, 2);
  expect((await loadSave(page, sessionId)).state.choices.scene1).toBe(first);

  // The new scene's title takes focus; the next Tab lands on its first choice, and Enter picks it.
  await expect(page.getByTestId("scene-title")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("choice-1")).toBeFocused();
  const second = await page.getByTestId("choice-1").getAttribute("data-option-id");
  await page.keyboard.press("Enter");
  await expectScene(page, 3, "Whispering Pines");
  await expectSaved(page, 3);
  expect((await loadSave(page, sessionId)).state.choices.scene2).toBe(second);

  // A locked choice's number key does nothing: scene 3's choice 2 needs a Ranger.
  await expect(page.getByTestId("choice-2")).toBeDisabled();
  await page.keyboard.press("2");
  await page.keyboard.press("1");
  await expect(page.locator(".form-alert")).toHaveCount(0);
  await expectScene(page, 4, "The Troll's Toll");
  await expectSaved(page, 4);
  expect((await loadSave(page, sessionId)).state.choices.scene3).toBe("keep-trail");
});
