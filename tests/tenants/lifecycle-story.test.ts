// What the lifecycle section says happened: never a trial end that has not come, after a freeze or an activation.
import { describe, expect, it } from "vitest";
import { lifecycleStory, type LifecycleFacts } from "../../lib/domain/tenants/lifecycle-story";

const now = new Date("2026-12-03T12:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const facts = (given: Partial<LifecycleFacts>): LifecycleFacts => ({
  status: "trial", statusChangedAt: day("2026-11-20"), trialEndsAt: null, contractStart: null, contractEnd: null, ...given,
});

describe("lifecycleStory", () => {
  it("a running trial says when it ends; one past its end, not yet frozen, that it ended", () => {
    expect(lifecycleStory(facts({ trialEndsAt: new Date("2026-12-10T09:30:00Z") }), now)).toBe("Trial ends 2026-12-10 09:30 UTC");
    expect(lifecycleStory(facts({ trialEndsAt: day("2026-12-01") }), now)).toBe("Trial ended on 2026-12-01");
  });

  it("a trial frozen early says so, with the end it would have had, not that its trial ended", () => {
    const frozenEarly = facts({ status: "frozen", statusChangedAt: new Date("2026-12-02T15:00:00Z"), trialEndsAt: day("2026-12-20") });
    expect(lifecycleStory(frozenEarly, now)).toBe("Frozen on 2026-12-02 before its trial end of 2026-12-20");
  });

  it("a trial frozen once it ended says that it ended", () => {
    const frozenByTheJob = facts({ status: "frozen", statusChangedAt: new Date("2026-12-01T01:00:00Z"), trialEndsAt: day("2026-12-01") });
    expect(lifecycleStory(frozenByTheJob, now)).toBe("Trial ended on 2026-12-01");
  });

  it("an activated tenant shows its contract, not the trial it had", () => {
    const activated = { status: "active" as const, statusChangedAt: day("2026-12-02"), trialEndsAt: day("2026-12-20"), contractStart: day("2026-12-02") };
    expect(lifecycleStory(facts({ ...activated, contractEnd: day("2027-12-01") }), now)).toBe("Contract from 2026-12-02 to 2027-12-01");
    expect(lifecycleStory(facts(activated), now)).toBe("Contract from 2026-12-02 until cancelled");
    expect(lifecycleStory(facts({ ...activated, contractStart: null }), now)).toMatch(/^No contract on record yet/);
  });

  it("a frozen customer shows its contract rather than a trial it once had", () => {
    const frozenCustomer = facts({ status: "frozen", statusChangedAt: day("2026-11-30"), trialEndsAt: day("2025-05-01"), contractStart: day("2025-05-01") });
    expect(lifecycleStory(frozenCustomer, now)).toBe("Contract from 2025-05-01 until cancelled");
  });

  it("says nothing more of a demo or an archived tenant", () => {
    expect(lifecycleStory(facts({ status: "demo" }), now)).toBeNull();
    expect(lifecycleStory(facts({ status: "archived", trialEndsAt: day("2026-12-20") }), now)).toBeNull();
  });
});
