import type { ClipFormat } from "../../shared/video";
import type { Logger } from "../log/types";
import type { ClipLibrary } from "./clip-library";

/** Shows a clip's folder, or one of its exported files, in the OS file manager (desktop only). */
export class ClipReveal {
  constructor(
    private readonly library: ClipLibrary,
    private readonly logger: Logger,
    private readonly revealInFolder?: (file: string) => Promise<void>,
  ) {}

  async reveal(id: string, format: ClipFormat | undefined): Promise<{ path: string; revealed: boolean }> {
    const target = format ? (await this.library.exportOf(id, format)).file : (await this.library.get(id), this.library.clipDir(id));
    if (!this.revealInFolder) return { path: target, revealed: false };
    try {
      await this.revealInFolder(target);
      return { path: target, revealed: true };
    } catch (error) {
      this.logger.log("warn", "video", "Could not show the clip in its folder", { target, error });
      return { path: target, revealed: false };
    }
  }
}
