import { useState, type DragEvent } from "react";
import { describeError } from "../../errors/describe-error";
import { useAppStore } from "../../store/context";
import { readDroppedParameters } from "./dropped-png";
import { readInitImage } from "./image-file";
import { useRecall } from "./use-recall";

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes("Files");
}

/**
 * Drops anywhere on the Image panel: a PNG with a `parameters` chunk fills the form with its settings,
 * any other PNG, JPEG or WebP becomes the init image.
 */
export function useImageDrop() {
  const store = useAppStore();
  const recall = useRecall();
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const take = async (file: File) => {
    setError(null);
    try {
      if (file.type === "image/png") {
        const parsed = readDroppedParameters(new Uint8Array(await file.arrayBuffer()));
        if (parsed) return recall(parsed.parameters, `“${file.name}”`, parsed.unknownSampler);
      }
      const image = await readInitImage(file);
      store.getState().setInitImage(image);
      store.getState().setImageNotice(`“${file.name}” is the init image now.`);
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
