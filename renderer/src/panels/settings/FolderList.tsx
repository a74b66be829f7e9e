import { useId, useState } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { checkFolder } from "./settings-form";

interface FolderListProps {
  folders: string[];
  error: string | undefined;
  onChange(folders: string[]): void;
}

/** Extra folders searched for models; changes are kept with the rest of the form's Save. */
export function FolderList({ folders, error, onChange }: FolderListProps) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const checked = checkFolder(draft, folders);
    if (!checked.ok) return setProblem(checked.error);
    setProblem(null);
    setDraft("");
    onChange([...folders, checked.value]);
  };
  const shown = problem ?? error;
  return (
    <div className="field folder-list">
      <p id={`${id}-title`} className="label">
        Extra model folders
      </p>
      {folders.length === 0 ? (
        <p className="hint">None. Atelier always looks in the models folder of its data directory.</p>
      ) : (
        <ul aria-labelledby={`${id}-title`}>
          {folders.map((folder, index) => (
            <li key={folder}>
              <span id={`${id}-folder-${index}`} className="file-path">
                {folder}
              </span>
              <button
                type="button"
                className="quiet"
                aria-describedby={`${id}-folder-${index}`}
                onClick={() => onChange(folders.filter((f) => f !== folder))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-add`}>Folder to add</label>
      <div className="inline-controls">
        <input
          id={`${id}-add`}
          value={draft}
          spellCheck={false}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-error` : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" onClick={add}>
          Add folder
        </button>
      </div>
      {shown && <ErrorMessage id={`${id}-error`}>{shown}</ErrorMessage>}
    </div>
  );
}
