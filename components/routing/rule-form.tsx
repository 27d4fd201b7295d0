"use client";
// A routing rule's form, new or edited: what it matches (empty: any) and what it does. An edit carries the
// version it was opened on and the values it showed, so a save over someone else's change is refused naming the
// fields (lib/domain/routing/service.ts); the page's refresh then brings their version, and the typing stays.
import { useState } from "react";
import { ActionFormShell, DialogFormButtons, type DialogControl } from "@/components/ui/action-form";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { COMPLEXITIES, STRATEGIES, type Strategy } from "@/lib/domain/routing/engine";
import type { RuleListItem } from "@/lib/domain/routing/queries";
import type { SavedRule } from "@/lib/domain/routing/service";
import { providerLabel } from "@/lib/domain/providers/catalog";
import { SimulationPanel, type SimulationSetup } from "./simulation-panel";

export const STRATEGY_LABELS: Record<Strategy, string> = {
  passthrough: "Passthrough", cheapest: "Cheapest", quality_first: "Quality-first", cascading: "Cascading",
};

const STRATEGY_HINTS: Record<Strategy, string> = {
  passthrough: "The requested model, at the target provider if one is chosen; nothing after it.",
  cheapest: "Of the target and the fallbacks, the lowest price in force for this tenant's recent token mix first.",
  quality_first: "The target, then each fallback in order when a call errors or times out.",
  cascading: "As quality-first, and also moving on when an answer fails the gateway's checks.",
};

/** The toast after a save: with the warning when the rule can never match, or now shadows others. */
export function savedToast(rule: SavedRule): string {
  if (rule.shadowedBy) return `“${rule.name}” saved, but it never matches: “${rule.shadowedBy.name}” comes first and takes all its requests.`;
  if (rule.shadows.length) return `“${rule.name}” saved; it now takes all the requests of ${rule.shadows.map((r) => `“${r.name}”`).join(", ")} below it.`;
  return `“${rule.name}” saved`;
}

type Saved = Pick<RuleListItem, "name" | "matchModel" | "matchFeature" | "matchTeam" | "matchComplexity" | "strategy" | "targetProvider" | "targetModel" | "fallbackModels">;

const EMPTY: Saved = {
  name: "", matchModel: null, matchFeature: null, matchTeam: null, matchComplexity: null, strategy: "passthrough", targetProvider: null, targetModel: null, fallbackModels: [],
};

