// The main flow: a new party plays the safe path to the sigil scene, reloads mid-scene, resumes
// exactly where it was, and plays on to an ending.
import { expect, test } from "@playwright/test";
import { ENDINGS } from "@/lib/game/scenes";
import { loadSave } from "./support/api";
import { expectSaved, expectScene, heroHpOnScreen, playSteps, snapshotPage, startNewGame, uniquePartyName } from "./support/game";
import { CLASSIC_PARTY, heroHp, replay, SAFE_STEPS, stepsUntilScene } from "./support/paths";

test("a new party plays to scene 6, survives a reload and finishes the tale", async ({ page }, testInfo) => {
  const partyName = uniquePartyName(testInfo, "Lantern Co");
  const party = { partyName, heroes: [...CLASSIC_PARTY] };

  // New game: name the party and pick the four heroes.
  const sessionId = await startNewGame(page, party);
  await expect(page.getByTestId("party-panel").getByRole("heading", { level: 2 })).toHaveText(partyName);
  for (const [index, hero] of CLASSIC_PARTY.entries()) {
    await expect(page.getByTestId(`hero-${index + 1}`)).toContainText(hero.name);
    await expect(page.getByTestId(`hero-${index + 1}`)).toContainText(hero.class);
  }

  // Scenes 1–5 on the safe path, mouse and number keys in turn.
  const toScene6 = stepsUntilScene(SAFE_STEPS, 6, party);
  await playSteps(page, toScene6, "mixed");
  await expectScene(page, 6, "Three Sigils");
  await expect(page.getByTestId("prompt-symbol")).toBeVisible();

  // Pick the sigil (by key), then reload as soon as the save is confirmed.
  const symbolStep = SAFE_STEPS[toScene6.length];
  expect(symbolStep).toEqual({ symbol: "balance" });
  await playSteps(page, [symbolStep!], "key");
  const versionBeforeReload = toScene6.length + 2;
  await expectSaved(page, versionBeforeReload);
  await expect(page.getByTestId("prompt-choices")).toBeVisible();
  const hpBeforeReload = await heroHpOnScreen(page);
  expect(hpBeforeReload).toEqual(heroHp(replay([...toScene6, symbolStep!], party)));
  await snapshotPage(page, testInfo, "scene-6-before-reload");

  await page.reload();

  // Resumed in scene 6 with the same HP, the same sigil and nothing to choose again.
  await expectScene(page, 6, "Three Sigils");
  await expectSaved(page, versionBeforeReload);
  expect(await heroHpOnScreen(page)).toEqual(hpBeforeReload);
  await expect(page.getByTestId("prompt-symbol")).toHaveCount(0);
  await expect(page.getByTestId("scene-meta")).toHaveText(/Mine Entrance.*night.*storm/i);
  await expect(page.getByTestId("scene-art")).toHaveAttribute("data-weather", "storm");
  await expect(page.getByTestId("narration")).toContainText("Three sigils are carved over the entrance");
  await expect(page.getByTestId("last-outcome")).toContainText("The scales glow soft gold");
  const choices = page.getByTestId("prompt-choices");
  await expect(choices.locator('[data-option-id="scales-path"]')).toBeEnabled();
  await expect(choices.locator('[data-option-id="sigil-march"]')).toBeDisabled();
  await expect(choices.locator('[data-option-id="sigil-march"]')).toContainText("Needs the order sigil");
  await expect(choices.locator('[data-option-id="blast-rubble"]')).toBeDisabled();
  const afterReload = await loadSave(page, sessionId);
  expect(afterReload.version).toBe(versionBeforeReload);
  expect(afterReload.state.scene_index).toBe(6);
  expect(afterReload.state.symbol_choice).toBe("balance");
  expect(afterReload.state.heroes.map((hero) => hero.hp)).toEqual(hpBeforeReload);
  await snapshotPage(page, testInfo, "scene-6-after-reload");

  // Play on to the end of the safe path.
  await playSteps(page, SAFE_STEPS.slice(toScene6.length + 1), "mixed");
  await expect(page.getByTestId("ending")).toBeVisible();
  await expect(page.getByTestId("ending-title")).toHaveText(ENDINGS["warden-rest"].title);
  await expect(page.getByTestId("prompt-choices")).toHaveCount(0);
  await snapshotPage(page, testInfo, "ending");

  const finished = await loadSave(page, sessionId);
  expect(finished.state.choices.scene11).toBe("seal-shard");
  expect(finished.version).toBe(SAFE_STEPS.length + 1);
  expect(finished.state).toEqual(replay(SAFE_STEPS, party));
  expect(await heroHpOnScreen(page)).toEqual(heroHp(finished.state));
});
