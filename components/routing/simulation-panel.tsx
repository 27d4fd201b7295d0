"use client";
// "Simulate" beside a rule form's save button: the tenant's rules with this one as the form holds it (edited in its
// place, or a new one last) replayed over the last 7 or 30 days of usage (lib/domain/routing/simulate.ts). It reads
// the form's fields without submitting it, so the typing stays; its own controls have no name, so they are not
// part of the form's values.
import { useId, useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { FormAction } from "@/components/ui/use-action-form";
import { formatCount, formatUsd } from "@/components/usage/format";
import type { FormState } from "@/lib/auth/action-result";
import type { RuleSpec } from "@/lib/domain/routing/engine";
import type { SimulatedRule, Simulation } from "@/lib/domain/routing/simulate";

export type SimulateAction = FormAction<Simulation>;

/** What the form needs to simulate: the action, and the tenant's saved rules in priority order. */
export interface SimulationSetup {
  action: SimulateAction;
  rules: readonly RuleSpec[];
}

/** The rule as the person typed it: the form's named fields but its hidden ones (tenant, version). */
function typedRule(form: HTMLFormElement): Record<string, string> {
  const hidden = new Set(Array.from(form.querySelectorAll<HTMLInputElement>("input[type=hidden]"), (input) => input.name));
  return Object.fromEntries([...new FormData(form)].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !hidden.has(entry[0])));
}

interface Run {
  state: FormState<Simulation>;
  /** where the form's rule is in the draft */
  draftIndex: number;
  /** the draft's rule names, for errors about one of them */
  names: string[];
}

/** A decimal string with its sign spelled (+, −), formatted as the dashboards write money. */
function signed(decimal: string, format: (magnitude: string) => string): string {
  const magnitude = decimal.replace(/^-/, "");
  const sign = decimal.startsWith("-") ? "−" : /[1-9]/.test(magnitude) ? "+" : "";
  return `${sign}${format(magnitude)}`;
}

const projectedText = (row: Pick<SimulatedRule, "projectedCostUsd" | "unpricedRequests">) =>
  `${formatUsd(row.projectedCostUsd)}${row.unpricedRequests ? ` (${formatCount(row.unpricedRequests)} unpriced)` : ""}`;

function SimulationTable({ simulation, draftIndex }: { simulation: Simulation; draftIndex: number }) {
  const { total, fallThrough } = simulation;
  const unpriced = simulation.rules.reduce((sum, rule) => sum + rule.unpricedRequests, fallThrough.unpricedRequests);
  const row = (rule: Omit<SimulatedRule, "ruleId" | "name">, label: ReactNode, key: string) => (
    <Tr key={key}>
      <Td>{label}</Td>
      <Td className="text-right tabular-nums">{formatCount(rule.requests)}</Td>
      <Td className="text-right tabular-nums">{formatUsd(rule.currentCostUsd)}</Td>
      <Td className="text-right tabular-nums">{projectedText(rule)}</Td>
    </Tr>
  );
  return (
    <div className="space-y-1">
      <Table caption={`What the draft rules would have done with the last ${simulation.days} days (${simulation.from} to ${simulation.to}, UTC)`}
        head={<><Th>Rule</Th><Th className="text-right">Requests</Th><Th className="text-right">Cost as served</Th><Th className="text-right">Projected</Th></>}>
        {simulation.rules.map((rule, i) => row(rule, i === draftIndex ? <><span className="font-medium">{rule.name}</span> (this rule)</> : rule.name, `rule-${i}`))}
        {row(fallThrough, fallThrough.name, "fall-through")}
        {row({ ...total, unpricedRequests: unpriced }, <span className="font-medium">Total</span>, "total")}
      </Table>
      {unpriced > 0 && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Unpriced: requests whose first attempt has no price in force today, left out of the projected cost (their cost as served is still counted).
        </p>
      )}
    </div>
  );
}

/** The one-sentence outcome, announced when it comes. */
function summaryOf(simulation: Simulation): string {
  const { total, days } = simulation;
  if (total.requests === 0) return `No usage in the last ${days} days to replay.`;
  const pct = total.changePct === null ? "" : ` (${signed(total.changePct, (m) => `${m}%`)})`;
  return `Over the last ${days} days, ${formatCount(total.requests)} requests: ${formatUsd(total.projectedCostUsd)} at today's prices against ${formatUsd(total.currentCostUsd)} as served, a change of ${signed(total.changeUsd, formatUsd)}${pct}.`;
}

/** The refusal's messages; those about the form's rule say which field, those about another rule which rule. */
function errorsOf(run: Run, form: HTMLFormElement | null): string[] {
  const state = run.state;
  if (!state || state.ok) return [];
  if (state.kind !== "validation") return [state.message];
  return Object.entries(state.fieldErrors).flatMap(([path, messages]) => {
    const [, index, field] = /^rules\.(\d+)\.(\w+)$/.exec(path) ?? [];
    if (index === undefined) return messages;
    const label = Number(index) === run.draftIndex
      ? form?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.labels?.[0]?.textContent ?? field
      : `Rule “${run.names[Number(index)]}”`;
    return messages.map((message) => `${label}: ${message}`);
  });
}

/** The Simulate controls, then `children` (the form's buttons) in the same row; the outcome below them. */
export function SimulationPanel({ setup, formId, ruleId, children }: {
  setup: SimulationSetup;
  formId: string;
  /** the saved rule the form edits; none for a new one */
  ruleId?: string;
  children: ReactNode;
}) {
  const id = useId();
  const [days, setDays] = useState("7");
  const [run, setRun] = useState<Run | null>(null);
  const [pending, startTransition] = useTransition();
  const form = () => document.getElementById(formId) as HTMLFormElement | null;

  const simulate = () => {
    const element = form();
    if (!element) return;
    const saved = setup.rules.findIndex((rule) => rule.id === ruleId);
    // a new rule has no id yet, and is enabled as it will be saved
    const draft: Record<string, unknown> = { ...typedRule(element), ...(saved >= 0 && { id: ruleId, enabled: setup.rules[saved].enabled }) };
    const rules = saved >= 0 ? setup.rules.map((rule, i) => (i === saved ? draft : rule)) : [...setup.rules, draft];
    const draftIndex = saved >= 0 ? saved : setup.rules.length;
    const input = new FormData();
    input.set("tenantId", String(new FormData(element).get("tenantId") ?? ""));
    input.set("days", days);
    input.set("rules", JSON.stringify(rules));
    const names = rules.map((rule) => String(rule.name ?? ""));
    startTransition(async () => setRun({ state: await setup.action(null, input), draftIndex, names }));
  };

  const simulation = run?.state?.ok ? run.state.data : null;
  const errors = run ? errorsOf(run, form()) : [];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <label htmlFor={`${id}-days`} className="sr-only">Usage to replay</label>
          <Select id={`${id}-days`} value={days} onChange={(event) => setDays(event.target.value)} className="w-auto">
            <option value="7">Last 7 days</option>
            <option value="30">Last 30 days</option>
          </Select>
          <Button type="button" variant="secondary" onClick={simulate} disabled={pending}>
            {pending ? "Simulating…" : "Simulate"}
          </Button>
        </div>
        {children}
      </div>
      <div role="status" className="text-sm">
        {pending ? "Simulating…"
          : errors.length ? <div className="text-rose-700 dark:text-rose-400">Not simulated: {errors.join(" ")}</div>
          : simulation ? summaryOf(simulation) : null}
      </div>
      {!pending && simulation && simulation.total.requests > 0 && <SimulationTable simulation={simulation} draftIndex={run!.draftIndex} />}
    </div>
  );
}
