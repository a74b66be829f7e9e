import type { ClipItem } from "../../../../shared/video";
import { parameterRows } from "./clip-labels";

/** The clip's settings, as a definition list. */
export function ClipParameters({ item }: { item: ClipItem }) {
  return (
    <dl className="parameter-list clip-parameters">
      {parameterRows(item).map(([name, value]) => (
        <div key={name} className="parameter-row">
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
