// The demo world the seed builds: people for every role and staff role, and tenants in every status, kind
// and plan. Identities here are also what the local GitHub-compatible sign-in server offers.
import type { MemberRole, StaffRole, TenantKind, TenantPlan, TenantStatus } from "../lib/db/generated/enums";

export interface DemoPerson {
  /**
   * Negative, which no GitHub account's id is, so no real account can ever sign in as a demo person; sign-in takes
   * one only in the local demo (lib/mode.ts). Until migration 20261203090000_demo_identities_off_github these were
   * the positive ids of real GitHub accounts.
   */
  githubId: number;
  login: string;
  name: string;
  email: string;
  staffRole?: StaffRole;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { githubId: -100001, login: "olivia-owner", name: "Olivia Owner", email: "olivia@acme.example" },
  { githubId: -100002, login: "max-member", name: "Max Member", email: "max@acme.example" },
  { githubId: -100003, login: "vera-viewer", name: "Vera Viewer", email: "vera@acme.example" },
  { githubId: -100004, login: "sam-sales", name: "Sam Sales", email: "sam@gatehouse.example", staffRole: "sales" },
  { githubId: -100005, login: "ada-admin", name: "Ada Admin", email: "ada@gatehouse.example", staffRole: "admin" },
  { githubId: -100006, login: "sue-support", name: "Sue Support", email: "sue@gatehouse.example", staffRole: "support" },
  { githubId: -100007, login: "gus-globex", name: "Gus Globex", email: "gus@globex.example" },
  { githubId: -100008, login: "ina-initech", name: "Ina Initech", email: "ina@initech.example" },
  { githubId: -100009, login: "bruce-wayne", name: "Bruce Wayne", email: "bruce@wayne.example" },
  { githubId: -100010, login: "pepper-stark", name: "Pepper Potts", email: "pepper@stark.example" },
  { githubId: -100011, login: "gavin-hooli", name: "Gavin Belson", email: "gavin@hooli.example" },
  { githubId: -100012, login: "eldon-tyrell", name: "Eldon Tyrell", email: "eldon@tyrell.example" },
  { githubId: -100013, login: "alice-umbrella", name: "Alice Marcus", email: "alice@umbrella.example" },
  { githubId: -100014, login: "sol-soylent", name: "Sol Roth", email: "sol@soylent.example" },
  { githubId: -100015, login: "miles-cyberdyne", name: "Miles Dyson", email: "miles@cyberdyne.example" },
  { githubId: -100016, login: "dana-demo", name: "Dana Demo", email: "dana@gatehouse.example" },
];

export interface DemoTenant {
  slug: string;
  name: string;
  status: TenantStatus;
  kind: TenantKind;
  plan: TenantPlan;
  /** days from now; negative = in the past */
  trialEndsInDays?: number;
  /** when the current status began, days ago */
  statusSinceDays: number;
  erpCustomerId?: string;
  stripeCustomerId?: string;
  contract?: [string, string];
  /** the login of the staff person who owns the account */
  salesOwner?: string;
  /** what a freeze told the tenant's people, on their frozen banner */
  statusMessage?: string;
  monthlyBudgetUsd?: number;
  /** relative share of the demo usage */
  traffic: number;
  members: [login: string, role: MemberRole][];
}