export function RuleFormDialog({ control, tenantId, rule, providers, action, simulation }: {
  control: DialogControl;
  tenantId: string;
  /** the rule edited; none for a new one */
  rule?: RuleListItem;
  providers: string[];
  action: FormAction<SavedRule>;
  /** "Simulate" beside the save button, for those who may change the rules */
  simulation?: SimulationSetup;
}) {
  return (
    <Dialog open={control.open} onOpenChange={control.onOpenChange}>
      <DialogContent
        title={rule ? `Edit “${rule.name}”` : "New routing rule"}
        description={rule ? `Rule ${rule.position}: the first enabled rule that matches a request decides where it goes.` : "It goes last: move it up to take requests before the rules above it."}
        className="max-h-[calc(100vh-2rem)] w-[min(42rem,calc(100vw-2rem))] overflow-y-auto"
      >
        <RuleForm tenantId={tenantId} rule={rule} providers={providers} action={action} simulation={simulation} onDone={() => control.onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function RuleForm({ tenantId, rule, providers, action, simulation, onDone }: {
  tenantId: string; rule?: RuleListItem; providers: string[]; action: FormAction<SavedRule>; simulation?: SimulationSetup; onDone: () => void;
}) {
  const form = useActionForm(action, { successToast: savedToast, onSuccess: onDone });
  const saved: Saved = rule ?? EMPTY;
  const text = (name: keyof Saved) => form.value(name, (saved[name] as string | null) ?? "");
  const [strategy, setStrategy] = useState<Strategy>((form.value("strategy", saved.strategy) as Strategy));
  const id = (name: string) => `${form.id}-${name}`;
  const fields: Record<string, string> = rule
    ? { tenantId, ruleId: rule.id, expectedUpdatedAt: rule.updatedAt, seen: JSON.stringify(Object.fromEntries(Object.entries(saved).filter(([k]) => k in EMPTY))) }
    : { tenantId };
  const buttons = <DialogFormButtons pending={form.pending} submitLabel={rule ? "Save rule" : "Create rule"} pendingLabel="Saving…" />;
  return (
    <ActionFormShell form={form} fields={fields} noValidate
      footer={simulation ? <SimulationPanel setup={simulation} formId={form.id} ruleId={rule?.id}>{buttons}</SimulationPanel> : buttons}>
      <Field id={id("name")} label="Name" errors={form.errors("name")}>
        {(c) => <Input {...c} name="name" defaultValue={text("name")} maxLength={100} autoComplete="off" />}
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Matches (empty: any)</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={id("model")} label="Model" hint="Exact, or a * pattern such as gpt-4o*." errors={form.errors("matchModel")}>
            {(c) => <Input {...c} name="matchModel" defaultValue={text("matchModel")} autoComplete="off" spellCheck={false} />}
          </Field>
          <Field id={id("complexity")} label="Complexity" errors={form.errors("matchComplexity")}>
            {(c) => (
              <Select {...c} name="matchComplexity" defaultValue={text("matchComplexity")}>
                <option value="">Any</option>
                {COMPLEXITIES.map((v) => <option key={v} value={v}>{v[0]!.toUpperCase() + v.slice(1)}</option>)}
              </Select>
            )}
          </Field>
          <Field id={id("feature")} label="Feature" hint="The request's feature header, exactly." errors={form.errors("matchFeature")}>
            {(c) => <Input {...c} name="matchFeature" defaultValue={text("matchFeature")} autoComplete="off" />}
          </Field>
          <Field id={id("team")} label="Team" hint="The request's team header, exactly." errors={form.errors("matchTeam")}>
            {(c) => <Input {...c} name="matchTeam" defaultValue={text("matchTeam")} autoComplete="off" />}
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Action</legend>
        <Field id={id("strategy")} label="Strategy" hint={STRATEGY_HINTS[strategy]} errors={form.errors("strategy")}>
          {(c) => (
            <Select {...c} name="strategy" value={strategy} onChange={(e) => setStrategy(e.target.value as Strategy)}>
              {STRATEGIES.map((s) => <option key={s} value={s}>{STRATEGY_LABELS[s]}</option>)}
            </Select>
          )}
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={id("provider")} label="Target provider" hint="Empty: the provider that serves the model." errors={form.errors("targetProvider")}>
            {(c) => (
              <Select {...c} name="targetProvider" defaultValue={text("targetProvider")}>
                <option value="">The model&apos;s provider</option>
                {providers.map((p) => <option key={p} value={p}>{providerLabel(p)}</option>)}
              </Select>
            )}
          </Field>
          <Field id={id("target")} label="Target model" hint="Empty: the requested model. provider/model names its provider." errors={form.errors("targetModel")}>
            {(c) => <Input {...c} name="targetModel" defaultValue={text("targetModel")} autoComplete="off" spellCheck={false} disabled={strategy === "passthrough"} />}
          </Field>
        </div>
        <Field id={id("fallbacks")} label="Fallbacks" hint="One model a line, tried (or priced) after the target, in order: anthropic/claude-3-5-haiku." errors={form.errors("fallbackModels")}>
          {(c) => <Textarea {...c} name="fallbackModels" rows={3} defaultValue={form.value("fallbackModels", saved.fallbackModels.join("\n"))} spellCheck={false} disabled={strategy === "passthrough"} />}
        </Field>
      </fieldset>
    </ActionFormShell>
  );
}
