import { z } from "zod";
import { idSchema } from "./ids";
import { imageDataUrlSchema, samplerSchema } from "./image";

/** Samplers the AnimateDiff family is made for: LCM (AnimateLCM, AnimateDiff-Lightning), Euler and DDIM. */
export const MOTION_SAMPLERS = ["lcm", "euler", "ddim"] as const;
export const motionSamplerSchema = z.enum(MOTION_SAMPLERS);
export type MotionSampler = z.infer<typeof motionSamplerSchema>;

export const INTERPOLATION_FACTORS = [2, 4] as const;
export const CLIP_FORMATS = ["mp4", "webm", "webp", "gif"] as const;
export const clipFormatSchema = z.enum(CLIP_FORMATS);
export type ClipFormat = z.infer<typeof clipFormatSchema>;

/** How a clip came to be. */
export const CLIP_MODES = ["text-to-video", "image-to-video", "keyframe-travel", "keyframe-feedback", "import"] as const;
export const clipModeSchema = z.enum(CLIP_MODES);
export type ClipMode = z.infer<typeof clipModeSchema>;

/** Far past any clip the studio plays (about 40 s at 24 fps). */
export const MAX_CLIP_FRAMES = 1024;

const dimension = z.number().int().min(64).max(2048).refine((n) => n % 8 === 0, "must be a multiple of 8");
const seed = z.number().int().min(0).max(2 ** 32 - 1);
const fps = z.number().min(1).max(60);

/** Text-to-video, or image-to-video with `initImage`, on an AnimateDiff-class motion model (family video). */
export const videoGenerateRequestSchema = z
  .object({
    modelId: idSchema,
    prompt: z.string().max(10_000),
    negativePrompt: z.string().max(10_000).default(""),
    /** Exactly this many frames come back; clips longer than the model's window are made in overlapping windows. */
    frames: z.number().int().min(1).max(MAX_CLIP_FRAMES).default(16),
    fps: fps.default(8),
    width: dimension.default(512),
    height: dimension.default(512),
    steps: z.number().int().min(1).max(150).default(8),
    /** Classifier-free guidance above 1; at 1 or below only the prompt is run (Lightning and LCM models). */
    cfgScale: z.number().min(0).max(30).default(1),
    sampler: motionSamplerSchema.default("lcm"),
    /** Null draws a random seed; the clip's parameters keep the one used. */
    seed: seed.nullable().default(null),
    /** Image-to-video: the start image (cropped and scaled to width × height). */
    initImage: imageDataUrlSchema.optional(),
    /** Image-to-video: 0 keeps the init image, 1 ignores it. */
    strength: z.number().min(0).max(1).default(0.75),
    /** Frames shared by neighbouring windows; the model's window / 4 unless given. */
    contextOverlap: z.number().int().min(0).max(64).optional(),
  })
  .strict()
  .refine((request) => request.sampler !== "lcm" || request.steps <= 50, { message: "LCM runs at most 50 steps", path: ["steps"] });
export type VideoGenerateRequest = z.infer<typeof videoGenerateRequestSchema>;

/** A camera move per frame, Deforum-style: 1.02 zooms in 2 % a frame, pan in pixels, rotate in degrees (counter-clockwise). */
export const cameraMoveSchema = z
  .object({
    zoom: z.number().min(0.5).max(2).default(1),
    panX: z.number().min(-256).max(256).default(0),
    panY: z.number().min(-256).max(256).default(0),
    rotate: z.number().min(-45).max(45).default(0),
  })
  .strict();
export type CameraMove = z.infer<typeof cameraMoveSchema>;

/**
 * A keyframe: the prompt from `frame` on, moving towards the next keyframe's. The camera move (feedback
 * mode), strength and the other values are interpolated linearly between the keyframes that set them
 * and held before the first and after the last. A keyframe may lie past the clip's end (the clip then
 * travels towards it).
 */
export const keyframeSchema = z
  .object({
    frame: z.number().int().min(0).max(10 * MAX_CLIP_FRAMES),
    prompt: z.string().max(10_000),
    camera: cameraMoveSchema.optional(),
    /** The animation's negative prompt when absent. */
    negativePrompt: z.string().max(10_000).optional(),
    /** This keyframe's noise; the animation's seed + frame · seedIncrement when absent. */
    seed: seed.optional(),
    /** img2img strength at this keyframe: 0 keeps the source frame, 1 ignores it. */
    strength: z.number().min(0).max(1).optional(),
  })
  .strict();
