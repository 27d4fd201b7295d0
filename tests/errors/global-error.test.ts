// The root layout's boundary cannot be made to fire in the browser (that layout reads nothing), so it is drawn
// here: its own document, the words, the digest as the reference, and Try again.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import GlobalError from "../../app/global-error";

const draw = (error: unknown) => renderToStaticMarkup(createElement(GlobalError, { error, retry: () => {} }));

describe("the global error boundary", () => {
  it("brings its own document, says what happened and shows the digest as the reference", () => {
    const html = draw(Object.assign(new Error("An error occurred in the Server Components render."), { digest: "2333252603" }));
    expect(html).toMatch(/^<html lang="en"><head><title>Something went wrong · Gatehouse<\/title><\/head><body[^>]*><main/);
    expect(html).toContain("<h1");
    expect(html).toContain("Gatehouse could not be shown.");
    expect(html).toContain("tell your administrator this reference: <code");
    expect(html).toContain(">2333252603</code>");
    expect(html).toContain(">Try again</button>");
    expect(html).toContain('href="/"');
  });

  it("shows no reference for an error thrown in the browser, which has no digest, and never its message", () => {
    const html = draw(new Error("secret detail"));
    expect(html).not.toContain("reference");
    expect(html).not.toContain("secret detail");
  });
});
