// Accounts: play at once as a guest, sign up without losing the party, sign out and back in, and
// parties that belong to their account (other users and their API tokens get a 404).
import { expect, test } from "@playwright/test";
import {
  createTokenOnSettings,
  expectAccountInHeader,
  expectGuestInHeader,
  newAccount,
  PASSWORD,
  revokeTokenOnSettings,
  signInAsNewPlayer,
  signInViaApi,
  signOutFromHeader,
  signUpViaApi,
  submitSignInForm,
  submitSignUpForm,
  uniqueEmail,
} from "./support/accounts";
import { ensureSession, loadResponse, loadSave, loadWithToken, sendAsPage } from "./support/api";
import { expectSaved, expectScene, heroHpOnScreen, makeMove, openTitleScreen, playSteps, snapshotPage, startNewGame, uniquePartyName } from "./support/game";
import { CLASSIC_PARTY, heroHp, replay, SAFE_STEPS } from "./support/paths";

/** The first two safe-path moves: the party stands in scene 3. */
const TWO_SCENES = SAFE_STEPS.slice(0, 2);
const SCENE_3 = "Whispering Pines";

test("a guest plays at once: no sign-up wall, and the first choice is saved", async ({ page, request }, testInfo) => {
  await openTitleScreen(page);
  await expect(page).toHaveURL(/\/$/);
  await expectGuestInHeader(page);

  const sessionId = await startNewGame(page, { partyName: uniquePartyName(testInfo, "Guests") });
  await makeMove(page, SAFE_STEPS[0]!, "click");
  await expectScene(page, 2, "The Barred Gate");
  await expectSaved(page, 2);
  const saved = await loadSave(page, sessionId);
  expect(saved.version).toBe(2);
  expect(saved.state.scene_index).toBe(2);

  // The save API is the guest's only: no cookie is a 401, and a cookie write from another site (no
  // same-site Origin, as a cross-site form would send) is refused.
  const anonymous = await request.get(`/api/v1/load/${sessionId}`);
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthorized:session");
  const crossSite = await page.request.post("/api/v1/save", {
    data: { session_id: sessionId, state: saved.state, expected_version: 2 },
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe("forbidden:origin");
  expect((await loadSave(page, sessionId)).version).toBe(2);
});

test("signing up keeps the guest's game", async ({ page }, testInfo) => {
  const party = { partyName: uniquePartyName(testInfo, "Keepers"), heroes: [...CLASSIC_PARTY] };
  const sessionId = await startNewGame(page, party);
  await playSteps(page, TWO_SCENES);
  await expectScene(page, 3, SCENE_3);
  const hp = await heroHpOnScreen(page);
  expect(hp).toEqual(heroHp(replay(TWO_SCENES, party)));

  // "Sign up" in the header comes back to this game.
  const account = newAccount(testInfo);
  await page.getByTestId("account-nav").getByTestId("nav-signup").click();
  await expect(page).toHaveURL(new RegExp(`/signup\\?callbackUrl=%2Fplay%2F${sessionId}$`));
  await submitSignUpForm(page, account);

  await expect(page).toHaveURL(new RegExp(`/play/${sessionId}$`));
  await expectAccountInHeader(page, account.name);
  await expectScene(page, 3, SCENE_3);
  await expectSaved(page, 3);
  expect(await heroHpOnScreen(page)).toEqual(hp);
  await snapshotPage(page, testInfo, "after-signup");

  // A fresh load, as the account: the same scene and HP, and the save is the account's.
  await page.goto(`/play/${sessionId}`);
  await expectAccountInHeader(page, account.name);
  await expectScene(page, 3, SCENE_3);
  await expectSaved(page, 3);
  expect(await heroHpOnScreen(page)).toEqual(hp);
  expect((await loadSave(page, sessionId)).state).toEqual(replay(TWO_SCENES, party));

  await page.getByTestId("account-nav").getByTestId("nav-settings").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await expect(page.getByTestId("account-email")).toHaveText(account.email);
  await expect(page.getByTestId("account-role")).toContainText("Player");
});

test("after signing out the game is gone for the new guest; signing back in resumes it", async ({ page }, testInfo) => {
  const party = { partyName: uniquePartyName(testInfo, "Returners"), heroes: [...CLASSIC_PARTY] };
  const sessionId = await startNewGame(page, party);
  await playSteps(page, TWO_SCENES);
  await expectScene(page, 3, SCENE_3);
  const hp = await heroHpOnScreen(page);

  const account = newAccount(testInfo);
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(`/play/${sessionId}`)}`);
  await submitSignUpForm(page, account);
  await expect(page).toHaveURL(new RegExp(`/play/${sessionId}$`));
  await expectAccountInHeader(page, account.name);

  // Signing out: a new guest, who has no such save.
  await signOutFromHeader(page);
  await page.goto(`/play/${sessionId}`);
  await expectGuestInHeader(page);
  const notFound = page.getByTestId("session-not-found");
  await expect(notFound).toBeVisible();
  await expect(notFound).toContainText(sessionId);
  expect((await loadResponse(page, sessionId)).status()).toBe(404);
  await snapshotPage(page, testInfo, "signed-out-not-found");

  // The panel's "Sign in" link comes back here. Wrong details get one message, whichever was wrong.
  await notFound.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2Fplay%2F${sessionId}$`));
  await submitSignInForm(page, { email: account.email, password: "not my password 7" });
  await expect(page.getByTestId("signin-error")).toHaveText("Email or password is incorrect.");
  await snapshotPage(page, testInfo, "wrong-password");
  await page.reload();
  await submitSignInForm(page, { email: uniqueEmail(testInfo, "nobody"), password: PASSWORD });
  await expect(page.getByTestId("signin-error")).toHaveText("Email or password is incorrect.");
  await expectGuestInHeader(page);

  await page.reload();
  await submitSignInForm(page, account);
  await expect(page).toHaveURL(new RegExp(`/play/${sessionId}$`));
  await expectAccountInHeader(page, account.name);
  await expectScene(page, 3, SCENE_3);
  await expectSaved(page, 3);
  expect(await heroHpOnScreen(page)).toEqual(hp);

  // And it plays on.
  await makeMove(page, SAFE_STEPS[2]!, "key");
  await expectScene(page, 4);
  expect((await loadSave(page, sessionId)).state).toEqual(replay(SAFE_STEPS.slice(0, 3), party));
});

