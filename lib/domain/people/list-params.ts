// The staff page's search, filters and position, kept in the URL (nuqs) so a link reproduces the view. Shared by
// the server page that parses them and the client controls that set them.
import { createLoader, createSerializer, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";

/** "staff": any staff role; or one of them. */
export const PEOPLE_STAFF_FILTERS = ["staff", "admin", "sales", "support"] as const;
export const PEOPLE_STATUS_FILTERS = ["enabled", "disabled"] as const;

export const peopleListParsers = {
  /** text in the name, GitHub login or e-mail */
  q: parseAsString.withDefault(""),
  staff: parseAsStringLiteral(PEOPLE_STAFF_FILTERS),
  status: parseAsStringLiteral(PEOPLE_STATUS_FILTERS),
  /** the page: an opaque keyset cursor (lib/domain/people/queries.ts); none for the first */
  cursor: parseAsString,
};

export type PeopleListParams = inferParserType<typeof peopleListParsers>;

export const serializePeopleListParams = createSerializer(peopleListParsers);
export const loadPeopleListParams = createLoader(peopleListParsers);
