import type { HandlersFor } from "../router";
import type { ChatGeneration } from "./chat-generation";
import type { ChatService } from "./chat-service";

export function chatHandlers(chats: ChatService, generation: ChatGeneration): HandlersFor<"chat"> {
  return {
    "chat.list": () => chats.list(),
    "chat.get": ({ id }) => chats.get(id),
    "chat.create": (request) => chats.create(request),
    "chat.update": (request) => chats.update(request),
    "chat.delete": async ({ id }) => {
      await chats.delete(id);
      return { deleted: true };
    },
    "chat.export": ({ id, format }) => chats.export(id, format),
    "chat.send": ({ conversationId, content }) => generation.send(conversationId, content),
    "chat.regenerate": ({ conversationId, messageId }) => generation.regenerate(conversationId, messageId),
    "chat.edit": ({ conversationId, messageId, content }) => generation.edit(conversationId, messageId, content),
    "chat.selectBranch": ({ conversationId, messageId }) => chats.selectBranch(conversationId, messageId),
  };
}
