import { useId, useState } from "react";
import type { HubModel } from "../../../../../shared/library";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useAction } from "../../../components/use-action";
import { useApi } from "../../../store/context";
import { HubResult } from "./HubResult";

/** Searches Hugging Face (or the configured mirror) for GGUF repositories. */
export function HubSearchTab() {
  const api = useApi();
  const inputId = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<{ query: string; models: HubModel[] } | null>(null);
  const [invalid, setInvalid] = useState(false);
  const { run, pending, error } = useAction();
  const search = () => {
    const text = query.trim();
    setInvalid(text === "");
    if (text === "") return;
    void run(async () => setResults({ query: text, models: await api.hub.search({ query: text }) }));
  };
  return (
    <div className="hub-search">
      <form
        role="search"
        aria-label="Hugging Face"
        className="hub-search-form"
        onSubmit={(event) => {
          event.preventDefault();
          search();
        }}
      >
        <label htmlFor={inputId}>Search Hugging Face</label>
        <div className="inline-controls">
          <input
            id={inputId}
            type="search"
            value={query}
            placeholder="e.g. Qwen2.5 GGUF"
            aria-invalid={invalid || undefined}
            onChange={(event) => setQuery(event.target.value)}
          />
          <button type="submit" className="primary" disabled={pending}>
            Search
          </button>
        </div>
        {invalid && <ErrorMessage>Type what to look for, such as a model name.</ErrorMessage>}
      </form>
      <p role="status" className="muted">
        {pending ? "Searching…" : results ? `${results.models.length} repositories with GGUF files for “${results.query}”.` : ""}
      </p>
      {error && <ErrorMessage>Search failed: {error}</ErrorMessage>}
      {results && results.models.length > 0 && (
        <ul className="hub-results" aria-label="Search results">
          {results.models.map((model) => (
            <HubResult key={model.repo} model={model} />
          ))}
        </ul>
      )}
    </div>
  );
}
