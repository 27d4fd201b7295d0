import { describe, expect, it } from "vitest";
import { newEncryptionKeyring, open, seal } from "../../lib/crypto/secret-box";

describe("secret box", () => {
  it("round-trips with the newest key version and still opens older versions", () => {
    const v1 = newEncryptionKeyring();
    process.env.GATEHOUSE_ENCRYPTION_KEYS = v1;
    const old = seal("sk-old-secret");
    process.env.GATEHOUSE_ENCRYPTION_KEYS = `${v1},${newEncryptionKeyring().replace(/^1:/, "2:")}`;
    const fresh = seal("sk-new-secret");
    expect(old.keyVersion).toBe(1);
    expect(fresh.keyVersion).toBe(2);
    expect(open(old)).toBe("sk-old-secret");
    expect(open(fresh)).toBe("sk-new-secret");
    expect(Buffer.from(fresh.ciphertext).includes("sk-new-secret")).toBe(false);
  });

  it("refuses a tampered ciphertext", () => {
    process.env.GATEHOUSE_ENCRYPTION_KEYS = newEncryptionKeyring();
    const sealed = seal("sk-secret");
    sealed.ciphertext[sealed.ciphertext.length - 1] ^= 1;
    expect(() => open(sealed)).toThrow();
  });

  it("names the variable when the keyring is missing or malformed", () => {
    delete process.env.GATEHOUSE_ENCRYPTION_KEYS;
    expect(() => seal("x")).toThrow(/GATEHOUSE_ENCRYPTION_KEYS is not set/);
    process.env.GATEHOUSE_ENCRYPTION_KEYS = "1:short";
    expect(() => seal("x")).toThrow(/32 bytes/);
  });
});
