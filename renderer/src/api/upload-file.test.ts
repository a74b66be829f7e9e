import { describe, expect, it } from "vitest";
import { uploadUrlFor } from "./upload-file";

describe("uploadUrlFor", () => {
  it("carries the page's session token, encoded", () => {
    expect(uploadUrlFor({ search: "?token=a+b/c" })).toBe("/upload?token=a%20b%2Fc");
  });

  it("relies on the session cookie when the page's address has no token", () => {
    expect(uploadUrlFor({ search: "" })).toBe("/upload");
  });
});
