// Rate limits as a player meets them, on the second server whose limits are tiny (4 saves and
// 3 sign-in attempts a minute; see playwright.config.ts): a refused save shows a countdown and is
// rolled back, and a refused sign-in counts down with the button disabled.
import { test as base, expect, type Page, type Response } from "@playwright/test";
import { submitSignInForm, uniqueEmail } from "./support/accounts";
import { loadSave } from "./support/api";
import { expectSaved, expectScene, heroHpOnScreen, pickOption, saveIndicator, savedVersion, snapshotPage, startNewGame, uniquePartyName } from "./support/game";
import { CLASSIC_PARTY, replay, SAFE_STEPS } from "./support/paths";
import { RATE_LIMIT_BASE_URL, TINY_LIMITS } from "./support/servers";

/**
 * Each test is a client of its own: a made-up address in X-Forwarded-For, which the app takes as
 * the client's IP (it runs behind a proxy that sets it). Otherwise every test, of both projects
 * and of a run just before on a reused server, would share 127.0.0.1's per-IP counters.
 */
const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => {
    const octet = () => Math.floor(Math.random() * 254) + 1;
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": `10.${octet()}.${octet()}.${octet()}` });
  },
});

test.use({ baseURL: RATE_LIMIT_BASE_URL });

/** Resolves with the next response to `method path`. */
const nextResponse = (page: Page, method: string, path: string): Promise<Response> =>
  page.waitForResponse((response) => new URL(response.url()).pathname === path && response.request().method() === method);

/** The countdown's seconds, or 0 once it has ended (it is removed then). */
async function countdownSeconds(page: Page): Promise<number> {
  const timer = page.getByRole("timer");
  const text = (await timer.count()) ? await timer.textContent() : null;
  return text ? Number(text.match(/^(\d+) s$/)?.[1]) : 0;
}

/** How long to wait for a countdown to run out in full; longer waits are only checked to be ticking. */
const LONGEST_WAIT_TO_SIT_OUT = 20;
/** Shorter waits may be over before the test can read them. */
const MIN_READABLE_WAIT = 4;

test("a refused save counts down, rolls the choice back and can be retried", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const party = { partyName: uniquePartyName(testInfo, "Hasty"), heroes: [...CLASSIC_PARTY] };
  const sessionId = await startNewGame(page, party); // the first save

  // Keep choosing until a save is refused.
  let taken = 0;
  let refused: Response | undefined;
  let before = { version: 0, scene: "", hp: [] as number[] };
  for (const step of SAFE_STEPS) {
    before = { version: await savedVersion(page), scene: (await page.getByTestId("scene-number").textContent()) ?? "", hp: await heroHpOnScreen(page) };
    const answer = nextResponse(page, "POST", "/api/v1/save");
    await pickOption(page, step, "click");
    const response = await answer;
    if (response.status() === 429) {
      refused = response;
      break;
    }
    expect(response.status()).toBe(200);
    taken += 1;
    await expectSaved(page, before.version + 1);
  }
  expect(refused, "a save was refused").toBeDefined();
  // Saves per minute, the first one included (a sliding window may let one more through at a minute's turn).
  expect(taken + 1).toBeGreaterThanOrEqual(TINY_LIMITS.savePerMinute);
  expect(taken + 1).toBeLessThanOrEqual(TINY_LIMITS.savePerMinute + 1);
  const retryAfter = Number(refused!.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);

  // The choice was rolled back: the same scene and HP on screen, nothing new on the server.
  const indicator = saveIndicator(page);
  const retry = page.getByTestId("save-retry");
  await expect(indicator).toHaveAttribute("data-state", "error");
  await expect(page.getByTestId("scene-number")).toHaveText(before.scene);
  expect(await heroHpOnScreen(page)).toEqual(before.hp);
  expect((await loadSave(page, sessionId)).version).toBe(before.version);

  // The indicator counts down the server's Retry-After, and retrying waits for it. (A wait of a
  // second or two, at a minute's very end, may be over before it can be read.)
  if (retryAfter >= MIN_READABLE_WAIT) {
    await expect(indicator).toHaveText(/^Too many saves — try again in \d+ s$/);
    await expect(indicator.getByRole("timer")).toHaveText(/^\d+ s$/);
    await expect(retry).toBeDisabled();
    const shown = await countdownSeconds(page);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(retryAfter);
    await snapshotPage(page, testInfo, "save-rate-limited");
    await expect.poll(() => countdownSeconds(page), { message: "the countdown ticks down", timeout: 5_000 }).toBeLessThan(shown);
  }

  const left = await countdownSeconds(page);
  if (left > LONGEST_WAIT_TO_SIT_OUT) {
    // Too long to sit out here: retrying stays disabled while the countdown runs.
    await expect(retry).toBeDisabled();
    await expect(indicator).toHaveText(/^Too many saves — try again in \d+ s$/);
    testInfo.annotations.push({ type: "rate-limit", description: `Retry-After ${retryAfter} s: retry checked disabled, not sat out` });
    return;
  }
  // When it ends, the retry is offered, and it saves the same choice.
  await expect(retry).toBeEnabled({ timeout: (left + 5) * 1000 });
  await expect(indicator).toHaveText("Too many saves — you can retry now.");
  await retry.click();
  await expectSaved(page, before.version + 1);
  await expectScene(page, replay(SAFE_STEPS.slice(0, taken + 1), party).scene_index);
  testInfo.annotations.push({ type: "rate-limit", description: `Retry-After ${retryAfter} s: sat out, then retried` });
});

test("too many sign-in attempts: the form counts down with submit disabled", async ({ page }, testInfo) => {
  await page.goto("/signin");
  const error = page.getByTestId("signin-error");
  let refused: Response | undefined;
  let attempts = 0;
  while (!refused && attempts <= TINY_LIMITS.authPerMinute + 1) {
    attempts += 1;
    const answer = nextResponse(page, "POST", "/api/auth/callback/credentials");
    await submitSignInForm(page, { email: uniqueEmail(testInfo, "nobody"), password: "not the password 7" });
    const response = await answer;
    if (response.status() === 429) refused = response;
    else await expect(error).toHaveText("Email or password is incorrect.");
  }
  expect(refused, `refused within ${attempts} attempts`).toBeDefined();
  expect(attempts - 1).toBeGreaterThanOrEqual(TINY_LIMITS.authPerMinute);
  const retryAfter = Number(refused!.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);

  const submit = page.getByTestId("signin-submit");
  if (retryAfter >= MIN_READABLE_WAIT) {
    await expect(error).toHaveText(/^Too many attempts\. Try again in \d+ s$/);
    await expect(error.getByRole("timer")).toHaveText(/^\d+ s$/);
    await expect(submit).toBeDisabled();
    await expect(submit).toHaveText("Sign in ▶");
    const shown = await countdownSeconds(page);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(retryAfter);
    await snapshotPage(page, testInfo, "signin-rate-limited");
    await expect.poll(() => countdownSeconds(page), { message: "the countdown ticks down", timeout: 5_000 }).toBeLessThan(shown);
  }

  const left = await countdownSeconds(page);
  if (left > LONGEST_WAIT_TO_SIT_OUT) {
    await expect(submit).toBeDisabled();
    return;
  }
  // When it ends, the form may be sent again.
  await expect(submit).toBeEnabled({ timeout: (left + 5) * 1000 });
  await expect(error).toHaveText("You can try again now.");
});
