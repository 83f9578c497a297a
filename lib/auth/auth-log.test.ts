import { CredentialsSignin } from "@auth/core/errors";
import { afterEach, describe, expect, test, vi } from "vitest";
import { logger } from "@/lib/log";
import { logAuthError } from "./auth-log";

describe("logAuthError", () => {
  afterEach(() => vi.restoreAllMocks());

  test("keeps failed sign-ins out of the error log, also when the build has minified the class name", () => {
    const errorLog = vi.spyOn(logger, "error").mockImplementation(() => {});
    logAuthError(new CredentialsSignin());
    const minified = Object.assign(new CredentialsSignin(), { name: "m" });
    logAuthError(minified);
    expect(errorLog).not.toHaveBeenCalled();
  });

  test("logs every other error", () => {
    const errorLog = vi.spyOn(logger, "error").mockImplementation(() => {});
    const failure = new Error("adapter down");
    logAuthError(failure);
    expect(errorLog).toHaveBeenCalledWith({ err: failure }, "auth error");
  });
});
