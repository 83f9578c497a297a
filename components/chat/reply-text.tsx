import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * A model's reply as Markdown. Whatever HTML a reply contains is dropped, never rendered (and the
 * sanitizer cleans what Markdown itself produces, e.g. `javascript:` links); links open apart.
 */
export function ReplyText({ text }: { text: string }) {
  return (
    <ReactMarkdown
      rehypePlugins={[rehypeSanitize]}
      skipHtml
      components={{
        a: ({ href, children }) => (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow">
            {children}
          </a>
        ),
      }}
    >
      {text}
    </ReactMarkdown>
  );
}
