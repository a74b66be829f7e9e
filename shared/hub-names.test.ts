import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isHubRepoId, isHubRevision } from "./hub-names";
import { catalogSchema } from "./library";

describe("Hub repository ids (huggingface_hub's validate_repo_id)", () => {
  it.each(["foo", "foo/bar", "123", "Foo-BAR_foo.bar123", "user/Foo-BAR_foo.bar123", "_a/b_", "o/split", "TheBloke/Llama-2-7B-GGUF", `${"a".repeat(96)}/${"b".repeat(96)}`])(
    "accepts %s",
    (id) => expect(isHubRepoId(id)).toBe(true),
  );

  it.each([
    "", "/", "a/", "/a", "a//b", "datasets/foo/bar", "owner/..", "../x", "owner/a..b", "a/.", ".repo_id", "repo-", "-repo",
    "owner/.hidden", "foo--bar", "owner/x.git", "a b/c", "a/b%2f", "a/b?c", "a\\b", "ow/ne\u00e9", `a/${"b".repeat(97)}`,
  ])("refuses %j", (id) => expect(isHubRepoId(id)).toBe(false));
});

describe("Hub revisions (git check-ref-format, one level allowed)", () => {
  it.each(["main", "v1.0", "onnx", "refs/pr/1", "feature/x_y-z", "a".repeat(40), "0123456789abcdef0123456789abcdef01234567", "release@2"])(
    "accepts %s",
    (revision) => expect(isHubRevision(revision)).toBe(true),
  );

  it.each([
    "", "..", "a..b", "../main", "/main", "main/", "a//b", ".hidden", "a/.b", "main.lock", "a/b.lock", "main.", "@", "a@{1}",
    "a b", "a~1", "a^", "a:b", "a?", "a*", "a[b", "a\\b", "tab\tx", "nul\u0000", "caf\u00e9", "x".repeat(256),
  ])("refuses %j", (revision) => expect(isHubRevision(revision)).toBe(false));
});

describe("the curated catalog", () => {
  it("names every repository and revision in a form the Hub accepts", () => {
    const catalog = catalogSchema.parse(JSON.parse(readFileSync("resources/catalog.json", "utf8")));
    expect(catalog.models.length).toBeGreaterThan(0);
    for (const entry of catalog.models) {
      expect(isHubRepoId(entry.repo), entry.repo).toBe(true);
      expect(isHubRevision(entry.revision), entry.revision).toBe(true);
    }
  });
});
