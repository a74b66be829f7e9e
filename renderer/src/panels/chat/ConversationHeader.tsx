import { useState } from "react";
import type { Conversation } from "../../../../shared/chat";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { downloadText } from "../../download-file";
import { useApi, useApp } from "../../store/context";
import { RenameForm } from "./RenameForm";

/** The open conversation's title and what can be done with it as a whole. */
export function ConversationHeader({ conversation }: { conversation: Conversation | undefined }) {
  const api = useApi();
  const putConversation = useApp((s) => s.putConversation);
  const removeConversation = useApp((s) => s.removeConversation);
  const [renaming, setRenaming] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { run, error } = useAction();

  if (!conversation) return <h1 className="chat-title">New conversation</h1>;
  const { id, title } = conversation;

  const exportAs = (format: "markdown" | "json") =>
    void run(async () => {
      const file = await api.chat.export({ id, format });
      downloadText(file.filename, file.mimeType, file.content);
    });
  const remove = () =>
    void run(async () => {
      setConfirmingDelete(false);
      await api.chat.delete({ id });
      removeConversation(id);
    });

  return (
    <div className="chat-header">
      {renaming ? (
        <RenameForm
          title={title}
          onSave={(next) => run(async () => putConversation(await api.chat.update({ id, title: next })))}
          onDone={() => setRenaming(false)}
        />
      ) : (
        <h1 className="chat-title">{title}</h1>
      )}
      <div className="chat-actions">
        {!renaming && (
          <button type="button" onClick={() => setRenaming(true)}>
            Rename
          </button>
        )}
        <button type="button" onClick={() => exportAs("markdown")}>
          Export Markdown
        </button>
        <button type="button" onClick={() => exportAs("json")}>
          Export JSON
        </button>
        <button type="button" className="danger" onClick={() => setConfirmingDelete(true)}>
          Delete
        </button>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {confirmingDelete && (
        <ConfirmDialog
          title="Delete this conversation?"
          message={`“${title}” and all its messages will be deleted. This cannot be undone.`}
          confirmLabel="Delete conversation"
          onConfirm={remove}
          onCancel={() => setConfirmingDelete(false)}
        />
      )}
    </div>
  );
}
