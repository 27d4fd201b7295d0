import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ActorType } from "@/lib/db/generated/enums";

const TONE: Record<ActorType, BadgeTone> = { user: "neutral", service: "blue", system: "amber" };

export function ActorTypeBadge({ type }: { type: ActorType }) {
  return <Badge tone={TONE[type]}>{type}</Badge>;
}

export function OutcomeBadge({ failure }: { failure: boolean }) {
  return failure ? <Badge tone="red">failure</Badge> : <Badge tone="green">success</Badge>;
}
