import { useState } from "react";
import { TITLE_MAX } from "../../../../shared/chat";

interface RenameFormProps {
  title: string;
  onSave(title: string): Promise<boolean>;
  onDone(): void;
}

/** Inline title editor: Enter saves, Escape cancels. */
export function RenameForm({ title, onSave, onDone }: RenameFormProps) {
  const [value, setValue] = useState(title);
  const trimmed = value.trim();
  const save = async () => {
    if (!trimmed || trimmed === title) return onDone();
    if (await onSave(trimmed)) onDone();
  };
  return (
    <form
      className="rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <input
        aria-label="Conversation title"
        value={value}
        maxLength={TITLE_MAX}
        autoFocus
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onDone();
        }}
      />
      <button type="submit" disabled={!trimmed}>
        Save title
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
