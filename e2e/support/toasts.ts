// The toasts on the page (sonner's region, bottom right): a change that succeeded says so there.
import type { Page } from "@playwright/test";

export const toasts = (page: Page) => page.getByRole("region", { name: /^Notifications/ }).getByRole("listitem");
