// SAML metadata parsing against fixtures shaped like real IdPs' metadata, with certificates made by OpenSSL
// (see fixtures/README.md): what is read from valid metadata, and the precise refusal of each broken case.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseSamlMetadata, SAML_METADATA_MAX_BYTES } from "../../lib/domain/idp/saml";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const certificateBase64 = (name: string) => fixture(name).replace(/-----[A-Z ]+-----|\s/g, "");

const NOW = new Date("2026-06-01T00:00:00Z");
const VALID_FINGERPRINT = "12:0E:0E:12:1F:61:71:CA:2F:DE:FE:1B:80:F6:8C:C7:15:FF:D6:8F:86:30:47:68:C3:3E:A7:3E:01:DC:82:2A";
const REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

/** Minimal md:-prefixed metadata; each option breaks one thing. */
function metadata({
  entityId = 'entityID="https://idp.example.com/saml"',
  sso = `<md:SingleSignOnService Binding="${REDIRECT}" Location="https://idp.example.com/sso"/>`,
  keyDescriptor = `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBase64("valid-cert.pem")}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
} = {}) {
  return `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ${entityId}>
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    ${keyDescriptor}
    ${sso}
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

const withCertificate = (base64: string) =>
  metadata({ keyDescriptor: `<md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` });

const errorOf = (xml: string, now = NOW) => {
  const result = parseSamlMetadata(xml, now);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.metadata)}`);
  return result.error;
};

describe("parseSamlMetadata: valid metadata", () => {
  // Both fixtures carry the same signing certificate, valid-cert.pem.
  const validCertificate = {
    subject: "CN=idp.example.com, O=Example IdP",
    issuer: "CN=idp.example.com, O=Example IdP",
    validFrom: "2025-01-01T00:00:00.000Z",
    validTo: "2045-01-01T00:00:00.000Z",
    fingerprintSha256: VALID_FINGERPRINT,
    pem: fixture("valid-cert.pem"),
  };

  it.each([
    ["md:/ds:-prefixed metadata, preferring the HTTP-Redirect binding and skipping the encryption key", "metadata-prefixed.xml", {
      entityId: "http://www.okta.com/exk1example",
      ssoUrl: "https://example.okta.com/app/exk1example/sso/saml?redirect=1",
      ssoBinding: "HTTP-Redirect",
    }],
    ["metadata without prefixes (default namespaces), a KeyDescriptor without use, and POST as the only binding", "metadata-unprefixed.xml", {
      entityId: "https://sts.windows.net/00000000-0000-0000-0000-000000000000/",
      ssoUrl: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/saml2",
      ssoBinding: "HTTP-POST",
    }],
  ])("reads %s", (_, name, read) => {
    expect(parseSamlMetadata(fixture(name), NOW)).toEqual({ ok: true, metadata: { ...read, certificates: [validCertificate] } });
  });

  it("takes the one identity provider out of an EntitiesDescriptor", () => {
    const inner = fixture("metadata-unprefixed.xml").replace(/<\?xml[^>]*\?>/, "");
    const result = parseSamlMetadata(`<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata">${inner}</EntitiesDescriptor>`, NOW);
    expect(result).toMatchObject({ ok: true, metadata: { entityId: "https://sts.windows.net/00000000-0000-0000-0000-000000000000/" } });
  });
});

