// Losing: the reckless path fells the whole party, then "Load last save" and the history bring it back.
import { expect, test } from "@playwright/test";
import { loadSave } from "./support/api";
import { expectSaved, expectScene, heroHpOnScreen, makeMove, playSteps, snapshotPage, startNewGame, uniquePartyName } from "./support/game";
import { CLASSIC_PARTY, heroHp, RECKLESS_STEPS, replay } from "./support/paths";

test("the reckless path ends in defeat; load last save and rewind bring the party back", async ({ page }, testInfo) => {
  const party = { partyName: uniquePartyName(testInfo, "Reckless"), heroes: [...CLASSIC_PARTY] };
  const sessionId = await startNewGame(page, party);

  await playSteps(page, RECKLESS_STEPS, "mixed");
  const defeatVersion = RECKLESS_STEPS.length + 1;

  // Everyone is down in the Warden's hall.
  await expect(page.getByTestId("defeat")).toBeVisible();
  await expect(page.getByTestId("defeat-title")).toHaveText("Your party has fallen");
  await expect(page.getByTestId("prompt-choices")).toHaveCount(0);
  for (const position of CLASSIC_PARTY.keys()) {
    await expect(page.getByTestId(`hero-${position + 1}`)).toHaveAttribute("data-down", "true");
    await expect(page.getByTestId(`hp-bar-${position + 1}`)).toHaveAttribute("aria-valuenow", "0");
  }
  await snapshotPage(page, testInfo, "defeat");
  const fallen = await loadSave(page, sessionId);
  expect(fallen.version).toBe(defeatVersion);
  expect(fallen.state.heroes.every((hero) => hero.hp === 0)).toBe(true);

  // "Load last save": the newest save with someone standing, just before the fight.
  const beforeFight = replay(RECKLESS_STEPS.slice(0, -1), party);
  await page.getByTestId("load-last-save").click();
  await expect(page.getByTestId("defeat")).toHaveCount(0);
  await expectScene(page, 8, "The Ember Warden");
  await expectSaved(page, defeatVersion + 1);
  await expect(page.getByTestId("hero-1")).toHaveAttribute("data-down", "false");
  expect(await heroHpOnScreen(page)).toEqual(heroHp(beforeFight));
  const reloaded = await loadSave(page, sessionId);
  expect(reloaded.state).toEqual(beforeFight);

  // Fall again, then rewind through the history to the save made on arriving in scene 3.
  await makeMove(page, RECKLESS_STEPS.at(-1)!, "key");
  await expect(page.getByTestId("defeat")).toBeVisible();
  await page.getByTestId("rewind").click();
  const dialog = page.getByTestId("history-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId(`snapshot-${defeatVersion + 2}`)).toContainText("Party fallen");
  await expect(dialog.getByTestId(`snapshot-${defeatVersion + 2}`)).toContainText("Current");
  await expect(dialog.getByTestId("snapshot-3")).toContainText("Scene 3: Whispering Pines");
  await snapshotPage(page, testInfo, "history");
  await dialog.getByTestId("restore-3").click();

  await expect(dialog).toBeHidden();
  await expectScene(page, 3, "Whispering Pines");
  await expectSaved(page, defeatVersion + 3);
  const atScene3 = replay(RECKLESS_STEPS.slice(0, 2), party);
  expect(await heroHpOnScreen(page)).toEqual(heroHp(atScene3));
  const rewound = await loadSave(page, sessionId);
  expect(rewound.version).toBe(defeatVersion + 3);
  expect(rewound.state).toEqual(atScene3);
});
