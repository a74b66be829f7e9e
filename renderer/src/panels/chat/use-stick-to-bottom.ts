import { useEffect, useRef, type RefObject } from "react";

/** Keeps a scrolling element pinned to its end as content grows, unless the reader scrolled up. */
export function useStickToBottom(ref: RefObject<HTMLElement | null>): void {
  const pinned = useRef(true);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onScroll = () => {
      pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
    };
    const observer = new ResizeObserver(() => {
      if (pinned.current) element.scrollTop = element.scrollHeight;
    });
    for (const child of element.children) observer.observe(child);
    const mutations = new MutationObserver(() => {
      for (const child of element.children) observer.observe(child);
      if (pinned.current) element.scrollTop = element.scrollHeight;
    });
    mutations.observe(element, { childList: true });
    element.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
      element.removeEventListener("scroll", onScroll);
    };
  }, [ref]);
}
