import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { formatTime } from "../../format";
import { useApp } from "../../store/context";
import { useChatCommands } from "./use-chat";

export function ConversationList() {
  const summaries = useApp((s) => s.summaries);
  const activeId = useApp((s) => s.activeConversationId);
  const chat = useChatCommands();
  const { run, error } = useAction();
  return (
    <nav className="conversation-list" aria-label="Conversations">
      <button type="button" className="primary new-chat" onClick={chat.startNew}>
        New chat
      </button>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {summaries.length === 0 ? (
        <p className="muted">No conversations yet. Your first message starts one.</p>
      ) : (
        <ul>
          {summaries.map((summary) => (
            <li key={summary.id}>
              <button
                type="button"
                className="conversation-item"
                aria-current={summary.id === activeId ? "true" : undefined}
                onClick={() => void run(() => chat.open(summary.id))}
              >
                <span className="conversation-title">{summary.title}</span>
                <span className="conversation-meta">
                  {summary.messageCount} message{summary.messageCount === 1 ? "" : "s"} · {formatTime(summary.updatedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
