import type { ChatMessage, Conversation } from "../../../../shared/chat";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { siblingsOf } from "./thread";
import { useChatCommands } from "./use-chat";

/** "‹ 1/2 ›" between the versions of a message, shown only when there is more than one. */
export function BranchNav({ conversation, message, disabled }: { conversation: Conversation; message: ChatMessage; disabled: boolean }) {
  const chat = useChatCommands();
  const { run, pending, error } = useAction();
  const siblings = siblingsOf(conversation, message);
  if (siblings.length < 2) return null;
  const index = siblings.findIndex((sibling) => sibling.id === message.id);
  const go = (offset: number) => {
    const target = siblings[index + offset];
    if (target) void run(() => chat.selectBranch(target.id));
  };
  const noun = message.role === "user" ? "message" : "reply";
  return (
    <div className="branch-nav" role="group" aria-label={`Versions of this ${noun}`}>
      <button type="button" aria-label={`Previous version of this ${noun}`} disabled={disabled || pending || index <= 0} onClick={() => go(-1)}>
        ‹
      </button>
      <span className="branch-position">
        {index + 1}/{siblings.length}
      </span>
      <button
        type="button"
        aria-label={`Next version of this ${noun}`}
        disabled={disabled || pending || index >= siblings.length - 1}
        onClick={() => go(1)}
      >
        ›
      </button>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
