// The keys list's status filter, search and page, in the URL: parsed by the page, built from the bounds
// (lib/domain/bounds.ts), so a value out of range becomes the nearest valid one and one that is no value none.
import { createLoader } from "nuqs/server";
import { parseAsOneOf, parseAsPage, parseAsText } from "@/lib/domain/bounds";
import { API_KEY_STATUSES } from "./queries";

/** A key's name has at most 100 characters: a longer search matches nothing more. */
const MAX_KEY_SEARCH_LENGTH = 100;

export const keyListParsers = {
  status: parseAsOneOf(API_KEY_STATUSES),
  /** part of a key's name, or the start of a key */
  q: parseAsText(MAX_KEY_SEARCH_LENGTH),
  page: parseAsPage.withDefault(1),
};

export const loadKeyListParams = createLoader(keyListParsers);
