/** Escapes text for XML and HTML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * A self-contained HTML page: the document head (UTF-8, a viewport, the title, the inline style)
 * and then `body`, the content after the page's <h1> title.
 */
export function htmlPage(title: string, css: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${css}</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
${body}
</body>
</html>
`;
}

/** The PASS or FAIL badge at the head of a report (styled by its `verdict pass|fail` classes). */
export function verdictBadge(ok: boolean): string {
  return `<span class="verdict ${ok ? "pass" : "fail"}">${ok ? "PASS" : "FAIL"}</span>`;
}
