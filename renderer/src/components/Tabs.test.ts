import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { nextTabIndex, Tabs } from "./Tabs";

describe("tab keys", () => {
  it("moves with the arrows, wrapping at both ends, and jumps with Home and End", () => {
    expect(nextTabIndex("ArrowRight", 0, 4)).toBe(1);
    expect(nextTabIndex("ArrowRight", 3, 4)).toBe(0);
    expect(nextTabIndex("ArrowLeft", 0, 4)).toBe(3);
    expect(nextTabIndex("Home", 2, 4)).toBe(0);
    expect(nextTabIndex("End", 0, 4)).toBe(3);
    expect(nextTabIndex("Enter", 1, 4)).toBeNull();
  });
});

describe("Tabs", () => {
  it("renders a tab list whose one selected tab is the tab stop and whose other panels are hidden", () => {
    const html = renderToStaticMarkup(
      createElement(Tabs<"a" | "b">, {
        label: "Library",
        tabs: [
          { id: "a", label: "First" },
          { id: "b", label: "Second" },
        ],
        selected: "b",
        onSelect: () => {},
        renderPanel: (id) => createElement("p", null, `panel ${id}`),
      }),
    );
    expect(html).toContain('role="tablist" aria-label="Library"');
    expect(html).toMatch(/role="tab"[^>]*aria-selected="false"[^>]*tabindex="-1"[^>]*>First/);
    expect(html).toMatch(/role="tab"[^>]*aria-selected="true"[^>]*tabindex="0"[^>]*>Second/);
    expect(html).toMatch(/role="tabpanel"[^>]*hidden=""[^>]*><p>panel a/);
    expect(html).toMatch(/role="tabpanel"[^>]*tabindex="0"><p>panel b/);
  });
});
