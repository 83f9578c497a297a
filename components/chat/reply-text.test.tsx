import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ReplyText } from "./reply-text";

const render = (text: string) => renderToStaticMarkup(<ReplyText text={text} />);

describe("ReplyText", () => {
  test("renders the Markdown a game master writes", () => {
    expect(render("The troll *grins*. **Run.**")).toBe("<p>The troll <em>grins</em>. <strong>Run.</strong></p>");
  });

  test.each([
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="position:fixed" onclick="alert(1)">over everything</div>',
    "<svg onload=alert(1)></svg>",
  ])("HTML in a reply is inert: %s", (html) => {
    const output = render(`Beware: ${html} said the troll.`);
    expect(output).not.toMatch(/<script|<img|<iframe|<svg|onerror|onload|onclick|javascript:|style=/i);
    expect(output).toContain("said the troll.");
  });

  test("a Markdown link with a javascript: URL loses its href; ordinary links open apart", () => {
    expect(render("[map](javascript:alert(1))")).not.toContain("javascript:");
    expect(render("[map](https://example.com/map)")).toBe('<p><a href="https://example.com/map" target="_blank" rel="noopener noreferrer nofollow">map</a></p>');
  });
});
