import { useRef, useState, type ComponentPropsWithoutRef } from "react";

type CopyState = "idle" | "copied" | "failed";

/** A fenced code block with its own copy button. */
export function CodeBlock({ children, ...props }: ComponentPropsWithoutRef<"pre">) {
  const ref = useRef<HTMLPreElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");
  const copyCode = async () => {
    try {
      await navigator.clipboard.writeText(ref.current?.textContent ?? "");
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
    setTimeout(() => setCopy("idle"), 2000);
  };
  return (
    <div className="code-block">
      <button type="button" className="copy-code" onClick={() => void copyCode()}>
        {copy === "copied" ? "Copied" : copy === "failed" ? "Copy failed" : "Copy code"}
      </button>
      <pre ref={ref} {...props}>
        {children}
      </pre>
    </div>
  );
}