describe("parseSamlMetadata: several signing certificates (a key rotation)", () => {
  const signing = (name: string, use = ' use="signing"') =>
    `<md:KeyDescriptor${use}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBase64(name)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
  const certificatesOf = (xml: string, now = NOW) => {
    const result = parseSamlMetadata(xml, now);
    if (!result.ok) throw new Error(result.error);
    return result.metadata.certificates;
  };
  const subjectsOf = (xml: string, now = NOW) => certificatesOf(xml, now).map((certificate) => [certificate.subject, certificate.validTo]);

  it("keeps every signing certificate, expired ones too, in the metadata's order, and skips the encryption key", () => {
    expect(subjectsOf(fixture("metadata-rotation.xml"))).toEqual([
      ["CN=old-idp.example.com, O=Example IdP", "2024-05-01T00:00:00.000Z"],
      ["CN=idp.example.com, O=Example IdP", "2045-01-01T00:00:00.000Z"],
    ]);
    const [expired, valid] = certificatesOf(fixture("metadata-rotation.xml"));
    expect(expired.pem).toBe(fixture("expired-cert.pem"));
    expect(valid).toMatchObject({ fingerprintSha256: VALID_FINGERPRINT, pem: fixture("valid-cert.pem") });
  });

  it("accepts the metadata while at least one certificate is valid: a new one not valid yet beside the current one", () => {
    expect(subjectsOf(metadata({ keyDescriptor: signing("valid-cert.pem") + signing("future-cert.pem", "") }))).toEqual([
      ["CN=idp.example.com, O=Example IdP", "2045-01-01T00:00:00.000Z"],
      ["CN=next-idp.example.com, O=Example IdP", "2050-01-01T00:00:00.000Z"],
    ]);
    // and once the current one has expired, the next one carries it
    expect(subjectsOf(metadata({ keyDescriptor: signing("valid-cert.pem") + signing("future-cert.pem") }), new Date("2046-01-01T00:00:00Z"))).toHaveLength(2);
  });

  it("lists a certificate published twice (under use=\"signing\" and without use) once", () => {
    expect(subjectsOf(metadata({ keyDescriptor: signing("valid-cert.pem") + signing("valid-cert.pem", "") }))).toEqual([
      ["CN=idp.example.com, O=Example IdP", "2045-01-01T00:00:00.000Z"],
    ]);
  });

  it("refuses metadata whose certificates have all expired, naming each", () => {
    expect(errorOf(fixture("metadata-all-expired.xml"))).toBe(
      "None of the 2 signing certificates is valid now: CN=retired-idp.example.com, O=Example IdP expired on 2023-05-01; " +
        "CN=old-idp.example.com, O=Example IdP expired on 2024-05-01.",
    );
    expect(errorOf(fixture("metadata-rotation.xml"), new Date("2045-01-02T00:00:00Z"))).toMatch(/^None of the 2 signing certificates is valid now: /);
    expect(errorOf(metadata({ keyDescriptor: signing("expired-cert.pem") + signing("future-cert.pem") }))).toBe(
      "None of the 2 signing certificates is valid now: CN=old-idp.example.com, O=Example IdP expired on 2024-05-01; " +
        "CN=next-idp.example.com, O=Example IdP is not valid until 2040-01-01.",
    );
  });

  it("refuses the metadata when one of its certificates is unreadable, saying which", () => {
    const garbage = `<md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>bm90IGEgY2VydGlmaWNhdGU=</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
    expect(errorOf(metadata({ keyDescriptor: signing("valid-cert.pem") + garbage }))).toBe("Signing certificate 2 of 2 is not a readable X.509 certificate.");
  });
});

