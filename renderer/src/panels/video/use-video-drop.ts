import { useState, type DragEvent } from "react";
import { describeError } from "../../errors/describe-error";
import { useAppStore } from "../../store/context";
import { readInitImage } from "../image/image-file";
import { classifyFile } from "./clip-file";
import { useClipFile } from "./use-clip-file";

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes("Files");
}

/**
 * Drops anywhere on the Video panel: a clip exported by Atelier fills the form with its settings,
 * another clip is imported, and a PNG or JPEG becomes the init image.
 */
export function useVideoDrop() {
  const store = useAppStore();
  const takeClip = useClipFile();
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const take = async (file: File) => {
    setError(null);
    try {
      if (classifyFile(file.name, file.type).kind === "still") {
        store.getState().setVideoInitImage(await readInitImage(file));
        store.getState().setVideoNotice(`“${file.name}” is the init image now.`);
        return;
      }
      await takeClip(file, true);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return {
    dragging,
    error,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setDragging(true);
      },
      onDragLeave: (event: DragEvent) => {
        if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
        setDragging(false);
      },
      onDrop: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) void take(file);
      },
    },
  };
}
