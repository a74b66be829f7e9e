import { describeModelLicense } from "../../../../shared/model-license";

interface LicenseNoteProps {
  /** The license id (catalog entry, or a Hub repository's `license:` tag); undefined when the Hub gives none. */
  license: string | undefined;
  /** A Hugging Face repository that asks you to accept its terms first. */
  gated?: boolean;
  /** Give it an id to name it in a Download button's aria-describedby. */
  id?: string;
}

/** The license beside a Download button; non-commercial, conditional, unknown and gated ones get a badge (its tooltip says why). */
export function LicenseNote({ license, gated = false, id }: LicenseNoteProps) {
  const described = describeModelLicense(license);
  return (
    <span id={id} className="license-note">
      <span className="license-id">
        License: <span className="license-name">{described.id}</span>
      </span>
      {described.badge && (
        <span className={`license-badge license-${described.kind}`} title={described.note}>
          {described.badge}
        </span>
      )}
      {gated && (
        <span className="license-badge license-gated" title="Accept the license on Hugging Face and set an access token in Settings.">
          Gated: accept the license on Hugging Face
        </span>
      )}
    </span>
  );
}

/** What to check in a license, in one sentence; nothing for plain open licenses. */
export function LicenseExplanation({ license, id }: { license: string | undefined; id?: string }) {
  const { note } = describeModelLicense(license);
  return note ? (
    <p id={id} className="license-explained">
      {note}
    </p>
  ) : null;
}
