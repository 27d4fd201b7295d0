// The staff page's search, filters and position, kept in the URL (nuqs) so a link reproduces the view. Shared by
// the server page that parses them and the client controls that set them. Built from the bounds
// (lib/domain/bounds.ts), like every page's query.
import { createLoader, createSerializer, parseAsString, type inferParserType } from "nuqs/server";
import { parseAsOneOf, parseAsText } from "@/lib/domain/bounds";

/** "staff": any staff role; or one of them. */
export const PEOPLE_STAFF_FILTERS = ["staff", "admin", "sales", "support"] as const;
export const PEOPLE_STATUS_FILTERS = ["enabled", "disabled"] as const;

export const peopleListParsers = {
  /** text in the name, GitHub login or e-mail */
  q: parseAsText().withDefault(""),
  staff: parseAsOneOf(PEOPLE_STAFF_FILTERS),
  status: parseAsOneOf(PEOPLE_STATUS_FILTERS),
  /** the page: an opaque keyset cursor (lib/domain/people/queries.ts); none for the first */
  cursor: parseAsString,
};

export type PeopleListParams = inferParserType<typeof peopleListParsers>;

export const serializePeopleListParams = createSerializer(peopleListParsers);
export const loadPeopleListParams = createLoader(peopleListParsers);
