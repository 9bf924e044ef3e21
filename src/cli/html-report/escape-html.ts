const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML, in element content and in quoted attribute values alike.
 *
 * @example
 * escapeHtml('<script>alert("x")</script>'); // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] as string);
}

/**
 * JSON to embed in a `<script type="application/json">` element: `<`, `>`, `&` and the JavaScript line separators
 * are written as `\u` escapes, so no value can close the element or open a comment, and `JSON.parse` reads it back.
 *
 * @example
 * embedJson({ bio: '</script><script>alert(1)</script>' }); // '{"bio":"\\u003c/script\\u003e\\u003cscript\\u003e..."}'
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
