import { describe, expect, it } from "vitest";
import { initialsOf } from "../../lib/initials";

describe("a person's initials, for an avatar without a picture", () => {
  it("takes the first letter of the first and the last name", () => {
    expect(initialsOf("Olivia Owner")).toBe("OO");
    expect(initialsOf("  ada  lovelace king ")).toBe("AK");
    expect(initialsOf("Cher")).toBe("C");
    expect(initialsOf("élodie durand")).toBe("ÉD");
    expect(initialsOf("𝓐nna Smith")).toBe("𝓐S");
  });

  it("writes a question mark for a person without a name", () => {
    expect(initialsOf("")).toBe("?");
    expect(initialsOf("   ")).toBe("?");
  });
});
