import { useDeferredValue } from "react";
import type { ChatMessage, Conversation } from "../../../../shared/chat";
import { useApp } from "../../store/context";
import { BranchNav } from "./BranchNav";
import { Markdown } from "./Markdown";
import { ReplyStats } from "./ReplyStats";

/** One reply: only this component re-renders as its tokens stream in. */
export function AssistantMessage({ conversation, message }: { conversation: Conversation; message: ChatMessage }) {
  const streamed = useApp((s) => s.streamingText[message.id]);
  const modelName = useApp((s) => s.models.find((m) => m.id === message.modelId)?.name ?? message.modelId);
  const streaming = message.status === "streaming";
  const text = streaming ? (streamed ?? message.content) : message.content;
  // Markdown parsing can lag the tokens; React skips the intermediate versions when it must.
  const shownText = useDeferredValue(text);
  return (
    <article className="message message-assistant" aria-busy={streaming} aria-label="Reply">
      <header className="message-header">
        <span className="message-author">{modelName ?? "Assistant"}</span>
        <BranchNav conversation={conversation} message={message} disabled={streaming} />
      </header>
      {shownText ? <Markdown text={shownText} /> : streaming ? null : <p className="muted">(empty reply)</p>}
      {streaming && (
        <p className="streaming-indicator" role="status">
          <span className="dot" aria-hidden="true" />
          {shownText ? "Writing…" : "Thinking…"}
        </p>
      )}
      {message.status === "stopped" && <p className="reply-note">Stopped before the end.</p>}
      {message.status === "error" && (
        <p className="reply-note error">The reply could not be finished: {message.error || "something went wrong in the engine."}</p>
      )}
      {message.stats && <ReplyStats stats={message.stats} />}
    </article>
  );
}
