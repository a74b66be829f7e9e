import { z } from "zod";
import {
  conversationSchema,
  conversationSummarySchema,
  generationParamsSchema,
  MESSAGE_MAX,
  SYSTEM_PROMPT_MAX,
  TITLE_MAX,
} from "../chat";
import { idSchema } from "../ids";
import { byId, channel, deleted, empty } from "./channel";

const title = z.string().trim().min(1).max(TITLE_MAX);
const messageText = z.string().max(MESSAGE_MAX).refine((text) => text.trim().length > 0, "must not be empty");

/** What a conversation's creator may set, and later change. */
const conversationFields = z.object({
  title: title.optional(),
  modelId: idSchema.nullable().optional(),
  systemPrompt: z.string().max(SYSTEM_PROMPT_MAX).optional(),
  params: generationParamsSchema.partial().strict().optional(),
});

/** Chat conversations. */
export const chatChannels = {
  "chat.list": channel(empty, z.array(conversationSummarySchema)),
  "chat.get": channel(byId, conversationSchema),
  "chat.create": channel(conversationFields.strict(), conversationSchema),
  "chat.update": channel(conversationFields.extend({ id: idSchema }).strict(), conversationSchema),
  "chat.delete": channel(byId, deleted),
  "chat.export": channel(
    z.object({ id: idSchema, format: z.enum(["markdown", "json"]) }).strict(),
    z.object({ filename: z.string(), mimeType: z.string(), content: z.string() }),
  ),
  /** Appends a user message to the active branch and starts a reply. */
  "chat.send": channel(
    z.object({ conversationId: idSchema, content: messageText }).strict(),
    z.object({ jobId: z.string(), userMessageId: idSchema, assistantMessageId: idSchema }),
  ),
  /** A new sibling reply to the same user message; the old reply stays reachable. */
  "chat.regenerate": channel(
    z.object({ conversationId: idSchema, messageId: idSchema }).strict(),
    z.object({ jobId: z.string(), assistantMessageId: idSchema }),
  ),
  /** A new sibling of an earlier user message with new text, answered afresh. */
  "chat.edit": channel(
    z.object({ conversationId: idSchema, messageId: idSchema, content: messageText }).strict(),
    z.object({ jobId: z.string(), userMessageId: idSchema, assistantMessageId: idSchema }),
  ),
  /** Shows the branch through this message (its newest descendant becomes the leaf). */
  "chat.selectBranch": channel(
    z.object({ conversationId: idSchema, messageId: idSchema }).strict(),
    conversationSchema,
  ),
} as const;
