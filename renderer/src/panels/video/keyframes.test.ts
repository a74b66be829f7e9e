import { describe, expect, it } from "vitest";
import { addKeyframe, describeCamera, draftsFromKeyframes, FIRST_KEYFRAME, parseKeyframes, pastTheEnd, removeKeyframe, updateKeyframe, type KeyframeDraft } from "./keyframes";

const second: KeyframeDraft = { key: "k1", frame: "12", prompt: "a storm", zoom: "1.02", panX: "4", panY: "-2", rotate: "1" };

describe("keyframe editor model", () => {
  it("adds a keyframe halfway to the clip's end, keeping the last camera move, with a fresh key", () => {
    const added = addKeyframe([FIRST_KEYFRAME, second], 24);
    expect(added).toHaveLength(3);
    expect(added[2]).toEqual({ key: "k2", frame: "18", prompt: "", zoom: "1.02", panX: "4", panY: "-2", rotate: "1" });
    expect(addKeyframe([FIRST_KEYFRAME], 24)[1]?.frame).toBe("12");
  });

  it("adds just after the last keyframe when there is no room left, and starts from the first keyframe when empty", () => {
    expect(addKeyframe([FIRST_KEYFRAME, { ...second, frame: "23" }], 24)[2]?.frame).toBe("24");
    expect(addKeyframe([], 10).map((draft) => draft.frame)).toEqual(["0", "5"]);
  });

  it("never removes the first keyframe nor moves it off frame 0", () => {
    const list = [FIRST_KEYFRAME, second];
    expect(removeKeyframe(list, "k0")).toEqual(list);
    expect(removeKeyframe(list, "k1")).toEqual([FIRST_KEYFRAME]);
    expect(updateKeyframe(list, "k0", { frame: "5", zoom: "1.1" })[0]).toEqual({ ...FIRST_KEYFRAME, zoom: "1.1" });
    expect(updateKeyframe(list, "k1", { frame: "8" })[1]?.frame).toBe("8");
  });

  it("builds keyframes in frame order, the first taking the form's prompt; cameras only when asked", () => {
    const third: KeyframeDraft = { ...second, key: "k2", frame: "6", prompt: "dawn" };
    expect(parseKeyframes([FIRST_KEYFRAME, second, third], "a calm sea", false)).toEqual({
      ok: true,
      keyframes: [
        { frame: 0, prompt: "a calm sea" },
        { frame: 6, prompt: "dawn" },
        { frame: 12, prompt: "a storm" },
      ],
    });
    const withCamera = parseKeyframes([FIRST_KEYFRAME, second], "a calm sea", true);
    expect(withCamera).toEqual({
      ok: true,
      keyframes: [
        { frame: 0, prompt: "a calm sea", camera: { zoom: 1, panX: 0, panY: 0, rotate: 0 } },
        { frame: 12, prompt: "a storm", camera: { zoom: 1.02, panX: 4, panY: -2, rotate: 1 } },
      ],
    });
  });

  it("reports each problem against its keyframe and field", () => {
    const result = parseKeyframes(
      [
        FIRST_KEYFRAME,
        { ...second, frame: "10241", prompt: " " },
        { ...second, key: "k2", frame: "x", zoom: "3" },
        { ...second, key: "k3", frame: "5" },
        { ...second, key: "k4", frame: "5", rotate: "-90" },
      ],
      "sea",
      true,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        k1: { frame: "Frame must be between 1 and 10240.", prompt: "Describe what the clip shows from this frame on." },
        k2: { frame: "Frame must be a number.", zoom: "Zoom must be between 0.5 and 2." },
        k4: { frame: "Frame 5 already has a keyframe.", rotate: "Rotate must be between -45 and 45." },
      },
    });
  });

  it("lets a keyframe lie past the clip's end, and says so", () => {
    const late = { ...second, frame: "40" };
    expect(pastTheEnd(late, 24)).toBe(true);
    expect(pastTheEnd(second, 24)).toBe(false);
    expect(parseKeyframes([FIRST_KEYFRAME, late], "sea", false)).toEqual({ ok: true, keyframes: [{ frame: 0, prompt: "sea" }, { frame: 40, prompt: "a storm" }] });
  });

  it("ignores camera values in travel mode, even ones that are out of range", () => {
    expect(parseKeyframes([{ ...FIRST_KEYFRAME, zoom: "9" }], "sea", false)).toEqual({ ok: true, keyframes: [{ frame: 0, prompt: "sea" }] });
  });

  it("turns recalled keyframes back into editor rows, adding frame 0 when a clip had none there", () => {
    const drafts = draftsFromKeyframes([
      { frame: 10, prompt: "storm", camera: { zoom: 1.05, panX: 0, panY: 3, rotate: 0 } },
      { frame: 0, prompt: "calm" },
    ]);
    expect(drafts).toEqual([
      { key: "k0", frame: "0", prompt: "", zoom: "1", panX: "0", panY: "0", rotate: "0" },
      { key: "k1", frame: "10", prompt: "storm", zoom: "1.05", panX: "0", panY: "3", rotate: "0" },
    ]);
    expect(draftsFromKeyframes([{ frame: 4, prompt: "late" }]).map((draft) => draft.frame)).toEqual(["0", "4"]);
  });

  it("says a camera move in words", () => {
    expect(describeCamera(FIRST_KEYFRAME)).toBe("Still");
    expect(describeCamera(second)).toBe("Zoom 1.02×, pan 4, -2 px, rotate 1°");
  });
});
