// A server action's POST, held back before it reaches the server and replayed with another person's session: the
// proof that the service, not only the page, refuses someone who may not act (a viewer sees no button to press).
import { expect, type Page, type Request } from "@playwright/test";

/** Runs `submit`, stopping the server action's POST to the page at `pathname` on its way out; answers it. */
export async function heldBackAction(page: Page, pathname: string, submit: () => Promise<void>): Promise<Request> {
  let submission: Request | undefined;
  await page.route((url) => url.pathname === pathname, (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.continue();
    submission = route.request();
    return route.abort();
  });
  await submit();
  await expect.poll(() => submission).toBeDefined();
  await page.unrouteAll();
  return submission!;
}

/** Sends `submission` again (action id, bound slug, form fields) with the session cookie `page` has now; its answer's text. */
export async function replayedAction(page: Page, submission: Request): Promise<string> {
  const headers = submission.headers();
  delete headers.cookie; // the one captured with the rest: the person's who submitted
  const replay = await page.request.post(submission.url(), { headers, data: submission.postDataBuffer()! });
  expect(replay.status()).toBe(200);
  return replay.text();
}
