import { useApp } from "../store/context";

/** Serve mode only ever shows this: the desktop bridge cannot drop. */
export function ConnectionBanner() {
  const connection = useApp((s) => s.connection);
  if (connection !== "reconnecting") return null;
  return (
    <div className="connection-banner" role="alert">
      Disconnected — reconnecting…
    </div>
  );
}
