import { describe, expect, test } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  test.each(["/", "/play/shard-1", "/designer?x=1#y"])("keeps the same-site path %s", (path) => expect(safeCallbackPath(path)).toBe(path));
  test.each([null, undefined, "", "https://evil.example", "//evil.example", "/\t/evil.example", "/\n/evil.example", "/\\evil.example", "evil", "javascript:alert(1)", "/%ZZ", "/play/%ED%A0%80"])(
    "sends %j home",
    (value) => expect(safeCallbackPath(value)).toBe("/"),
  );
});
