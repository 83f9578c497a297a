import { beforeAll, describe, expect, test } from "vitest";
import { api, sampleState, uniqueSessionId } from "./api";

const sessionId = uniqueSessionId("bad-input");
const good = () => ({ session_id: sessionId, state: sampleState() });

type Mutation = (body: ReturnType<typeof good>) => unknown;
const withState = (patch: Record<string, unknown>): Mutation => (body) => ({ ...body, state: { ...body.state, ...patch } });
const withHero = (patch: Record<string, unknown>): Mutation => (body) => ({
  ...body,
  state: { ...body.state, heroes: [{ ...body.state.heroes[0], ...patch }, ...body.state.heroes.slice(1)] },
});

// Every case targets the same saved party; afterwards it must be exactly as it was.
const jsonCases: [name: string, mutate: Mutation, status: number, code: string][] = [
  ["body is an array", () => [], 422, "validation:save"],
  ["body is null", () => null, 422, "validation:save"],
  ["body is a string", () => "save me", 422, "validation:save"],
  ["session_id missing", ({ state }) => ({ state }), 422, "validation:save"],
  ["session_id empty", (body) => ({ ...body, session_id: "" }), 422, "validation:save"],
  ["session_id 129 chars", (body) => ({ ...body, session_id: "a".repeat(129) }), 422, "validation:save"],
  ["session_id with a space", (body) => ({ ...body, session_id: "my game" }), 422, "validation:save"],
  ["session_id with a slash", (body) => ({ ...body, session_id: "../etc" }), 422, "validation:save"],
  ["session_id is a number", (body) => ({ ...body, session_id: 42 }), 422, "validation:save"],
  ["state missing", (body) => ({ session_id: body.session_id }), 422, "validation:save"],
  ["unknown top-level field", (body) => ({ ...body, admin: true }), 422, "validation:save"],
  ["scene_index 0", withState({ scene_index: 0 }), 422, "validation:save"],
  ["scene_index 12", withState({ scene_index: 12 }), 422, "validation:save"],
  ["scene_index 2.5", withState({ scene_index: 2.5 }), 422, "validation:save"],
  ["scene_index as a string", withState({ scene_index: "3" }), 422, "validation:save"],
  ["party_name empty", withState({ party_name: "" }), 422, "validation:save"],
  ["party_name 61 chars", withState({ party_name: "x".repeat(61) }), 422, "validation:save"],
  ["party_name only spaces", withState({ party_name: "   " }), 422, "validation:save"],
  ["party_name with a control character", withState({ party_name: "Bad\u0007Bell" }), 422, "validation:save"],
  ["no heroes", withState({ heroes: [] }), 422, "validation:save"],
  ["seven heroes", withState({ heroes: Array(7).fill({ name: "Extra", class: "Bard", hp: 20 }) }), 422, "validation:save"],
  ["hero name empty", withHero({ name: "" }), 422, "validation:save"],
  ["hero name 41 chars", withHero({ name: "n".repeat(41) }), 422, "validation:save"],
  ["hero class unknown", withHero({ class: "Necromancer" }), 422, "validation:save"],
  ["hero hp negative", withHero({ hp: -1 }), 422, "validation:save"],
  ["hero hp 1000", withHero({ hp: 1000 }), 422, "validation:save"],
  ["hero hp fractional", withHero({ hp: 1.5 }), 422, "validation:save"],
  ["hero with an extra field", withHero({ mana: 5 }), 422, "validation:save"],
  ["symbol_choice unknown", withState({ symbol_choice: "purple" }), 422, "validation:save"],
  ["choices key scene12", withState({ choices: { scene12: "x" } }), 422, "validation:save"],
  ["choices key not a scene", withState({ choices: { boss: "fight" } }), 422, "validation:save"],
  ["choice value 33 chars", withState({ choices: { scene1: "a".repeat(33) } }), 422, "validation:save"],
  ["choice value a number", withState({ choices: { scene1: 3 } }), 422, "validation:save"],
  ["choice value with spaces and capitals", withState({ choices: { scene1: "Take Map" } }), 422, "validation:save"],
  ["choices is an array", withState({ choices: ["take-map"] }), 422, "validation:save"],
  ["state with an extra field", withState({ gold: 100 }), 422, "validation:save"],
  ["expected_version negative", (body) => ({ ...body, expected_version: -1 }), 422, "validation:save"],
  ["expected_version as a string", (body) => ({ ...body, expected_version: "1" }), 422, "validation:save"],
  ["expected_version stale", (body) => ({ ...body, expected_version: 99 }), 409, "conflict:version"],
  ["expected_version 0 for an existing party", (body) => ({ ...body, expected_version: 0 }), 409, "conflict:version"],
];

const rawCases: [name: string, body: BodyInit | null, headers: Record<string, string> | undefined, status: number, code: string][] = [
  ["malformed JSON", "{bad", undefined, 400, "bad_request:json"],
  ["truncated JSON", JSON.stringify(good()).slice(0, 40), undefined, 400, "bad_request:json"],
  ["empty body", "", undefined, 400, "bad_request:empty_body"],
  ["no body", null, undefined, 400, "bad_request:empty_body"],
  ["text/plain content type", JSON.stringify(good()), { "content-type": "text/plain" }, 415, "unsupported_media_type:body"],
  ["body over 64 KB", JSON.stringify({ ...good(), padding: "x".repeat(70 * 1024) }), undefined, 413, "payload_too_large:body"],
  ["body over 64 KB declared by Content-Length", "{}", { "content-type": "application/json", "content-length": String(1024 * 1024) }, 413, "payload_too_large:body"],
  [
    "body over 64 KB behind a smaller Content-Length",
    JSON.stringify({ ...good(), padding: "x".repeat(70 * 1024) }),
    { "content-type": "application/json", "content-length": "100" },
    413,
    "payload_too_large:body",
  ],
  [
    "streamed body over 64 KB with no Content-Length",
    new Blob(["[", "1,".repeat(40 * 1024), "1]"]).stream(),
    undefined,
    413,
    "payload_too_large:body",
  ],
];

describe("bad save inputs", () => {
  let before: unknown;

  beforeAll(async () => {
    expect((await api.save(good())).status).toBe(200);
    before = (await api.load(sessionId)).body;
  });

  test(`the table covers at least 30 cases (${jsonCases.length + rawCases.length})`, () => {
    expect(jsonCases.length + rawCases.length).toBeGreaterThanOrEqual(30);
  });

  test.each(jsonCases)("%s → %i", async (_name, mutate, status, code) => {
    const response = await api.save(mutate(good()));
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(Object.keys(response.body)).toEqual(["error"]);
    expect((await api.load(sessionId)).body).toEqual(before);
  });

  test.each(rawCases)("%s → %i", async (_name, body, headers, status, code) => {
    const response = await api.saveRaw(body, headers);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { code, message: expect.any(String), request_id: response.headers.get("x-request-id") } });
    expect((await api.load(sessionId)).body).toEqual(before);
  });

  test("a validation error lists each problem by field path", async () => {
    const response = await api.save(withHero({ hp: -1, class: "Necromancer" })(good()));
    const issues = (response.body.error as { details: { issues: { path: string }[] } }).details.issues.map((issue) => issue.path);
    expect(issues.sort()).toEqual(["state.heroes.0.class", "state.heroes.0.hp"]);
  });
});
