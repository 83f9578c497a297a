import { describe, expect, test } from "vitest";
import { api, sampleState, uniqueSessionId } from "./api";

type Snapshot = { id: string; version: number; scene_index: number; created_at: string; state: { scene_index: number } };

describe("optimistic versions", () => {
  test("a matching expected_version saves; a stale one is a 409 carrying the current save", async () => {
    const sessionId = uniqueSessionId("versions");
    expect((await api.save({ session_id: sessionId, state: sampleState({ scene_index: 1 }), expected_version: 0 })).body.version).toBe(1);
    expect((await api.save({ session_id: sessionId, state: sampleState({ scene_index: 2 }), expected_version: 1 })).body.version).toBe(2);

    const stale = await api.save({ session_id: sessionId, state: sampleState({ scene_index: 9 }), expected_version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { code: "conflict:version", details: { current: { session_id: sessionId, version: 2, state: { scene_index: 2 } } } },
    });
    expect((await api.load(sessionId)).body).toMatchObject({ version: 2, state: { scene_index: 2 } });
  });

  test("an expected_version for a party that does not exist is a 409 with no current save", async () => {
    const sessionId = uniqueSessionId("versions-missing");
    const response = await api.save({ session_id: sessionId, state: sampleState(), expected_version: 3 });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: { code: "conflict:version", details: { current: null } } });
    expect((await api.load(sessionId)).status).toBe(404);
  });
});

describe("history and rewind", () => {
  async function saveScenes(sessionId: string, count: number) {
    for (let index = 1; index <= count; index += 1) {
      await api.save({ session_id: sessionId, state: sampleState({ scene_index: ((index - 1) % 11) + 1, party_name: `Save ${index}` }) });
    }
  }

  test("history lists snapshots newest first and keeps only the last 20", async () => {
    const sessionId = uniqueSessionId("history");
    await saveScenes(sessionId, 25);
    const response = await api.history(sessionId);
    expect(response.status).toBe(200);
    const snapshots = response.body.snapshots as Snapshot[];
    expect(snapshots.map((snapshot) => snapshot.version)).toEqual(Array.from({ length: 20 }, (_, index) => 25 - index));
    expect(snapshots[0]).toMatchObject({ version: 25, state: { party_name: "Save 25" } });
  });

  test("restore rewinds to a snapshot as a new version, and is itself in the history", async () => {
    const sessionId = uniqueSessionId("rewind");
    await saveScenes(sessionId, 5);
    const snapshots = (await api.history(sessionId)).body.snapshots as Snapshot[];
    const second = snapshots.find((snapshot) => snapshot.version === 2)!;

    const restored = await api.restore(sessionId, { snapshot_id: second.id });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ session_id: sessionId, version: 6, state: { party_name: "Save 2", scene_index: 2 } });
    expect((await api.load(sessionId)).body).toMatchObject({ version: 6, state: { party_name: "Save 2" } });
    expect(((await api.history(sessionId)).body.snapshots as Snapshot[])[0]).toMatchObject({ version: 6, state: { party_name: "Save 2" } });
  });

  test("a snapshot of another session cannot be restored into this one", async () => {
    const mine = uniqueSessionId("rewind-mine");
    const theirs = uniqueSessionId("rewind-theirs");
    await saveScenes(mine, 2);
    await saveScenes(theirs, 2);
    const theirSnapshot = ((await api.history(theirs)).body.snapshots as Snapshot[])[0]!;

    const response = await api.restore(mine, { snapshot_id: theirSnapshot.id });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: "not_found:snapshot" } });
    expect((await api.load(mine)).body).toMatchObject({ version: 2 });
  });

  test.each([
    ["an unknown snapshot id", { snapshot_id: "00000000-0000-4000-8000-000000000000" }, 404, "not_found:snapshot"],
    ["a snapshot id that is not a uuid", { snapshot_id: "first" }, 422, "validation:restore"],
    ["a missing snapshot id", {}, 422, "validation:restore"],
  ])("restoring %s fails cleanly", async (_name, body, status, code) => {
    const sessionId = uniqueSessionId("rewind-bad");
    await saveScenes(sessionId, 1);
    const response = await api.restore(sessionId, body);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { code } });
    expect((await api.load(sessionId)).body).toMatchObject({ version: 1 });
  });

  test("history and restore of an unknown session are 404s", async () => {
    const sessionId = uniqueSessionId("nobody");
    expect((await api.history(sessionId)).status).toBe(404);
    expect((await api.restore(sessionId, { snapshot_id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
  });
});
