// A caller's classes win over a primitive's where they conflict, and only there (shadcn's cn over cva).
import { describe, expect, it } from "vitest";
import { cn } from "@/lib/utils";
import { buttonVariants } from "@/components/ui/button";
import { badgeVariants } from "@/components/ui/badge";

describe("cn and the primitives' variants", () => {
  it("lets a later padding replace an earlier one and keeps what does not conflict", () => {
    expect(cn("px-3 py-1.5 text-sm", "px-4")).toBe("py-1.5 text-sm px-4");
  });

  it("lets a caller's px-4 override the button's px-3, whatever the variant", () => {
    const classes = cn(buttonVariants({ variant: "danger" }), "px-4").split(" ");
    expect(classes).toContain("px-4");
    expect(classes).not.toContain("px-3");
    expect(classes).toContain("bg-rose-700");
  });

  it("gives the default variant when none is asked for", () => {
    expect(buttonVariants().split(" ")).toContain("bg-zinc-900");
    expect(badgeVariants().split(" ")).toContain("bg-zinc-100");
  });
});
