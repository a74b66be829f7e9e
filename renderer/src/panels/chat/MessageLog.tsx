import { useMemo, useRef } from "react";
import type { Conversation } from "../../../../shared/chat";
import { AssistantMessage } from "./AssistantMessage";
import { activeBranch, isGenerating } from "./thread";
import { useStickToBottom } from "./use-stick-to-bottom";
import { UserMessage } from "./UserMessage";

/** The branch of the conversation on screen, oldest first. */
export function MessageLog({ conversation }: { conversation: Conversation | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useStickToBottom(ref);
  const messages = useMemo(() => (conversation ? activeBranch(conversation) : []), [conversation]);
  const generating = isGenerating(conversation);
  return (
    <div ref={ref} className="message-log" role="log" aria-live="polite" aria-label="Conversation" tabIndex={0}>
      <div className="message-log-inner">
        {messages.length === 0 && (
          <p className="empty-log muted">
            {conversation ? "No messages yet." : "Choose a model, then write a message below to start a conversation."}
          </p>
        )}
        {conversation &&
          messages.map((message) =>
            message.role === "user" ? (
              <UserMessage key={message.id} conversation={conversation} message={message} busy={generating} />
            ) : (
              <AssistantMessage key={message.id} conversation={conversation} message={message} />
            ),
          )}
      </div>
    </div>
  );
}
