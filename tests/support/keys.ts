// Keys issued through the keys service, for tests that need the whole key of a real one.
import type { MutationResult } from "../../lib/db/mutation";
import type { IssuedKey } from "../../lib/domain/keys/service";

/** The key a create or roll issued; throws on a refusal, naming it. */
export async function issued(pending: Promise<MutationResult<IssuedKey>>): Promise<IssuedKey> {
  const result = await pending;
  if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
  return result.data;
}
