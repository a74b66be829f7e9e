import { useState } from "react";
import type { ChatMessage, Conversation } from "../../../../shared/chat";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { BranchNav } from "./BranchNav";
import { useChatCommands } from "./use-chat";

interface UserMessageProps {
  conversation: Conversation;
  message: ChatMessage;
  /** A reply is being written: editing waits until it ends. */
  busy: boolean;
}

export function UserMessage({ conversation, message, busy }: UserMessageProps) {
  const chat = useChatCommands();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.content);
  const { run, pending, error } = useAction();

  const save = () =>
    void run(async () => {
      await chat.edit(message.id, draft);
      setEditing(false);
    });

  return (
    <article className="message message-user" aria-label="You">
      <header className="message-header">
        <span className="message-author">You</span>
        <BranchNav conversation={conversation} message={message} disabled={busy} />
      </header>
      {editing ? (
        <form
          className="edit-form"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <textarea aria-label="Edited text" value={draft} rows={3} autoFocus onChange={(event) => setDraft(event.target.value)} />
          <div className="edit-actions">
            <button type="submit" className="primary" disabled={pending || busy || !draft.trim()}>
              Save and rerun
            </button>
            <button
              type="button"
              onClick={() => {
                setEditing(false);
                setDraft(message.content);
              }}
            >
              Cancel
            </button>
          </div>
          {error && <ErrorMessage>{error}</ErrorMessage>}
        </form>
      ) : (
        <>
          <p className="user-text">{message.content}</p>
          <button type="button" className="quiet edit-button" disabled={busy} onClick={() => setEditing(true)}>
            Edit
          </button>
        </>
      )}
    </article>
  );
}
