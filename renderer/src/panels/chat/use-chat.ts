import { useMemo } from "react";
import type { Conversation } from "../../../../shared/chat";
import { useApi, useApp, useAppStore } from "../../store/context";
import * as commands from "./chat-commands";

/** The open conversation, or undefined while composing a new one. */
export function useActiveConversation(): Conversation | undefined {
  return useApp((s) => (s.activeConversationId ? s.conversations[s.activeConversationId] : undefined));
}

/** The chat commands bound to this app's client and store. */
export function useChatCommands() {
  const api = useApi();
  const store = useAppStore();
  return useMemo(
    () => ({
      send: (content: string) => commands.sendMessage(api, store, content),
      stop: () => commands.stopReply(api, store),
      regenerate: () => commands.regenerateReply(api, store),
      edit: (messageId: string, content: string) => commands.editMessage(api, store, messageId, content),
      selectBranch: (messageId: string) => commands.selectBranch(api, store, messageId),
      updateSettings: (patch: commands.ChatSettingsPatch) => commands.updateChatSettings(api, store, patch),
      open: (id: string) => commands.openConversation(api, store, id),
      startNew: () => commands.startNewConversation(store),
    }),
    [api, store],
  );
}
