import { describe, expect, test } from "vitest";
import { api, sampleState, uniqueSessionId } from "./api";

describe("save and load", () => {
  test("a save round-trips through load with the same structure", async () => {
    const sessionId = uniqueSessionId("roundtrip");
    const state = sampleState({ symbol_choice: "order", scene_index: 7, choices: { scene1: "take-map", scene5: null, scene6: "scales-path" } });

    const saved = await api.save({ session_id: sessionId, state });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ status: "saved", scene_index: 7, version: 1 });

    const loaded = await api.load(sessionId);
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ session_id: sessionId, state, version: 1 });
    expect(Date.parse(loaded.body.updated_at as string)).not.toBeNaN();
  });

  test("saving again updates the same party, bumps the version, last write wins", async () => {
    const sessionId = uniqueSessionId("update");
    await api.save({ session_id: sessionId, state: sampleState({ scene_index: 1 }) });
    const second = await api.save({ session_id: sessionId, state: sampleState({ scene_index: 2, party_name: "Renamed" }) });
    expect(second.body).toEqual({ status: "saved", scene_index: 2, version: 2 });

    const loaded = await api.load(sessionId);
    expect(loaded.body.version).toBe(2);
    expect(loaded.body.state).toMatchObject({ scene_index: 2, party_name: "Renamed" });
  });

  test("loading an unknown session is a 404 in the standard error shape", async () => {
    const response = await api.load(uniqueSessionId("missing"));
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: "not_found:party", message: expect.any(String), request_id: expect.any(String) } });
  });

  test("an invalid session id in the path is a 422, not a 404 or 500", async () => {
    const response = await api.load("not a valid id!");
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: "validation:session_id" } });
  });

  test("20 concurrent first saves of one id give one party and no error", async () => {
    const sessionId = uniqueSessionId("race");
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => api.save({ session_id: sessionId, state: sampleState({ scene_index: (index % 11) + 1 }) })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const versions = responses.map((response) => response.body.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));

    const loaded = await api.load(sessionId);
    expect(loaded.body.version).toBe(20);
    const history = await api.history(sessionId);
    expect((history.body.snapshots as unknown[]).length).toBe(20);
  });
});
