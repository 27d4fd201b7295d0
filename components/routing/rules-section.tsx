// A tenant's routing rules: the list for everyone who reads the tenant, and for owners (and admin staff) the
// controls to write, order, edit, duplicate, disable and delete. The services enforce the same permissions.
import Link from "next/link";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { allowedNow } from "@/lib/auth/authorize";
import { listRules } from "@/lib/domain/routing/queries";
import { MAX_RULES } from "@/lib/domain/routing/schemas";
import { NewRuleButton, RulesTable, type RuleActions } from "./rules-table";

export async function RulesSection({ tenantId, slug, actions }: { tenantId: string; slug: string; actions: RuleActions }) {
  const actor = (await currentActor())!;
  if (!can(actor, "routing.read", tenantId)) return null;
  const [{ rules, providers }, mayManage] = await Promise.all([listRules(actor, tenantId), allowedNow(actor, "routing.manage", tenantId)]);
  const mayReadProviders = can(actor, "provider.read", tenantId);
  return (
    <section aria-labelledby="rules-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="rules-heading" className="text-lg font-semibold tracking-tight">Rules</h2>
        {mayManage && rules.length < MAX_RULES && <NewRuleButton tenantId={tenantId} rules={rules} providers={providers} actions={actions} />}
      </div>
      {mayManage && providers.length === 0 && (
        <p className="text-sm">
          This tenant has no provider yet: a rule sends requests to a provider it has a key for.{" "}
          {mayReadProviders && <Link href={`/t/${slug}/providers`} className="underline">Add a provider</Link>}
        </p>
      )}
      <RulesTable
        tenantId={tenantId}
        rules={rules}
        providers={providers}
        actions={mayManage ? actions : null}
        empty={mayManage
          ? "No rules yet: every request goes to its model's provider as it is (passthrough). Write a rule to route some of them elsewhere."
          : "No rules yet: every request goes to its model's provider as it is (passthrough)."}
      />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">The first enabled rule that matches a request decides where it goes; a request no rule matches goes to its model&apos;s provider.</p>
    </section>
  );
}
