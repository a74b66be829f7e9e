import { useEffect, useId, useState } from "react";
import type { ResponseOf } from "../../../../shared/contract";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useApi, useApp } from "../../store/context";

type About = ResponseOf<"app.about">;

/** Settings → About: the version, and the licenses of everything Atelier ships (ffmpeg's GPL terms and source offer first). */
export function AboutSection() {
  const api = useApi();
  const connection = useApp((s) => s.connection);
  const appInfo = useApp((s) => s.appInfo);
  const titleId = useId();
  const noticesId = useId();
  const [about, setAbout] = useState<About | null>(null);
  const [shown, setShown] = useState(false);
  const { run, pending, error } = useAction();
  useEffect(() => {
    if (connection === "open") void run(async () => setAbout(await api.app.about({})));
  }, [api, connection, run]);
  const version = about?.version ?? appInfo?.version;
  return (
    <section className="about-section" aria-labelledby={titleId}>
      <h2 id={titleId}>About</h2>
      <p>
        <strong>Atelier {version ?? "…"}</strong>
        {appInfo && (
          <span className="muted">
            {" "}
            · {appInfo.mode === "desktop" ? "desktop app" : "browser mode"} on {appInfo.platform}
          </span>
        )}
      </p>
      <p className="hint">
        Atelier is built on open-source software. The notices list each package with its license, the GPL terms of the bundled
        ffmpeg program and the written offer for its source code.
      </p>
      <button type="button" aria-expanded={shown} aria-controls={noticesId} disabled={!about} onClick={() => setShown(!shown)}>
        {shown ? "Hide third-party notices" : "Show third-party notices"}
      </button>
      {pending && <p className="muted">Loading the notices…</p>}
      {error && <ErrorMessage>Could not load the third-party notices: {error}</ErrorMessage>}
      <pre id={noticesId} className="notices" role="region" aria-label="Third-party notices" tabIndex={0} hidden={!shown}>
        {shown ? about?.notices : null}
      </pre>
    </section>
  );
}