export type Keyframe = z.infer<typeof keyframeSchema>;

/**
 * Keyframe animation with any installed Stable Diffusion model (family image), on the image engine:
 * "travel" mixes the keyframes' text embeddings and slerps their start noise, each frame its own
 * generation; "feedback" makes each frame image-to-image of the previous one seen through the
 * keyframed camera move (zoom, pan, rotate), Deforum-style.
 */
export const keyframeAnimateRequestSchema = z
  .object({
    modelId: idSchema,
    mode: z.enum(["travel", "feedback"]).default("travel"),
    keyframes: z.array(keyframeSchema).min(1).max(256),
    negativePrompt: z.string().max(10_000).default(""),
    frames: z.number().int().min(1).max(MAX_CLIP_FRAMES).default(24),
    fps: fps.default(8),
    width: dimension.default(512),
    height: dimension.default(512),
    steps: z.number().int().min(1).max(150).default(20),
    cfgScale: z.number().min(0).max(30).default(7),
    sampler: samplerSchema.default("euler"),
    /** Null draws a random seed; the clip's parameters keep the one used. */
    seed: seed.nullable().default(null),
    /** Frame n's own seed is seed + n · seedIncrement (0: one noise for the whole clip). */
    seedIncrement: z.number().int().min(-1024).max(1024).default(0),
    /** img2img strength where no keyframe sets one: feedback frames, and every frame with an init image. */
    strength: z.number().min(0).max(1).default(0.45),
    /** How the camera move fills what comes into view from outside the frame. */
    border: z.enum(["reflect", "replicate"]).default("reflect"),
    /** Feedback: frame 0 is image-to-image of it; travel: every frame is. */
    initImage: imageDataUrlSchema.optional(),
  })
  .strict()
  .refine((request) => new Set(request.keyframes.map((keyframe) => keyframe.frame)).size === request.keyframes.length, {
    message: "two keyframes are on the same frame",
    path: ["keyframes"],
  });
export type KeyframeAnimateRequest = z.infer<typeof keyframeAnimateRequestSchema>;

export const interpolateRequestSchema = z
  .object({
    clipId: idSchema,
    factor: z.union([z.literal(2), z.literal(4)]),
    /** An interpolation model (RIFE, family video); the first one installed unless given. */
    modelId: idSchema.optional(),
  })
  .strict();
export type InterpolateRequest = z.infer<typeof interpolateRequestSchema>;

export const exportRequestSchema = z
  .object({
    clipId: idSchema,
    format: clipFormatSchema,
    /** Playback rate of the file; the clip's own unless given. */
    fps: fps.optional(),
  })
  .strict();
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** A clip file (MP4, WebM, GIF, animated WebP) as a base64 data: URL, up to ~150 MB. */
export const clipDataUrlSchema = z
  .string()
  .max(200 * 1024 * 1024)
  .regex(/^data:(video|image)\/[\w.+-]+(;[\w=.-]+)*;base64,[A-Za-z0-9+/]+=*$/, "must be a base64 data: URL of a video or animated image");

/** A host path: a clip file, or a folder of PNG frames (desktop and the local API). */
const hostPathSchema = z.string().min(1).max(4096);
const clipNameSchema = z.string().trim().min(1).max(200);
/** What `POST /upload` answers (serve mode). */
const uploadIdSchema = z.string().regex(/^[a-f0-9]{32}$/, "Not an upload id this server hands out.");

