import { UsageSkeleton } from "@/components/usage/usage-skeleton";

export default function Loading() {
  return <UsageSkeleton title="Usage by tenant" cards={0} charts={1} />;
}
