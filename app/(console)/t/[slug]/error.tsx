"use client";
// A tenant's page that failed to render, inside the tenant's layout (which keeps saying whether it is frozen).
import { ErrorNotice } from "@/components/ui/error-notice";

export default function TenantError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} what="This page of the tenant could not be shown." />;
}