describe("parseSamlMetadata: each broken case names its problem", () => {
  it("refuses what is not XML", () => {
    expect(errorOf("entityID=https://idp.example.com")).toBe("This is not XML: SAML metadata starts with <?xml or <EntityDescriptor.");
    expect(errorOf("   ")).toBe("The metadata is empty: paste the XML your identity provider publishes.");
  });

  it("refuses XML that is not well-formed, with the parser's line", () => {
    const broken = metadata().replace("</md:IDPSSODescriptor>", "");
    expect(errorOf(broken)).toMatch(/^The metadata is not well-formed XML \(line 7\): .*IDPSSODescriptor/);
  });

  it("refuses a DOCTYPE rather than reading entities", () => {
    const xml = `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${metadata().replace(/<\?xml[^>]*\?>/, "")}`;
    expect(errorOf(xml)).toBe("The metadata contains a DOCTYPE declaration; SAML metadata has none, remove it.");
  });

  it("refuses metadata over 256 KB", () => {
    const padded = metadata().replace("<md:IDPSSODescriptor", `<!-- ${"x".repeat(SAML_METADATA_MAX_BYTES)} --><md:IDPSSODescriptor`);
    expect(errorOf(padded)).toBe("The metadata is larger than 256 KB; paste the metadata of one identity provider.");
  });

  it("refuses a document without an EntityDescriptor", () => {
    expect(errorOf(`<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>`)).toBe("The metadata has no EntityDescriptor element.");
  });

  it("refuses an EntityDescriptor without entityID", () => {
    expect(errorOf(metadata({ entityId: "" }))).toBe("The EntityDescriptor has no entityID attribute.");
  });

  it("refuses a service provider's metadata (no IDPSSODescriptor)", () => {
    const sp = metadata().replaceAll("IDPSSODescriptor", "SPSSODescriptor");
    expect(errorOf(sp)).toBe("The metadata describes no identity provider: it has no IDPSSODescriptor element (is this a service provider's metadata?).");
  });

  it("refuses an IdP without a SingleSignOnService, or with only unsupported bindings", () => {
    expect(errorOf(metadata({ sso: "" }))).toBe("The identity provider has no SingleSignOnService.");
    const artifactOnly = `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="https://idp.example.com/sso"/>`;
    expect(errorOf(metadata({ sso: artifactOnly }))).toBe("The identity provider has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.");
  });

  it("refuses an SSO URL that is not https", () => {
    const http = `<md:SingleSignOnService Binding="${POST}" Location="http://idp.example.com/sso"/>`;
    expect(errorOf(metadata({ sso: http }))).toBe("The single sign-on URL must use https: http://idp.example.com/sso");
  });

  it("refuses metadata without a signing certificate (an encryption key does not count)", () => {
    expect(errorOf(metadata({ keyDescriptor: "" }))).toBe(
      'The metadata has no signing certificate (a KeyDescriptor with an X509Certificate, use="signing" or no use).',
    );
    const encryptionOnly = `<md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBase64("valid-cert.pem")}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
    expect(errorOf(metadata({ keyDescriptor: encryptionOnly }))).toMatch(/^The metadata has no signing certificate/);
  });

  it("refuses a certificate that is not X.509: valid base64 of garbage, and not base64 at all", () => {
    expect(errorOf(withCertificate(Buffer.from("certainly not DER").toString("base64")))).toBe("The signing certificate is not a readable X.509 certificate.");
    expect(errorOf(withCertificate("MIIC!!not*base64"))).toBe("The signing certificate is not a readable X.509 certificate.");
  });

  it("refuses an expired certificate, naming the day it expired", () => {
    expect(errorOf(withCertificate(certificateBase64("expired-cert.pem")))).toBe("The signing certificate expired on 2024-05-01.");
    // the valid one too, once its time has passed
    expect(errorOf(metadata(), new Date("2045-01-02T00:00:00Z"))).toBe("The signing certificate expired on 2045-01-01.");
  });

  it("refuses metadata past its validUntil, naming the day and the element that carries it", () => {
    const xml = fixture("metadata-valid-until.xml");
    expect(parseSamlMetadata(xml, new Date("2026-02-28T23:59:59Z"))).toMatchObject({ ok: true, metadata: { entityId: "https://idp.example.org/simplesaml/saml2/idp/metadata.php" } });
    expect(errorOf(xml)).toBe("The metadata expired on 2026-03-01 (validUntil of its EntityDescriptor): download a current copy from the identity provider.");
    // on the group around it, with no zone (UTC, as SAML's times are)
    const inner = fixture("metadata-unprefixed.xml").replace(/<\?xml[^>]*\?>/, "");
    const grouped = `<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" validUntil="2026-05-31T12:00:00">${inner}</EntitiesDescriptor>`;
    expect(errorOf(grouped)).toBe("The metadata expired on 2026-05-31 (validUntil of its EntitiesDescriptor): download a current copy from the identity provider.");
    expect(parseSamlMetadata(grouped, new Date("2026-05-31T11:59:59Z")).ok).toBe(true);
    expect(errorOf(xml.replace("2026-03-01T00:00:00Z", "next spring"))).toBe("The EntityDescriptor's validUntil is not a date and time: next spring");
  });

  it("refuses a certificate that is not valid yet, naming the day it starts", () => {
    expect(errorOf(withCertificate(certificateBase64("future-cert.pem")))).toBe("The signing certificate is not valid until 2040-01-01.");
  });
});
