import { PageHeader } from "@/components/ui/page-header";
import { RulesSection } from "@/components/routing/rules-section";
import { bindSlug, requireTenantPage, tenantPageTitle, type TenantPageProps } from "@/lib/auth/tenant-page";
import { createRuleAction, deleteRuleAction, duplicateRuleAction, moveRuleAction, reorderRulesAction, setRuleEnabledAction, simulateRulesAction, updateRuleAction } from "./actions";

export const generateMetadata = tenantPageTitle("Routing");

export default async function TenantRoutingPage({ params }: TenantPageProps) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug, "routing.read");
  return (
    <>
      <PageHeader title="Routing" description={`Where ${tenant.name}'s requests go: which provider and model, and what the gateway tries when a call fails.`} />
      <RulesSection
        tenantId={tenant.id}
        slug={slug}
        actions={bindSlug(slug, {
          create: createRuleAction, update: updateRuleAction, duplicate: duplicateRuleAction,
          setEnabled: setRuleEnabledAction, remove: deleteRuleAction, move: moveRuleAction, reorder: reorderRulesAction, simulate: simulateRulesAction,
        })}
      />
    </>
  );
}
