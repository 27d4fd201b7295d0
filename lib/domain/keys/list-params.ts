// The keys list's status filter, search and page, kept in the URL (nuqs) so a link reproduces the view. Shared by
// the server page that parses them and the client search that sets them. Built from the bounds
// (lib/domain/bounds.ts), so a value out of range becomes the nearest valid one and one that is no value none.
// nuqs/server: the parsers without the client hooks, so server and client code can share this module
import { createLoader, createSerializer } from "nuqs/server";
import { parseAsOneOf, parseAsPage, parseAsText } from "@/lib/domain/bounds";

export const API_KEY_STATUSES = ["active", "expiring", "expired", "revoked"] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];

/** A key's name has at most 100 characters: a longer search matches nothing more. */
const MAX_KEY_SEARCH_LENGTH = 100;

export const keyListParsers = {
  status: parseAsOneOf(API_KEY_STATUSES),
  /** part of a key's name, or the start of a key */
  q: parseAsText(MAX_KEY_SEARCH_LENGTH),
  page: parseAsPage.withDefault(1),
};

export const loadKeyListParams = createLoader(keyListParsers);
export const serializeKeyListParams = createSerializer(keyListParsers);
