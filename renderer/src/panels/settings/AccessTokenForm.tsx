import { useEffect, useId, useState } from "react";
import type { ResponseOf } from "../../../../shared/contract";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useApi, useApp } from "../../store/context";

type TokenStatus = ResponseOf<"hub.tokenStatus">;

function describeStatus(status: TokenStatus | null): string {
  if (!status) return "Checking whether a token is set…";
  if (!status.tokenSet) return "No token is set. Public models download without one.";
  return status.encrypted
    ? "A token is set and stored encrypted by your system's keychain."
    : "A token is set. This system offers no keychain, so it is stored unencrypted in Atelier's data folder.";
}

/** The Hugging Face access token for gated models: it can be replaced or removed, never shown. */
export function AccessTokenForm() {
  const api = useApi();
  const connection = useApp((s) => s.connection);
  const inputId = useId();
  const titleId = useId();
  const [token, setToken] = useState("");
  const [status, setStatus] = useState<TokenStatus | null>(null);
  const { run, pending, error } = useAction();
  useEffect(() => {
    if (connection === "open") void run(async () => setStatus(await api.hub.tokenStatus({})));
  }, [api, connection, run]);
  const save = (next: string | null) =>
    void run(async () => {
      setStatus(await api.hub.setToken({ token: next }));
      setToken("");
    });
  return (
    <form
      className="settings-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim()) save(token.trim());
      }}
    >
      <fieldset>
        <legend id={titleId}>Hugging Face access token</legend>
        <p className="hint">Needed only for gated models, after you accept their license on Hugging Face.</p>
        <label htmlFor={inputId}>Access token</label>
        <input id={inputId} type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} />
        <p role="status" className="hint">
          {describeStatus(status)}
        </p>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={pending || token.trim() === ""}>
            Save token
          </button>
          <button type="button" className="danger" disabled={pending || !status?.tokenSet} onClick={() => save(null)}>
            Remove token
          </button>
        </div>
        {error && <ErrorMessage>{error}</ErrorMessage>}
      </fieldset>
    </form>
  );
}
