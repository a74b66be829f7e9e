import type { ReplyStats as Stats } from "../../../../shared/chat";
import { formatCount, formatMs } from "../../format";

export function ReplyStats({ stats }: { stats: Stats }) {
  return (
    <p className="reply-stats">
      <span>{stats.tokensPerSecond.toFixed(1)} tokens/s</span>
      <span>first token after {formatMs(stats.timeToFirstTokenMs)}</span>
      <span>
        {formatCount(stats.promptTokens)} prompt + {formatCount(stats.completionTokens)} reply tokens
      </span>
      <span>{formatMs(stats.durationMs)} in all</span>
    </p>
  );
}
