import { describe, expect, it } from "vitest";
import catalog from "../resources/catalog.json";
import { describeModelLicense, licenseFromHubTags } from "./model-license";

describe("describeModelLicense", () => {
  it.each(["cc-by-nc-4.0", "cc-by-nc-sa-4.0", "cc-by-nc-nd-4.0", "CC-BY-NC-2.0", "stabilityai-nc-research-community", "deepfloyd-if-license"])(
    "%s is non-commercial",
    (id) => expect(describeModelLicense(id)).toMatchObject({ kind: "non-commercial", badge: "Non-commercial license" }),
  );

  it.each(["llama3.2", "llama3", "gemma", "creativeml-openrail-m", "bigscience-openrail-m", "openrail++", "stabilityai-ai-community", "other"])(
    "%s comes with conditions",
    (id) => expect(describeModelLicense(id)).toMatchObject({ kind: "conditions", badge: "License with conditions", note: expect.any(String) }),
  );

  it.each(["apache-2.0", "mit", "bsd-3-clause", "cc-by-4.0", "cc0-1.0"])("%s is open, with no badge", (id) => {
    expect(describeModelLicense(id)).toEqual({ id, kind: "open" });
  });

  it.each([undefined, "", "unknown"])("%s is unknown", (id) => {
    expect(describeModelLicense(id)).toMatchObject({ id: "unknown", kind: "unknown", badge: "License unknown" });
  });

  it("reads every license in the catalog", () => {
    const kinds = catalog.models.map((entry) => describeModelLicense(entry.license).kind);
    expect(kinds).not.toContain("unknown");
    expect(kinds).toContain("conditions");
  });
});

describe("licenseFromHubTags", () => {
  it("takes the license: tag", () => {
    expect(licenseFromHubTags(["gguf", "license:cc-by-nc-4.0", "en"])).toBe("cc-by-nc-4.0");
    expect(licenseFromHubTags(["gguf"])).toBeUndefined();
  });
});
