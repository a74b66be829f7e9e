import { useId, useState } from "react";
import type { Conversation } from "../../../../shared/chat";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { isGenerating, lastMessage } from "./thread";
import { useChatCommands } from "./use-chat";

/** The message box: Enter sends, Shift+Enter adds a line; what was typed stays if sending fails. */
export function Composer({ conversation }: { conversation: Conversation | undefined }) {
  const chat = useChatCommands();
  const [text, setText] = useState("");
  const errorId = useId();
  const send = useAction();
  const control = useAction();
  const generating = isGenerating(conversation);
  const canRegenerate = !generating && lastMessage(conversation)?.role === "assistant";
  const canSend = !generating && !send.pending && text.trim().length > 0;

  const submit = () => {
    if (!canSend) return;
    void send.run(async () => {
      await chat.send(text);
      setText("");
    });
  };
  const error = send.error ?? control.error;

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        aria-label="Message"
        placeholder="Write a message… (Enter sends, Shift+Enter for a new line)"
        value={text}
        rows={3}
        aria-invalid={send.error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (send.error) send.clearError();
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <div className="composer-actions">
        <button type="submit" className="primary" disabled={!canSend}>
          Send
        </button>
        <button type="button" disabled={!generating || control.pending} onClick={() => void control.run(chat.stop)}>
          Stop
        </button>
        <button type="button" disabled={!canRegenerate || control.pending} onClick={() => void control.run(chat.regenerate)}>
          Regenerate
        </button>
      </div>
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
    </form>
  );
}
