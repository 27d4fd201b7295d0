import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TenantStatus } from "@/lib/db/generated/enums";

const TONE: Record<TenantStatus, BadgeTone> = {
  demo: "blue", trial: "amber", active: "green", frozen: "red", archived: "neutral",
};

export function TenantStatusBadge({ status }: { status: TenantStatus }) {
  return <Badge tone={TONE[status]}>{status}</Badge>;
}