/** A clip to add to the library: an uploaded file, a file or PNG folder on the host, or PNG frames. */
export const importRequestSchema = z.union([
  z.object({ name: clipNameSchema, dataUrl: clipDataUrlSchema, fps: fps.optional() }).strict(),
  z.object({ path: hostPathSchema, name: clipNameSchema.optional(), fps: fps.optional() }).strict(),
  z.object({ name: clipNameSchema, frames: z.array(imageDataUrlSchema).min(1).max(MAX_CLIP_FRAMES), fps: fps.default(8) }).strict(),
  /** A file sent to serve mode's `POST /upload`; the upload is removed once imported. */
  z.object({ uploadId: uploadIdSchema, name: clipNameSchema.optional(), fps: fps.optional() }).strict(),
]);
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** An exported file dropped on the panel: its parameters are read back from the container's metadata. */
export const recallRequestSchema = z.union([
  z.object({ dataUrl: clipDataUrlSchema }).strict(),
  z.object({ path: hostPathSchema }).strict(),
  /** Kept afterwards, so the same upload can then be imported. */
  z.object({ uploadId: uploadIdSchema }).strict(),
]);
export type RecallRequest = z.infer<typeof recallRequestSchema>;

/** The settings a clip was made with: its sidecar, and the metadata of every file exported from it. */
export const videoParametersSchema = z.object({
  mode: clipModeSchema,
  prompt: z.string(),
  negativePrompt: z.string(),
  modelId: z.string(),
  modelName: z.string(),
  frames: z.number().int().positive(),
  fps: z.number().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  steps: z.number().int().nonnegative(),
  cfgScale: z.number(),
  sampler: z.string(),
  seed: z.number().int().nonnegative(),
  strength: z.number().optional(),
  contextOverlap: z.number().int().optional(),
  keyframes: z.array(keyframeSchema).optional(),
  seedIncrement: z.number().int().optional(),
  border: z.enum(["reflect", "replicate"]).optional(),
  /** Set when the clip's frames were interpolated afterwards; the rest are the source's settings. */
  interpolation: z.object({ factor: z.number().int().positive(), modelId: z.string(), modelName: z.string() }).optional(),
});
export type VideoParameters = z.infer<typeof videoParametersSchema>;

export const clipExportSchema = z.object({
  format: clipFormatSchema,
  /** File name inside the clip's folder. */
  file: z.string(),
  mimeType: z.string(),
  codec: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  fps: z.number().positive(),
  createdAt: z.number(),
});
export type ClipExport = z.infer<typeof clipExportSchema>;

/** A clip in the library: `<data>/library/videos/<id>/` holds its PNG frames, clip.json (this) and a thumbnail. */
export const clipItemSchema = z.object({
  id: idSchema,
  kind: z.literal("clip"),
  name: z.string(),
  mode: clipModeSchema,
  frameCount: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fps: z.number().positive(),
  durationSeconds: z.number().nonnegative(),
  /** The frames' PNG files together. */
  sizeBytes: z.number().nonnegative(),
  createdAt: z.number(),
  /** Null for an imported clip whose file carried none. */
  parameters: videoParametersSchema.nullable(),
  /** The latest file exported in each format. */
  exports: z.array(clipExportSchema),
  /** The clip this one was interpolated from. */
  sourceClipId: idSchema.optional(),
  jobId: z.string().optional(),
});
export type ClipItem = z.infer<typeof clipItemSchema>;

/** What a video.generate / animate / interpolate / import job returns (job.result): the clip it saved. */
export const clipJobResultSchema = z.object({
  clipId: idSchema,
  frameCount: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fps: z.number().positive(),
});
export type ClipJobResult = z.infer<typeof clipJobResultSchema>;

/** What a video.export job returns: the file, kept with the clip; `video.download` reads it. */
export const exportJobResultSchema = clipExportSchema.extend({
  clipId: idSchema,
  /** A name to save it under, from the clip's name. */
  filename: z.string(),
  /** Its absolute path on the host (desktop reveal, local API). */
  path: z.string(),
  frameCount: z.number().int().positive(),
});
export type ExportJobResult = z.infer<typeof exportJobResultSchema>;

export const VIDEO_MODEL_KINDS = ["motion", "image", "interpolation"] as const;
export const VIDEO_CAPABILITIES = ["text-to-video", "image-to-video", "keyframe-animation", "interpolation"] as const;

/** An installed model the Video panel can use, and what it can do there. */
export const videoModelSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** motion: AnimateDiff-class (family video); image: any Stable Diffusion model (keyframe animation); interpolation: RIFE. */
  kind: z.enum(VIDEO_MODEL_KINDS),
  capabilities: z.array(z.enum(VIDEO_CAPABILITIES)),
});
export type VideoModel = z.infer<typeof videoModelSchema>;
