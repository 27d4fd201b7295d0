import { UsageSkeleton } from "@/components/usage/usage-skeleton";

export default function Loading() {
  return <UsageSkeleton title="Usage" cards={6} charts={3} />;
}
