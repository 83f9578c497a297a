import { describe, expect, test } from "vitest";
import { judgeRawRequest, NOT_FOUND_PATH, rawParserRefusal } from "./raw-request-guard";

describe("judgeRawRequest", () => {
  test.each(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])("lets %s through to Next", (method) => {
    expect(judgeRawRequest({ method, url: "/api/v1/save" })).toEqual({ kind: "pass" });
  });

  test.each(["TRACE", "TRACK", "CONNECT", "PROPFIND", "BREW", ""])("answers %j itself with a JSON 405 and Allow", (method) => {
    const verdict = judgeRawRequest({ method, url: "/api/v1/save" });
    expect(verdict).toMatchObject({ kind: "answer", status: 405, headers: { allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" } });
    expect(JSON.parse((verdict as { body: string }).body)).toMatchObject({ error: { code: "method_not_allowed:method" } });
  });

  test.each(["/api/v1/load/%ZZ", "/api/v1/load/%ED%A0%80", "/api/v1/load/%", "/api/x/%C0%AF"])("a broken API path %s is a JSON 400", (url) => {
    const verdict = judgeRawRequest({ method: "GET", url });
    expect(verdict).toMatchObject({ kind: "answer", status: 400 });
    expect(JSON.parse((verdict as { body: string }).body)).toMatchObject({ error: { code: "bad_request:url" } });
  });

  test.each(["/play/%ZZ", "/play/%ED%A0%80?x=1", "/%"])("a broken page path %s is shown the styled 404", (url) => {
    expect(judgeRawRequest({ method: "GET", url })).toEqual({ kind: "rewrite", url: NOT_FOUND_PATH });
  });

  test.each(["/play/shard-1", "/api/v1/load/a%20b", "/play/%E2%9C%93", "/x?q=%ZZ"])("a well-formed path %s passes (a broken query is the route's business)", (url) => {
    expect(judgeRawRequest({ method: "GET", url })).toEqual({ kind: "pass" });
  });
});

describe("rawParserRefusal", () => {
  test("a method Node's parser does not know is a JSON 405 on the wire", () => {
    const raw = rawParserRefusal({ parserCode: "HPE_INVALID_METHOD" });
    const [head, body] = raw.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(head).toContain("content-type: application/json");
    expect(head).toContain(`content-length: ${Buffer.byteLength(body!)}`);
    expect(JSON.parse(body!)).toMatchObject({ error: { code: "method_not_allowed:method" } });
  });

  test("anything else the parser refuses is a JSON 400", () => {
    const raw = rawParserRefusal({ parserCode: "HPE_INVALID_HEADER_TOKEN" });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(raw.split("\r\n\r\n")[1]!)).toMatchObject({ error: { code: "bad_request:http" } });
  });
});