export const DEMO_TENANTS: DemoTenant[] = [
  { slug: "acme", name: "Acme Corp", status: "active", kind: "customer", plan: "enterprise", statusSinceDays: 300,
    erpCustomerId: "ERP-1001", stripeCustomerId: "cus_Acme0001", contract: ["2026-01-01", "2027-12-31"],
    salesOwner: "sam-sales", monthlyBudgetUsd: 2500, traffic: 30,
    members: [["olivia-owner", "owner"], ["max-member", "member"], ["vera-viewer", "viewer"]] },
  { slug: "globex", name: "Globex", status: "active", kind: "customer", plan: "pro", statusSinceDays: 200,
    erpCustomerId: "ERP-1002", stripeCustomerId: "cus_Globex002", contract: ["2026-03-01", "2027-02-28"],
    salesOwner: "sam-sales", monthlyBudgetUsd: 800, traffic: 15,
    members: [["gus-globex", "owner"], ["vera-viewer", "viewer"]] },
  { slug: "initech", name: "Initech", status: "trial", kind: "customer", plan: "starter", statusSinceDays: 9,
    trialEndsInDays: 5, salesOwner: "sam-sales", traffic: 6,
    members: [["ina-initech", "owner"], ["olivia-owner", "member"]] },
  { slug: "umbrella", name: "Umbrella Health", status: "trial", kind: "customer", plan: "pro", statusSinceDays: 10,
    trialEndsInDays: 20, salesOwner: "sam-sales", traffic: 5, members: [["alice-umbrella", "owner"]] },
  { slug: "soylent", name: "Soylent Foods", status: "trial", kind: "customer", plan: "starter", statusSinceDays: 12,
    trialEndsInDays: 2, salesOwner: "ada-admin", traffic: 4, members: [["sol-soylent", "owner"]] },
  { slug: "hooli", name: "Hooli", status: "frozen", kind: "customer", plan: "pro", statusSinceDays: 10,
    erpCustomerId: "ERP-1006", stripeCustomerId: "cus_Hooli0006", salesOwner: "sam-sales", traffic: 8,
    statusMessage: "Your account is on hold while an invoice is overdue: please settle it or write to us.",
    members: [["gavin-hooli", "owner"]] },
  { slug: "tyrell", name: "Tyrell Systems", status: "frozen", kind: "customer", plan: "enterprise", statusSinceDays: 40,
    erpCustomerId: "ERP-1007", contract: ["2025-06-01", "2026-09-30"], salesOwner: "ada-admin", traffic: 6,
    members: [["eldon-tyrell", "owner"]] },
  { slug: "vandelay", name: "Vandelay Industries", status: "archived", kind: "customer", plan: "starter",
    statusSinceDays: 120, salesOwner: "sam-sales", traffic: 0, members: [] },
  { slug: "stark", name: "Stark Industries", status: "active", kind: "customer", plan: "enterprise", statusSinceDays: 400,
    erpCustomerId: "ERP-1009", stripeCustomerId: "cus_Stark0009", contract: ["2025-11-01", "2028-10-31"],
    salesOwner: "ada-admin", monthlyBudgetUsd: 5000, traffic: 14, members: [["pepper-stark", "owner"]] },
  { slug: "wayne", name: "Wayne Enterprises", status: "active", kind: "customer", plan: "pro", statusSinceDays: 150,
    erpCustomerId: "ERP-1010", stripeCustomerId: "cus_Wayne0010", salesOwner: "sam-sales", traffic: 7,
    members: [["bruce-wayne", "owner"]] },
  { slug: "cyberdyne", name: "Cyberdyne", status: "active", kind: "customer", plan: "free", statusSinceDays: 60,
    traffic: 2, members: [["miles-cyberdyne", "owner"]] },
  { slug: "demo-sandbox", name: "Gatehouse Demo", status: "demo", kind: "demo", plan: "free", statusSinceDays: 90,
    traffic: 3, members: [["dana-demo", "owner"], ["max-member", "viewer"]] },
  { slug: "demo-retired", name: "Retired Demo", status: "archived", kind: "demo", plan: "free", statusSinceDays: 200,
    traffic: 0, members: [] },
];

/** A pending invitation, so the demo can show an invited person signing in. */
export const DEMO_INVITATION = { tenant: "acme", email: "newhire@acme.example", role: "member" as MemberRole };

export const DEMO_MODELS: [provider: string, model: string][] = [
  ["openai", "gpt-4o"], ["openai", "gpt-4o-mini"], ["openai", "gpt-4-turbo"], ["openai", "gpt-3.5-turbo"],
  ["anthropic", "claude-3.5-sonnet"], ["anthropic", "claude-3-haiku"], ["anthropic", "claude-3-opus"],
  ["mistral", "mistral-large"], // no price on file: its cost shows as unknown
];
export const DEMO_FEATURES = ["chat", "summarize", "search", "classify", "extract"];
export const DEMO_TEAMS = ["platform", "growth", "support", "research"];
