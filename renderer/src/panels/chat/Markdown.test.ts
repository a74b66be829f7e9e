import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";

function render(text: string): string {
  return renderToStaticMarkup(createElement(Markdown, { text }));
}

describe("Markdown", () => {
  it("renders fenced code with a copy button per block", () => {
    const html = render("Here:\n\n```js\nconsole.log(1)\n```\n\n```\nplain\n```");
    expect(html.match(/<pre>/g)).toHaveLength(2);
    expect(html.match(/Copy code/g)).toHaveLength(2);
    expect(html).toContain('class="language-js"');
  });

  it("renders GitHub tables and keeps raw HTML as text", () => {
    const html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>");
    expect(html).toContain("<table>");
    expect(html).not.toContain("<script>");
  });

  it("drops javascript: links", () => {
    expect(render("[x](javascript:alert(1))")).not.toContain("javascript:");
  });
});
