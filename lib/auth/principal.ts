// Who is acting, as services see it. Kept free of Next and of the environment so that scripts, jobs and
// tests can build actors without loading the web app.
import type { MemberRole, StaffRole } from "@/lib/db/generated/enums";

/** Who is asking: the parts of an Actor that permissions depend on. */
export interface Principal {
  type: "user" | "service" | "system";
  staffRole: StaffRole | null;
  memberships: { tenantId: string; role: MemberRole }[];
}

/** A Principal with what the audit log records about it. */
export interface Actor extends Principal {
  id: string | null;
  name: string;
  sessionId: string | null;
  /** an IP address or null, never a header's raw text (lib/auth/source-ip.ts): sessions and audit rows hold it as inet */
  sourceIp: string | null;
  userAgent: string | null;
}

/** The actor of scheduled jobs (audit actor_type system). */
export const SYSTEM_ACTOR: Actor = {
  type: "system", id: null, name: "system", staffRole: null, memberships: [], sessionId: null, sourceIp: null, userAgent: null,
};
