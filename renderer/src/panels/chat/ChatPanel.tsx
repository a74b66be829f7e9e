import { useState } from "react";
import { Composer } from "./Composer";
import { ConversationHeader } from "./ConversationHeader";
import { ConversationList } from "./ConversationList";
import { ConversationSettings } from "./ConversationSettings";
import { MessageLog } from "./MessageLog";
import { ModelPicker } from "./ModelPicker";
import { useActiveConversation } from "./use-chat";

export function ChatPanel() {
  const conversation = useActiveConversation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <div className="chat">
      <ConversationList />
      <section className="chat-main" aria-label="Conversation">
        <div className="chat-toolbar">
          <ConversationHeader conversation={conversation} />
          <ModelPicker conversation={conversation} />
          <button
            type="button"
            aria-expanded={settingsOpen}
            aria-controls="conversation-settings"
            onClick={() => setSettingsOpen((open) => !open)}
          >
            Conversation settings
          </button>
        </div>
        {settingsOpen && <ConversationSettings key={conversation?.id ?? "draft"} conversation={conversation} />}
        <MessageLog conversation={conversation} />
        <Composer conversation={conversation} />
      </section>
    </div>
  );
}
