import { z } from "zod";
import { idSchema } from "./ids";

export const generationParamsSchema = z.object({
  temperature: z.number().min(0).max(2).default(0.8),
  topP: z.number().min(0).max(1).default(0.95),
  topK: z.number().int().min(0).max(1000).default(40),
  maxTokens: z.number().int().min(1).max(32768).default(512),
  /** Null draws a new seed for every reply. */
  seed: z.number().int().min(0).max(2 ** 32 - 1).nullable().default(null),
  contextSize: z.number().int().min(128).max(1 << 20).default(2048),
});
export type GenerationParams = z.infer<typeof generationParamsSchema>;
export const DEFAULT_GENERATION_PARAMS: GenerationParams = generationParamsSchema.parse({});

export const replyStatsSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  timeToFirstTokenMs: z.number().nonnegative(),
  tokensPerSecond: z.number().nonnegative(),
  durationMs: z.number().nonnegative(),
});
export type ReplyStats = z.infer<typeof replyStatsSchema>;

export const messageRoleSchema = z.enum(["user", "assistant"]);
export type MessageRole = z.infer<typeof messageRoleSchema>;

/** One node of the conversation tree: edits and regenerations add siblings, never overwrite. */
export const chatMessageSchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  role: messageRoleSchema,
  content: z.string(),
  createdAt: z.number(),
  /** Assistant replies only: how generation ended. */
  status: z.enum(["streaming", "complete", "stopped", "error"]).optional(),
  error: z.string().optional(),
  stats: replyStatsSchema.optional(),
  modelId: z.string().optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const conversationSchema = z.object({
  id: idSchema,
  title: z.string(),
  modelId: idSchema.nullable(),
  systemPrompt: z.string(),
  params: generationParamsSchema,
  messages: z.array(chatMessageSchema),
  /** The last message of the branch on screen; null when empty. */
  activeLeafId: idSchema.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  modelId: idSchema.nullable(),
  messageCount: z.number().int().nonnegative(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const TITLE_MAX = 200;
export const MESSAGE_MAX = 200_000;
export const SYSTEM_PROMPT_MAX = 50_000;
