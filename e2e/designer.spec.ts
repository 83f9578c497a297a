// The scene designer: every scene on a card, and a sandbox session dropped into any of them.
import { expect, test } from "@playwright/test";
import { sandboxState } from "@/lib/game/rules";
import { SCENES } from "@/lib/game/scenes";
import { loadSave } from "./support/api";
import { expectSaved, expectScene, heroHpOnScreen, snapshotPage, waitForHydration } from "./support/game";
import { heroHp } from "./support/paths";

test("the designer shows all 11 scenes and plays a sandbox from scene 8", async ({ page, request }, testInfo) => {
  await page.goto("/designer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scene designer");
  await expect(page.getByTestId(/^scene-card-\d+$/)).toHaveCount(11);
  for (const scene of SCENES) {
    await expect(page.getByTestId(`scene-card-${scene.index}`).getByRole("heading", { level: 2 })).toHaveText(scene.title);
  }

  const playFrom8 = page.getByTestId("play-from-here-8");
  await playFrom8.scrollIntoViewIfNeeded();
  await snapshotPage(page, testInfo, "designer");
  await waitForHydration(playFrom8);
  await playFrom8.click();

  await expect(page).toHaveURL(/\/play\/sandbox-[a-z0-9]{10}$/);
  await expectScene(page, 8, "The Ember Warden");
  await expectSaved(page, 1);
  await expect(page.getByTestId("party-panel")).toContainText("The Sandbox Four");
  await expect(page.getByTestId("prompt-choices").locator("button[data-option-id]")).toHaveCount(3);
  const expected = sandboxState(8);
  expect(await heroHpOnScreen(page)).toEqual(heroHp(expected));

  const sessionId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const saved = await loadSave(request, sessionId);
  expect(saved.state).toEqual(expected);
});
