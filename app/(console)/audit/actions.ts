"use server";
// Public POST endpoint: formAction resolves the actor; the integrity check authorizes (staff) and validates.
import { formAction, type FormState } from "@/lib/auth/action";
import { verifyAuditIntegrity, type ChainReport } from "@/lib/domain/audit/integrity";

/** A read: nothing changes, so nothing to revalidate. */
export async function verifyIntegrityAction(_previous: FormState<ChainReport>, formData: FormData) {
  return formAction(formData, verifyAuditIntegrity);
}
