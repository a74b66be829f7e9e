import { MAX_CLIP_FRAMES, type CameraMove, type Keyframe } from "../../../../shared/video";
import { parseNumberField, type NumberRule } from "../../number-field";

/** One keyframe as typed in the editor: numbers stay text, so a half-typed value is never lost. */
export interface KeyframeDraft {
  /** Stable across edits and reorders (React key, error lookup). */
  key: string;
  frame: string;
  prompt: string;
  zoom: string;
  panX: string;
  panY: string;
  rotate: string;
}

export type KeyframeField = "frame" | "prompt" | "zoom" | "panX" | "panY" | "rotate";
export type KeyframeErrors = Record<string, Partial<Record<KeyframeField, string>>>;

/** A still camera: no zoom, pan or rotation. */
export const STILL_CAMERA = { zoom: "1", panX: "0", panY: "0", rotate: "0" } as const;

/** The first keyframe sits at frame 0 and takes the form's Prompt; later ones are added in the editor. */
export const FIRST_KEYFRAME: KeyframeDraft = { key: "k0", frame: "0", prompt: "", ...STILL_CAMERA };

/** A keyframe may lie past the clip's end (the clip then travels towards it), up to this frame. */
export const MAX_KEYFRAME = 10 * MAX_CLIP_FRAMES;

const CAMERA_RULES: Record<"zoom" | "panX" | "panY" | "rotate", NumberRule> = {
  zoom: { label: "Zoom", integer: false, min: 0.5, max: 2 },
  panX: { label: "Pan X", integer: false, min: -256, max: 256 },
  panY: { label: "Pan Y", integer: false, min: -256, max: 256 },
  rotate: { label: "Rotate", integer: false, min: -45, max: 45 },
};

function nextKey(list: readonly KeyframeDraft[]): string {
  const highest = list.reduce((max, draft) => Math.max(max, Number(draft.key.slice(1)) || 0), 0);
  return `k${highest + 1}`;
}

function frameOf(draft: KeyframeDraft): number {
  const value = Number(draft.frame.trim());
  return draft.frame.trim() !== "" && Number.isInteger(value) ? value : -1;
}

/**
 * A new keyframe halfway between the last one and the clip's end (or just after the last one when
 * there is no room), keeping the last one's camera so the move carries on until changed.
 */
export function addKeyframe(list: readonly KeyframeDraft[], clipFrames: number): KeyframeDraft[] {
  const drafts = list.length > 0 ? list : [FIRST_KEYFRAME];
  const last = drafts.reduce((latest, draft) => (frameOf(draft) > frameOf(latest) ? draft : latest), drafts[0] ?? FIRST_KEYFRAME);
  const lastFrame = Math.max(0, frameOf(last));
  const end = Number.isInteger(clipFrames) && clipFrames > 0 ? clipFrames : lastFrame + 2;
  const frame = Math.min(MAX_KEYFRAME, Math.max(lastFrame + 1, Math.floor((lastFrame + end) / 2)));
  const { zoom, panX, panY, rotate } = last;
  return [...drafts, { key: nextKey(drafts), frame: String(frame), prompt: "", zoom, panX, panY, rotate }];
}

/** Every keyframe but the first can go. */
export function removeKeyframe(list: readonly KeyframeDraft[], key: string): KeyframeDraft[] {
  return list.filter((draft, index) => index === 0 || draft.key !== key);
}

/** The first keyframe's frame stays 0 whatever is asked. */
export function updateKeyframe(list: readonly KeyframeDraft[], key: string, patch: Partial<Omit<KeyframeDraft, "key">>): KeyframeDraft[] {
  return list.map((draft, index) => {
    if (draft.key !== key) return draft;
    return index === 0 ? { ...draft, ...patch, frame: "0" } : { ...draft, ...patch };
  });
}

export type KeyframesResult = { ok: true; keyframes: Keyframe[] } | { ok: false; errors: KeyframeErrors };

/** True when the keyframe is past the clip's last frame: the clip only moves part of the way to it. */
export function pastTheEnd(draft: KeyframeDraft, clipFrames: number): boolean {
  return Number.isInteger(clipFrames) && clipFrames > 0 && frameOf(draft) >= clipFrames;
}

/**
 * Checks the editor and builds the request's keyframes, in frame order. The first keyframe's prompt
 * is the form's Prompt; camera moves are sent only in feedback mode (prompt travel has no camera).
 */
export function parseKeyframes(list: readonly KeyframeDraft[], firstPrompt: string, withCamera: boolean): KeyframesResult {
  const drafts = list.length > 0 ? list : [FIRST_KEYFRAME];
  const errors: KeyframeErrors = {};
  const fail = (key: string, field: KeyframeField, message: string) => {
    errors[key] = { ...errors[key], [field]: message };
  };
  const seen = new Map<number, string>();
  const parsed: Keyframe[] = [];
  drafts.forEach((draft, index) => {
    const prompt = index === 0 ? firstPrompt : draft.prompt;
    const frame = index === 0 ? 0 : parseNumberField(draft.frame, { label: "Frame", integer: true, min: 1, max: MAX_KEYFRAME });
    if (typeof frame === "string") fail(draft.key, "frame", frame);
    else if (seen.has(frame)) fail(draft.key, "frame", `Frame ${frame} already has a keyframe.`);
    else seen.set(frame, draft.key);
    if (index > 0 && prompt.trim() === "") fail(draft.key, "prompt", "Describe what the clip shows from this frame on.");
    const camera: Partial<CameraMove> = {};
    if (withCamera) {
      for (const field of ["zoom", "panX", "panY", "rotate"] as const) {
        const value = parseNumberField(draft[field], CAMERA_RULES[field]);
        if (typeof value === "string") fail(draft.key, field, value);
        else camera[field] = value;
      }
    }
    if (typeof frame === "number") {
      parsed.push({ frame, prompt, ...(withCamera ? { camera: { zoom: 1, panX: 0, panY: 0, rotate: 0, ...camera } } : {}) });
    }
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, keyframes: parsed.sort((a, b) => a.frame - b.frame) };
}

/** Keyframes read back from a clip's settings, as editor rows (the first one's prompt goes to the Prompt field). */
export function draftsFromKeyframes(keyframes: readonly Keyframe[]): KeyframeDraft[] {
  const sorted = [...keyframes].sort((a, b) => a.frame - b.frame);
  if (sorted.length === 0 || sorted[0]?.frame !== 0) sorted.unshift({ frame: 0, prompt: "" });
  return sorted.map((keyframe, index) => ({
    key: `k${index}`,
    frame: String(keyframe.frame),
    prompt: index === 0 ? "" : keyframe.prompt,
    zoom: String(keyframe.camera?.zoom ?? 1),
    panX: String(keyframe.camera?.panX ?? 0),
    panY: String(keyframe.camera?.panY ?? 0),
    rotate: String(keyframe.camera?.rotate ?? 0),
  }));
}

/** "Zoom 1.02×, pan 4, −2 px, rotate 1°" — a camera move in words for a keyframe's summary; "Still" when it does not move. */
export function describeCamera(draft: Pick<KeyframeDraft, "zoom" | "panX" | "panY" | "rotate">): string {
  const parts: string[] = [];
  if (Number(draft.zoom) !== 1) parts.push(`zoom ${draft.zoom}×`);
  if (Number(draft.panX) !== 0 || Number(draft.panY) !== 0) parts.push(`pan ${draft.panX}, ${draft.panY} px`);
  if (Number(draft.rotate) !== 0) parts.push(`rotate ${draft.rotate}°`);
  if (parts.length === 0) return "Still";
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