test("a party is its owner's: another user gets a 404, and API tokens load it until revoked", async ({ page, browser, request }, testInfo) => {
  // The owner plays as a guest, then signs up (through the API: the forms have tests of their own).
  const owner = newAccount(testInfo, "owner");
  const sessionId = await startNewGame(page, { partyName: uniquePartyName(testInfo, "Owned") });
  await makeMove(page, SAFE_STEPS[0]!, "click");
  const signUp = await signUpViaApi(page, owner);
  expect(signUp.status(), await signUp.text()).toBe(201);
  await signInViaApi(page, owner);
  await page.goto(`/play/${sessionId}`);
  await expectAccountInHeader(page, owner.name);
  await expectSaved(page, 2);

  // Another user, in a browser of their own, cannot load it: not on the page, not through the API.
  const otherContext = await browser.newContext();
  try {
    const other = await otherContext.newPage();
    await ensureSession(other);
    const otherAccount = await signInAsNewPlayer(other, testInfo, "other");
    await other.goto(`/play/${sessionId}`);
    await expectAccountInHeader(other, otherAccount.name);
    await expect(other.getByTestId("session-not-found")).toBeVisible();
    await snapshotPage(other, testInfo, "other-user-not-found");
    const otherLoad = await loadResponse(other, sessionId);
    expect(otherLoad.status()).toBe(404);
    expect((await otherLoad.json()).error.code).toBe("not_found:party");

    // API tokens: the owner's (made on /settings) loads the save, the other user's gets the same 404.
    const ownerToken = await createTokenOnSettings(page, "nightly-backup");
    await snapshotPage(page, testInfo, "settings-new-token");
    const otherTokenResponse = await sendAsPage(other, "POST", "/api/v1/account/tokens", { name: "other-script" });
    expect(otherTokenResponse.status(), await otherTokenResponse.text()).toBe(201);
    const otherToken = ((await otherTokenResponse.json()) as { token: string }).token;

    const byOwnerToken = await loadWithToken(request, sessionId, ownerToken);
    expect(byOwnerToken.status()).toBe(200);
    const saved = await byOwnerToken.json();
    expect(saved.session_id).toBe(sessionId);
    expect(saved.version).toBe(2);
    expect(saved.state).toEqual((await loadSave(page, sessionId)).state);
    expect((await loadWithToken(request, sessionId, otherToken)).status()).toBe(404);

    // Revoked on /settings, the owner's token stops working at once.
    await revokeTokenOnSettings(page, "nightly-backup");
    const revoked = await loadWithToken(request, sessionId, ownerToken);
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).error.code).toBe("unauthorized:token");
    expect((await loadSave(page, sessionId)).version).toBe(2);
  } finally {
    await otherContext.close();
  }
});
